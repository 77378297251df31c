import ActorGraph
import Foundation

/// How a snapshot file's bytes are held while its graph is in use.
public enum SnapshotAccess: Sendable {
    /// Read into one allocation with `pread`: the bytes are the process's own, and a file changed or shortened by
    /// another program afterwards cannot affect them. For long-lived processes (the explorer) and `check`.
    case copied
    /// A private read-only mapping of the file, used in place: a query reads only the pages it needs and nothing is
    /// copied (docs/PERFORMANCE.md, "Cold queries"). A file shortened by another program while it is mapped makes its
    /// missing pages raise SIGBUS, which ``SnapshotMappingGuard`` turns into an error message and exit status 1.
    case mapped
}

/// A snapshot's bytes, kept for as long as a graph's columns point into them: a mapping, or an allocation aligned as
/// the file's arrays are (``GraphSnapshot/alignment``).
final class SnapshotRegion: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    /// Whether the bytes are a mapping of the file, which another program can change.
    let isMapped: Bool

    /// A copy of `source`.
    init(copying source: UnsafeRawBufferPointer) {
        let memory = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(source.count, 1), alignment: GraphSnapshot.alignment)
        if let base = source.baseAddress { memory.baseAddress?.copyMemory(from: base, byteCount: source.count) }
        (bytes, isMapped) = (UnsafeRawBufferPointer(rebasing: memory[..<source.count]), false)
    }

    /// The first `count` bytes of the open file, read with `pread`; `nil` when fewer are there (shortened meanwhile).
    init?(reading descriptor: Int32, count: Int) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: GraphSnapshot.alignment)
        var done = 0
        while done < count, let base = memory.baseAddress {
            let result = pread(descriptor, base + done, count - done, off_t(done))
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { break }
            done += result
        }
        guard done == count else {
            memory.deallocate()
            return nil
        }
        (bytes, isMapped) = (UnsafeRawBufferPointer(rebasing: memory[..<count]), false)
    }

    /// A private read-only mapping of the first `count` bytes of the open file at `path`; `nil` when the system
    /// refuses it.
    init?(mapping descriptor: Int32, count: Int, path: String) {
        guard count > 0 else { return nil }
        let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        (bytes, isMapped) = (UnsafeRawBufferPointer(start: address, count: count), true)
        SnapshotMappingGuard.register(bytes, path: path)
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
            SnapshotMappingGuard.unregister(bytes)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    /// A column of `count` elements at `offset`, which the caller checked lies inside and is aligned for `Element`.
    func column<Element: BitwiseCopyable>(at offset: Int, count: Int, of _: Element.Type) -> Column<Element> {
        guard count > 0, let base = bytes.baseAddress else { return [] }
        return Column(start: (base + offset).assumingMemoryBound(to: Element.self), count: count, owner: self)
    }
}

/// Turns SIGBUS inside a snapshot mapping (its file was shortened by another program while a query read it) into an
/// error message naming the file and exit status 1, instead of a crash; any other SIGBUS goes to the handler that was
/// there before. The handler only reads a fixed table filled before a mapping is used, calls `write(2)` and `_exit(2)`:
/// async-signal-safe.
enum SnapshotMappingGuard {
    private struct Entry {
        var start: UInt = 0
        var end: UInt = 0
        var message: UnsafeMutablePointer<UInt8>?
        var length = 0
    }

    private static let capacity = 8
    nonisolated(unsafe) private static let entries: UnsafeMutablePointer<Entry> = {
        let table = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        table.initialize(repeating: Entry(), count: capacity)
        return table
    }()
    nonisolated(unsafe) private static var previous = sigaction()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    static func register(_ bytes: UnsafeRawBufferPointer, path: String) {
        guard let base = bytes.baseAddress else { return }
        let text = Array(
            ("actorgraph: error: \(path): the snapshot file was shortened by another program while this command read it; "
                + "any output above is incomplete. Run the command again.\n").utf8)
        let message = UnsafeMutablePointer<UInt8>.allocate(capacity: text.count)
        message.initialize(from: text, count: text.count)
        lock.lock()
        defer { lock.unlock() }
        install()
        for slot in 0..<capacity where entries[slot].start == 0 {
            // The message first, then the range the handler compares with.
            entries[slot].message = message
            entries[slot].length = text.count
            entries[slot].end = UInt(bitPattern: base) + UInt(bytes.count)
            entries[slot].start = UInt(bitPattern: base)
            return
        }
        message.deallocate()
    }

    static func unregister(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<capacity where entries[slot].start == UInt(bitPattern: bytes.baseAddress) {
            entries[slot].start = 0
            entries[slot].end = 0
            // The message stays allocated: a handler running on another thread may be reading it.
        }
    }

    private static func install() {
        guard !installed else { return }
        installed = true
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in
            let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            for slot in 0..<SnapshotMappingGuard.capacity {
                let entry = SnapshotMappingGuard.entries[slot]
                if entry.start != 0, address >= entry.start, address < entry.end, let message = entry.message {
                    _ = write(2, message, entry.length)
                    _exit(1)
                }
            }
            // Not ours: the previous disposition takes the signal when the faulting access runs again.
            var previous = SnapshotMappingGuard.previous
            sigaction(signal, &previous, nil)
        }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, &previous)
        // A fault's SIGBUS that is blocked kills the process whatever the handler: this thread, which runs the query,
        // takes it.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGBUS)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }
}
