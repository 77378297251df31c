import ActorGraph
import Foundation

/// A binary snapshot of a ``RelationGraph`` (`actorgraph compile`, `.agraph`): what a repeated load reads instead of
/// parsing and checking a CSV edge list again, and reads without rebuilding anything: the graph's own arrays are
/// stored, each read with one `pread` straight into the array that keeps it.
///
/// Layout, all integers little-endian:
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `AGRAPH\r\n` (a text-mode transfer that rewrites line ends breaks it) |
/// | 4 | format version, 7 (3 added the sources' evidence fields; 4 made a source's language and summary optional
///   and stores the types' triggers; 5 marks citations of a date only; 6 stores dates as day numbers, not text;
///   7 stores the graph's arrays as they are, adjacency and actor-id table included) |
/// | 4 | byte-order mark `0x01020304` |
/// | 6 × 8 | counts: types, sources, actors, relations, relations with details, slots of the actor-id table |
/// | 8 | length of the small part |
/// | 13 × 8 | one checksum per array (below) |
/// | … | the small part: types, sources, actors, details |
/// | 8 | checksum of every byte before it (header and small part) |
/// | … | the arrays, in ``Section`` order, their lengths given by the counts: relation sources and targets (`UInt32`),
///   types and date shape words (`UInt16`), spans (four `Int32` day numbers each), both adjacencies (offsets,
///   neighbours, relations: `UInt32`), the symmetric-type bit of each adjacency slot (`UInt64` words), the actor-id
///   hash table (`UInt32` slots) |
///
/// Strings are a `UInt32` length and UTF-8 bytes; an optional string is a `UInt8` flag first. The reader checks
/// the file's size against the counts before allocating anything, the small part's checksum, then every string's
/// UTF-8 and every id's syntax (as a graph file's reader does); each array's checksum as it is read; and the core
/// (``RelationGraph``'s ready-made init) checks every index, offset and date of the arrays. So a truncated,
/// corrupted or forged file is an error naming what is wrong, never a crash. The checksums (multiply–xor, not
/// cryptographic) catch corruption; a forger who recomputes them can make the graph answer wrongly (adjacency that
/// disagrees with the relation columns is not cross-checked: that would cost a counting sort's scattered reads), but
/// not index out of range.
public enum GraphSnapshot {
    public static let fileExtension = "agraph"
    public static let version: UInt32 = 7
    static let magic: [UInt8] = Array("AGRAPH\r\n".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let countFields = 6
    static let headerSize = 8 + 4 + 4 + countFields * 8 + 8 + Section.allCases.count * 8
    static let checksumSize = 8

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The stored arrays, in file order.
    enum Section: Int, CaseIterable {
        case relationSources, relationTargets, relationTypes, dateShapes, spans
        case outOffsets, outNeighbors, outRelations, inOffsets, inNeighbors, inRelations
        case symmetricSlots, actorIDTable

        var name: String {
            switch self {
            case .relationSources: return "the relations' sources"
            case .relationTargets: return "the relations' targets"
            case .relationTypes: return "the relations' types"
            case .dateShapes: return "the dates' shape words"
            case .spans: return "the dates' day numbers"
            case .outOffsets: return "the outgoing offsets"
            case .outNeighbors: return "the outgoing neighbours"
            case .outRelations: return "the outgoing relations"
            case .inOffsets: return "the incoming offsets"
            case .inNeighbors: return "the incoming neighbours"
            case .inRelations: return "the incoming relations"
            case .symmetricSlots: return "the symmetric-type slot bits"
            case .actorIDTable: return "the actor id table"
            }
        }

        /// Bytes of one element.
        var width: Int {
            switch self {
            case .relationTypes, .dateShapes: return 2
            case .spans: return 16
            case .symmetricSlots: return 8
            default: return 4
            }
        }

        /// Elements, from the header's counts.
        func count(actors: Int, relations: Int, idSlots: Int) -> Int {
            switch self {
            case .outOffsets, .inOffsets: return actors + 1
            case .symmetricSlots: return 2 * ((relations + 63) / 64)
            case .actorIDTable: return idSlots
            default: return relations
            }
        }
    }

    // MARK: Writing

    /// The snapshot of `graph`.
    ///
    /// - Complexity: O(actors + relations).
    public static func encode(_ graph: RelationGraph) -> [UInt8] {
        var payload = ByteWriter()
        let types = graph.vocabulary.all
        for type in types {
            payload.string(type.name)
            payload.u8((type.directed ? 1 : 0) | (type.allowsSelf ? 2 : 0))
            payload.string(type.category.rawValue)
            payload.optionalString(type.inverse)
            payload.optionalString(type.description)
            payload.u32(UInt32(type.triggers.count))
            for trigger in type.triggers { payload.string(trigger) }
        }
        for source in graph.sources {
            payload.string(source.id)
            payload.string(source.file)
            payload.string(source.title)
            payload.optionalString(source.outlet)
            payload.optionalString(source.author)
            payload.optionalString(source.published?.description)
            payload.optionalString(source.publishedNote)
            payload.optionalString(source.url)
            payload.optionalString(source.language)
            payload.string(source.sha256)
            payload.u64(UInt64(truncatingIfNeeded: source.lines))
            payload.optionalString(source.summary)
            SnapshotEvidence.write(source, to: &payload)
        }
        for actor in graph.actors {
            payload.string(actor.id)
            payload.string(actor.name)
            payload.string(actor.kind.rawValue)
            payload.optionalString(actor.subkind)
            payload.u32(UInt32(actor.aliases.count))
            for alias in actor.aliases { payload.string(alias) }
            payload.optionalString(actor.description)
            payload.optionalString(actor.country)
        }
        var detailed: [(Int, RelationDetails)] = []
        for relation in graph.relationIndices {
            let details = graph.details(of: relation)
            if details != .empty { detailed.append((relation.position, details)) }
        }
        for (position, details) in detailed {
            payload.u64(UInt64(position))
            payload.optionalString(details.id)
            payload.optionalString(details.note)
            payload.u32(UInt32(details.citations.count))
            for citation in details.citations {
                payload.string(citation.source)
                payload.u64(UInt64(truncatingIfNeeded: citation.lines.lowerBound))
                payload.u64(UInt64(truncatingIfNeeded: citation.lines.upperBound))
                payload.optionalString(citation.grade?.description)
                payload.u8(citation.forDate ? 1 : 0)
            }
            payload.u32(UInt32(details.attributes.count))
            for attribute in details.attributes {
                payload.string(attribute.key)
                payload.string(attribute.value)
            }
            payload.optionalString(details.dateNote)
            payload.optionalString(details.grade?.description)
            payload.string(details.status.rawValue)
            payload.optionalString(details.claimedBy)
        }
        let storage = graph.storage
        var arrays = ByteWriter()
        var sums: [UInt64] = []
        for section in Section.allCases {
            let start = arrays.bytes.count
            write(section, of: storage, to: &arrays)
            sums.append(arrays.bytes[start...].withUnsafeBytes(checksum))
        }
        var header = ByteWriter()
        header.bytes.append(contentsOf: magic)
        header.u32(version)
        header.u32(byteOrderMark)
        for count in [
            types.count, graph.sources.count, graph.actorCount, graph.relationCount, detailed.count,
            storage.actorIDSlots.count,
        ] {
            header.u64(UInt64(count))
        }
        header.u64(UInt64(payload.bytes.count))
        for sum in sums { header.u64(sum) }
        var file = header.bytes + payload.bytes
        let sum = file.withUnsafeBytes(checksum)
        withUnsafeBytes(of: sum.littleEndian) { file.append(contentsOf: $0) }
        return file + arrays.bytes
    }

    private static func write(_ section: Section, of storage: RelationGraphStorage, to writer: inout ByteWriter) {
        switch section {
        case .relationSources: writer.column(storage.relationSource.map(\.rawValue))
        case .relationTargets: writer.column(storage.relationTarget.map(\.rawValue))
        case .relationTypes: writer.column(storage.relationType.map(\.rawValue))
        case .dateShapes: writer.column(storage.dateShape)
        case .spans:
            var days: [Int32] = []
            days.reserveCapacity(storage.spans.count * 4)
            for span in storage.spans {
                days.append(contentsOf: [span.possibleStart, span.definiteStart, span.definiteEnd, span.possibleEnd])
            }
            writer.column(days)
        case .outOffsets: writer.column(storage.outOffsets)
        case .outNeighbors: writer.column(storage.outNeighbors.map(\.rawValue))
        case .outRelations: writer.column(storage.outRelations.map(\.rawValue))
        case .inOffsets: writer.column(storage.inOffsets)
        case .inNeighbors: writer.column(storage.inNeighbors.map(\.rawValue))
        case .inRelations: writer.column(storage.inRelations.map(\.rawValue))
        case .symmetricSlots: writer.column(storage.symmetricSlotWords)
        case .actorIDTable: writer.column(storage.actorIDSlots)
        }
    }

    /// Four lanes of 64-bit multiply–xor over 32-byte blocks, then the words and bytes left, folded into one: the
    /// lanes do not wait on each other's multiplications (one lane did), and any changed byte changes it.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count), 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0,
            0x082E_FA98_EC4E_6C89
        )
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* multiplier
            return mixed ^ (mixed >> 31)
        }
        func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, word(offset))
            lanes.1 = mix(lanes.1, word(offset + 8))
            lanes.2 = mix(lanes.2, word(offset + 16))
            lanes.3 = mix(lanes.3, word(offset + 24))
            offset += 32
        }
        var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        while offset + 8 <= bytes.count {
            hash = mix(hash, word(offset))
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01B3
            offset += 1
        }
        return hash
    }
}

