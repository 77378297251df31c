import ActorGraph
import ActorGraphTestSupport
import Foundation
import Testing

@testable import ActorGraphIO

/// Issue 15: a document column naming a text the catalogue lacks leaves a stub in the catalogue, which `check`
/// lists with the command that completes it, and `sources add` on the real file replaces.
@Suite("catalogue stubs")
struct CatalogueStubTests {
    private let memo = "Memo on the harbour talks\nThe two delegations met at the port.\nNo agreement was signed.\n"

    private func read(_ folder: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func anImportedDocumentBecomesAStubThatSourcesAddCompletes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = FileManager.default
        try files.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try files.createDirectory(at: folder.appendingPathComponent("graphs"), withIntermediateDirectories: true)
        try Data("Another text\n".utf8).write(to: folder.appendingPathComponent("seeds/other.txt"))
        let added = try runActorGraph(["sources", "add", "seeds/other.txt", "--id", "other"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        try Data("source,target,type,source_doc\nAlpha,Beta,meets,harbour-memo.txt\nBeta,Gamma,meets,harbour-memo.txt\n".utf8)
            .write(to: folder.appendingPathComponent("rows.csv"))
        let imported = try runActorGraph(["import", "rows.csv", "--default-kind", "group", "-o", "graphs/rows.yaml"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("rows.csv:2:18: 'harbour-memo.txt' (2 rows): kept as attribute 'document'; catalogue stub 'harbour-memo' added"))
        let catalogue = try read(folder, "seeds/sources.yaml")
        #expect(catalogue.hasSuffix("""
              - id: harbour-memo
                file: "harbour-memo.txt"
                title: "harbour-memo.txt"
                stub: "made by actorgraph import from rows.csv:2:18; complete it: actorgraph sources add seeds/harbour-memo.txt --id harbour-memo"

            """), "\(catalogue)")
        // check lists the stub and how to complete it; --require-sources refuses it.
        let checked = try runActorGraph(["check"], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("Catalogue stubs to complete (1)"))
        #expect(checked.stdout.contains(
            "seeds/sources.yaml:9:5: harbour-memo (file harbour-memo.txt): put the text at seeds/harbour-memo.txt, then run: "
                + "actorgraph sources add seeds/harbour-memo.txt --id harbour-memo (it replaces the stub)"), "\(checked.stdout)")
        let strict = try runActorGraph(["check", "--require-sources"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("seeds/sources.yaml:9:5: error: source 'harbour-memo' is a catalogue stub"), "\(strict.stderr)")
        // sources list shows it with 'stub' for its lines; sources verify names it and the command.
        let listed = try runActorGraph(["sources", "list"], in: folder)
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("harbour-memo") && $0.contains(" stub ") })
        let verified = try runActorGraph(["sources", "verify"], in: folder)
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("Stub to complete: seeds/sources.yaml:9:5: harbour-memo: put the text at seeds/harbour-memo.txt"))
        // Importing again adds no second stub.
        let again = try runActorGraph(["import", "rows.csv", "--default-kind", "group", "-o", "rows2.yaml", "--no-graph"], in: folder)
        #expect(again.stderr.contains("catalogue stub 'harbour-memo' already there"), "\(again.stderr)")
        #expect(try read(folder, "seeds/sources.yaml") == catalogue)
        // sources add on the real text replaces the stub in place; the rows then cite it.
        try Data(memo.utf8).write(to: folder.appendingPathComponent("seeds/harbour-memo.txt"))
        let completed = try runActorGraph(["sources", "add", "seeds/harbour-memo.txt"], in: folder)
        #expect(completed.status == 0, "\(completed.stderr)")
        let after = try read(folder, "seeds/sources.yaml")
        #expect(!after.contains("stub:"))
        #expect(after.components(separatedBy: "- id: harbour-memo\n").count == 2)
        try files.removeItem(at: folder.appendingPathComponent("graphs/rows.yaml"))
        let cited = try runActorGraph(["import", "rows.csv", "--default-kind", "group", "-o", "graphs/rows.yaml"], in: folder)
        #expect(cited.status == 0, "\(cited.stderr)")
        #expect(try read(folder, "graphs/rows.yaml").contains("source: harbour-memo, lines: \"1-3\""))
        let clean = try runActorGraph(["check", "--sources", "seeds"], in: folder)
        #expect(clean.status == 0 && !clean.stdout.contains("stub"), "\(clean.stdout)\(clean.stderr)")
    }

    @Test func aStubHasNoHashOrLines() throws {
        let text = "sources:\n  - id: memo\n    file: memo.txt\n    sha256: abc\n    stub: \"by hand\"\n"
        #expect(throws: DiagnosticsError.self) {
            _ = try GraphLoader.load(files: [], catalogue: ("c.yaml", Array(text.utf8)), sourceTexts: nil)
        }
        let stub = "sources:\n  - id: memo\n    file: memo.txt\n    stub: \"by hand\"\n"
        let graph = try GraphLoader.load(files: [], catalogue: ("c.yaml", Array(stub.utf8)), sourceTexts: nil)
        #expect(graph.sources.isEmpty)
        #expect(SourceCatalogue.stubs(in: Array(stub.utf8), name: "c.yaml").map { "\($0.location) \($0.id) \($0.lines)" } == ["c.yaml:2:5 memo 2...4"])
    }

    private static let entry = """
        sources:
          - id: memo
            file: notes/memo.txt
            title: Memo
            sha256: \(String(repeating: "a", count: 64))
            lines: 3

        """

    private func loadErrors(_ text: String) -> [String] {
        do {
            _ = try GraphLoader.load(files: [], catalogue: ("c.yaml", Array(text.utf8)), sourceTexts: nil)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location): \($0.message)" }
        }
    }

    /// A stub repeating a full entry (its id, or its file by the last path component) or another stub's id is an error
    /// naming both places: `sources add` would replace the stub with the entry, and a citation could mean either.
    @Test func aStubThatRepeatsAnEntryIsAnError() {
        #expect(loadErrors(Self.entry + "  - id: memo\n    file: other.txt\n    stub: \"by hand\"\n") == [
            "c.yaml:7:9: the stub 'memo' has the id of the catalogue entry at c.yaml:2:9"
        ])
        #expect(loadErrors(Self.entry + "  - id: memo-2\n    file: memo.txt\n    stub: \"by hand\"\n") == [
            "c.yaml:8:11: the stub 'memo-2' names the file 'memo.txt', which the entry 'memo' at c.yaml:2:9 already catalogues"
        ])
        let twice = "sources:\n  - id: a\n    file: a.txt\n    stub: x\n  - id: a\n    file: b.txt\n    stub: y\n"
        #expect(loadErrors(twice) == ["c.yaml:5:9: the stub id 'a' is used twice (first at c.yaml:2:9)"])
        #expect(loadErrors(Self.entry + "  - id: memo-2\n    file: other.txt\n    stub: \"by hand\"\n").isEmpty)
    }

    /// A document cell naming a catalogued text by its path (`seeds/other.txt`) cites that entry: no stub is written.
    @Test func aDocumentNamedByItsPathCitesTheEntry() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try Data("A note on the quay\nThe two sides met.\n".utf8).write(to: folder.appendingPathComponent("seeds/quay-note.txt"))
        let added = try runActorGraph(["sources", "add", "seeds/quay-note.txt"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let catalogue = try read(folder, "seeds/sources.yaml")
        try Data("source,target,type,source_doc\nAlpha,Beta,meets,seeds/quay-note.txt\n".utf8)
            .write(to: folder.appendingPathComponent("rows.csv"))
        let imported = try runActorGraph(["import", "rows.csv", "--default-kind", "group", "-o", "rows.yaml"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("stub"), "\(imported.stderr)")
        #expect(try read(folder, "rows.yaml").contains("source: quay-note, lines: \"1-2\""))
        #expect(try read(folder, "seeds/sources.yaml") == catalogue)
    }
}
