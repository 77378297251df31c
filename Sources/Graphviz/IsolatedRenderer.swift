import Glibc

/// Renders DOT in a child process, so a Graphviz crash, hang or runaway allocation costs one
/// render instead of the whole program.
///
/// Graphviz 2.42/2.43 segfaults on small hostile inputs (`concentrate=true` with parallel edges,
/// `newrank=true` with a node in two clusters, huge `weight`s, `splines=ortho`) and aborts in
/// `gvFreeLayout` after a failed layout. The child is started through `/bin/sh`, whose `ulimit`
/// sets the address-space, CPU-time and core-file limits before it `exec`s the worker; it gets a
/// clean environment, its own process group and a wall-clock deadline after which the whole group
/// is killed.
///
/// The worker is `workerExecutable workerArguments… <layout> <format>` and must follow the
/// `RenderWorker` protocol; `actorgraph render-worker` is the real one.
public struct IsolatedRenderer: Sendable {
    public let workerExecutable: String
    public let workerArguments: [String]
    public let timeout: Duration
    public let addressSpaceLimitBytes: Int
    public let cpuSeconds: Int
    public let outputLimitBytes: Int

    /// Environment variables passed through to the worker when set: they only steer how
    /// fonts and Graphviz plugins are found. Everything else is left behind.
    static let passedEnvironment = ["FONTCONFIG_FILE", "FONTCONFIG_PATH", "GDFONTPATH", "GVBINDIR"]

    /// - Parameters:
    ///   - workerExecutable: Absolute path of the worker program.
    ///   - workerArguments: Arguments before the layout and format, e.g. `["render-worker"]`.
    ///   - timeout: Wall-clock limit for the whole render.
    ///   - addressSpaceLimitBytes: `RLIMIT_AS` of the worker; allocations beyond it fail.
    ///   - cpuSeconds: `RLIMIT_CPU` of the worker; beyond it the kernel sends SIGXCPU.
    ///   - outputLimitBytes: Largest accepted output; a bigger one fails the render.
    public init(
        workerExecutable: String,
        workerArguments: [String],
        timeout: Duration = .seconds(30),
        addressSpaceLimitBytes: Int = 2 << 30,
        cpuSeconds: Int = 60,
        outputLimitBytes: Int = 1 << 30
    ) {
        self.workerExecutable = workerExecutable
        self.workerArguments = workerArguments
        self.timeout = timeout
        self.addressSpaceLimitBytes = addressSpaceLimitBytes
        self.cpuSeconds = cpuSeconds
        self.outputLimitBytes = outputLimitBytes
    }

    /// Renders `dot` in a fresh worker process and returns its output.
    ///
    /// Blocks the calling thread until the worker finishes or the deadline passes. Safe to call
    /// from several threads: each call has its own worker.
    ///
    /// - Throws: `GraphvizError`: Graphviz's own error with its stage, or a crash, timeout,
    ///   oversized output or launch failure explained in `message`.
    public func render(dot: String, layout: GraphvizLayout, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        let result = try run(arguments: [layout.rawValue, format.rawValue], input: Array(dot.utf8))
        let report = WorkerProtocol.parse(standardError: result.standardError)
        let doing = Self.activity(report.lastStage, layout: layout, format: format)
        switch result.termination {
        case .exited(status: 0):
            return result.standardOutput
        case .exited(let status):
            if let error = report.error {
                throw GraphvizError(stage: error.stage, message: error.message)
            }
            throw GraphvizError(
                stage: report.lastStage ?? .worker,
                cause: .workerExited(status: status),
                message: "the renderer exited with status \(status) while \(doing)" + Self.detail(report.otherText)
            )
        case .signaled(let signal):
            let name = Self.signalName(signal)
            let message =
                if signal == SIGXCPU {
                    "the renderer used more than \(cpuSeconds) s of CPU time (\(name)) while \(doing); "
                        + "try --layout sfdp, --no-labels or a smaller selection"
                } else if signal == SIGKILL {
                    "the renderer was killed (signal \(signal): \(name), by the CPU-time limit or the "
                        + "system's out-of-memory killer) while \(doing)"
                } else {
                    "the renderer crashed (a Graphviz bug, signal \(signal): \(name)) while \(doing)"
                }
            throw GraphvizError(
                stage: report.lastStage ?? .worker,
                cause: .crashed(signal: signal),
                message: message + Self.detail(report.otherText)
            )
        case .deadlineExceeded:
            let what = report.lastStage == .render ? "rendering" : "layout"
            throw GraphvizError(
                stage: report.lastStage ?? .worker,
                cause: .timedOut(after: timeout),
                message: "\(what) took longer than \(Self.format(timeout)); "
                    + "try --layout sfdp, --no-labels or a smaller selection"
            )
        case .outputLimitExceeded:
            throw GraphvizError(
                stage: .render,
                cause: .outputTooLarge(limitBytes: outputLimitBytes),
                message: "the rendered \(format.rawValue) is larger than \(outputLimitBytes) bytes"
            )
        }
    }

