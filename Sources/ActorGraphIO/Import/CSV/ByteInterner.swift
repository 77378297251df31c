/// A hash table from byte strings to small integers that looks keys up without creating a String: the bulk
/// loader interns every actor id and type name of every row through it.
///
/// Each slot holds the key's first eight bytes, its length and its value (16 bytes), so finding a key of at most
/// eight bytes (`a123`, `USA`, CAMEO codes) reads one slot, and a longer key reads its stored bytes only when the
/// first eight and the length agree: with a million actors the table, the entries and the stored keys are each far
/// larger than the cache, and each read of them is a cache miss.
struct ByteInterner {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
    }

    private struct Slot {
        /// The key's first eight bytes, zero-padded (little-endian load).
        var prefix: UInt64
        /// The key's value, or -1 for an empty slot.
        var value: Int32
        var length: Int32
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Slot]
    private var mask: Int

    private static let empty = Slot(prefix: 0, value: -1, length: 0)

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Self.empty, count: size)
        mask = size - 1
    }

    var count: Int { entries.count }

    /// The first eight bytes of `key`, zero-padded.
    @inline(__always)
    private static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress else { return 0 }
        if key.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0..<key.count { value |= UInt64(base[index]) << UInt64(8 * index) }
        return value
    }

    /// The value of `key`, or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let prefix = Self.prefix(key)
        let length = Int32(truncatingIfNeeded: key.count)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let candidate = slots[slot]
                if candidate.value < 0 { return nil }
                if candidate.prefix == prefix && candidate.length == length
                    && (key.count <= 8 || matches(Int(candidate.value), key, hash: hash))
                {
                    return Int(candidate.value)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the stored key with value `value` is `key` (past its first eight bytes, already compared).
    private func matches(_ value: Int, _ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        let entry = entries[value]
        // The full length too: the slot keeps it in 32 bits.
        guard entry.hash == hash && entry.length == key.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            Self.equal(arena.baseAddress.map { $0 + entry.start }, key.baseAddress, key.count)
        }
    }

    /// Calls `body` with the bytes of the key whose value is `value`.
    func withKey<Result>(_ value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = entries[value]
        return arena.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[entry.start..<(entry.start + entry.length)]))
        }
    }

    /// Adds `key` (which must be absent) and returns its value: the number of keys added before it.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let value = entries.count
        entries.append(Entry(hash: hash, start: arena.count, length: key.count))
        arena.append(contentsOf: key)
        place(
            Slot(prefix: Self.prefix(key), value: Int32(value), length: Int32(truncatingIfNeeded: key.count)),
            hash: hash)
        return value
    }

    private mutating func place(_ entry: Slot, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].value >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Self.empty, count: slots.count * 2)
        mask = slots.count - 1
        for entry in old where entry.value >= 0 { place(entry, hash: entries[Int(entry.value)].hash) }
    }

    /// Whether `count` bytes at `left` and `right` are equal: keys are short, so an inline loop beats a call to
    /// `memcmp`.
    @inline(__always)
    private static func equal(_ left: UnsafePointer<UInt8>?, _ right: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard count > 0, let left, let right else { return true }
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }

    /// Eight bytes at a time, then byte by byte, with a final avalanche. Values only live in memory, so they may
    /// differ between machines of different byte order.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: key.count)
        if let base = key.baseAddress {
            var index = 0
            while index + 8 <= key.count {
                hash =
                    (hash ^ UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                    &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                index += 8
            }
            while index < key.count {
                hash = (hash ^ UInt64(base[index])) &* 0x100_0000_01B3
                index += 1
            }
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    /// ``find(_:)`` for a String's bytes.
    func find(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { find($0) }
    }

    /// ``insert(_:)`` for a String's bytes.
    mutating func insert(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { insert($0) }
    }
}
