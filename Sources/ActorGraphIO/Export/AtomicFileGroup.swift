import Foundation

/// Files written together, all or nothing: each goes to a temporary file beside its target, and only when every
/// one was written completely are they renamed into place. A target that is one of the inputs is refused before
/// anything is written, so an export can never truncate the data it reads.
///
/// A target that exists and is not a regular file is never replaced: a symbolic link is followed and the file it
/// names is replaced; a character device or FIFO (`/dev/null`, `/dev/full`, a pipe) is written directly, so its
/// errors (ENOSPC) are reported; a folder, block device or socket is refused. A new file gets `0666` less the
/// umask, a replaced file keeps its mode. The renames of several files hold an advisory lock on their folders, so
/// two concurrent exports into one folder never leave one's file beside the other's.
public final class AtomicFileGroup {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    private struct Entry {
        var path: String
        /// Where the bytes end up: the target itself, or the file a symbolic link names.
        var destination: String
        /// `nil` when the target is written directly (a device or FIFO).
        var temporary: String?
        var identity: OutputTarget.Identity
        var output: ExportOutput
    }

    private var entries: [Entry] = []
    private let protectedFiles: [(device: UInt64, inode: UInt64)]
    private var finished = false

    /// - Parameter inputs: files the export reads; writing over any of them (under any name) is refused.
    public init(protecting inputs: [String]) {
        protectedFiles = inputs.compactMap { OutputTarget.fileIdentity(of: $0) }
    }

    deinit { if !finished { abandon() } }

    /// Starts a file; write into the returned output, then ``commit()``.
    public func create(_ path: String) throws(Failure) -> ExportOutput {
        do {
            return try start(path)
        } catch {
            abandon()
            throw error
        }
    }

    private func start(_ path: String) throws(Failure) -> ExportOutput {
        if let identity = OutputTarget.fileIdentity(of: path),
            protectedFiles.contains(where: { $0.device == identity.device && $0.inode == identity.inode })
        {
            throw Failure(path: path, reason: "it is one of the input files; choose another output")
        }
        let target = try OutputTarget.resolve(path)
        if entries.contains(where: { $0.identity == target.identity }) {
            throw Failure(path: path, reason: "the same file is named twice in one export")
        }
        switch target.kind {
        case .direct:
            let descriptor = try OutputTarget.openDirect(target.destination, shownAs: path)
            let output = ExportOutput(descriptor: descriptor)
            entries.append(Entry(path: path, destination: target.destination, identity: target.identity, output: output))
            return output
        case .replace(let mode):
            var template = Array(OutputTarget.temporaryTemplate(for: target.destination).utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard descriptor >= 0 else { throw Failure(path: path, reason: DescriptorWrite.reason(errno)) }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // mkstemp creates 0600; the result takes the replaced file's mode, or 0666 less the umask.
            fchmod(descriptor, mode)
            let output = ExportOutput(descriptor: descriptor)
            entries.append(
                Entry(
                    path: path, destination: target.destination, temporary: temporary, identity: target.identity,
                    output: output))
            return output
        }
    }

    /// Flushes and syncs every file, then renames them all into place; on any failure removes every temporary
    /// and leaves all targets untouched.
    public func commit() throws(Failure) {
        for index in entries.indices {
            let entry = entries[index]
            entry.output.flush()
            var failure = entry.output.failure
            if let descriptor = entry.output.descriptor {
                // A device is not synced: fsync on /dev/null fails with EINVAL, and there is nothing to keep.
                if failure == nil, entry.temporary != nil, fsync(descriptor) != 0 {
                    failure = DescriptorWrite.reason(errno)
                }
                if close(descriptor) != 0, failure == nil { failure = DescriptorWrite.reason(errno) }
                entry.output.descriptor = nil
            }
            if let failure {
                abandon()
                throw Failure(path: entry.path, reason: failure)
            }
        }
        let replaced = entries.filter { $0.temporary != nil }
        let lock = replaced.count > 1 ? FolderLock(folders: replaced.map { OutputTarget.folder(of: $0.destination) }) : nil
        defer { lock?.release() }
        for (position, entry) in replaced.enumerated() {
            guard let temporary = entry.temporary, rename(temporary, entry.destination) != 0 else { continue }
            let reason = DescriptorWrite.reason(errno)
            for remaining in replaced[position...] { remaining.temporary.map { _ = unlink($0) } }
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
            if let temporary = entry.temporary { unlink(temporary) }
        }
        entries.removeAll()
        finished = true
    }
}

/// Exclusive `flock`s on folders, taken in a fixed order so two groups can never wait on each other.
private final class FolderLock {
    private var descriptors: [Int32] = []

    init(folders: [String]) {
        for folder in Set(folders).sorted() {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            descriptors.append(descriptor)
        }
    }

    func release() {
        for descriptor in descriptors.reversed() { close(descriptor) }
        descriptors.removeAll()
    }

    deinit { release() }
}
