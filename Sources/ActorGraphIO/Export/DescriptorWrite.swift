import Foundation

/// Writes bytes to a file descriptor with `write(2)` in a loop, returning the `errno` of a failure instead of
/// trapping as Foundation's `FileHandle.write` does on a full disk or a closed pipe.
public enum DescriptorWrite {
    /// Writes every byte, retrying after EINTR and short writes; returns `nil` or the `errno` that stopped it.
    public static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let result = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += result
        }
        return nil
    }

    /// ``writeAll(_:_:)`` for an array of bytes.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// The system's description of `code`, e.g. "No space left on device".
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
