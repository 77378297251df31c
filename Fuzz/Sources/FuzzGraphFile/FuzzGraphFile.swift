import ActorGraphIO

/// Any bytes as a graph file: the loader must return a graph or positioned diagnostics, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        _ = try GraphLoader.load(files: [(name: "fuzz.yaml", bytes: bytes)], catalogue: nil, sourceTexts: nil)
    } catch {
        for diagnostic in error.diagnostics where diagnostic.location.file != "fuzz.yaml" {
            fatalError("a diagnostic names another file: \(diagnostic)")
        }
        if error.diagnostics.isEmpty { fatalError("a refusal without a diagnostic") }
    }
    return 0
}
