import ActorGraph
import ActorGraphTestSupport
import Testing

/// Thousands of seeded random multigraphs, each query checked against a brute-force oracle.
@Suite("Query properties against brute force")
struct QueryPropertyTests {
    static let seeds: Range<UInt64> = 0..<2_000

    /// A random pair of distinct actors (or nil for a one-actor graph).
    static func pair(_ graph: RelationGraph, seed: UInt64) -> (ActorIndex, ActorIndex)? {
        guard graph.actorCount >= 2 else { return nil }
        var random = SeededRandom(seed: seed ^ 0xBEEF)
        let from = random.int(0...(graph.actorCount - 1))
        let offset = random.int(1...(graph.actorCount - 1))
        return (ActorIndex(from), ActorIndex((from + offset) % graph.actorCount))
    }

    @Test func filterStepsMatchTheOracle() {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let named = [ActorIndex(0)]
            let view = FilteredGraph(graph, filter: filter, namedActors: named)
            for relation in graph.relationIndices {
                #expect(view.match(relation) == BruteForce.admits(graph, filter, relation), "seed \(seed) \(relation)")
            }
            var viewSteps: [String] = []
            var viewInto: [String] = []
            for actor in graph.actorIndices {
                view.forEachStep(from: actor) { neighbor, relation in viewSteps.append("\(actor)>\(neighbor)@\(relation)") }
                view.forEachStep(into: actor) { neighbor, relation in viewInto.append("\(neighbor)>\(actor)@\(relation)") }
            }
            let oracleSteps = BruteForce.steps(graph, filter, named: named)
            let oracle = oracleSteps.map { "\($0.from)>\($0.to)@\($0.relation)" }
            #expect(Set(viewSteps) == Set(oracle) && viewSteps.count == oracle.count, "seed \(seed): steps from")
            // A step into an actor checks the actor it reaches backwards (the step's source).
            func allowed(_ actor: ActorIndex) -> Bool { BruteForce.actorAllowed(graph, filter, actor, named: named) }
            var intoOracle: [String] = []
            for relation in graph.relationIndices where BruteForce.admits(graph, filter, relation) != nil {
                let source = graph.source(of: relation), target = graph.target(of: relation)
                if allowed(source) { intoOracle.append("\(source)>\(target)@\(relation)") }
                if (!filter.directed || !graph.type(of: relation).directed) && source != target && allowed(target) {
                    intoOracle.append("\(target)>\(source)@\(relation)")
                }
            }
            #expect(Set(viewInto) == Set(intoOracle) && viewInto.count == intoOracle.count, "seed \(seed): steps into")
            // The indexed view (admitted-relation bits) takes the same steps in the same order.
            let indexed = view.indexed()
            #expect(indexed.isIndexed == (view.refusesRelations && graph.relationCount > 0), "seed \(seed)")
            var indexedSteps: [String] = []
            var indexedInto: [String] = []
            for actor in graph.actorIndices {
                indexed.forEachStep(from: actor) { neighbor, relation in
                    indexedSteps.append("\(actor)>\(neighbor)@\(relation)")
                }
                indexed.forEachStep(into: actor) { neighbor, relation in
                    indexedInto.append("\(neighbor)>\(actor)@\(relation)")
                }
            }
            #expect(indexedSteps == viewSteps && indexedInto == viewInto, "seed \(seed): indexed steps")
        }
    }

    /// The indexed view on graphs whose adjacency slices span many 64-bit words of slot bits (hubs, and slices
    /// starting and ending inside words): the same steps in the same order as the plain view, for time, type and
    /// direction filters.
    @Test func indexedViewsTakeThePlainViewsStepsOnLargerGraphs() throws {
        let graph = SyntheticGraph.generate(actors: 600, relations: 12_000, seed: 3)
        var filters: [RelationFilter] = []
        let conditions = [
            (TimeCondition.parseAt("1990"), false), (TimeCondition.parseAt("2005-06"), true),
            (TimeCondition.parseBetween("1960..1970"), false),
        ]
        for (parsed, directed) in conditions {
            guard case .success(let time) = parsed else { Issue.record("bad date: \(parsed)"); return }
            var filter = RelationFilter(time: time)
            filter.includePossible = directed
            filter.directed = directed
            filters.append(filter)
        }
        var byType = RelationFilter()
        byType.excludedTypes = [RelationTypeIndex(UInt16(0)), RelationTypeIndex(UInt16(3))]
        byType.directed = true
        filters.append(byType)
        for (position, filter) in filters.enumerated() {
            let plain = FilteredGraph(graph, filter: filter)
            let indexed = plain.indexed()
            #expect(indexed.isIndexed, "filter \(position)")
            for actor in graph.actorIndices {
                var expected: [String] = [], actual: [String] = []
                plain.forEachStep(from: actor) { expected.append("f\($0)@\($1)") }
                plain.forEachStep(into: actor) { expected.append("i\($0)@\($1)") }
                indexed.forEachStep(from: actor) { actual.append("f\($0)@\($1)") }
                indexed.forEachStep(into: actor) { actual.append("i\($0)@\($1)") }
                if actual != expected {
                    let first = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                        ?? min(actual.count, expected.count)
                    Issue.record(
                        "filter \(position) actor \(actor): \(actual.count) steps against \(expected.count), first difference at step \(first)")
                }
            }
        }
    }

    @Test func shortestPathLengthsEqualBruteForce() {
        let workspace = SearchWorkspace(actorCount: 8)
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = Self.pair(graph, seed: seed) else { continue }
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let view = FilteredGraph(graph, filter: filter, namedActors: [from, to])
            let adjacency = BruteForce.adjacency(graph, filter, named: [from, to])
            let expected = BruteForce.shortestLength(adjacency, from: from, to: to)
            let finder = PathFinder(view, workspace: workspace.capacity == graph.actorCount ? workspace : nil)
            let path = finder.shortestPath(from: from, to: to)
            #expect(path?.length == expected, "seed \(seed)")
            #expect(PathFinder(view.indexed()).shortestPath(from: from, to: to) == path, "seed \(seed): indexed view")
            if let path {
                #expect(path.start == from && path.end == to, "seed \(seed)")
                #expect(Set(path.actors).count == path.actors.count, "seed \(seed): repeats an actor")
                for (position, hop) in path.hops.enumerated() {
                    // Each hop holds exactly the allowed parallel relations.
                    let expectedHop = BruteForce.steps(graph, filter, named: [from, to])
                        .filter { $0.from == path.actors[position] && $0.to == path.actors[position + 1] }
                        .map(\.relation)
                    #expect(hop == Array(Set(expectedHop)).sorted(), "seed \(seed) hop \(position)")
                }
            }
            // A bound below the distance gives nothing; at the distance it gives the path.
            if let expected, expected > 0 {
                #expect(finder.shortestPath(from: from, to: to, maxLength: expected - 1) == nil, "seed \(seed)")
                #expect(finder.shortestPath(from: from, to: to, maxLength: expected)?.length == expected, "seed \(seed)")
            }
        }
    }

    @Test func allShortestAndAllPathsEqualBruteForce() {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = Self.pair(graph, seed: seed) else { continue }
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let view = FilteredGraph(graph, filter: filter, namedActors: [from, to])
            let adjacency = BruteForce.adjacency(graph, filter, named: [from, to])
            let finder = PathFinder(view)
            let everyAcyclic = BruteForce.paths(adjacency, from: from, to: to, mode: .acyclic, maxLength: 8)
            let shortest = everyAcyclic.map(\.count).min()
            let allShortest = finder.allShortestPaths(from: from, to: to, limit: 10_000)
            #expect(Set(allShortest.paths.map(\.actors)) == Set(everyAcyclic.filter { $0.count == shortest }),
                "seed \(seed)")
            #expect(!allShortest.truncated)
            for mode in PathMode.allCases {
                let maxLength = mode == .acyclic ? 7 : 4
                let expected = BruteForce.paths(adjacency, from: from, to: to, mode: mode, maxLength: maxLength)
                let found = finder.allPaths(from: from, to: to, mode: mode, maxLength: maxLength, limit: 100_000)
                #expect(found.paths.count == Set(found.paths.map(\.actors)).count, "seed \(seed) \(mode): duplicates")
                #expect(Set(found.paths.map(\.actors)) == Set(expected), "seed \(seed) \(mode)")
                #expect(found.paths.map(\.length) == found.paths.map(\.length).sorted(), "seed \(seed): order")
                // The limit cuts and says so.
                if expected.count > 1 {
                    let cut = finder.allPaths(from: from, to: to, mode: mode, maxLength: maxLength, limit: expected.count - 1)
                    #expect(cut.truncated && cut.paths.count == expected.count - 1, "seed \(seed) \(mode): limit")
                    #expect(cut.paths == Array(found.paths.prefix(expected.count - 1)), "seed \(seed): lazy prefix")
                }
                let exact = finder.allPaths(from: from, to: to, mode: mode, maxLength: maxLength, limit: expected.count)
                #expect(!exact.truncated, "seed \(seed) \(mode): limit equal to the count")
            }
        }
    }

    @Test func yenPathsAreSimpleDistinctOrderedAndMatchBruteForce() {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = Self.pair(graph, seed: seed) else { continue }
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let view = FilteredGraph(graph, filter: filter, namedActors: [from, to])
            let adjacency = BruteForce.adjacency(graph, filter, named: [from, to])
            let every = BruteForce.paths(adjacency, from: from, to: to, mode: .acyclic, maxLength: 8)
            let expectedLengths = every.map { $0.count - 1 }.sorted()
            let k = Int(seed % 6) + 1
            let result = PathFinder(view).kShortestPaths(from: from, to: to, k: k)
            let lengths = result.paths.map(\.length)
            #expect(lengths == Array(expectedLengths.prefix(k)), "seed \(seed) k \(k)")
            #expect(Set(result.paths.map(\.actors)).count == result.paths.count, "seed \(seed): distinct")
            #expect(result.paths.allSatisfy { Set($0.actors).count == $0.actors.count }, "seed \(seed): simple")
            #expect(Set(result.paths.map(\.actors)).isSubset(of: Set(every)), "seed \(seed): real paths")
            #expect(result.truncated == (every.count > k), "seed \(seed): truncated")
        }
    }

    @Test func temporalPathsAreTimeRespectingAndOptimal() throws {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = Self.pair(graph, seed: seed) else { continue }
            var filter = RandomGraphs.filter(seed: seed, for: graph)
            if seed % 2 == 0 { filter = RelationFilter() }  // half unfiltered: more paths to compare
            let view = FilteredGraph(graph, filter: filter, namedActors: [from, to])
            for reading in [TemporalReading.definite, .lenient] {
                let finder = TemporalPathFinder(view, reading: reading)
                let optima = BruteForce.temporalOptima(graph, filter, from: from, to: to, reading: reading)
                for problem in TemporalProblem.allCases {
                    let path = try finder.path(problem, from: from, to: to)
                    #expect((path == nil) == (optima == nil), "seed \(seed) \(problem) \(reading)")
                    guard let path, let optima else { continue }
                    let spans = path.relations.compactMap { graph.span(of: $0) }
                    #expect(spans.count == path.relations.count, "seed \(seed): undated relation used")
                    #expect(BruteForce.respectsTime(spans, reading), "seed \(seed) \(problem): not time-respecting")
                    #expect(path.actors.first == from && path.actors.last == to, "seed \(seed)")
                    #expect(Set(path.actors).count == path.actors.count, "seed \(seed) \(problem): not simple")
                    // Every hop is a step the filter allows.
                    let steps = BruteForce.steps(graph, filter, named: [from, to])
                    for (position, relation) in path.relations.enumerated() {
                        #expect(steps.contains { $0.from == path.actors[position] && $0.to == path.actors[position + 1]
                            && $0.relation == relation }, "seed \(seed): step not allowed")
                    }
                    let departure = BruteForce.edgeTimes(spans[0], reading).departure
                    let arrival = BruteForce.edgeTimes(spans[spans.count - 1], reading).arrival
                    #expect(Int64(path.departure) == departure && Int64(path.arrival) == arrival, "seed \(seed)")
                    switch problem {
                    case .earliest: #expect(arrival == optima.earliestArrival, "seed \(seed) \(reading) earliest")
                    case .latest: #expect(departure == optima.latestDeparture, "seed \(seed) \(reading) latest")
                    case .fastest: #expect(arrival - departure == optima.fastestDuration, "seed \(seed) \(reading) fastest")
                    case .shortest: #expect(path.length == optima.fewestHops, "seed \(seed) \(reading) shortest")
                    }
                    if reading == .definite { #expect(path.certainty == .definitely, "seed \(seed)") }
                }
            }
        }
    }

    @Test func betweennessEqualsBruteForce() {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let view = FilteredGraph(graph, filter: filter)
            let adjacency = BruteForce.adjacency(graph, filter)
            let included = graph.actorIndices.map { BruteForce.actorAllowed(graph, filter, $0, named: []) }
            let expected = BruteForce.betweenness(adjacency, included: included, symmetric: !filter.directed)
            let found = Centrality.betweenness(view)
            for position in 0..<graph.actorCount {
                #expect(abs(found[position] - expected[position]) < 1e-9, "seed \(seed) actor \(position)")
            }
        }
    }

    @Test func neighbourhoodsEqualBruteForce() {
        for seed in Self.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let center = ActorIndex(Int(seed % UInt64(graph.actorCount)))
            let view = FilteredGraph(graph, filter: filter, namedActors: [center])
            let adjacency = BruteForce.adjacency(graph, filter, named: [center])
            let depth = Int(seed % 3) + 1
            let neighbourhood = Neighborhood(view, center: center, depth: depth)
            var expected: [ActorIndex: Int] = [:]
            for actor in graph.actorIndices where actor != center {
                if let length = BruteForce.shortestLength(adjacency, from: center, to: actor), length <= depth {
                    expected[actor] = length
                }
            }
            #expect(neighbourhood.members.count == expected.count, "seed \(seed)")
            let steps = BruteForce.steps(graph, filter, named: [center])
            for member in neighbourhood.members {
                #expect(expected[member.actor] == member.distance, "seed \(seed) \(member.actor)")
                let via = Set(steps.filter { step in
                    step.to == member.actor
                        && (step.from == center ? 0 : expected[step.from]) == member.distance - 1
                }.map(\.relation))
                #expect(Set(member.via) == via && !via.isEmpty, "seed \(seed) via \(member.actor)")
            }
        }
    }
}

