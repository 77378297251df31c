// ActorGraph on the same CSV and query pairs as the peers, through the library's own API, printing the same JSON
// as `peers.py run-one`:
// - load: the file's bytes (`FileBytes.read`, as the CLI), then `CSVEdgeImporter.load` (the importer `actorgraph import` uses: parse, check,
//   build the CSR graph with types and dates);
// - memory: `graph.bytesPerRelation` (the per-relation arrays) and the resident-set growth of the whole load;
// - shortest path: `PathFinder.shortestPath` (bidirectional BFS; the answer is a `Path` with every parallel
//   relation of each hop), on the whole graph (undirected) and on a `FilteredGraph` with `directed`;
// - as of a day: a `FilteredGraph` with `--at D` and `includePossible` — the same relations as the peers' filter on
//   the CSV's `start`/`end` — checked during the search, no filtered copy; and the same view `indexed()` (one bit
//   per relation saying whether the filter admits it, computed once per date);
// - full BFS: `Neighborhood` with no depth bound (every reachable actor with its distance and relations).
import ActorGraph
import ActorGraphIO
import BenchSupport
import Foundation

let options = BenchOptions.parse()
let residentBefore = residentBytes()
let residentPartsBefore = residentBreakdown()
// The file is read as `actorgraph` reads it (`FileBytes.read`: one `read` into the array, no `Data` in between).
let (bytes, readNanoseconds) = measure { FileBytes.read(options.csv) }
guard let bytes else { fatalError("cannot read \(options.csv)") }
let (imported, importNanoseconds) = try measure {
    try CSVEdgeImporter.load(edges: (name: options.csv, bytes: bytes))
}
let graph = imported.graph
let residentAfter = residentBytes()
let residentParts = residentBreakdown()
// The file's bytes are still held here; they are not part of the graph.
let loadBytes = residentAfter - residentBefore - bytes.count
note("actorgraph: loaded \(graph.actorCount) actors, \(graph.relationCount) relations")

let pairNames = try readPairs(options.pairs)
let pairs = pairNames.compactMap { pair -> (Int, Int)? in
    guard let source = graph.actorIndex(id: pair.0), let target = graph.actorIndex(id: pair.1) else { return nil }
    return (source.position, target.position)
}
let startActors = bfsSources(pairNames, count: options.bfsSources).compactMap { graph.actorIndex(id: $0) }

var result: [(String, JSON)] = [
    ("library", .string("ActorGraph")), ("version", .string("main")), ("actors", .int(graph.actorCount)),
    ("relations", .int(graph.relationCount)), ("pairs", .int(pairs.count)),
    ("parse_ms", .number(readNanoseconds / 1e6)), ("build_ms", .number(importNanoseconds / 1e6)),
    ("load_ms", .number((readNanoseconds + importNanoseconds) / 1e6)),
    ("graph_bytes", .int(loadBytes)),
    ("graph_bytes_per_relation", .number(Double(loadBytes) / Double(max(graph.relationCount, 1)))),
    ("bytes_per_relation", .number(graph.bytesPerRelation)),
    // Where the resident set sits after the load (the file's bytes are in the anonymous mappings).
    ("heap_growth_bytes", .int(residentParts.heap - residentPartsBefore.heap)),
    ("other_anonymous_growth_bytes", .int(residentParts.otherAnonymous - residentPartsBefore.otherAnonymous)),
]

let workspace = SearchWorkspace(actorCount: graph.actorCount)

@MainActor func timeShortestPaths<View: Traversable>(_ view: View) -> JSON {
    let finder = PathFinder(view, workspace: workspace)
    return timePairs(pairs) { source, target in
        finder.shortestPath(from: ActorIndex(source), to: ActorIndex(target))?.length
    }
}

result.append(("shortest_path_undirected", timeShortestPaths(graph)))

var bfsSamples: [Double] = []
var reached = 0
for center in startActors {
    let (ball, elapsed) = measure { Neighborhood(graph, center: center, depth: Int.max, workspace: workspace) }
    bfsSamples.append(elapsed)
    reached += ball.members.count + 1  // the members exclude the centre
}
result.append(("full_bfs", .object(summary(bfsSamples) + [("reached_sum", .int(reached))])))

// Diagnostic, not the product's API: a distances-only BFS written here over `Traversable.forEachStep`, to tell the
// cost of walking the CSR through the public protocol from the cost of building `Neighborhood`'s answer.
func bareBFS(_ graph: RelationGraph, from center: ActorIndex, distance: inout [Int32], queue: inout [Int32]) -> Int {
    for position in distance.indices { distance[position] = -1 }
    distance[center.position] = 0
    queue[0] = Int32(center.position)
    var head = 0, tail = 1
    while head < tail {
        let actor = ActorIndex(Int(queue[head]))
        head += 1
        let next = distance[actor.position] + 1
        graph.forEachStep(from: actor) { neighbor, _ in
            if distance[neighbor.position] < 0 {
                distance[neighbor.position] = next
                queue[tail] = Int32(neighbor.position)
                tail += 1
            }
        }
    }
    return tail
}
var bareSamples: [Double] = []
var bareReached = 0
do {
    var distance = [Int32](repeating: -1, count: graph.actorCount)
    var queue = [Int32](repeating: 0, count: graph.actorCount)
    for center in startActors {
        let (count, elapsed) = measure { bareBFS(graph, from: center, distance: &distance, queue: &queue) }
        bareSamples.append(elapsed)
        bareReached += count
    }
}
result.append(("full_bfs_bare", .object(summary(bareSamples) + [("reached_sum", .int(bareReached))])))

// As of a day: the filter is a view; building it precomputes one flag per relation type.
guard case .success(let condition) = TimeCondition.parseAt(options.at) else {
    fatalError("--at \(options.at) is not a date")
}
var asOfFilter = RelationFilter(time: condition)
asOfFilter.includePossible = true
let (asOf, filterNanoseconds) = measure { FilteredGraph(graph, filter: asOfFilter) }
let activeCount = graph.relationIndices.reduce(0) { $0 + (asOf.match($1) != nil ? 1 : 0) }
result.append(
    (
        "as_of",
        .object([
            ("date", .string(options.at)), ("relations", .int(activeCount)),
            ("filter_build_ms", .number(filterNanoseconds / 1e6)),
        ])
    ))
result.append(("shortest_path_as_of", timeShortestPaths(asOf)))
// The same view with its admitted-relation bits (`FilteredGraph.indexed()`: one bit per relation, computed once per
// date), as a session asking many questions as of one day would use it.
let (asOfIndexed, indexNanoseconds) = measure { asOf.indexed() }
result.append(("as_of_indexed", .object([("index_build_ms", .number(indexNanoseconds / 1e6))])))
result.append(("shortest_path_as_of_indexed", timeShortestPaths(asOfIndexed)))

var directedFilter = RelationFilter()
directedFilter.directed = true
let (directed, directedNanoseconds) = measure { FilteredGraph(graph, filter: directedFilter) }
result.append(("directed_build_ms", .number(directedNanoseconds / 1e6)))
result.append(("shortest_path_directed", timeShortestPaths(directed)))
emit(result)
