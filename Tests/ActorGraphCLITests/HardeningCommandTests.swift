import ActorGraphTestSupport
import Foundation
import Testing

/// Smaller defects of issue 17 (items 6 and 13), end to end with the built binary.
@Suite("Hardening: refusals and messages")
struct HardeningCommandTests {
    @Test func aDefaultCitationBeyondTheSourcesLinesIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = folder.appendingPathComponent("e.csv")
        try Data("source,target,type,date\nru,tb,meets,2021\n".utf8).write(to: edges)
        let output = folder.appendingPathComponent("out.yaml").path
        let result = try runActorGraph([
            "import", edges.path, "--default-kind", "group", "--default-citation", "op-2023-why-cooperate:1-100000",
            "--default-note", "n", "-o", output,
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error: --default-citation cites lines 1-100000 of 'op-2023-why-cooperate', which has "),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func theErrorTotalCountsProblemsBeyondThoseShown() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // One problem a row (the actors' kinds are given): 10,050 in all, of which 10,000 are listed.
        var text = "source,target,type,date,source_kind,target_kind\n"
        for _ in 0..<10_050 { text += "ru,tb,no-such-type,2021,state,group\n" }
        let edges = folder.appendingPathComponent("bad.csv")
        try Data(text.utf8).write(to: edges)
        let result = try runActorGraph(["check", "--graph", edges.path], in: folder)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last == "10050 errors found.", "\(lines.suffix(3))")
        #expect(lines.dropLast().last?.hasSuffix("error: 50 more problems not shown") == true, "\(lines.suffix(3))")
        let export = try runActorGraph(["export", "--graph", edges.path, "--format", "json"], in: folder)
        #expect(export.stderr.split(separator: "\n").last == "10050 errors in the graph; nothing was loaded.")
    }

    @Test func aFileThatCannotBeReadSaysWhy() throws {
        try withGraph("actors: []\n") { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("graphs/folder.yaml"), withIntermediateDirectories: true)
            let result = try runActorGraph(["check"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("graphs/folder.yaml: error: cannot read the file: it is a folder, not a file\n"), "\(result.stderr)")
            let device = try runActorGraph(["check", "--graph", "/dev/zero"], in: folder)
            #expect(device.stderr.hasPrefix("/dev/zero: error: cannot read the file: it is a device or socket, not a file\n"))
        }
    }

    /// `compile` wrote line counts its own snapshot reader refused ("a count of 99999999999 is out of range", whose
    /// hint, compile again, looped). Every reader now stops at `Citation.maximumLine`, which a snapshot holds.
    @Test func lineNumbersStopWhereSnapshotsCanHoldThem() throws {
        func graph(lines: String, cited: String) -> String {
            """
            sources:
              - {id: doc, title: Doc, file: doc.txt, language: en, summary: S, lines: \(lines),
                 sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
            actors:
              - {id: a, name: A, kind: state}
              - {id: b, name: B, kind: state}
            relations:
              - {from: a, to: b, type: meets, sources: [{source: doc, lines: "\(cited)"}], note: Big.}

            """
        }
        try withGraph(graph(lines: "99999999999", cited: "99999999990-99999999999")) { folder in
            let result = try runActorGraph(["compile", "graphs", "-o", "g.agraph"], in: folder)
            #expect(result.status == 1)
            #expect(
                result.stderr.hasPrefix(
                    "graphs/graph.yaml:2:75: error: 'lines' must be a whole number from 1 to 2147483647, found '99999999999'\n"
                        + "graphs/graph.yaml:8:66: error: 'lines' '99999999990-99999999999' goes past line 2147483647\n"),
                "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("g.agraph").path))
        }
        // The largest line compiles, and the snapshot reads back with the same citation.
        try withGraph(graph(lines: "2147483647", cited: "2147483640-2147483647")) { folder in
            let compiled = try runActorGraph(["compile", "graphs", "-o", "g.agraph"], in: folder)
            #expect(compiled.status == 0, "\(compiled.stderr)")
            let relations = try runActorGraph(["relations", "--graph", "g.agraph", "--format", "json"], in: folder)
            #expect(relations.status == 0, "\(relations.stderr)")
            #expect(relations.stdout.contains("\"lines\": \"2147483640-2147483647\""), "\(relations.stdout)")
        }
    }
}
