import ActorGraph
import ActorGraphDOT
import ActorGraphTestSupport
import Testing

/// A focus chart's selection, read through the inside actors' adjacency, against a pass over every relation.
struct LinkChartSelectionTests {
    /// The relations among the focus's neighbourhood that the filter admits, in graph order, found by reading every
    /// relation of the graph; and the actors they touch with the focus, in index order.
    private static func reference(_ graph: RelationGraph, _ request: ChartRequest) -> ([RelationIndex], [ActorIndex]) {
        let view = FilteredGraph(graph, filter: request.filter, namedActors: request.focus)
        var inside = Set(request.focus)
        for center in request.focus {
            for member in Neighborhood(view, center: center, depth: request.depth).members
            where !request.hidden.contains(member.actor) && (request.only?.contains(member.actor) ?? true) {
                inside.insert(member.actor)
            }
        }
        var relations: [RelationIndex] = []
        var touched = Set(request.focus)
        for position in 0..<graph.relationCount {
            let relation = RelationIndex(position)
            let source = graph.source(of: relation), target = graph.target(of: relation)
            guard inside.contains(source), inside.contains(target) else { continue }
            if request.directOnly, !request.focus.contains(source), !request.focus.contains(target) { continue }
            guard BruteForce.admits(graph, request.filter, relation) != nil else { continue }
            relations.append(relation)
            touched.formUnion([source, target])
        }
        return (relations, touched.sorted())
    }

    @Test func aFocusSelectsWhatAPassOverEveryRelationSelects() throws {
        var parameters = RandomGraphs.Parameters()
        parameters.actors = 3...14
        parameters.relations = 0...40
        try forEachSeed(0..<200) { seed in
            let graph = RandomGraphs.multigraph(seed: seed, parameters)
            var random = SeededRandom(seed: seed &+ 7)
            let focus = Array(Set((0..<random.int(1...2)).map { _ in ActorIndex(random.below(graph.actorCount)) }))
                .sorted()
            var request = ChartRequest(
                filter: random.chance(0.5) ? RandomGraphs.filter(seed: seed, for: graph) : RelationFilter(),
                focus: focus, depth: random.int(0...3), directOnly: random.chance(0.2))
            if random.chance(0.3) { request.hidden = [ActorIndex(random.below(graph.actorCount))] }
            let (relations, actors) = Self.reference(graph, request)
            #expect(LinkChart.selectedRelations(graph, request) == relations, "seed \(seed)")
            #expect(LinkChart(graph, request).actors == actors, "seed \(seed)")
        }
    }
}
