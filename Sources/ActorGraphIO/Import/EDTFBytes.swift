import ActorGraph
import Foundation

/// A fast path for EDTF dates read from bulk files: parses the common forms straight from bytes, without the
/// String and array allocations of ``EDTFDate/parse(_:)``. It returns `nil` for anything it is not sure about,
/// and the caller then asks ``EDTFDate/parse(_:)`` — which also produces the error message — so both always
/// agree (a property test checks this on random texts).
enum EDTFBytes {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> EDTFDate? {
        var slash = -1
        for position in 0..<bytes.count where bytes[position] == UInt8(ascii: "/") {
            if slash >= 0 { return nil }
            slash = position
        }
        if slash < 0 {
            guard let bound = bound(bytes, 0, bytes.count) else { return nil }
            return EDTFDate(.point(bound))
        }
        guard let start = endpoint(bytes, 0, slash), let end = endpoint(bytes, slash + 1, bytes.count) else {
            return nil
        }
        switch (start, end) {
        case (.bound(let first), .bound(let last)):
            if last.last < first.first { return nil }
        case (.bound, _), (_, .bound):
            break
        default:
            return nil
        }
        return EDTFDate(.interval(start: start, end: end))
    }

    private static func endpoint(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> EDTFDate.Endpoint? {
        if from == to { return .unknown }
        if to - from == 2, bytes[from] == UInt8(ascii: "."), bytes[from + 1] == UInt8(ascii: ".") { return .open }
        return bound(bytes, from, to).map { .bound($0) }
    }

    private static func bound(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> EDTFDate.Bound? {
        var end = to
        var qualifiers: EDTFDate.Qualifiers = []
        if end > from {
            switch bytes[end - 1] {
            case UInt8(ascii: "~"): qualifiers = .approximate
            case UInt8(ascii: "?"): qualifiers = .uncertain
            case UInt8(ascii: "%"): qualifiers = [.approximate, .uncertain]
            default: break
            }
            if !qualifiers.isEmpty { end -= 1 }
        }
        let length = end - from
        guard length == 4 || length == 7 || length == 10 else { return nil }
        guard let year = digits(bytes, from, 4), year >= 1 else { return nil }
        var month = 1
        var day = 1
        var precision = EDTFDate.Precision.year
        if length >= 7 {
            guard bytes[from + 4] == UInt8(ascii: "-"), let value = digits(bytes, from + 5, 2) else { return nil }
            month = value
            precision = .month
        }
        if length == 10 {
            guard bytes[from + 7] == UInt8(ascii: "-"), let value = digits(bytes, from + 8, 2) else { return nil }
            day = value
            precision = .day
        }
        guard let first = CalendarDay(year: year, month: month, day: day) else { return nil }
        return EDTFDate.Bound(first: first, precision: precision, qualifiers: qualifiers)
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for position in from..<(from + count) {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// A hash table from byte strings to small integers that looks keys up without creating a String: the bulk
/// loader interns every actor id and type name of every row through it.
struct ByteInterner {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { entries.count }

    /// The value of `key`, or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let value = Int(slots[slot])
                        if value < 0 { return nil }
                        let entry = entries[value]
                        if entry.hash == hash && entry.length == key.count
                            && Self.equal(arena.baseAddress.map { $0 + entry.start }, key.baseAddress, key.count)
                        {
                            return value
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
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
        place(value, hash: hash)
        return value
    }

    private mutating func place(_ value: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(value)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for value in entries.indices { place(value, hash: entries[value].hash) }
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
}
