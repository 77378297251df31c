import ActorGraph
import Foundation
import Testing

@testable import ActorGraphIO

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses `bytes` as XML and returns the parser's error, or `nil` when well-formed.
private func xmlError(_ bytes: [UInt8]) -> String? {
    let parser = XMLParser(data: Data(bytes))
    return parser.parse() ? nil : (parser.parserError.map { "\($0)" } ?? "unknown XML error")
}

@Suite("Export formats")
struct ExportFormatTests {
    static let formats: [(name: String, write: @Sendable (RelationGraph, ExportSelection, ExportOutput) -> Void)] = [
        ("edges.csv", { EdgeListWriter.writeRelations($0, $1, to: $2) }),
        ("actors.csv", { EdgeListWriter.writeActors($0, $1, to: $2) }),
        ("edges-safe.csv", { EdgeListWriter.writeRelations($0, $1, options: DelimitedTextOptions(safeSpreadsheet: true), to: $2) }),
        ("edges.tsv", { EdgeListWriter.writeRelations($0, $1, options: .tsv, to: $2) }),
        ("relations.jsonl", { JSONGraphWriter.writeLines($0, $1, to: $2) }),
        ("graph.json", { JSONGraphWriter.writeDocument($0, $1, to: $2) }),
        ("graph.graphml", { GraphMLWriter.write($0, $1, to: $2) }),
        ("graph.gexf", { GEXFWriter.write($0, $1, to: $2) }),
        ("neo4j-actors.csv", { Neo4jWriter.writeActors($0, $1, to: $2) }),
        ("neo4j-relations.csv", { Neo4jWriter.writeRelations($0, $1, to: $2) }),
        ("graph.yaml", { GraphYAMLWriter.write($0, $1, to: $2) }),
    ]

    @Test("golden output of the fixture graph", arguments: formats.map(\.name))
    func golden(_ name: String) throws {
        let graph = try ExchangeFixtures.graph()
        let format = try #require(Self.formats.first { $0.name == name })
        let bytes = ExchangeFixtures.render { format.write(graph, .all(graph), $0) }
        try ExchangeFixtures.expectGolden(bytes, name)
        // Deterministic: a second run gives the same bytes.
        #expect(ExchangeFixtures.render { format.write(graph, .all(graph), $0) } == bytes)
    }

