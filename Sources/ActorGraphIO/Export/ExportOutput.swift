import Foundation

/// Bytes being written by an exporter: kept in memory, or streamed to a temporary file in chunks so that a
/// 10-million-relation export never holds the whole text at once.
public final class ExportOutput {
    /// What has not yet been flushed to the file (everything, for an in-memory output).
    public private(set) var bytes: [UInt8] = []
    var descriptor: Int32?
    var failure: String?
    private static let chunkSize = 1 << 20

    /// An in-memory output; read the result from ``bytes``.
    public init() { bytes.reserveCapacity(1 << 12) }

    init(descriptor: Int32) {
        self.descriptor = descriptor
        bytes.reserveCapacity(Self.chunkSize + (1 << 16))
    }

    @inline(__always)
    public func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.chunkSize { flush() }
    }

    @inline(__always)
    public func write(byte: UInt8) {
        bytes.append(byte)
    }

    @inline(__always)
    public func write(_ buffer: [UInt8]) {
        bytes.append(contentsOf: buffer)
        if bytes.count >= Self.chunkSize { flush() }
    }

    /// Appends `value` in decimal without allocating a String.
    public func write(decimal value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            write(decimal: -value)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends `value` in decimal, zero-padded to `width` digits.
    public func write(decimal value: Int, width: Int) {
        var digits = 1
        var limit = 10
        while value >= limit && digits < 19 {
            digits += 1
            limit *= 10
        }
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        write(decimal: value)
    }

    /// Sends the buffered bytes to the file; a failure is kept and reported when the group commits.
    func flush() {
        guard let descriptor, failure == nil, !bytes.isEmpty else { return }
        failure = DescriptorWrite.writeAll(descriptor, bytes).map(DescriptorWrite.reason)
        bytes.removeAll(keepingCapacity: true)
    }
}
