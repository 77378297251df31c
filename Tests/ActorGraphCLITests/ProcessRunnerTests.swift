import ActorGraphTestSupport
import Foundation
import Testing

/// The tests' one process runner: files not pipes, a hang bound, signals told apart from exits.
@Suite("The test kit's process runner")
struct ProcessRunnerTests {
    @Test func aChildPastItsTimeoutIsKilledAndSaysSo() throws {
        let result = try runProcess(URL(fileURLWithPath: "/bin/sleep"), ["30"], timeout: 0.3)
        #expect(result.timedOut)
        #expect(result.signaled)
        #expect(result.status == SIGKILL)
    }

    @Test func moreOutputThanAPipeHoldsDoesNotBlock() throws {
        // 1 MiB on each stream: a pipe (64 KiB) read after the exit would block the child forever.
        let script = "head -c 1048576 /dev/zero; head -c 1048576 /dev/zero >&2; exit 3"
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script], timeout: 60)
        #expect(!result.timedOut)
        #expect(result.status == 3 && !result.signaled)
        #expect(result.stdoutBytes.count == 1_048_576 && result.stderrBytes.count == 1_048_576)
    }

    @Test func standardInputEnvironmentAndFolderReachTheChild() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "cat; printf ' %s %s' \"$GREETING\" \"$(pwd)\""], stdin: "in",
            in: folder, environment: ["GREETING": "hello"])
        #expect(result.stdout == "in hello \(folder.resolvingSymlinksInPath().path)")
    }
}