    @Test func selectionKeepsEndpointsAndExtraActors() throws {
        let graph = try ExchangeFixtures.graph()
        let selection = ExportSelection(
            graph: graph, relations: [RelationIndex(2), RelationIndex(0), RelationIndex(2)],
            extraActors: [try #require(graph.actorIndex(id: "loner"))])
        #expect(selection.relations == [RelationIndex(0), RelationIndex(2)])
        #expect(selection.actors.map { graph[$0].id } == ["russia", "taliban", "zhirnov", "loner"])
        #expect(selection.attributeKeys(in: graph) == ["place", "role", "with space"])
        #expect(selection.citedSources(in: graph).map(\.id) == ["doc-a", "doc-b"])
    }

    @Test func spreadsheetSafetyPrefixesFormulaCells() throws {
        let graph = try ExchangeFixtures.graph()
        let text = String(decoding: ExchangeFixtures.render {
            EdgeListWriter.writeActors(graph, .all(graph), options: DelimitedTextOptions(safeSpreadsheet: true), to: $0)
        }, as: UTF8.self)
        #expect(text.contains("\"'=Zhirnov, Dmitry\""))
        #expect(text.contains(",'+United States,"))
        #expect(text.contains(",'@Loner\ttabbed,"))
    }

    @Test func csvRoundTripOfTheFixture() throws {
        let graph = try ExchangeFixtures.graph()
        let edges = ExchangeFixtures.render { EdgeListWriter.writeRelations(graph, .all(graph), to: $0) }
        let actors = ExchangeFixtures.render { EdgeListWriter.writeActors(graph, .all(graph), to: $0) }
        var options = CSVImportOptions()
        options.vocabulary = graph.vocabulary
        let back = try CSVEdgeImporter.load(edges: ("e.csv", edges), actors: ("a.csv", actors), options: options).graph
        #expect(ExchangeFixtures.dump(back) == ExchangeFixtures.dump(graph))
    }

    @Test("csv and tsv round trips of hostile random graphs", arguments: 0..<40)
    func hostileRoundTrip(seed: UInt64) throws {
        let graph = ExchangeFixtures.hostileGraph(seed: seed)
        for text in [DelimitedTextOptions.csv, .tsv] {
            let edges = ExchangeFixtures.render { EdgeListWriter.writeRelations(graph, .all(graph), options: text, to: $0) }
            let actors = ExchangeFixtures.render { EdgeListWriter.writeActors(graph, .all(graph), options: text, to: $0) }
            var options = CSVImportOptions()
            options.separator = text.separator
            let back = try CSVEdgeImporter.load(edges: ("e", edges), actors: ("a", actors), options: options).graph
            #expect(ExchangeFixtures.dump(back) == ExchangeFixtures.dump(graph))
        }
    }

    @Test func syntheticCSVRoundTripNeedsNoActorList() throws {
        let graph = SyntheticGraph.generate(actors: 300, relations: 2_000, seed: 3)
        let edges = ExchangeFixtures.render { EdgeListWriter.writeRelations(graph, .all(graph), to: $0) }
        let back = try CSVEdgeImporter.load(edges: ("e", edges)).graph
        #expect(ExchangeFixtures.dump(back) == ExchangeFixtures.dump(graph))
        // The byte fast path for dates agrees with the core's own printing of every date.
        #expect(back.relationIndices.allSatisfy { back.date(of: $0) == graph.date(of: $0) })
    }

    @Test("yaml round trip through the graph file loader", arguments: 0..<20)
    func yamlRoundTrip(seed: UInt64) throws {
        let graph = ExchangeFixtures.hostileGraph(seed: seed)
        let sources = (0..<3).map {
            SourceDocument(id: "src-\($0)", file: "s\($0).txt", title: "S", language: "en", sha256: String(repeating: "0", count: 64), lines: 60, summary: "S")
        }
        let yaml = ExchangeFixtures.render {
            GraphYAMLWriter.write(graph, .all(graph), options: .init(sources: sources, fallbackCitation: Citation(source: "src-0", lines: 1...1), fallbackNote: "n"), to: $0)
        }
        let back: RelationGraph
        do {
            back = try GraphLoader.load(files: [("g.yaml", yaml)], catalogue: nil, sourceTexts: nil)
        } catch {
            Issue.record("\(error)\n\(String(decoding: yaml, as: UTF8.self))")
            return
        }
        // Relations without a note or citation received the fallbacks; everything else is unchanged.
        var expected = GraphBuilder(vocabulary: graph.vocabulary)
        for actor in graph.actors { _ = try expected.addActor(actor) }
        for relation in graph.relationIndices {
            var details = graph.details(of: relation)
            if details.note == nil { details.note = "n" }
            if details.citations.isEmpty { details.citations = [Citation(source: "src-0", lines: 1...1)] }
            try expected.addRelation(
                from: graph.source(of: relation), to: graph.target(of: relation), type: graph.typeIndex(of: relation),
                date: graph.date(of: relation), details: details)
        }
        #expect(ExchangeFixtures.dump(back) == ExchangeFixtures.dump(expected.build()))
    }

    @Test func fixtureYAMLRoundTrip() throws {
        let graph = try ExchangeFixtures.graph()
        let yaml = ExchangeFixtures.render { GraphYAMLWriter.write(graph, .all(graph), options: .init(sources: graph.sources), to: $0) }
        let back = try GraphLoader.load(files: [("g.yaml", yaml)], catalogue: nil, sourceTexts: nil)
        #expect(ExchangeFixtures.dump(back) == ExchangeFixtures.dump(graph))
        #expect(back.sources == graph.sources)
    }

    @Test("XML stays well-formed for hostile labels", arguments: 0..<30)
    func xmlWellFormed(seed: UInt64) throws {
        var graph = ExchangeFixtures.hostileGraph(seed: seed)
        // Add every C0 control, DEL, U+FFFE and U+FFFF to one name.
        var builder = GraphBuilder(vocabulary: graph.vocabulary)
        for (position, actor) in graph.actors.enumerated() {
            var copy = actor
            if position == 0 {
                let controls = (0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) } + ["\u{7F}", "\u{FFFE}", "\u{FFFF}"]
                copy.name = String(String.UnicodeScalarView(controls)) + "<&\"']]>"

            }
            _ = try builder.addActor(copy)
        }
        for relation in graph.relationIndices {
            try builder.addRelation(from: graph.source(of: relation), to: graph.target(of: relation), type: graph.typeIndex(of: relation), date: graph.date(of: relation), details: graph.details(of: relation))
        }
        graph = builder.build()
        for write in [GraphMLWriter.write, GEXFWriter.write] {
            let bytes = ExchangeFixtures.render { write(graph, .all(graph), .undirectedEdges, $0) }
            #expect(xmlError(bytes) == nil)
        }
    }

    @Test func xmlEscapingDropsOnlyWhatXMLCannotHold() {
        let output = ExportOutput()
        output.write(xml: "a\u{0}b\u{1F}\t\n\r<&>\"'é\u{FFFE}")
        #expect(String(decoding: output.bytes, as: UTF8.self) == "ab&#9;&#10;&#13;&lt;&amp;&gt;&quot;'é")
        #expect(XMLText.isRepresentable("tab\tok"))
        #expect(!XMLText.isRepresentable("bell\u{7}"))
    }

    @Test func neo4jPropertyNamesAreCleanAndUnique() {
        #expect(
            ExportProperties.attributeNames(for: ["a b", "a:b", "role"], prefix: "attr_")
                == ["attr_a_b", "attr_a_b_2", "attr_role"])
        #expect(ExportProperties.attributeNames(for: ["cash (L20)", "x"], prefix: "attr.") == ["attr.cash__L20_", "attr.x"])
    }
}
