import ActorGraphTestSupport
import Foundation
import Testing

/// A query maps its snapshot and uses the arrays in place (issue 16): a file another program shortens while the
/// query runs makes the missing pages raise SIGBUS, which must end the command with a message naming the file and
/// status 1, not a crash.
@Suite("Snapshot mapping", .serialized)
struct SnapshotMappingTests {
    @Test func aSnapshotShortenedDuringAQueryIsAnErrorNotACrash() throws {
        try withGraph(QueryTimeoutTests.completeGraph) { folder in
            let snapshot = folder.appendingPathComponent("g.agraph").path
            let compiled = try runActorGraph(["compile", "graphs", "-o", snapshot], in: folder)
            try #require(compiled.status == 0, "\(compiled.stderr)")
            let output = folder.appendingPathComponent("out.txt"), errors = folder.appendingPathComponent("err.txt")
            for file in [output, errors] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
            let command = Process()
            command.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // The test runner's threads block signals and a child inherits the mask (see RenderSignalTests).
            command.arguments = [
                "python3", "-c",
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                productsDirectory.appendingPathComponent("actorgraph").path,
            ] + QueryTimeoutTests.endless + ["--timeout", "60", "--graph", snapshot]
            command.currentDirectoryURL = folder
            command.standardOutput = try FileHandle(forWritingTo: output)
            command.standardError = try FileHandle(forWritingTo: errors)
            try command.run()
            // The query is under way (paths streaming out) before the file is cut.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline,
                ((try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0) < 10_000
            {
                usleep(20_000)
            }
            #expect(truncate(snapshot, 0) == 0)
            let ended = DispatchSemaphore(value: 0)
            DispatchQueue.global().async { command.waitUntilExit(); ended.signal() }
            if ended.wait(timeout: .now() + 90) == .timedOut { kill(command.processIdentifier, SIGKILL) }
            command.waitUntilExit()
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            #expect(command.terminationReason == .exit && command.terminationStatus == 1, "\(message)")
            #expect(
                message.hasSuffix(
                    "actorgraph: error: \(snapshot): the snapshot file was shortened by another program while this "
                        + "command read it; any output above is incomplete. Run the command again.\n"), "\(message)")
        }
    }

    /// The same query reads the same answer whether the snapshot is mapped (a query) or read and checked whole.
    @Test func aMappedSnapshotAnswersAsTheGraphItWasCompiledFrom() throws {
        try withGraph(QueryTimeoutTests.completeGraph) { folder in
            let snapshot = folder.appendingPathComponent("g.agraph").path
            try #require(try runActorGraph(["compile", "graphs", "-o", snapshot], in: folder).status == 0)
            for query in [["path", "a0", "a13", "--all", "--max-length", "2"], ["show", "a3"], ["neighbors", "a5"]] {
                let fromFile = try runActorGraph(query + ["--format", "json"], in: folder)
                let fromSnapshot = try runActorGraph(query + ["--format", "json", "--graph", snapshot], in: folder)
                #expect(fromFile.status == 0 && fromSnapshot.status == 0, "\(fromSnapshot.stderr)")
                #expect(fromFile.stdout == fromSnapshot.stdout, "\(query)")
            }
        }
    }
}
