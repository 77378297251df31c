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
