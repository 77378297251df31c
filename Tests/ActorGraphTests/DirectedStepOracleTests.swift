import ActorGraph
import ActorGraphTestSupport
import Testing

/// The directed view's steps against brute force on graphs whose adjacency slices span many 64-bit words of slot
/// bits: a few actors and hundreds of relations, so each actor's slice crosses several words and starts and ends
/// inside them, where the skips over the symmetric-type and admitted-slot bits can go wrong.
@Suite("Directed steps against brute force, many words per slice")
struct DirectedStepOracleTests {
    static func graph(seed: UInt64) -> RelationGraph {
        var parameters = RandomGraphs.Parameters()
        parameters.actors = 3...6
        parameters.relations = 300...900
        return RandomGraphs.multigraph(seed: seed, parameters)
    }

    /// The steps a view takes from and into every actor, as `from>to@relation`, in scan order.
    static func steps(_ view: FilteredGraph) -> (from: [String], into: [String]) {
        var from: [String] = []
        var into: [String] = []
        for actor in view.graph.actorIndices {
            view.forEachStep(from: actor) { neighbor, relation in from.append("\(actor)>\(neighbor)@\(relation)") }
            view.forEachStep(into: actor) { neighbor, relation in into.append("\(neighbor)>\(actor)@\(relation)") }
        }
        return (from, into)
    }

    @Test func directedStepsEqualBruteForce() throws {
        var widest = 0
        try forEachSeed(0..<40) { seed in
            let graph = Self.graph(seed: seed)
            for actor in graph.actorIndices { widest = max(widest, graph.outgoing(actor).count) }
            var filter = RandomGraphs.filter(seed: seed, for: graph)
            filter.directed = true
            let named = [ActorIndex(0)]
            let view = FilteredGraph(graph, filter: filter, namedActors: named)
            let oracle = BruteForce.steps(graph, filter, named: named)
            let expectedFrom = oracle.map { "\($0.from)>\($0.to)@\($0.relation)" }
            // A step into an actor checks the actor it comes from: the relation's source along it, the target
            // against it (symmetric types only, in a directed view).
            var expectedInto: [String] = []
            for relation in graph.relationIndices where BruteForce.admits(graph, filter, relation) != nil {
                let source = graph.source(of: relation), target = graph.target(of: relation)
                if BruteForce.actorAllowed(graph, filter, source, named: named) {
                    expectedInto.append("\(source)>\(target)@\(relation)")
                }
                if !graph.type(of: relation).directed && source != target
                    && BruteForce.actorAllowed(graph, filter, target, named: named)
                {
                    expectedInto.append("\(target)>\(source)@\(relation)")
                }
            }
            for candidate in [view, view.indexed()] {
                let (from, into) = Self.steps(candidate)
                #expect(from.sorted() == expectedFrom.sorted(), "seed \(seed), indexed \(candidate.isIndexed): from")
                #expect(into.sorted() == expectedInto.sorted(), "seed \(seed), indexed \(candidate.isIndexed): into")
            }
        }
        // The slices do span several words (a test on one-word slices would not exercise the skips).
        #expect(widest > 3 * 64)
    }
}
