import ActorGraphTestSupport
import Foundation
import Testing

/// Issue 17, item 12, made complete: betweenness says how long it will take before starting and can be estimated
/// from a sample; a time-respecting `path` and `render --path` stop at their `--timeout` like `path`'s listings.
@Suite("Bounded queries", .serialized)
struct QueryBoundCommandTests {
    /// 20,000 actors and 100,000 relations, compiled once for the suite: betweenness is minutes on it, a
    /// time-respecting path seconds (in a debug build).
    static let large: URL = {
        do {
            let folder = try temporaryFolder()
            let csv = folder.appendingPathComponent("g.csv").path
            let made = try runActorGraph(
                ["generate", "--actors", "20000", "--relations", "100000", "--seed", "2", "--format", "csv", "-o", csv,
                 "--actors-file", folder.appendingPathComponent("g.actors.csv").path])
            let compiled = try runActorGraph(["compile", csv, "-o", folder.appendingPathComponent("g.agraph").path])
            guard made.status == 0, compiled.status == 0 else { preconditionFailure(made.stderr + compiled.stderr) }
            return folder.appendingPathComponent("g.agraph")
        } catch {
            preconditionFailure("cannot make the large graph: \(error)")
        }
    }()

    @Test func betweennessSaysHowLongItWillTakeBeforeStarting() throws {
        let outcome = try runActorGraph(
            ["central", "--graph", Self.large.path, "--timeout", "1.5", "--format", "json"], timeout: 120)
        #expect(outcome.status == 6, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "standard output is the answer's alone")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        let note = lines.first ?? ""
        #expect(note.hasPrefix(
            "note: betweenness from 20,000 sources (one search each over 20,000 actors and 100,000 relations) needs about "),
            "\(note)")
        #expect(note.contains(" s, timed on "), "\(note)")
        #expect(note.contains("; --timeout 1.5 will stop it first, --sample "), "\(note)")
        #expect(note.hasSuffix(" estimates it in about 10 s"), "\(note)")
        #expect(lines.dropFirst().first?.hasPrefix("error: central --measure betweenness stopped by --timeout 1.5 after ") == true,
            "\(outcome.stderr)")
    }

    @Test func aSampledBetweennessSaysItIsAnEstimateAndIsRepeatable() throws {
        let arguments = ["central", "--graph", Self.large.path, "--sample", "8", "--seed", "3", "--top", "3"]
        let json = try runActorGraph(arguments + ["--format", "json"], timeout: 120)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        let sample = try #require(object["sample"] as? [String: Any])
        #expect(sample["sources"] as? Int == 8 && sample["of"] as? Int == 20000 && sample["seed"] as? Int == 3)
        #expect((object["actors"] as? [Any])?.count == 3)
        let again = try runActorGraph(arguments + ["--format", "json"], timeout: 120)
        #expect(again.stdout == json.stdout, "the same seed draws the same sources")
        let text = try runActorGraph(arguments, timeout: 120)
        #expect(text.stdout.hasSuffix(
            "(estimated from 8 of 20,000 actors as sources, --seed 3: approximate scores; leave out --sample for the exact ones)\n"),
            "\(text.stdout)")
    }

    @Test func aSampleOfEveryActorIsTheExactAnswer() throws {
        try withGraph(QueryTimeoutTests.completeGraph) { folder in
            let exact = try runActorGraph(["central", "--format", "json"], in: folder)
            let sampled = try runActorGraph(["central", "--format", "json", "--sample", "14"], in: folder)
            #expect(exact.status == 0 && sampled.status == 0)
            #expect(sampled.stdout == exact.stdout)
        }
        #expect(parseFailure(["central", "--measure", "pagerank", "--sample", "5"])?.contains(
            "--sample estimates betweenness; pagerank is computed whole (leave out --sample)") == true)
        #expect(parseFailure(["central", "--sample", "0"])?.contains("--sample must be at least 1") == true)
    }

    @Test func aTimeRespectingPathStopsAtItsTimeout() throws {
        for format in ["text", "json"] {
            let outcome = try runActorGraph(
                ["path", "a1", "a15000", "--graph", Self.large.path, "--time-respecting", "--temporal", "fastest",
                 "--timeout", "0.2", "--format", format], timeout: 120)
            #expect(outcome.status == 6, "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.hasPrefix("error: path --time-respecting stopped by --timeout 0.2 after "), "\(outcome.stderr)")
            #expect(outcome.stderr.contains(" s; nothing was printed\nhint: raise --timeout, or narrow the graph"), "\(outcome.stderr)")
        }
    }

    /// `render --path --all` collects its paths before drawing: its `--timeout` now stops the search too, with
    /// nothing written.
    @Test func renderStopsItsPathSearchAtItsTimeout() throws {
        try withGraph(QueryTimeoutTests.completeGraph) { folder in
            let output = folder.appendingPathComponent("chart.svg")
            let outcome = try runActorGraph(
                ["render", "--path", "a0", "a13", "--all", "--max-length", "13", "--limit", "5000000", "--timeout", "1",
                 "-o", output.path], in: folder, timeout: 120)
            #expect(!outcome.timedOut)
            #expect(outcome.status == 6, "\(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("error: render --path: the path search stopped by --timeout 1 after "), "\(outcome.stderr)")
            #expect(outcome.stderr.contains(" paths were found; nothing was written\nhint: raise --timeout, or lower --max-length"),
                "\(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
