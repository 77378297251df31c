// Profiling driver for the query side: builds the synthetic graph in-process (no CSV, no ActorGraphIO, so a build
// with other compiler flags is quick), then runs one phase over the pairs file. Meant for
// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*runPhase*'`, which counts the instructions of
// the phase alone, repeatably on this shared machine:
//
//   query-profile --actors 100000 --relations 1000000 --seed 1 --pairs M.pairs.tsv --phase undirected
//
// Phases: undirected, directed, asof, asof-indexed (shortest paths; the last on `FilteredGraph.indexed()`), bfs (Neighborhood, unbounded), distance (PathFinder.distance:
// the search without building the Path's hops), steps (steps examined by PathFinder vs an early-exit reference).
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

/// Counts the steps a search examines (one per relation end looked at), to compare searches by work done.
final class StepCounter { var steps = 0 }
struct CountingView: Traversable {
    let graph: RelationGraph
    let counter: StepCounter
    var actorCount: Int { graph.actorCount }
    var isSymmetric: Bool { true }
    func forEachStep(from actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        graph.forEachStep(from: actor) { neighbor, relation in
            counter.steps += 1
            body(neighbor, relation)
        }
    }
    func forEachStep(into actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        forEachStep(from: actor, body)
    }
    func includes(_ actor: ActorIndex) -> Bool { graph.includes(actor) }
    func span(of relation: RelationIndex) -> TimeSpan? { graph.span(of: relation) }
}

/// Harness reference, not the product: bidirectional BFS that grows the side with the smaller frontier and stops
/// at the first step joining the two searches (which is already shortest when frontiers grow level by level), as
/// networkit's `BidirectionalBFS` does. Returns the distance.
func earlyExitDistance(_ view: CountingView, _ source: ActorIndex, _ target: ActorIndex) -> Int? {
    if source == target { return 0 }
    var forward = [Int32](repeating: -1, count: view.actorCount)
    var backward = [Int32](repeating: -1, count: view.actorCount)
    forward[source.position] = 0
    backward[target.position] = 0
    var forwardFrontier = [source], backwardFrontier = [target]
    while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty {
        let growForward = forwardFrontier.count <= backwardFrontier.count
        var next: [ActorIndex] = []
        var found: Int? = nil
        for actor in growForward ? forwardFrontier : backwardFrontier {
            let depth = (growForward ? forward : backward)[actor.position] + 1
            view.forEachStep(from: actor) { neighbor, _ in
                guard found == nil else { return }
                let position = neighbor.position
                if growForward {
                    if forward[position] >= 0 { return }
                    forward[position] = depth
                    if backward[position] >= 0 { found = Int(depth + backward[position]) }
                } else {
                    if backward[position] >= 0 { return }
                    backward[position] = depth
                    if forward[position] >= 0 { found = Int(depth + forward[position]) }
                }
                next.append(neighbor)
            }
            if let found { return found }
        }
        if growForward { forwardFrontier = next } else { backwardFrontier = next }
    }
    return nil
}

/// The as-of view with its admitted-relation bits, built before the phase is timed (its build is measured apart).
let asOfIndexed: FilteredGraph? = {
    guard phase == "asof-indexed", case .success(let condition) = TimeCondition.parseAt(options.at) else { return nil }
    let (indexed, elapsed) = measure {
        view {
            $0.time = condition
            $0.includePossible = true
        }.indexed()
    }
    print("admitted-relation bits built in \(elapsed / 1e6) ms")
    return indexed
}()

@inline(never) @MainActor func runPhase() -> Int {
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
    case "asof-indexed":
        guard let indexedView = asOfIndexed else { return -1 }
        let finder = PathFinder(indexedView, workspace: workspace)
        for (source, target) in pairs { total += finder.shortestPath(from: source, to: target)?.length ?? 0 }
    case "steps":
        // Steps examined by PathFinder and by the early-exit reference, and whether their distances agree.
        let counter = StepCounter()
        let counted = CountingView(graph: graph, counter: counter)
        let finder = PathFinder(counted, workspace: workspace)
        var ours = 0, reference = 0, disagreements = 0
        for (source, target) in pairs {
            counter.steps = 0
            let distance = finder.distance(from: source, to: target)
            ours += counter.steps
            counter.steps = 0
            if earlyExitDistance(counted, source, target) != distance { disagreements += 1 }
            reference += counter.steps
        }
        print("steps examined: PathFinder \(ours), early exit \(reference), disagreements \(disagreements)")
        total = disagreements
    case "bfs":
        for (source, _) in pairs.prefix(options.bfsSources) {
            total += Neighborhood(graph, center: source, depth: Int.max, workspace: workspace).members.count + 1
        }
    default:
        note("unknown phase \(phase)")
    }
    return total
}

// `--repeat N` runs the phase N times and prints the fastest and the median run: on this shared machine the fastest
// of many runs is the most repeatable wall-clock figure (callgrind's instruction counts need only one run).
_ = asOfIndexed
let repeats = max(1, Int(options.extra["repeat"] ?? "") ?? 1)
var runs: [Double] = []
var total = 0
for _ in 0..<repeats {
    let (phaseTotal, elapsed) = measure { runPhase() }
    total = phaseTotal
    runs.append(elapsed / 1e6)
}
runs.sort()
print(
    "phase \(phase): total \(total), \(pairs.count) pairs, fastest \(runs[0]) ms, median \(runs[runs.count / 2]) ms"
        + " of \(repeats) runs")
