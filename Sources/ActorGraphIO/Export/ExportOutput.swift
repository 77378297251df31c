import Foundation

/// Bytes being written by an exporter: kept in memory, or streamed to a temporary file in chunks so that a
/// 10-million-relation export never holds the whole text at once.
public final class ExportOutput {
    /// What has not yet been flushed to the file (everything, for an in-memory output).
    public private(set) var bytes: [UInt8] = []
    fileprivate var descriptor: Int32?
    fileprivate var failure: String?
    private static let chunkSize = 1 << 20

    /// An in-memory output; read the result from ``bytes``.
    public init() { bytes.reserveCapacity(1 << 12) }

    fileprivate init(descriptor: Int32) {
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
        let problem: String? = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
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
        failure = problem
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Files written together, all or nothing: each goes to a temporary file beside its target, and only when every
/// one was written completely are they renamed into place. A target that is one of the inputs is refused before
/// anything is written, so an export can never truncate the data it reads.
public final class AtomicFileGroup {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    private var entries: [(temporary: String, path: String, output: ExportOutput)] = []
    private let protectedFiles: [(device: UInt64, inode: UInt64)]
    private var finished = false

    /// - Parameter inputs: files the export reads; writing over any of them (under any name) is refused.
    public init(protecting inputs: [String]) {
        protectedFiles = inputs.compactMap { Self.identity(of: $0) }
    }

    deinit { if !finished { abandon() } }

    /// Starts a file; write into the returned output, then ``commit()``.
    public func create(_ path: String) throws(Failure) -> ExportOutput {
        if let identity = Self.identity(of: path),
            protectedFiles.contains(where: { $0.device == identity.device && $0.inode == identity.inode })
        {
            abandon()
            throw Failure(path: path, reason: "it is one of the input files; choose another output")
        }
        if entries.contains(where: { $0.path == path }) {
            abandon()
            throw Failure(path: path, reason: "the same file is named twice in one export")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw Failure(path: path, reason: reason)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Temporary files are created 0600; give the result the usual permissions.
        fchmod(descriptor, 0o644)
        let output = ExportOutput(descriptor: descriptor)
        entries.append((temporary, path, output))
        return output
    }

    /// Flushes and syncs every file, then renames them all into place; on any failure removes every temporary
    /// and leaves all targets untouched.
    public func commit() throws(Failure) {
        for entry in entries {
            entry.output.flush()
            var failure = entry.output.failure
            if let descriptor = entry.output.descriptor {
                if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
                if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
                entry.output.descriptor = nil
            }
            if let failure {
                abandon()
                throw Failure(path: entry.path, reason: failure)
            }
        }
        for (position, entry) in entries.enumerated() where rename(entry.temporary, entry.path) != 0 {
            let reason = String(cString: strerror(errno))
            for remaining in entries[position...] { unlink(remaining.temporary) }
            finished = true
            throw Failure(path: entry.path, reason: reason)
        }
        finished = true
    }

    /// Removes every temporary file; the targets stay as they were.
    public func abandon() {
        for entry in entries {
            if let descriptor = entry.output.descriptor {
                close(descriptor)
                entry.output.descriptor = nil
            }
            unlink(entry.temporary)
        }
        entries.removeAll()
        finished = true
    }

    private static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
        return (UInt64(information.st_dev), UInt64(information.st_ino))
    }
}
