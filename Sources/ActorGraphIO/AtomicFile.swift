import Foundation

/// Writes files so that a reader never sees a partial one: each goes to a temporary file in the same folder and
/// is renamed over the target only when every file of the group was written.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writes `contents` to `path` atomically.
    public static func write(_ contents: [UInt8], to path: String) throws(WriteError) {
        try write([(path, contents)])
    }

    /// Writes every file to a temporary beside it, then renames them all; on any failure removes the temporaries
    /// and leaves every target as it was.
    public static func write(_ files: [(path: String, contents: [UInt8])]) throws(WriteError) {
        var written: [(temporary: String, path: String)] = []
        func cleanUp() { for entry in written { unlink(entry.temporary) } }
        for (path, contents) in files {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            var template = Array((folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard descriptor >= 0 else {
                cleanUp()
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            written.append((temporary, path))
            var offset = 0
            let failure: String? = contents.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return nil }
                while offset < buffer.count {
                    let result = Foundation.write(descriptor, base + offset, buffer.count - offset)
                    if result < 0 {
                        if errno == EINTR { continue }
                        return String(cString: strerror(errno))
                    }
                    offset += result
                }
                return nil
            }
            // Temporary files are created 0600; give the result the usual permissions.
            fchmod(descriptor, 0o644)
            if let failure {
                close(descriptor)
                cleanUp()
                throw WriteError(path: path, reason: failure)
            }
            if fsync(descriptor) != 0 || close(descriptor) != 0 {
                cleanUp()
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
        }
        for (index, entry) in written.enumerated() where rename(entry.temporary, entry.path) != 0 {
            let reason = String(cString: strerror(errno))
            for remaining in written[index...] { unlink(remaining.temporary) }
            throw WriteError(path: entry.path, reason: reason)
        }
    }
}
