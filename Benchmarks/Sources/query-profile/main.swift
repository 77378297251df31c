// Profiling driver for the query side: builds the synthetic graph in-process (no CSV, no ActorGraphIO, so a build
// with other compiler flags is quick), then runs one phase over the pairs file. Meant for
// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*runPhase*'`, which counts the instructions of
// the phase alone, repeatably on this shared machine:
//
//   query-profile --actors 100000 --relations 1000000 --seed 1 --pairs M.pairs.tsv --phase undirected
//
// Phases: undirected, directed, asof (shortest paths), bfs (Neighborhood, unbounded), distance (PathFinder.distance:
// the search without building the Path's hops).
import ActorGraph
import BenchSupport

let options = BenchOptions.parse(
    ["--csv", "-"] + Array(CommandLine.arguments.dropFirst()))
let actors = Int(options.extra["actors"] ?? "") ?? 100_000
let relations = Int(options.extra["relations"] ?? "") ?? 1_000_000
let seed = UInt64(options.extra["seed"] ?? "") ?? 1
let phase = options.extra["phase"] ?? "undirected"
let graph = SyntheticGraph.generate(actors: actors, relations: relations, seed: seed)
let pairs = try readPairs(options.pairs).compactMap { pair -> (ActorIndex, ActorIndex)? in
    guard let source = graph.actorIndex(id: pair.0), let target = graph.actorIndex(id: pair.1) else { return nil }
    return (source, target)
}
let workspace = SearchWorkspace(actorCount: graph.actorCount)

@MainActor func view(_ configure: (inout RelationFilter) -> Void) -> FilteredGraph {
    var filter = RelationFilter()
    configure(&filter)
    return FilteredGraph(graph, filter: filter)
}

@inline(never)
@MainActor func runPhase() -> Int {
    var total = 0
    switch phase {
    case "undirected":
        let finder = PathFinder(graph, workspace: workspace)
        for (source, target) in pairs { total += finder.shortestPath(from: source, to: target)?.length ?? 0 }
    case "distance":
        let finder = PathFinder(graph, workspace: workspace)
        for (source, target) in pairs { total += finder.distance(from: source, to: target) ?? 0 }
    case "directed":
        let finder = PathFinder(view { $0.directed = true }, workspace: workspace)
        for (source, target) in pairs { total += finder.shortestPath(from: source, to: target)?.length ?? 0 }
    case "asof":
        guard case .success(let condition) = TimeCondition.parseAt(options.at) else { return -1 }
        let finder = PathFinder(
            view {
                $0.time = condition
                $0.includePossible = true
            }, workspace: workspace)
        for (source, target) in pairs { total += finder.shortestPath(from: source, to: target)?.length ?? 0 }
    case "bfs":
        for (source, _) in pairs.prefix(options.bfsSources) {
            total += Neighborhood(graph, center: source, depth: Int.max, workspace: workspace).members.count + 1
        }
    default:
        note("unknown phase \(phase)")
    }
    return total
}

let (total, elapsed) = measure { runPhase() }
print("phase \(phase): total \(total), \(pairs.count) pairs, \(elapsed / 1e6) ms")
