import Foundation

/// Reads a whole file into one byte array with a single copy: bulk edge lists run to gigabytes, and going
/// through `Data` first would hold the bytes twice.
public enum FileBytes {
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var information = stat()
        guard fstat(descriptor, &information) == 0 else { return nil }
        let size = Int(information.st_size)
        // Pipes and special files report no size: read them the ordinary way.
        guard size > 0 else { return FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < size {
                let result = Foundation.read(descriptor, base + offset, size - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if result == 0 { break }
                offset += result
            }
            count = offset
        }
        return failed ? nil : bytes
    }
}
