import Glibc
import Testing

@testable import Graphviz

/// These tests check the isolation mechanics with shell commands standing in for the worker
/// (`actorgraph render-worker` is tested end to end with the CLI). The renderer appends the
/// layout and format, which the scripts see as `$0` and `$1`.
private func shellWorker(
    _ script: String,
    timeout: Duration = .seconds(20),
    cpuSeconds: Int = 60,
    outputLimitBytes: Int = 1 << 30
) -> IsolatedRenderer {
    IsolatedRenderer(
        workerExecutable: "/bin/sh",
        workerArguments: ["-c", script],
        timeout: timeout,
        cpuSeconds: cpuSeconds,
        outputLimitBytes: outputLimitBytes
    )
}

private func renderError(_ renderer: IsolatedRenderer, dot: String = "digraph {}") -> GraphvizError? {
    do {
        _ = try renderer.render(dot: dot, layout: .neato, format: .svg)
        return nil
    } catch {
        return error
    }
}

@Test func theWorkerGetsLayoutAndFormatAsItsLastArguments() throws {
    let bytes = try shellWorker(#"printf '%s %s' "$0" "$1""#).render(dot: "", layout: .twopi, format: .pdf)
    #expect(String(decoding: bytes, as: UTF8.self) == "twopi pdf")
}

@Test func inputGoesToTheWorkerAndOutputComesBack() throws {
    let dot = "digraph \"G\" { \"n0\" [label=\"Россия & \\\"Талибан\\\"\"] }"
    let bytes = try shellWorker("exec cat").render(dot: dot, layout: .dot, format: .svg)
    #expect(bytes == Array(dot.utf8))
}

@Test func largeInputAndOutputDoNotDeadlock() throws {
    // The worker writes 10 MB before it reads anything: a parent that first writes all of stdin
    // and only then reads stdout would wait forever with both pipe buffers full.
    let input = String(repeating: "0123456789", count: 1_000_000)
    let bytes = try shellWorker("head -c 10000000 /dev/zero; exec cat").render(dot: input, layout: .dot, format: .svg)
    #expect(bytes.count == 20_000_000)
    #expect(bytes.prefix(10_000_000).allSatisfy { $0 == 0 })
    #expect(Array(bytes.suffix(10_000_000)) == Array(input.utf8))
}

@Test func aWorkerThatIgnoresItsInputDoesNotKillUs() throws {
    // Writing to a reader that has gone raises SIGPIPE unless the write avoids it.
    let input = String(repeating: "x", count: 5_000_000)
    let bytes = try shellWorker("printf ok").render(dot: input, layout: .dot, format: .svg)
    #expect(bytes == Array("ok".utf8))
}

@Test func aCrashIsReportedWithTheSignalAndTheStage() throws {
    let error = try #require(renderError(shellWorker(#"printf '\n#stage layout\n' >&2; kill -SEGV $$"#)))
    #expect(error.cause == .crashed(signal: SIGSEGV))
    #expect(error.stage == .layout)
    #expect(error.message.hasPrefix("the renderer crashed (a Graphviz bug, signal 11: SIGSEGV)"))
    #expect(error.message.contains("while laying out the graph with neato"))
}

@Test func aCrashKeepsGraphvizsLastMessages() throws {
    let script = #"printf '\n#stage layout\nError: trouble in init_rank\n' >&2; kill -ABRT $$"#
    let error = try #require(renderError(shellWorker(script)))
    #expect(error.cause == .crashed(signal: SIGABRT))
    #expect(error.message.contains("SIGABRT"))
    #expect(error.message.hasSuffix("its last messages:\nError: trouble in init_rank"))
}

@Test func theDeadlineKillsTheWorkerAndItsChildrenPromptly() throws {
    let start = ContinuousClock.now
    // `sleep` runs as a child of the shell, so only killing the process group ends it; until
    // then it holds stdout open.
    let error = try #require(renderError(shellWorker("sleep 100; echo late", timeout: .milliseconds(300))))
    let elapsed = ContinuousClock.now - start
    #expect(error.cause == .timedOut(after: .milliseconds(300)))
    #expect(error.message == "layout took longer than 300 ms; try --layout sfdp, --no-labels or a smaller selection")
    // Generous bound: this checks that we do not wait for the 100 s sleep, not how fast we are.
    #expect(elapsed < .seconds(15))
}

@Test func theTimeoutMessageUsesSeconds() throws {
    let renderer = shellWorker("sleep 5", timeout: .seconds(1))
    let error = try #require(renderError(renderer))
    #expect(error.message.hasPrefix("layout took longer than 1 s;"))
}

@Test func theCPULimitEndsABusyWorker() throws {
    let error = try #require(renderError(shellWorker("while :; do :; done", cpuSeconds: 1)))
    #expect(error.cause == .crashed(signal: SIGXCPU))
    #expect(error.message.contains("more than 1 s of CPU time"))
}

@Test func workerLimitsAreSet() throws {
    let bytes = try shellWorker("ulimit -v; ulimit -t; ulimit -c").render(dot: "", layout: .dot, format: .svg)
    #expect(String(decoding: bytes, as: UTF8.self) == "2097152\n60\n0\n")
}

@Test func theWorkerGetsACleanEnvironment() throws {
    setenv("ACTORGRAPH_TEST_SECRET", "leak", 1)
    let bytes = try shellWorker("env").render(dot: "", layout: .dot, format: .svg)
    let names = Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.prefix { $0 != "=" } })
    // dash adds PWD itself.
    let allowed = Set(["PATH", "LANG", "PWD", "SWIFT_BACKTRACE", "ACTORGRAPH_RENDER_PARENT"] + IsolatedRenderer.passedEnvironment)
    #expect(names.isSubset(of: allowed.map { Substring($0) }))
    #expect(names.contains("PATH"))
}