/// The optimised searches against plain re-statements of what they returned before (``ReferenceSearch``): the same
/// path among equally short ones, the same members in the same order with the same relations in relation order.
@Suite("Query answers identical to the reference searches")
struct QueryReferenceTests {
    @Test func shortestPathIsTheReferencePath() {
        let workspace = SearchWorkspace(actorCount: 8)
        for seed in QueryPropertyTests.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = QueryPropertyTests.pair(graph, seed: seed) else { continue }
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let reused = workspace.capacity == graph.actorCount ? workspace : nil
            // Unnamed ends may be refused by the filter's kinds or avoided actors: the search must still answer as
            // before (it then finishes the level instead of stopping at the first join).
            for view in [
                FilteredGraph(graph, filter: filter, namedActors: [from, to]), FilteredGraph(graph, filter: filter),
            ] {
                let path = PathFinder(view, workspace: reused).shortestPath(from: from, to: to)
                // As before: no `Path` when a hop cannot be followed (into an end the filter refuses).
                let expected = ReferenceSearch.shortestActors(view, from: from, to: to)
                    .flatMap { view.path(through: $0) }
                #expect(path == expected, "seed \(seed) named \(view.namedActors.count)")
            }
            let whole = PathFinder(graph, workspace: reused).shortestPath(from: from, to: to)
            #expect(whole?.actors == ReferenceSearch.shortestActors(graph, from: from, to: to), "seed \(seed) whole")
            #expect(whole.map { $0.hops.allSatisfy { $0 == $0.sorted() && Set($0).count == $0.count } } ?? true)
        }
    }

    @Test func neighbourhoodOrderAndLimits() {
        let workspace = SearchWorkspace(actorCount: 8)
        for seed in QueryPropertyTests.seeds {
            let graph = RandomGraphs.multigraph(seed: seed)
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let center = ActorIndex(Int(seed % UInt64(graph.actorCount)))
            let reused = workspace.capacity == graph.actorCount ? workspace : nil
            let filtered = FilteredGraph(graph, filter: filter, namedActors: [center])
            for (name, ball) in [
                ("whole", Neighborhood(graph, center: center, depth: Int.max, workspace: reused)),
                ("filtered", Neighborhood(filtered, center: center, depth: Int.max, workspace: reused)),
            ] {
                let order = ball.members.map { [$0.distance, $0.actor.position] }
                #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) }, "seed \(seed) \(name): order")
                for member in ball.members {
                    #expect(Array(member.via) == Array(Set(member.via)).sorted(), "seed \(seed) \(name): via in order")
                }
                #expect(!ball.truncated)
            }
            let whole = Neighborhood(graph, center: center, depth: Int.max)
            for limit in [-1, 0, 1, 2, whole.members.count, whole.members.count + 1] {
                let cut = Neighborhood(graph, center: center, depth: Int.max, limit: limit, workspace: reused)
                #expect(Array(cut.members) == Array(whole.members.prefix(max(limit, 0))), "seed \(seed) limit \(limit)")
                #expect(cut.truncated == (limit >= 0 && whole.members.count > limit), "seed \(seed) limit \(limit)")
            }
        }
    }
}
