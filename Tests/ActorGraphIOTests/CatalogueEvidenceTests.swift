import ActorGraph
import ActorGraphIO
import Foundation
import Testing

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The ten-line fixture text, read from the source tree.
private struct Texts: GraphLoader.SourceTexts {
    func bytes(of file: String) -> [UInt8]? { try? [UInt8](Data(contentsOf: fixtures.appendingPathComponent("texts/\(file)"))) }
    var location: String { "texts" }
}

/// `doc.txt` catalogued with its body at lines 2-8 and its date read from `published`; `digest` restates it.
private func catalogue(body: String = "[\"2-8\"]", published: String = "\"1\"", derived: String = "[doc]") -> String {
    """
    sources:
      - id: doc
        file: doc.txt
        title: Doc
        language: en
        sha256: e9bbd62177fa9ba490cd95db5efa8caf826c1f22bae4079a6fce83b2cf2e2312
        lines: 10
        summary: Ten lines.
        reliability: B
        reliability_note: A signed article.
        body: \(body)
        published: "2021"
        published_lines: \(published)
      - id: digest
        file: doc.txt
        title: Digest
        language: en
        sha256: e9bbd62177fa9ba490cd95db5efa8caf826c1f22bae4079a6fce83b2cf2e2312
        lines: 10
        summary: A digest.
        reliability: Q
        derived_from: \(derived)
    """
}

private func graphFile(citing lines: String) -> String {
    """
    actors:
      - {id: a, name: A, kind: state}
      - {id: b, name: B, kind: state}
    relations:
      - {id: r, from: a, to: b, type: meets, sources: [{source: doc, lines: "\(lines)"}], note: N.}
    """
}

private func load(_ catalogueText: String, _ graphText: String, texts: Bool = true) -> (RelationGraph?, [Diagnostic]) {
    var warnings: [Diagnostic] = []
    do {
        let graph = try GraphLoader.load(
            files: [(name: "g.yaml", bytes: Array(graphText.utf8))],
            catalogue: (name: "c.yaml", bytes: Array(catalogueText.utf8)), sourceTexts: texts ? Texts() : nil,
            warnings: &warnings)
        return (graph, warnings)
    } catch {
        return (nil, error.diagnostics)
    }
}

@Suite("Catalogue evidence: reliability, derived_from, body")
struct CatalogueEvidenceTests {
    @Test func readsTheEvidenceFields() throws {
        let (graph, diagnostics) = load(catalogue().replacingOccurrences(of: "reliability: Q", with: "reliability: E"), graphFile(citing: "3-4"))
        let loaded = try #require(graph, "\(diagnostics)")
        let doc = try #require(loaded.source(id: "doc"))
        #expect(doc.reliability == .b && doc.reliabilityNote == "A signed article.")
        #expect(doc.body == [2...8] && doc.publishedLines == 1...1)
        #expect(loaded.source(id: "digest")?.derivedFrom == ["doc"])
        // Line 1 (the published date) lies outside the body: a warning that names it.
        #expect(diagnostics.map(\.description) == [
            "c.yaml:13:22: warning: the 'published' date of 'doc' is read from line 1, outside the article body (lines 2-8)\n"
                + "  hint: a date from a teaser, caption or page furniture may belong to something else: mark 'published' uncertain ('?') and say so in 'published_note'"
        ])
    }

    @Test func citationsOutsideTheBodyAreErrors() {
        let (graph, diagnostics) = load(catalogue(published: "\"2\"").replacingOccurrences(of: "reliability: Q", with: "reliability: E"), graphFile(citing: "8-9"))
        #expect(graph == nil)
        #expect(diagnostics.map(\.description) == [
            "g.yaml:5:73: error: lines 8-9 of 'doc' lie outside its article body (lines 2-8)\n"
                + "  hint: cite the article itself, not menus, teasers, captions, comments or biographies; fix the citation, or the source's 'body' in the catalogue"
        ])
        // Without the texts (no --sources) the body is not checked, as the hashes are not.
        #expect(load(catalogue().replacingOccurrences(of: "reliability: Q", with: "reliability: E"), graphFile(citing: "9"), texts: false).0 != nil)
    }

    /// Lines cited `for: date` may lie outside the body: a warning naming the relation, and not one of its sources.
    @Test func aDateFromOutsideTheBodyIsAWarning() throws {
        let graphText = graphFile(citing: "3").replacingOccurrences(
            of: "lines: \"3\"}]", with: "lines: \"3\"}, {source: doc, lines: \"9-10\", for: date}]")
        let (graph, diagnostics) = load(
            catalogue(published: "\"2\"").replacingOccurrences(of: "reliability: Q", with: "reliability: E"), graphText)
        let loaded = try #require(graph, "\(diagnostics)")
        #expect(diagnostics.map(\.description) == [
            "g.yaml:5:100: warning: the date of relation 'r' is taken from lines 9-10 of 'doc', outside its article body (lines 2-8)\n"
                + "  hint: a caption's or teaser's date may not be the event's: say so in 'date_note', and mark the date uncertain if in doubt"
        ])
        let relation = RelationIndex(0)
        #expect(loaded.details(of: relation).citations.map(\.forDate) == [false, true])
        #expect(loaded.evidence(of: relation).citedSources == ["doc"])
        let (_, bad) = load(catalogue(), graphText.replacingOccurrences(of: "for: date", with: "for: dating"))
        #expect(bad.contains { $0.message == "unknown 'for' 'dating' in a citation" })
    }

    @Test func badEvidenceFieldsAreNamed() {
        let (_, diagnostics) = load(catalogue(body: "[\"2-12\"]", derived: "[digest, dok]"), graphFile(citing: "3"))
        let messages = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains("unknown 'reliability' (Admiralty A-F) 'Q'"))
        #expect(messages.contains("'body' range 2-12 of 'doc' runs past its 10 lines"))
        #expect(messages.contains("source 'digest' cannot be derived from itself"))
        #expect(messages.contains("unknown source 'dok' in 'derived_from' of 'digest'"))
    }
}
