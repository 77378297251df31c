import Foundation

/// Reads a whole file into one byte array with a single copy: bulk edge lists run to gigabytes, and going
/// through `Data` first would hold the bytes twice.
public enum FileBytes {
    /// Why a file could not be read, in the system's words ("Permission denied") or ours ("it is a folder").
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    public static func read(_ path: String) -> [UInt8]? { try? contents(path).get() }

    /// The file's bytes, or why not. Folders and devices are refused (reading `/dev/zero` would never end); a FIFO
    /// is read to its end.
    public static func contents(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var information = stat()
        guard fstat(descriptor, &information) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        switch information.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: break
        case S_IFDIR: return .failure(Failure(reason: "it is a folder, not a file"))
        default: return .failure(Failure(reason: "it is a device or socket, not a file"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let size = Int(information.st_size)
        // Pipes and files that report no size are read in chunks to their end.
        guard size > 0 else { return readToEnd(descriptor) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < size {
                let result = Foundation.read(descriptor, base + offset, size - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if result == 0 { break }
                offset += result
            }
            count = offset
        }
        return failure == 0 ? .success(bytes) : .failure(Failure(reason: String(cString: strerror(failure))))
    }

    private static func readToEnd(_ descriptor: Int32) -> Result<[UInt8], Failure> {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(result) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: String(cString: strerror(errno))))
            }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}
