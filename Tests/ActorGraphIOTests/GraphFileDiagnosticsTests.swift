import ActorGraph
import ActorGraphIO
import ActorGraphTestSupport
import Foundation
import Testing

/// The fixtures folder in the source tree (golden files are recorded there) and as a bundled resource.
private let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

private func fixture(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: sourceFixtures.appendingPathComponent(path)))
}

private struct FixtureTexts: GraphLoader.SourceTexts {
    func bytes(of file: String) -> [UInt8]? { try? fixture("texts/\(file)") }
    var location: String { "texts" }
}

/// Loads graph files by their fixture names (so messages name `bad/x.yaml`) with the test catalogue.
private func load(_ names: [String], catalogue: String = "catalogue.yaml", texts: Bool = false) throws -> Result<RelationGraph, DiagnosticsError> {
    try load(files: names.map { (name: $0, bytes: try fixture($0)) }, catalogue: catalogue, texts: texts)
}

/// Loads graph files given inline, named as they should appear in messages.
private func load(inline files: [(name: String, text: String)], catalogue: String = "catalogue.yaml", texts: Bool = false) throws -> Result<RelationGraph, DiagnosticsError> {
    try load(files: files.map { (name: $0.name, bytes: Array($0.text.utf8)) }, catalogue: catalogue, texts: texts)
}

private func load(files: [(name: String, bytes: [UInt8])], catalogue: String, texts: Bool) throws -> Result<RelationGraph, DiagnosticsError> {
    let catalogueFile = (name: catalogue, bytes: try fixture(catalogue))
    do {
        return .success(try GraphLoader.load(files: files, catalogue: catalogueFile, sourceTexts: texts ? FixtureTexts() : nil))
    } catch {
        return .failure(error)
    }
}

/// Compares with `bad/NAME.expected` (``Golden``: `RECORD_GOLDEN=1` rewrites it and fails).
private func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    Golden.expect(actual + "\n", matches: sourceFixtures.appendingPathComponent("bad/\(name).expected"), sourceLocation: sourceLocation)
}

@Suite("Graph file diagnostics")
struct GraphFileDiagnosticsTests {
    static let badFixtures = [
        "anchors", "bad-values", "billion-laughs", "citations", "colon-in-value", "control-character", "duplicate-ids",
        "duplicate-key", "empty", "invalid-utf8", "only-comments", "tabs", "tags", "two-documents", "unknown-keys",
        "unknown-references", "wrong-shapes", "yaml-syntax",
    ]

    @Test("every bad fixture gives its exact messages", arguments: badFixtures)
    func badFixture(_ name: String) throws {
        switch try load(["bad/\(name).yaml"]) {
        case .success:
            Issue.record("bad/\(name).yaml loaded without errors")
        case .failure(let error):
            try expectGolden(error.description, name)
        }
    }

    @Test func sourceTextsAreVerified() throws {
        let graphFile = (
            name: "citations-ok.yaml",
            text: """
                actors:
                  - {id: a, name: A, kind: state}
                  - {id: b, name: B, kind: state}
                relations:
                  - {from: a, to: b, type: meets, sources: [{source: doc, lines: "10"}], note: Last line.}
                """
        )
        // The right catalogue passes with the texts; the wrong one fails on hash, line count and a missing file.
        #expect((try? load(inline: [graphFile], texts: true).get())?.relationCount == 1)
        guard case .failure(let error) = try load(inline: [graphFile], catalogue: "bad-catalogue.yaml", texts: true) else {
            Issue.record("a wrong hash must fail")
            return
        }
        try expectGolden(error.description, "sha-mismatch")
    }

    @Test func duplicatesAcrossFilesNameBothPlaces() throws {
        let first = (name: "split-a.yaml", text: "actors:\n  - {id: russia, name: Russia, kind: state}\n")
        let second = (name: "split-b.yaml", text: "actors:\n  - id: russia\n    name: Russian Federation\n    kind: state\n")
        guard case .failure(let error) = try load(inline: [first, second]) else {
            Issue.record("a duplicate id across files must fail")
            return
        }
        #expect(
            error.description
                == "split-b.yaml:2:9: error: actor id 'russia' is defined twice (first at split-a.yaml:2:10)\n"
                + "  hint: give each actor its own id, or merge the two entries")
    }

    @Test func yamlOneOneTrapsDoNotBite() throws {
        let file = (
            name: "traps.yaml",
            text: """
            actors:
              - id: norway
                name: NO
                kind: state
                aliases: [010, "1:30", 1:30, yes, ~, 2020-02-28]
            """
        )
        let graph = try load(inline: [file]).get()
        #expect(graph.actors.first?.name == "NO")
        #expect(graph.actors.first?.aliases == ["010", "1:30", "1:30", "yes", "~", "2020-02-28"])
    }

    @Test func theBuiltInVocabularyAppliesWhenNoneIsDeclared() throws {
        let file = (
            name: "builtin.yaml",
            text: """
            actors:
              - {id: a, name: A, kind: state}
              - {id: b, name: B, kind: group}
            relations:
              - {from: a, to: b, type: designates_terrorist, date: 2003-02, sources: [{source: doc, lines: "1-2"}], note: Listed.}
            """
        )
        let graph = try load(inline: [file]).get()
        #expect(graph.vocabulary == .builtIn)
        #expect(graph.type(of: RelationIndex(0)).inverseLabel == "designated terrorist by")
        #expect(graph.date(of: RelationIndex(0))?.description == "2003-02")
    }
}
