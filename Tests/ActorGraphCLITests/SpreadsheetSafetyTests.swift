import ActorGraphTestSupport
import Foundation
import Testing

/// Every CSV or TSV ActorGraph writes neutralises formula cells unless told `--no-safe-spreadsheet` (issue 17, item 11).
@Suite("CSV formula neutralisation")
struct SpreadsheetSafetyTests {
    private static let graph = """
        actors:
          - {id: a, name: "=HYPERLINK(\\"http://x\\")", kind: state}
          - {id: b, name: "@b", kind: state, description: "+desc"}
        relations:
          - {from: a, to: b, type: meets, date: 2021-03-15, note: "-2+3+cmd|' /C calc'!A0",
             attributes: {depth: "-12.5"}, sources: [{source: doc, lines: "1"}]}
        sources:
          - {id: doc, title: Doc, file: doc.txt, language: en, summary: S, lines: 9,
             sha256: "0000000000000000000000000000000000000000000000000000000000000000"}

        """

    /// The commands and the files they write, each read as one text.
    private static let commands: [(name: String, arguments: [String], files: [String])] = [
        ("relations", ["relations", "--format", "csv"], []),
        ("timeline", ["timeline", "a", "--format", "csv"], []),
        ("actors", ["actors", "--format", "csv"], []),
        ("export csv", ["export", "--format", "csv", "-o", "e.csv", "--actors-file", "e.actors.csv"], ["e.csv", "e.actors.csv"]),
        ("export tsv", ["export", "--format", "tsv", "-o", "e.tsv", "--actors-file", "e.actors.tsv"], ["e.tsv", "e.actors.tsv"]),
        ("neo4j", ["export", "--format", "neo4j", "-o", "neo"], ["neo/actors.csv", "neo/relations.csv"]),
    ]

    private func output(_ arguments: [String], files: [String], in folder: URL) throws -> String {
        let result = try runActorGraph(arguments, in: folder)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        var text = result.stdout
        for file in files {
            text += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        }
        return text
    }

    @Test(arguments: commands.map(\.name))
    func formulaCellsAreNeutralisedByDefault(_ name: String) throws {
        let command = Self.commands.first { $0.name == name }!
        try withGraph(Self.graph) { folder in
            let safe = try output(command.arguments, files: command.files, in: folder)
            #expect(safe.contains("'=HYPERLINK(") && !safe.contains(",=HYPERLINK(") && !safe.contains("\t=HYPERLINK("), "\(safe)")
            if name != "actors" {
                #expect(safe.contains("'-2+3+cmd|"), "\(safe)")
                #expect(safe.contains("-12.5") && !safe.contains("'-12.5"), "a number stays a number: \(safe)")
            }
            if name == "actors" || name.hasPrefix("export") || name == "neo4j" {
                #expect(safe.contains("'@b") && safe.contains("'+desc"), "\(safe)")
            }
            let raw = try output(command.arguments + ["--no-safe-spreadsheet"], files: command.files, in: folder)
            #expect(!raw.contains("'=") && !raw.contains("'-2") && !raw.contains("'@b"), "\(raw)")
        }
    }

    @Test func theFlagIsRefusedWhereNoCSVIsWritten() throws {
        try withGraph(Self.graph) { folder in
            let result = try runActorGraph(["relations", "--format", "json", "--no-safe-spreadsheet"], in: folder)
            #expect(result.status != 0)
            #expect(result.stderr.contains("--no-safe-spreadsheet goes with --format csv"), "\(result.stderr)")
        }
    }

    /// The default (neutralised) edge list still loads, and the unneutralised one round-trips the names exactly.
    @Test func exportedEdgeListsReadBack() throws {
        try withGraph(Self.graph) { folder in
            for extra in [[], ["--no-safe-spreadsheet"]] {
                let export = try runActorGraph(
                    ["export", "--format", "csv", "-o", "e.csv", "--actors-file", "e.actors.csv"] + extra, in: folder)
                #expect(export.status == 0, "\(export.stderr)")
                let actors = try runActorGraph(["actors", "--graph", "e.csv", "--format", "json"], in: folder)
                #expect(actors.status == 0, "\(actors.stderr)")
                let name = extra.isEmpty ? "'=HYPERLINK" : "\"=HYPERLINK"
                #expect(actors.stdout.contains(name), "\(actors.stdout)")
            }
        }
    }
}
