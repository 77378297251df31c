// ActorGraph alone, on ordo-one/benchmark: the M graph's queries with latency percentiles, malloc counts and
// instructions, for regression tracking (`swift package benchmark baseline update / compare`):
//
//   swift package --package-path Benchmarks --scratch-path Benchmarks/.build-bench \
//       --allow-writing-to-package-directory benchmark --target ActorGraphQueries
//
// The side-by-side table with the peers comes from `make bench` (scripts/bench.sh), which runs the plain
// executables `actorgraph-bench` and `swiftgraph-bench` next to Python: ordo-one's runner drives Swift closures
// only, and the comparison needs every side on the same CSV and pairs in one report.
//
// The graph is `SyntheticGraph.generate(actors: 100_000, relations: 1_000_000, seed: 1)`, the graph whose CSV
// export `make bench` reads as M; the 200 pairs are drawn here with SplitMix64 (seed 7), so they are not the
// Python peers' pairs.
import ActorGraph
import Benchmark

let graph = SyntheticGraph.generate(actors: 100_000, relations: 1_000_000, seed: 1)
let pairs: [(ActorIndex, ActorIndex)] = {
    var state: UInt64 = 7
    func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(graph.actorCount))
    }
    var result: [(ActorIndex, ActorIndex)] = []
    while result.count < 200 {
        let source = next(), target = next()
        if source != target { result.append((ActorIndex(source), ActorIndex(target))) }
    }
    return result
}()
let workspace = SearchWorkspace(actorCount: graph.actorCount)

func filtered(_ configure: (inout RelationFilter) -> Void) -> FilteredGraph {
    var filter = RelationFilter()
    configure(&filter)
    return FilteredGraph(graph, filter: filter)
}

let directedView = filtered { $0.directed = true }
let asOfView = filtered {
    if case .success(let condition) = TimeCondition.parseAt("2000-01-01") { $0.time = condition }
    $0.includePossible = true
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions],
        warmupIterations: 5,
        maxDuration: .seconds(5),
        maxIterations: 2_000,
        // Build the graph, the pairs and the views before any measurement.
        setup: { _ = (graph.actorCount, pairs.count, directedView.actorCount, asOfView.actorCount) }
    )

    var next = 0
    func pair() -> (ActorIndex, ActorIndex) {
        next = (next + 1) % pairs.count
        return pairs[next]
    }

    Benchmark("M shortest path, undirected (one pair per iteration)") { _ in
        let (source, target) = pair()
        blackHole(PathFinder(graph, workspace: workspace).shortestPath(from: source, to: target))
    }
    Benchmark("M shortest path, directed (one pair per iteration)") { _ in
        let (source, target) = pair()
        blackHole(PathFinder(directedView, workspace: workspace).shortestPath(from: source, to: target))
    }
    Benchmark("M as-of 2000-01-01 shortest path (one pair per iteration)") { _ in
        let (source, target) = pair()
        blackHole(PathFinder(asOfView, workspace: workspace).shortestPath(from: source, to: target))
    }
    Benchmark("M as-of 2000-01-01 view build") { _ in
        blackHole(filtered { $0.time = .at(first: 10_957, last: 10_957) })
    }
    Benchmark(
        "M full BFS (Neighborhood, unbounded depth)",
        configuration: .init(maxDuration: .seconds(10), maxIterations: 20)
    ) { _ in
        let (source, _) = pair()
        blackHole(Neighborhood(graph, center: source, depth: Int.max, workspace: workspace).members.count)
    }
}
