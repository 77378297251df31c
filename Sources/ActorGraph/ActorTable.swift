/// A graph's actors, by ``ActorIndex`` position: held as records (a graph built by a ``GraphBuilder``) or made on
/// demand by a reader of a saved graph that checked them all when it loaded them, so that a query naming two actors
/// of a million makes two records instead of a million. Each actor's kind is kept as a column either way, because
/// filters read it on every step of a search.
public struct ActorTable: RandomAccessCollection, Equatable, Sendable {
    /// Makes the record of the actor at a position; must not fail for any position below `count`.
    package typealias Maker = @Sendable (Int) -> ActorRecord

    private enum Storage: Sendable {
        case records([ActorRecord])
        case packed(PackedActors)
        case made(count: Int, maker: Maker)
    }

    /// From this many actors on, a built graph keeps its actors packed (``PackedActors``): about 25 bytes an actor
    /// instead of a record's 96 and its strings, at the price of making a record each time one is read.
    static let packingThreshold = 4_096

    private let storage: Storage
    /// Each actor's kind, by position.
    package let kinds: [ActorKind]

    init(_ records: [ActorRecord]) {
        storage = records.count < Self.packingThreshold ? .records(records) : .packed(PackedActors(records))
        kinds = records.map(\.kind)
    }

    /// `kinds.count` actors, each made by `maker` when it is read.
    package init(kinds: [ActorKind], maker: @escaping Maker) {
        storage = .made(count: kinds.count, maker: maker)
        self.kinds = kinds
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { kinds.count }

    public subscript(position: Int) -> ActorRecord {
        switch storage {
        case .records(let records): return records[position]
        case .packed(let packed): return packed.record(at: position, kind: kinds[position])
        case .made(let count, let maker):
            precondition(position >= 0 && position < count, "actor position out of range")
            return maker(position)
        }
    }

    /// The actor's id, without making the rest of its record when the actors are packed.
    func id(at position: Int) -> String {
        switch storage {
        case .packed(let packed): return packed.id(at: position)
        default: return self[position].id
        }
    }

    public static func == (lhs: ActorTable, rhs: ActorTable) -> Bool { lhs.elementsEqual(rhs) }
}

/// Actors' records in one byte buffer, each made again when it is read: a graph of many actors (an imported edge
/// list) holds about 25 bytes an actor here against 96 for an ``ActorRecord`` and its strings' storage
/// (docs/PERFORMANCE.md, "Memory after a CSV load"). Each record: a flag byte (bit 0 subkind, 1 description, 2
/// country), the id, the name, an alias count, the aliases, then the optional strings present; every string a
/// LEB128 length and its UTF-8 bytes, every count LEB128. The kind is the table's column.
final class PackedActors: Sendable {
    private let bytes: [UInt8]
    private let starts: [UInt32]

    init(_ records: [ActorRecord]) {
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        starts.reserveCapacity(records.count)
        func number(_ value: Int) {
            var rest = UInt(value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        func text(_ string: String) {
            var string = string
            string.withUTF8 { utf8 in
                number(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }
        for record in records {
            starts.append(UInt32(truncatingIfNeeded: bytes.count))
            bytes.append(
                (record.subkind == nil ? 0 : 1) | (record.description == nil ? 0 : 2) | (record.country == nil ? 0 : 4))
            text(record.id)
            text(record.name)
            number(record.aliases.count)
            for alias in record.aliases { text(alias) }
            for optional in [record.subkind, record.description, record.country] { if let optional { text(optional) } }
        }
        // Offsets are 32-bit: a buffer past 4 GiB keeps the records instead (the caller's choice, not reached by
        // any graph a 32-bit actor index can hold at 25 bytes an actor).
        precondition(bytes.count <= Int(UInt32.max), "packed actors over 4 GiB")
        // Kept at its exact size: the appends above leave up to twice the capacity.
        self.bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: bytes)
        }
        self.starts = starts
    }

    /// The id alone (the first string after the flag byte).
    func id(at position: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = Int(starts[position]) + 1
            var length = 0, shift = 0
            while true {
                let byte = buffer[offset]
                offset += 1
                length |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
        }
    }

    func record(at position: Int, kind: ActorKind) -> ActorRecord {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = Int(starts[position])
            func number() -> Int {
                var value = 0, shift = 0
                while true {
                    let byte = buffer[offset]
                    offset += 1
                    value |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { return value }
                    shift += 7
                }
            }
            func text() -> String {
                let length = number()
                defer { offset += length }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
            }
            let flags = buffer[offset]
            offset += 1
            let id = text(), name = text()
            let aliases = (0..<number()).map { _ in text() }
            let subkind = flags & 1 != 0 ? text() : nil
            let description = flags & 2 != 0 ? text() : nil
            let country = flags & 4 != 0 ? text() : nil
            return ActorRecord(
                id: id, name: name, kind: kind, subkind: subkind, aliases: aliases, description: description,
                country: country)
        }
    }
}
