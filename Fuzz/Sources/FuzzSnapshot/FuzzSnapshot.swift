import ActorGraphIO

/// Any bytes as a snapshot, with and without its checksum checked (a forged file can carry a valid one): a graph
/// or a format error, never a crash or an allocation beyond what the bytes can hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? GraphSnapshot.decode(bytes, verifyChecksum: true)
    _ = try? GraphSnapshot.decode(bytes, verifyChecksum: false)
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzSnapshot_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzSnapshot_main")
public func fuzzSnapshotMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzSnapshot(data, size)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
