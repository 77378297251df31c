import ActorGraphTestSupport
import Foundation
import Testing

/// `import` of an analyst's spreadsheet and of `generate`'s output, end to end with the built binary.
@Suite("import: spreadsheets")
struct SpreadsheetImportCommandTests {
    static let analyst = packageRoot.appendingPathComponent("Tests/ActorGraphIOTests/Fixtures/import/analyst.csv")

    /// Issue 15: re-importing `generate`'s CSV printed 20,000 error lines (every row lacked a note and a
    /// citation, which graph files no longer require) and refused the file.
    @Test func generatedOutputReimportsWithoutAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try runActorGraph(
            ["generate", "--actors", "500", "--relations", "10000", "--seed", "7", "--format", "csv", "-o", "g.csv"],
            in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        let imported = try runActorGraph(["import", "g.csv", "-o", "g.yaml"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = imported.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(lines.prefix(5))")
        #expect(imported.stderr.hasPrefix("imported 10000 relations and 500 new actors into g.yaml\n"))
        let check = try runActorGraph(["check", "--graph", "g.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("10000 (no citation yet"), "\(check.stdout)")
    }

    /// Ten thousand rows with the same problem print the first in full and one line for the rest, and the total
    /// counts every problem once.
    @Test func manyProblemsAreToldByKindWithTheRightTotal() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "source,target,type\n"
        for row in 0..<10_500 { text += "a\(row),b\(row),no_such_type\n" }
        try Data(text.utf8).write(to: folder.appendingPathComponent("e.csv"))
        let result = try runActorGraph(["import", "e.csv", "--no-graph", "--default-kind", "group", "-o", "e.yaml"], in: folder)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines.prefix(6))")
        #expect(lines.first == "e.csv:2:7: error: unknown relation type 'no_such_type'")
        #expect(lines.last == "10500 errors of 1 kind in e.csv; nothing was imported.")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("e.yaml").path))
    }

    @Test func skippingEveryRowIsAFailure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("from;to;relationship\nA;B;nope\nC;D;nope\n".utf8).write(to: folder.appendingPathComponent("e.csv"))
        let result = try runActorGraph(
            ["import", "e.csv", "--no-graph", "--default-kind", "group", "--skip-bad-rows", "-o", "e.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error: none of the 2 rows of e.csv could be imported (2 problems); nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("e.yaml").path))
    }

    /// The analyst's file against the seed graph: names resolve through its aliases (Türkiye and Turkey, USA and
    /// U.S. are one actor each there), every conversion is listed, and the written file loads with the graph.
    @Test func theAnalystsFileAddsToTheSeedGraph() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("graphs"), to: folder.appendingPathComponent("graphs"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("seeds"), to: folder.appendingPathComponent("seeds"))
        try FileManager.default.copyItem(at: Self.analyst, to: folder.appendingPathComponent("analyst.csv"))
        let ambiguous = try runActorGraph(["import", "analyst.csv", "--default-kind", "state", "-o", "graphs/analyst.yaml"], in: folder)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("analyst.csv:25:22: error: bad date: '05/03/2022' could be 5 March or May 3"))
        let result = try runActorGraph(
            ["import", "analyst.csv", "--default-kind", "state", "--day-first", "--skip-bad-rows", "-o", "graphs/analyst.yaml"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for expected in [
            "analyst.csv:27:20: warning: empty relation type",
            "analyst.csv:5:1: 'Türkiye' → turkey (a name or alias of 'Turkey')",
            "analyst.csv:8:1: 'U.S.' → usa (a name or alias of 'United States')",
            "analyst.csv:4:1: 'Zamir Kabulov' → kabulov (a name or alias of 'Zamir Kabulov')",
            "analyst.csv:3:22: '17/08/2021' → 2021-08-17 (day first (--day-first))",
            "analyst.csv:16:1: repeats line 11",
            "imported 29 relations and 3 new actors into graphs/analyst.yaml",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        let check = try runActorGraph(["check"], in: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Importing again into the same file is refused, not silently resolved against the old import.
        let again = try runActorGraph(
            ["import", "analyst.csv", "--default-kind", "state", "--day-first", "--skip-bad-rows", "-o", "graphs/analyst.yaml"],
            in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("is one of the graph files names are resolved against"))
    }

    /// A new case: an empty graphs folder. `import` and `types` use the same (built-in) vocabulary, and the
    /// import goes into that folder.
    @Test func aNewCaseUsesTheVocabularyTypesShows() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("graphs"), withIntermediateDirectories: true)
        let types = try runActorGraph(["types", "--format", "json"], in: folder)
        #expect(types.status == 0, "\(types.stderr)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(types.stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == 25)
        #expect(listed.contains { $0["name"] as? String == "recognizes" })
        try Data("from,to,relationship\nFreedonia,Sylvania,recognizes\nFreedonia,Sylvania,recognises\n".utf8)
            .write(to: folder.appendingPathComponent("e.csv"))
        let imported = try runActorGraph(
            ["import", "e.csv", "--default-kind", "state", "--skip-bad-rows", "-o", "graphs/e.yaml"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("e.csv:3:20: warning: unknown relation type 'recognises'"), "\(imported.stderr)")
        #expect(imported.stderr.contains("hint: did you mean 'recognizes'?"))
        let check = try runActorGraph(["check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func sourcesAddWritesTheReliability() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try Data("A report.\nLine two.\n".utf8).write(to: folder.appendingPathComponent("seeds/report.txt"))
        let bad = try runActorGraph(["sources", "add", "seeds/report.txt", "--reliability", "G"], in: folder)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--reliability 'G' is not A-F"))
        let added = try runActorGraph(
            ["sources", "add", "seeds/report.txt", "--reliability", "b", "--reliability-note", "A known desk."], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let catalogue = try String(contentsOfFile: folder.appendingPathComponent("seeds/sources.yaml").path, encoding: .utf8)
        #expect(catalogue.contains("    reliability: B\n    reliability_note: \"A known desk.\"\n"))
    }
}
