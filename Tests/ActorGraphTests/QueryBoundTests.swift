import ActorGraph
import ActorGraphTestSupport
import Synchronization
import Testing

/// The rest of issue 17's item 12: time-respecting paths and every `PathQuery` run watch a ``StopSignal`` (so
/// `render --path` and the explorer can bound them), and betweenness can be estimated from a sample of sources.
@Suite("Bounding long queries")
struct QueryBoundTests {
    static let seeds: [UInt64] = Array(0..<150)

    @Test func aTimeRespectingSearchStopsOnceRaised() throws {
        let graph = QueryStopTests.complete(30)
        let dated = try datedChain(40)
        for problem in TemporalProblem.allCases {
            let raised = StopSignal()
            raised.raise()
            // Raised before the stream is built: nothing is read.
            #expect(throws: QueryStopped.self) { _ = try TemporalPathFinder(graph, reading: .lenient, stop: raised) }
            // Raised between building and the pass: the pass stops at its first group.
            let signal = StopSignal()
            let finder = try TemporalPathFinder(dated, reading: .lenient, stop: signal)
            #expect(try finder.path(problem, from: ActorIndex(0), to: ActorIndex(39)) != nil, "\(problem)")
            signal.raise()
            #expect(throws: QueryStopped(done: 0, total: finder.edgeCount)) {
                _ = try finder.path(problem, from: ActorIndex(0), to: ActorIndex(39))
            }
            let query = PathQuery(.temporal(problem))
            #expect(throws: QueryStopped.self) {
                _ = try query.run(FilteredGraph(dated, filter: RelationFilter()), from: ActorIndex(0), to: ActorIndex(39), stop: raised)
            }
        }
    }

    @Test func aStoppedListingIsNeverAnsweredAsWhole() {
        let graph = QueryStopTests.complete(12)
        let raised = StopSignal()
        raised.raise()
        let view = FilteredGraph(graph, filter: RelationFilter())
        for query in [PathQuery(.all, maxLength: 11, limit: 1_000_000), PathQuery(.kShortest(50))] {
            #expect(throws: QueryStopped.self, "\(query)") {
                _ = try query.answer(view, from: ActorIndex(0), to: ActorIndex(11), stop: raised)
            }
        }
    }

    /// PageRank reports each round, so a terminal shows it going; a signal raised after three stops it there.
    @Test func pageRankReportsItsRoundsAndStopsBetweenThem() throws {
        // A line of actors takes many rounds to converge (a complete graph is uniform after one).
        let graph = try datedChain(50)
        let signal = StopSignal()
        let raiser = QueryStopTests.Raiser(signal, after: 3)
        let stopped = QueryStopTests.stopped(reporting: raiser) { _ = try Centrality.pageRank(graph, stop: signal) }
        #expect(stopped == QueryStopped(done: 3, total: nil))
        #expect(raiser.updates.withLock { $0 } == [1, 2, 3])
    }

    /// Unraised, a watched run answers what the unwatched one does, for every selector and every problem.
    @Test func anUnraisedSignalChangesNoPathAnswer() throws {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = QueryStopTests.pair(graph, seed: seed) else { continue }
            let view = FilteredGraph(graph, filter: RandomGraphs.filter(seed: seed, for: graph), namedActors: [from, to])
            var queries = TemporalProblem.allCases.map { PathQuery(.temporal($0)) }
            queries += [PathQuery(.shortest), PathQuery(.kShortest(3)), PathQuery(.all, maxLength: 4, limit: 20)]
            for query in queries {
                let watched = try query.run(view, from: from, to: to, stop: StopSignal())
                #expect(watched.paths == query.run(view, from: from, to: to).paths, "seed \(seed) \(query)")
            }
        }
    }

    /// Sampled betweenness is the brute-force sum over the pairs that start at a pivot, times actors ÷ pivots.
    @Test func sampledBetweennessScalesTheSourcesItSearched() {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let view = FilteredGraph(graph, filter: filter)
            let included = graph.actorIndices.map { BruteForce.actorAllowed(graph, filter, $0, named: []) }
            let actors = included.filter { $0 }.count
            guard actors >= 2 else { continue }
            let k = 1 + Int(seed % UInt64(actors - 1))
            let pivots = Centrality.pivots(view, count: k, seed: seed)
            #expect(pivots.count == k && Set(pivots).count == k && pivots == pivots.sorted(), "seed \(seed)")
            #expect(pivots.allSatisfy { included[$0.position] }, "seed \(seed)")
            #expect(Centrality.pivots(view, count: k, seed: seed) == pivots, "seed \(seed): the same draw")
            let adjacency = BruteForce.adjacency(graph, filter)
            let sum = BruteForce.betweenness(
                adjacency, included: included, symmetric: !filter.directed, sources: Set(pivots))
            let found = (try? Centrality.betweenness(view, sources: pivots, stop: nil)) ?? []
            for position in 0..<graph.actorCount {
                let expected = sum[position] * Double(actors) / Double(k)
                #expect(abs(found[position] - expected) < 1e-9 * max(1, expected), "seed \(seed) actor \(position)")
            }
        }
    }

    @Test func aSampleOfEveryActorIsTheExactBetweenness() throws {
        for seed in Self.seeds.prefix(60) {
            let graph = RandomGraphs.multigraph(seed: seed)
            let view = FilteredGraph(graph, filter: RandomGraphs.filter(seed: seed, for: graph))
            let every = Centrality.pivots(view, count: graph.actorCount + 5, seed: seed)
            #expect(every == graph.actorIndices.filter { view.includes($0) }, "seed \(seed)")
            #expect(try Centrality.betweenness(view, sources: every, stop: nil) == Centrality.betweenness(view), "seed \(seed)")
        }
    }

    /// A sample of 25 sources out of a path of 200 actors ranks its middle as the whole does, within a few percent.
    @Test func aSampleEstimatesTheWholeOnALargeGraph() throws {
        let chain = try datedChain(200)
        let exact = Centrality.betweenness(chain)
        let estimates = (0..<20).map { seed in
            (try? Centrality.betweenness(chain, sources: Centrality.pivots(chain, count: 25, seed: UInt64(seed)), stop: nil)) ?? []
        }
        let middle = 100
        let mean = estimates.map { $0[middle] }.reduce(0, +) / Double(estimates.count)
        #expect(abs(mean - exact[middle]) / exact[middle] < 0.1, "mean \(mean) against \(exact[middle])")
    }

    /// Actors a0 … a(n-1) in a line, the relation between a(i) and a(i+1) dated year 2000 + i.
    func datedChain(_ count: Int) throws -> RelationGraph {
        var builder = GraphBuilder(vocabulary: .builtIn)
        for index in 0..<count { try builder.addActor(ActorRecord(id: "a\(index)", name: "A\(index)", kind: .group)) }
        let meets = try #require(RelationVocabulary.builtIn.index(named: "meets"))
        for index in 0..<(count - 1) {
            let date = try EDTFDate.parse(String(2000 + index)).get()
            try builder.addRelation(from: ActorIndex(index), to: ActorIndex(index + 1), type: meets, date: date)
        }
        return builder.build()
    }
}
