import ActorGraph
import ActorGraphDOT
import ActorGraphTestSupport
import Foundation
import FoundationXML
import Graphviz
import Testing

private let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Compares with `Golden/<name>` (``Golden``: `RECORD_GOLDEN=1` rewrites it and fails).
private func expectGolden(
    _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    Golden.expect(actual, matches: goldenFolder.appendingPathComponent(name), sourceLocation: sourceLocation)
}

@Suite("Graph diagrams")
struct GraphDiagramTests {
    @Test func wholeGraphMatchesTheGoldenFile() throws {
        let graph = try sampleGraph()
        let chart = LinkChart(graph, ChartRequest(legend: true, clustering: .kind))
        try expectGolden(chart.document.text, "sample-whole.dot")
    }

    @Test func focusChartMatchesTheGoldenFile() throws {
        let graph = try sampleGraph()
        let envoy = try #require(graph.actorIndex(id: "envoy"))
        let request = ChartRequest(filter: RelationFilter(time: .between(first: 0, last: nil)), focus: [envoy], depth: 2)
        try expectGolden(LinkChart(graph, request).document.text, "sample-focus.dot")
    }

    @Test func pathChartMatchesTheGoldenFile() throws {
        let graph = try sampleGraph()
        let actors = try ["envoy", "russia", "taliban"].map { try #require(graph.actorIndex(id: $0)) }
        let hops = try [["r1"], ["meeting"], ["r3"]].map { try $0.map { try #require(graph.relationIndex(id: $0)) } }
        let paths = ChartPaths(
            [ChartPath(actors: actors, hops: [hops[0], hops[1]]), ChartPath(actors: actors, hops: [hops[0], hops[2]])],
            context: 1, question: "2 shortest paths")
        try expectGolden(LinkChart(graph, ChartRequest(paths: paths, legend: true)).document.text, "sample-path.dot")
    }

    @Test func timelineMatchesTheGoldenFile() throws {
        let graph = try sampleGraph()
        let entries = Array(graph.relationIndices).map { MatchedRelation(relation: $0, match: .definitely) }
        let request = TimelineRequest(entries: Timeline.ordered(graph, entries), legend: true, caption: "Russia – Taliban")
        try expectGolden(TimelineChart(graph, request).document.text, "sample-timeline.dot")
    }

    @Test func libcgraphReadsBackEveryActorRelationAndLabel() throws {
        let graph = try sampleGraph()
        let summary = try GraphvizRenderer().parse(dot: LinkChart(graph, ChartRequest(bundle: .none)).document.text)
        #expect(!summary.isStrict)
        #expect(summary.nodes.count == graph.actorCount)
        #expect(summary.edges.count == graph.relationCount)
        // Labels are stored as escStrings: a user's backslash arrives doubled, so \N is not a substitution.
        let labels = Set(summary.nodes.compactMap { $0.attributes["label"] })
        #expect(labels == ["Russia", "Taliban \"Islamic Emirate\"", "Envoy \\\\N &amp; <b>node</b>"])
        let edgeLabels = Set(summary.edges.compactMap { $0.attributes["label"] })
        #expect(edgeLabels == ["meets · 2021-08-17", "supplies arms to", "fights · 1999~/2001~", "represents · 2017/.."])
        // Symmetric types have no arrowheads.
        let meets = try #require(summary.edges.first { $0.attributes["label"] == "meets · 2021-08-17" })
        #expect(meets.attributes["dir"] == "none")
        #expect(meets.attributes["tooltip"] == "2021-08-17 · Russia —meets— Taliban \"Islamic Emirate\" · reported · Sources: doc L3-4")
    }

    @Test func svgHasOneNodeGroupPerActorAndShowsNamesLiterally() throws {
        let graph = try sampleGraph()
        let dot = LinkChart(graph, ChartRequest(legend: true)).document.text
        let svg = try GraphvizRenderer().render(dot: dot, layout: .dot, format: .svg)
        let document = try XMLDocument(data: Data(svg))
        let groups = try document.nodes(forXPath: "//*[local-name()='g']").compactMap { $0 as? XMLElement }
        let nodeGroups = groups.filter { element in
            (element.attributes ?? []).contains { $0.name == "class" && ($0.stringValue ?? "").split(separator: " ").first == "node" }
        }
        // The legend is the graph's label, not nodes: one group per actor, whatever the legend holds.
        #expect(nodeGroups.count == graph.actorCount)
        let ids = nodeGroups.compactMap { group in (group.attributes ?? []).first { $0.name == "id" }?.stringValue }
        #expect(ids == ["actor-russia", "actor-taliban", "actor-envoy"])
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains("Envoy \\N & <b>node</b>"))
        #expect(texts.contains("Taliban \"Islamic Emirate\""))
        #expect(texts.contains(" claimed"))
    }

    @Test func sameRequestGivesSameBytes() throws {
        let graph = try sampleGraph()
        let request = ChartRequest(legend: true, clustering: .country)
        let first = LinkChart(graph, request).document.text
        let second = LinkChart(graph, request).document.text
        #expect(first == second)
        #expect(first.hasPrefix("digraph \"ActorGraph\" {"))
        #expect(!first.contains("concentrate="))
    }

    @Test func degradedProfileBoundsTheLayoutEffortAndKeepsLabelsOnCurves() throws {
        let graph = try sampleGraph()
        let labelled = LinkChart(graph, ChartRequest(profile: .degraded)).document.text
        for attribute in ["mclimit=\"0.2\"", "nslimit=\"1\"", "splines=\"true\""] { #expect(labelled.contains(attribute)) }
        let bare = LinkChart(graph, ChartRequest(labels: false, profile: .degraded)).document.text
        #expect(bare.contains("splines=\"line\""))
    }

    @Test func everyLayoutDrawsTheSampleInProcess() throws {
        let graph = try sampleGraph()
        let dot = LinkChart(graph, ChartRequest(legend: true, clustering: .country)).document.text
        for layout in GraphvizLayout.allCases {
            let png = try GraphvizRenderer().render(dot: dot, layout: layout, format: .png)
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
    }
}