@Test func aGraphvizErrorReportKeepsItsStageAndMessage() throws {
    let script = [
        #"printf '\n#stage parse\nError: <stdin>: syntax error\n\n#error parse\n' >&2"#,
        #"printf 'Error: <stdin>: syntax error in line 1' >&2"#,
        "exit 1",
    ].joined(separator: "; ")
    let error = try #require(renderError(shellWorker(script)))
    #expect(error == GraphvizError(stage: .parse, message: "Error: <stdin>: syntax error in line 1"))
}

@Test func anUnexpectedExitShowsTheWorkersOutput() throws {
    let error = try #require(renderError(shellWorker("echo 'out of memory' >&2; exit 3")))
    #expect(error.cause == .workerExited(status: 3))
    #expect(error.message == "the renderer exited with status 3 while starting; its last messages:\nout of memory")
}

@Test func tooMuchOutputIsRefused() throws {
    let error = try #require(renderError(shellWorker("head -c 1000000 /dev/zero", outputLimitBytes: 1000)))
    #expect(error.cause == .outputTooLarge(limitBytes: 1000))
}

@Test func aMissingWorkerIsALaunchFailure() throws {
    let renderer = IsolatedRenderer(workerExecutable: "/nonexistent/actorgraph", workerArguments: ["render-worker"])
    let error = try #require(renderError(renderer))
    #expect(error.cause == .launchFailed(errno: ENOENT))
    #expect(error.stage == .worker)
}

@Test func workersRunInParallel() async throws {
    let renderer = shellWorker("exec cat")
    let outputs = try await withThrowingTaskGroup(of: [UInt8].self) { group in
        for index in 0..<8 {
            group.addTask { try renderer.render(dot: "graph \(index)", layout: .dot, format: .svg) }
        }
        var outputs: [String] = []
        for try await bytes in group { outputs.append(String(decoding: bytes, as: UTF8.self)) }
        return outputs
    }
    #expect(Set(outputs) == Set((0..<8).map { "graph \($0)" }))
}

@Test func waitStatusesDecode() {
    #expect(ChildProcess.termination(fromWaitStatus: 0) == .exited(status: 0))
    #expect(ChildProcess.termination(fromWaitStatus: 3 << 8) == .exited(status: 3))
    #expect(ChildProcess.termination(fromWaitStatus: 11) == .signaled(signal: 11))
    #expect(ChildProcess.termination(fromWaitStatus: 0x80 | 6) == .signaled(signal: 6))
}

@Test func workerProtocolParsesStagesErrorsAndNoise() {
    let text = "\n#stage parse\nWarning: a\n\n#stage layout\nError: b\n\n#error layout\nmessage line 1\nline 2\n"
    let report = WorkerProtocol.parse(standardError: Array(text.utf8))
    #expect(report.lastStage == .layout)
    #expect(report.error?.stage == .layout)
    #expect(report.error?.message == "message line 1\nline 2")
    #expect(report.otherText == "Warning: a\n\nError: b")
}
