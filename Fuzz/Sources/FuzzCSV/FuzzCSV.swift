import ActorGraphIO

/// Any bytes as an edge list, and split at the first NUL into an edge list and its actor list: a graph with
/// its problems, or diagnostics, never a crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = CSVImportOptions()
    if bytes.first == UInt8(ascii: "\t") { options.separator = UInt8(ascii: "\t") }
    if bytes.count % 2 == 0 { options.defaultKind = .group }
    _ = try? CSVEdgeImporter.load(edges: (name: "edges.csv", bytes: bytes), options: options)
    if let split = bytes.firstIndex(of: 0) {
        _ = try? CSVEdgeImporter.load(
            edges: (name: "edges.csv", bytes: Array(bytes[..<split])),
            actors: (name: "actors.csv", bytes: Array(bytes[(split + 1)...])), options: options)
    }
    return 0
}
