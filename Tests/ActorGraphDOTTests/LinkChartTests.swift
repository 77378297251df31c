import ActorGraph
import ActorGraphDOT
import ActorGraphTestSupport
import Foundation
import FoundationXML
import Graphviz
import Testing

@Suite("Link charts")
struct LinkChartTests {
    @Test func parallelRelationsBecomeOneLinkPerPairInTimeOrder() throws {
        let graph = try sampleGraph()
        let chart = LinkChart(graph, ChartRequest())
        #expect(chart.links.count == 2)
        let ids = chart.links.map { $0.relations.map { graph.id(of: $0) } }
        #expect(ids == [["r3", "meeting", "r2"], ["r1"]])
        #expect(chart.relations.count == graph.relationCount)
        #expect(LinkChart(graph, ChartRequest(bundle: .none)).links.count == 4)
        #expect(LinkChart(graph, ChartRequest(bundle: .type)).links.count == 4)
    }

    @Test func aBundleIsLabelledWithItsCountAndYearsAndListsEveryRelation() throws {
        let graph = try sampleGraph()
        let summary = try GraphvizRenderer().parse(dot: LinkChart(graph, ChartRequest()).document.text)
        let bundle = try #require(summary.edges.first { $0.attributes["id"] == "link-0" })
        #expect(bundle.attributes["label"] == "3 relations · 1999–2021")
        // libcgraph keeps the escString's line breaks as the two characters \n.
        #expect(
            bundle.attributes["tooltip"]
                == [
                    "Russia – Taliban \"Islamic Emirate\": 3 relations",
                    "1999~/2001~ · Russia —fights— Taliban \"Islamic Emirate\" · reported",
                    "2021-08-17 · Russia —meets— Taliban \"Islamic Emirate\" · reported · Sources: doc L3-4",
                    "undated · Russia —supplies arms to→ Taliban \"Islamic Emirate\" · claimed by usa · Sources: doc L9",
                ].joined(separator: "\\n"))
        let single = try #require(summary.edges.first { $0.attributes["id"] == "link-1" })
        #expect(single.attributes["label"] == "represents · 2017/..")
    }

    @Test func elementIDsAndClassesAreTheExplorersContract() throws {
        let graph = try sampleGraph()
        let summary = try GraphvizRenderer().parse(dot: LinkChart(graph, ChartRequest(bundle: .none)).document.text)
        let nodes = Dictionary(uniqueKeysWithValues: summary.nodes.compactMap { node in
            node.attributes["id"].map { ($0, node.attributes["class"] ?? "") }
        })
        #expect(nodes == ["actor-russia": "actor kind-state", "actor-taliban": "actor kind-group", "actor-envoy": "actor kind-official"])
        let links = Dictionary(uniqueKeysWithValues: summary.edges.compactMap { edge in
            edge.attributes["id"].map { ($0, edge.attributes["class"] ?? "") }
        })
        // Links are numbered by their lowest relation index: meeting, the envoy's role, the arms claim, the war.
        #expect(links == [
            "link-0": "link category-diplomatic status-reported", "link-1": "link category-role status-reported",
            "link-2": "link category-security status-claimed", "link-3": "link category-conflict status-reported",
        ])
    }

    @Test func statusHasOneLineStyleEverywhere() throws {
        let graph = try sampleGraph()
        let summary = try GraphvizRenderer().parse(dot: LinkChart(graph, ChartRequest(bundle: .none)).document.text)
        let styles = Dictionary(uniqueKeysWithValues: summary.edges.compactMap { edge in
            edge.attributes["class"].map { ($0, edge.attributes["style"] ?? "") }
        })
        #expect(styles["link category-security status-claimed"] == "dashed")
        #expect(styles["link category-conflict status-reported"] == "solid")
    }

    @Test func aPathChartDrawsThePathAloneWithNumberedHops() throws {
        let graph = try sampleGraph()
        let envoy = try #require(graph.actorIndex(id: "envoy"))
        let russia = try #require(graph.actorIndex(id: "russia"))
        let taliban = try #require(graph.actorIndex(id: "taliban"))
        let meeting = try #require(graph.relationIndex(id: "meeting"))
        let role = try #require(graph.relationIndex(id: "r1"))
        let path = ChartPath(actors: [envoy, russia, taliban], hops: [[role], [meeting]])
        let chart = LinkChart(graph, ChartRequest(paths: ChartPaths([path])))
        #expect(chart.relations == [meeting, role])
        #expect(chart.links.map(\.pathSteps) == [[.init(path: 1, hop: 1)], [.init(path: 1, hop: 2)]])
        let summary = try GraphvizRenderer().parse(dot: chart.document.text)
        #expect(summary.edges.compactMap { $0.attributes["label"] } == ["1 · represents · 2017/..", "2 · meets · 2021-08-17"])
        #expect(chart.emphasizedActors == [envoy, russia, taliban])
        // With one step of context the other Russia–Taliban relations come back, faded and apart from the path.
        let context = LinkChart(graph, ChartRequest(paths: ChartPaths([path], context: 1)))
        #expect(context.relations.count == 4)
        #expect(context.links.filter(\.faded).map { $0.relations.count } == [2])
    }

    @Test func sharedHopsAreDrawnOnceWithEveryPathsNumber() throws {
        let graph = try sampleGraph()
        let envoy = try #require(graph.actorIndex(id: "envoy"))
        let russia = try #require(graph.actorIndex(id: "russia"))
        let taliban = try #require(graph.actorIndex(id: "taliban"))
        let role = try #require(graph.relationIndex(id: "r1"))
        let meeting = try #require(graph.relationIndex(id: "meeting"))
        let fights = try #require(graph.relationIndex(id: "r3"))
        let first = ChartPath(actors: [envoy, russia, taliban], hops: [[role], [meeting]])
        let second = ChartPath(actors: [envoy, russia, taliban], hops: [[role], [fights]])
        let chart = LinkChart(graph, ChartRequest(paths: ChartPaths([first, second])))
        let labels = try GraphvizRenderer().parse(dot: chart.document.text).edges.compactMap { $0.attributes["label"] }
        #expect(labels == ["1.1, 2.1 · represents · 2017/..", "1.2, 2.2 · 2 relations · 1999–2021"])
    }
}

/// A small graph with every kind, several categories, a symmetric type, a claim and hostile text in names.
func sampleGraph() throws -> RelationGraph {
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
        details: RelationDetails(id: "r1", note: "Envoy since 2017.", citations: [Citation(source: "doc", lines: 7...7)]))
    try builder.addRelation(
        from: russia, to: taliban, type: try type("supplies_arms_to"), date: nil,
        details: RelationDetails(id: "r2", note: "Alleged.", citations: [Citation(source: "doc", lines: 9...9)], status: .claimed, claimedBy: "usa"))
    try builder.addRelation(
        from: russia, to: taliban, type: try type("fights"), date: try EDTFDate.parse("1999~/2001~").get(),
        details: RelationDetails(id: "r3"))
    return builder.build()
}
