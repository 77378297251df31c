import ActorGraphIO
import FuzzDriver

/// Any bytes as a graph file: the loader must return a graph or positioned diagnostics, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(FuzzDriver.input(data, size))
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

/// SwiftPM links an executable's entry point as `FuzzGraphFile_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzGraphFile_main")
public func fuzzGraphFileMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzGraphFile)
}
