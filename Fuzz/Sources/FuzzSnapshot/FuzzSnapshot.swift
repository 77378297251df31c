import ActorGraphIO
import FuzzDriver

/// Any bytes as a snapshot, with and without its checksum checked (a forged file can carry a valid one): a graph
/// or a format error, never a crash or an allocation beyond what the bytes can hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(FuzzDriver.input(data, size))
    _ = try? GraphSnapshot.decode(bytes, verifyChecksum: true)
    _ = try? GraphSnapshot.decode(bytes, verifyChecksum: false)
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzSnapshot_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzSnapshot_main")
public func fuzzSnapshotMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzSnapshot)
}
