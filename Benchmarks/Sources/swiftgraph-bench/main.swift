// SwiftGraph 4.0.0 on the same CSV and query pairs as the Python peers, printing the same JSON as
// `peers.py run-one`. SwiftGraph has no file reader, so the CSV goes through the harness's byte scanner
// (BenchSupport), timed as its parse; an `UnweightedGraph<Int>` is then built with one edge per relation.
import BenchSupport
import SwiftGraph

let options = BenchOptions.parse()
let ((table, edges), parseNanoseconds) = try measure { () throws -> (CSVTable, EdgeArrays) in
    let table = try CSVTable(path: options.csv)
    return (table, try EdgeArrays(table))
}
_ = table
let pairNames = try readPairs(options.pairs)
let pairs = pairNames.compactMap { pair -> (Int, Int)? in
    guard let source = edges.indexByName[pair.0], let target = edges.indexByName[pair.1] else { return nil }
    return (source, target)
}
let startActors = bfsSources(pairNames, count: options.bfsSources).compactMap { edges.indexByName[$0] }
guard let asOfDay = dayNumber(options.at) else { fatalError("--at \(options.at) is not YYYY-MM-DD") }

/// One graph over every actor, with one edge per selected relation (both ways unless `directed`).
@MainActor func build(relations: some Sequence<Int>, directed: (Int) -> Bool) -> UnweightedGraph<Int> {
    let graph = UnweightedGraph<Int>(vertices: Array(0..<edges.actorCount))
    for relation in relations {
        graph.addEdge(
            fromIndex: Int(edges.source[relation]), toIndex: Int(edges.target[relation]), directed: directed(relation))
    }
    return graph
}

@MainActor func hops(_ graph: UnweightedGraph<Int>, _ source: Int, _ target: Int) -> Int? {
    let path = graph.bfs(fromIndex: source, toIndex: target)
    return path.isEmpty ? nil : path.count
}

let residentBefore = residentBytes()
let (undirected, buildNanoseconds) = measure { build(relations: 0..<edges.relationCount) { _ in false } }
let graphBytes = residentBytes() - residentBefore
var result: [(String, JSON)] = [
    ("library", .string("SwiftGraph")), ("version", .string("4.0.0")), ("actors", .int(edges.actorCount)),
    ("relations", .int(edges.relationCount)), ("pairs", .int(pairs.count)),
    ("parse_ms", .number(parseNanoseconds / 1e6)), ("build_ms", .number(buildNanoseconds / 1e6)),
    ("load_ms", .number((parseNanoseconds + buildNanoseconds) / 1e6)), ("graph_bytes", .int(graphBytes)),
    ("graph_bytes_per_relation", .number(Double(graphBytes) / Double(max(edges.relationCount, 1)))),
]
note("swiftgraph: loaded \(edges.actorCount) actors, \(edges.relationCount) relations")
result.append(("shortest_path_undirected", timePairs(pairs) { hops(undirected, $0, $1) }))

// Full BFS: SwiftGraph's visitor BFS with a goal that never matches, so it visits every reachable actor.
var bfsSamples: [Double] = []
var reached = 0
for source in startActors {
    var count = 1
    let (_, elapsed) = measure {
        undirected.bfs(fromIndex: source, goalTest: { _ in false }, visitOrder: { $0 }) { _ in
            count += 1
            return true
        }
    }
    bfsSamples.append(elapsed)
    reached += count
}
result.append(("full_bfs", .object(summary(bfsSamples) + [("reached_sum", .int(reached))])))

// As of a day: a filtered copy first, as SwiftGraph has no edge filter.
let (asOf, filterNanoseconds) = measure {
    build(relations: (0..<edges.relationCount).lazy.filter { edges.isActive($0, at: asOfDay) }) { _ in false }
}
let activeCount = (0..<edges.relationCount).reduce(0) { $0 + (edges.isActive($1, at: asOfDay) ? 1 : 0) }
result.append(
    (
        "as_of",
        .object([
            ("date", .string(options.at)), ("relations", .int(activeCount)),
            ("filter_build_ms", .number(filterNanoseconds / 1e6)),
        ])
    ))
result.append(("shortest_path_as_of", timePairs(pairs) { hops(asOf, $0, $1) }))

// Directed: a directed type's relation is one arc, an undirected type's a two-way edge.
let (directed, directedNanoseconds) = measure {
    build(relations: 0..<edges.relationCount) { edges.typeDirected[$0] }
}
result.append(("directed_build_ms", .number(directedNanoseconds / 1e6)))
result.append(("shortest_path_directed", timePairs(pairs) { hops(directed, $0, $1) }))
emit(result)