    /// Runs the worker with `arguments` appended; internal so tests can drive any command.
    func run(arguments: [String], input: [UInt8]) throws(GraphvizError) -> ChildProcess.Result {
        guard access(workerExecutable, X_OK) == 0 else {
            let code = errno
            throw GraphvizError(
                stage: .worker,
                cause: .launchFailed(errno: code),
                message: "cannot run the renderer \(workerExecutable): \(String(cString: strerror(code)))"
            )
        }
        // `ulimit -v` counts KiB. The CPU soft limit is below the hard one because at the soft
        // limit the kernel sends SIGXCPU (which we can name), at the hard one SIGKILL, and with
        // equal limits SIGKILL wins; the soft one is set first, as a hard limit below the soft one
        // is EINVAL. `exec "$0" "$@"` replaces the shell, so the limits, the process group and the
        // pid all belong to the worker itself.
        let cpu = max(1, cpuSeconds)
        let addressSpaceKiB = max(1, addressSpaceLimitBytes / 1024)
        let script = [
            "ulimit -c 0", "ulimit -v \(addressSpaceKiB)", "ulimit -S -t \(cpu)", "ulimit -H -t \(cpu + 5)",
            #"exec "$0" "$@""#,
        ].joined(separator: " && ")
        let process = ChildProcess(
            executable: "/bin/sh",
            arguments: ["-c", script, workerExecutable] + workerArguments + arguments,
            environment: Self.workerEnvironment(),
            timeout: timeout,
            outputLimitBytes: outputLimitBytes
        )
        do {
            return try process.run(input: input)
        } catch {
            throw GraphvizError(
                stage: .worker,
                cause: .launchFailed(errno: error.errno),
                message: "cannot start the renderer: \(String(cString: strerror(error.errno)))"
            )
        }
    }

    static func workerEnvironment() -> [String] {
        // The Swift runtime's crash backtracer would bury Graphviz's last messages under a page of
        // registers (and take time); the crash is reported by signal instead.
        var environment = [
            "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no",
            "\(WorkerGroups.parentVariable)=\(getpid())",
        ]
        for name in passedEnvironment {
            if let value = getenv(name) { environment.append("\(name)=\(String(cString: value))") }
        }
        return environment
    }

    private static func activity(
        _ stage: GraphvizError.Stage?,
        layout: GraphvizLayout,
        format: GraphvizFormat
    ) -> String {
        switch stage {
        case .parse: "reading the DOT"
        case .layout: "laying out the graph with \(layout.rawValue)"
        case .render: "writing \(format.rawValue)"
        case .worker, nil: "starting"
        }
    }

    private static func detail(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        // The last lines are the useful ones (Graphviz's final complaint before dying).
        let lines = text.split(separator: "\n").suffix(5)
        return "; its last messages:\n" + lines.joined(separator: "\n")
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL",
            SIGKILL: "SIGKILL", SIGXCPU: "SIGXCPU", SIGTRAP: "SIGTRAP", SIGTERM: "SIGTERM", SIGSYS: "SIGSYS",
            SIGPIPE: "SIGPIPE", SIGXFSZ: "SIGXFSZ",
        ]
        return names[signal] ?? "signal \(signal)"
    }

    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return "\(milliseconds) ms"
    }
}
