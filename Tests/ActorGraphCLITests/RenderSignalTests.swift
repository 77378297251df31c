import ActorGraphTestSupport
import Foundation
import Testing

/// The Graphviz worker never outlives `render` (issue 17, item 5): a signal to the command ends the worker's
/// process group, and a worker whose parent dies any other way is killed by the kernel (`PR_SET_PDEATHSIG`).
@Suite("Render worker and signals", .serialized)
struct RenderSignalTests {
    /// `nil` once `pid` is gone or a zombie (dead, waiting for a reaper); its parent's pid while it runs.
    private func runningParent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 1, fields[0] != "Z", fields[0] != "X" else { return nil }
        return pid_t(fields[1])
    }

    /// Children of `parent`, found by scanning /proc (the kernel's `children` file is not always built in).
    private func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { runningParent(of: $0) == parent }
    }

    /// Polls `condition` every 10 ms for up to `seconds`.
    private func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalToRenderEndsItsWorker(signal: Int32) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.yaml").path
        // 600 relations in the degraded dot profile: seconds of layout, far longer than the half second below.
        let made = try runActorGraph(["generate", "--actors", "300", "--relations", "600", "--seed", "3", "-o", graph])
        try #require(made.status == 0, "\(made.stderr)")
        // The test runner's threads block these signals and a child inherits the mask; python3 clears it and
        // execs, so the command starts as it would from a shell.
        let render = Process()
        render.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        render.arguments = [
            "python3", "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
            productsDirectory.appendingPathComponent("actorgraph").path,
            "render", "--graph", graph, "-o", folder.appendingPathComponent("out.svg").path, "--timeout", "600",
        ]
        render.standardError = FileHandle.nullDevice
        try render.run()
        var worker: pid_t?
        _ = eventually(within: 60) {
            worker = children(of: render.processIdentifier).first
            return worker != nil
        }
        let workerID = try #require(worker, "the render started no worker")
        kill(render.processIdentifier, signal)
        render.waitUntilExit()
        #expect(render.terminationReason == .uncaughtSignal && render.terminationStatus == signal)
        let ended = eventually(within: 0.5) { runningParent(of: workerID) == nil }
        if !ended { kill(workerID, SIGKILL) }
        #expect(ended, "the worker \(workerID) kept running after the command got signal \(signal)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.svg").path))
    }

    @Test func aWorkerWhoseParentDiesIsKilled() throws {
        // The worker blocks reading standard input, a pipe we hold open; its parent, a shell, exits after two seconds.
        var input: [Int32] = [-1, -1]
        try #require(pipe(&input) == 0)
        defer {
            close(input[0])
            close(input[1])
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            // A background job's standard input is /dev/null unless redirected, hence descriptor 3.
            "-c", "exec 3<&0; \"$0\" render-worker dot svg <&3 >/dev/null 2>&1 3<&- & echo $!; exec 0<&- 3<&-; sleep 2",
            productsDirectory.appendingPathComponent("actorgraph").path,
        ]
        let pidPipe = Pipe()
        shell.standardOutput = pidPipe
        shell.standardError = FileHandle.nullDevice
        shell.standardInput = FileHandle(fileDescriptor: input[0], closeOnDealloc: false)
        try shell.run()
        shell.waitUntilExit()
        let text = String(decoding: pidPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let workerID = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let ended = eventually(within: 2) { runningParent(of: workerID) == nil }
        if !ended { kill(workerID, SIGKILL) }
        #expect(ended, "the worker \(workerID) outlived its parent")
    }
}
