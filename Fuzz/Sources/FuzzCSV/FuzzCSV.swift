import ActorGraphIO
import FuzzDriver

/// Any bytes as an edge list, and split at the first NUL into an edge list and its actor list: a graph with
/// its problems, or diagnostics, never a crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(FuzzDriver.input(data, size))
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

/// SwiftPM links an executable's entry point as `FuzzCSV_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzCSV)
}
