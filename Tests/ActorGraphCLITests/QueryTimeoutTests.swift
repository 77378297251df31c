import ActorGraphTestSupport
import Foundation
import Testing

/// Work that could run for minutes (issue 17, item 12): `path` prints its paths as it finds them, `--timeout` and
/// Ctrl-C stop `path` and `central` cleanly, with what was found marked incomplete and how to go further.
@Suite("Query timeouts and streaming", .serialized)
struct QueryTimeoutTests {
    /// A complete graph of 14 actors: hundreds of billions of paths join a0 and a13.
    static let completeGraph: String = {
        var text = "actors:\n"
        for index in 0..<14 { text += "  - {id: a\(index), name: A\(index), kind: group}\n" }
        text += "relations:\n"
        for first in 0..<14 {
            for second in (first + 1)..<14 {
                text += "  - {from: a\(first), to: a\(second), type: meets, date: \"2021\"}\n"
            }
        }
        return text
    }()

    static let endless = ["path", "a0", "a13", "--all", "--max-length", "13", "--limit", "100000000"]

    @Test func aTimedOutListingShowsItsPathsMarkedIncomplete() throws {
        try withGraph(Self.completeGraph) { folder in
            let outcome = try runActorGraph(Self.endless + ["--timeout", "1"], in: folder, timeout: 120)
            #expect(!outcome.timedOut)
            #expect(outcome.status == 6, "\(outcome.stderr)")
            let lines = outcome.stdout.split(separator: "\n")
            #expect(lines.first == "Path 1 (1 step, 1 relation):")
            #expect(lines.last?.hasPrefix("(incomplete: the search was stopped by --timeout 1 after ") == true, "\(lines.last ?? "")")
            #expect(outcome.stderr.hasPrefix("error: path stopped by --timeout 1 after "), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("the output is marked incomplete; more paths may exist\nhint: raise --timeout, or lower --max-length or --limit"))
        }
    }

    @Test func aTimedOutJSONListingStillParses() throws {
        try withGraph(Self.completeGraph) { folder in
            let outcome = try runActorGraph(Self.endless + ["--timeout", "1", "--format", "json"], in: folder, timeout: 120)
            #expect(outcome.status == 6, "\(outcome.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdoutBytes)) as? [String: Any])
            #expect(object["complete"] as? Bool == false)
            #expect(object["stopped_by"] as? String == "timeout")
            let paths = try #require(object["paths"] as? [[String: Any]])
            #expect(!paths.isEmpty)
            #expect(paths.allSatisfy { ($0["actors"] as? [String])?.first == "a0" && ($0["actors"] as? [String])?.last == "a13" })
        }
    }

    /// Ctrl-C closes the JSON array and object, then exits 130 as a shell reports a command SIGINT ended.
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalClosesTheStreamedJSON(signal: Int32) throws {
        try withGraph(Self.completeGraph) { folder in
            let output = folder.appendingPathComponent("out.json")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let command = Process()
            command.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // The test runner's threads block signals and a child inherits the mask (see RenderSignalTests).
            command.arguments = [
                "python3", "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                productsDirectory.appendingPathComponent("actorgraph").path,
            ] + Self.endless + ["--format", "json"]
            command.currentDirectoryURL = folder
            command.standardOutput = try FileHandle(forWritingTo: output)
            command.standardError = FileHandle.nullDevice
            try command.run()
            // Paths are on their way out before the signal: the answer streams.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline,
                ((try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0) < 10_000
            {
                usleep(20_000)
            }
            kill(command.processIdentifier, signal)
            let ended = DispatchSemaphore(value: 0)
            DispatchQueue.global().async { command.waitUntilExit(); ended.signal() }
            if ended.wait(timeout: .now() + 30) == .timedOut { kill(command.processIdentifier, SIGKILL) }
            command.waitUntilExit()
            #expect(command.terminationReason == .exit && command.terminationStatus == 128 + signal)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
            #expect(object["stopped_by"] as? String == (signal == SIGINT ? "SIGINT" : "SIGTERM"))
            #expect(((object["paths"] as? [Any])?.count ?? 0) > 0)
        }
    }

    @Test func aTimedOutBetweennessSaysHowFarItCameAndPrintsNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.yaml").path
        let made = try runActorGraph(["generate", "--actors", "5000", "--relations", "30000", "--seed", "2", "-o", graph])
        try #require(made.status == 0, "\(made.stderr)")
        let outcome = try runActorGraph(
            ["central", "--graph", graph, "--measure", "betweenness", "--timeout", "0.2"], in: folder, timeout: 120)
        #expect(outcome.status == 6, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        // After the estimate's note, when the searches it times end before the deadline.
        let message = String(outcome.stderr[(outcome.stderr.range(of: "error: ")?.lowerBound ?? outcome.stderr.startIndex)...])
        #expect(message.hasPrefix("error: central --measure betweenness stopped by --timeout 0.2 after "), "\(outcome.stderr)")
        #expect(message.contains(" of 5,000 sources were done"), "\(message)")
        #expect(message.contains("nothing was printed\nhint: raise --timeout"), "\(message)")
    }

    @Test func aFinishedQueryIsUnchangedByItsTimeout() throws {
        try withGraph(Self.completeGraph) { folder in
            for format in ["text", "json"] {
                let plain = try runActorGraph(["path", "a0", "a13", "--all", "--max-length", "3", "--limit", "7", "--format", format], in: folder)
                let watched = try runActorGraph(
                    ["path", "a0", "a13", "--all", "--max-length", "3", "--limit", "7", "--format", format, "--timeout", "600"],
                    in: folder)
                #expect(plain.status == 0 && watched.status == 0)
                #expect(plain.stdout == watched.stdout)
                #expect(plain.stdout.contains("more paths exist") || plain.stdout.contains("\"truncated\": true"))
            }
        }
    }

    @Test func aTimeoutMustBePositiveAndSane() {
        for value in ["0", "nan", "1000000"] {
            let message = parseFailure(["central", "--timeout", value])
            #expect(message?.contains("--timeout must be more than 0 and at most 604800 seconds") == true, "\(value): \(message ?? "accepted")")
        }
        #expect(parseFailure(["path", "a", "b", "--all", "--timeout", "2.5"]) == nil)
    }
}
