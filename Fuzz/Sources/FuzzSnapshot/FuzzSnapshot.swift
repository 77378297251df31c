import ActorGraph
import ActorGraphIO
import FuzzDriver

/// Any bytes as a snapshot, with and without its checksum checked (a forged file can carry a valid one): a graph
/// or a format error, never a crash or an allocation beyond what the bytes can hold. Loaded as a query loads a mapped
/// snapshot (lengths checked, values not), the graph is then queried: every index it reads is clamped and every date
/// checked, so nothing traps whatever the arrays hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(FuzzDriver.input(data, size))
    _ = try? GraphSnapshot.decode(bytes, verifyChecksum: true)
    _ = try? GraphSnapshot.decode(bytes, verifyChecksum: false)
    if let graph = try? GraphSnapshot.decode(bytes, verifyChecksum: false, check: .lengths) {
        for actor in graph.actorIndices.prefix(64) {
            _ = graph[actor].name
            _ = Neighborhood(graph, center: actor, depth: 2)
            _ = PathFinder(graph).shortestPath(from: actor, to: ActorIndex(0))
        }
        for relation in graph.relationIndices.prefix(256) {
            _ = (graph.date(of: relation)?.description, graph.type(of: relation).name, graph.id(of: relation))
        }
        _ = graph.datedDays()
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzSnapshot_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzSnapshot_main")
public func fuzzSnapshotMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzSnapshot)
}
