import ActorGraph
import ActorGraphDOT
import Foundation
import FoundationXML
import Graphviz
import Testing

/// A small graph with every kind, several categories, a symmetric type, a claim and hostile text in names.
private func sampleGraph() throws -> RelationGraph {
    var builder = GraphBuilder(vocabulary: .builtIn)
    let russia = try builder.addActor(ActorRecord(id: "russia", name: "Russia", kind: .state, description: "A state."))
    let taliban = try builder.addActor(ActorRecord(id: "taliban", name: "Taliban \"Islamic Emirate\"", kind: .group))
    let envoy = try builder.addActor(
        ActorRecord(id: "envoy", name: "Envoy \\N & <b>node</b>", kind: .official, aliases: ["strict"], country: "russia"))
    func type(_ name: String) throws -> RelationTypeIndex { try #require(builder.vocabulary.index(named: name)) }
    try builder.addRelation(
        from: russia, to: taliban, type: try type("meets"), date: try EDTFDate.parse("2021-08-17").get(),
        details: RelationDetails(id: "meeting", note: "Talks in Kabul.\nSecond line.", citations: [Citation(source: "doc", lines: 3...4)]))
    try builder.addRelation(
        from: envoy, to: russia, type: try type("represents"), date: try EDTFDate.parse("2017/..").get(),
        details: RelationDetails(note: "Envoy since 2017.", citations: [Citation(source: "doc", lines: 7...7)]))
    try builder.addRelation(
        from: russia, to: taliban, type: try type("supplies_arms_to"), date: nil,
        details: RelationDetails(note: "Alleged.", citations: [Citation(source: "doc", lines: 9...9)], status: .claimed, claimedBy: "usa"))
    try builder.addRelation(from: russia, to: taliban, type: try type("fights"), date: try EDTFDate.parse("1999~/2001~").get())
    return builder.build()
}

private let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

private func expectGolden(_ actual: String, _ name: String) throws {
    let url = goldenFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
        let message = "\(name) differs at line \(first + 1):\n  expected: \(expectedLine)\n"
            + "  actual:   \(actualLine)\nrerun with RECORD_GOLDEN=1 and review the diff"
        Issue.record(Comment(rawValue: message))
    }
}

@Suite("Graph diagrams")
struct GraphDiagramTests {
    @Test func wholeGraphMatchesTheGoldenFile() throws {
        let graph = try sampleGraph()
        let document = GraphDiagram.document(graph, .whole(graph), options: DiagramOptions(legend: true, clustering: .kind))
        try expectGolden(document.text, "sample-whole.dot")
    }

    @Test func timelineMatchesTheGoldenFile() throws {
        let graph = try sampleGraph()
        let document = GraphDiagram.timeline(graph, relations: Array(graph.relationIndices), options: DiagramOptions(title: "Russia – Taliban"))
        try expectGolden(document.text, "sample-timeline.dot")
    }

    @Test func libcgraphReadsBackEveryActorRelationAndLabel() throws {
        let graph = try sampleGraph()
        let document = GraphDiagram.document(graph, .whole(graph))
        let summary = try GraphvizRenderer().parse(dot: document.text)
        #expect(!summary.isStrict)
        #expect(summary.nodes.count == graph.actorCount)
        #expect(summary.edges.count == graph.relationCount)
        // Labels are stored as escStrings: a user's backslash arrives doubled, so \N is not a substitution.
        let labels = Set(summary.nodes.compactMap { $0.attributes["label"] })
        #expect(labels.contains("Russia"))
        #expect(labels.contains("Taliban \"Islamic Emirate\""))
        #expect(labels.contains("Envoy \\\\N &amp; <b>node</b>"))
        let edgeLabels = Set(summary.edges.compactMap { $0.attributes["label"] })
        #expect(edgeLabels.contains("meets · 2021-08-17"))
        #expect(edgeLabels.contains("supplies arms to (claimed)"))
        #expect(edgeLabels.contains("fights · 1999~/2001~"))
        // Symmetric types have no arrowheads.
        let meets = try #require(summary.edges.first { $0.attributes["label"] == "meets · 2021-08-17" })
        #expect(meets.attributes["dir"] == "none")
        let tooltip = try #require(meets.attributes["tooltip"])
        #expect(tooltip.contains("Talks in Kabul."))
        #expect(tooltip.contains("Sources: doc L3-4"))
    }

    @Test func svgHasOneNodeGroupPerActorAndShowsNamesLiterally() throws {
        let graph = try sampleGraph()
        let svg = try GraphvizRenderer().render(dot: GraphDiagram.document(graph, .whole(graph)).text, layout: .dot, format: .svg)
        let document = try XMLDocument(data: Data(svg))
        let groups = try document.nodes(forXPath: "//*[local-name()='g']").compactMap { $0 as? XMLElement }
        let nodeGroups = groups.filter { element in
            (element.attributes ?? []).contains { $0.name == "class" && ($0.stringValue ?? "").split(separator: " ").first == "node" }
        }
        #expect(nodeGroups.count == graph.actorCount)
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains("Envoy \\N & <b>node</b>"))
        #expect(texts.contains("Taliban \"Islamic Emirate\""))
    }

    @Test func sameSelectionGivesSameBytes() throws {
        let graph = try sampleGraph()
        let first = GraphDiagram.document(graph, .whole(graph), options: DiagramOptions(legend: true, clustering: .country)).text
        let second = GraphDiagram.document(graph, .whole(graph), options: DiagramOptions(legend: true, clustering: .country)).text
        #expect(first == second)
        #expect(first.hasPrefix("digraph \"ActorGraph\" {"))
        #expect(!first.contains("concentrate="))
    }

    @Test func pathHighlightAndFadingAreVisible() throws {
        let graph = try sampleGraph()
        let selection = DiagramSelection(
            actors: Array(graph.actorIndices), relations: Array(graph.relationIndices), highlighted: [RelationIndex(0)],
            fadedActors: [ActorIndex(2)], fadedRelations: [RelationIndex(1), RelationIndex(2), RelationIndex(3)])
        let summary = try GraphvizRenderer().parse(dot: GraphDiagram.document(graph, selection).text)
        let highlighted = try #require(summary.edges.first { $0.attributes["label"] == "meets · 2021-08-17" })
        #expect(highlighted.attributes["penwidth"] == "3.5")
        #expect(highlighted.attributes["style"] == "bold")
        let faded = try #require(summary.nodes.first { $0.attributes["label"]?.hasPrefix("Envoy") == true })
        #expect(faded.attributes["fontcolor"] == "#999999")
    }

    @Test func degradedProfileBoundsTheLayoutEffort() throws {
        let graph = try sampleGraph()
        let text = GraphDiagram.document(graph, .whole(graph), options: DiagramOptions(profile: .degraded)).text
        for attribute in ["mclimit=\"0.2\"", "nslimit=\"1\"", "splines=\"line\""] { #expect(text.contains(attribute)) }
    }

    @Test func everyLayoutDrawsTheSampleInProcess() throws {
        let graph = try sampleGraph()
        let dot = GraphDiagram.document(graph, .whole(graph), options: DiagramOptions(legend: true)).text
        for layout in GraphvizLayout.allCases {
            let png = try GraphvizRenderer().render(dot: dot, layout: layout, format: .png)
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
    }
}
