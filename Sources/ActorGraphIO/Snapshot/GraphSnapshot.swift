import ActorGraph
import Foundation

/// A binary snapshot of a ``RelationGraph`` (`actorgraph compile`, `.agraph`): what a repeated load reads instead of
/// parsing and checking a CSV edge list again, and reads without rebuilding anything: the graph's own arrays are
/// stored, each aligned so that the graph can use them where they lie, in a memory mapping of the file
/// (``SnapshotAccess/mapped``) or in one allocation the file is read into (``SnapshotAccess/copied``).
///
/// Layout, all integers little-endian:
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `AGRAPH\r\n` (a text-mode transfer that rewrites line ends breaks it) |
/// | 4 | format version, 8 (3 added the sources' evidence fields; 4 made a source's language and summary optional
///   and stores the types' triggers; 5 marks citations of a date only; 6 stores dates as day numbers, not text;
///   7 stores the graph's arrays as they are, adjacency and actor-id table included; 8 aligns the arrays for use in
///   place and stores where each actor's record starts and its kind, so that nothing is read per actor to open it) |
/// | 4 | byte-order mark `0x01020304` |
/// | 6 × 8 | counts: types, sources, actors, relations, relations with details, slots of the actor-id table |
/// | 8 | length of the small part |
/// | 15 × 8 | one checksum per array (below) |
/// | … | the small part: types, the actor kinds' names (a count, then each), sources, details, actors |
/// | 8 | checksum of every byte before it (header and small part) |
/// | … | zero bytes up to a multiple of 64 |
/// | … | the arrays, in ``Section`` order, each followed by zero bytes up to a multiple of 64, their lengths given by
///   the counts: relation sources and targets (`UInt32`), types and date shape words (`UInt16`), spans (four `Int32`
///   day numbers each), both adjacencies (offsets, neighbours, relations: `UInt32`), the symmetric-type bit of each
///   adjacency slot (`UInt64` words), the actor-id hash table (`UInt32` slots), where each actor's record starts in
///   the file (`UInt64`), each actor's kind (`UInt8`, a position in the kind names) |
///
/// Strings are a `UInt32` length and UTF-8 bytes; an optional string is a `UInt8` flag first. The reader checks
/// the file's size against the counts before anything is allocated or mapped, the small part's checksum, every
/// string's UTF-8 and every id's syntax (as a graph file's reader does) of the types, sources and details, and every
/// array's checksum (two threads). Reading with ``StorageCheck/everything`` (`check`, the explorer) also checks
/// every actor record and every index, offset and date of the arrays; a query (``StorageCheck/lengths``) does not
/// read the actors' records or the arrays' values beyond their checksums, and the graph clamps every index it
/// reads and checks every date it hands out instead (``Column``). So a truncated, corrupted or forged file is an
/// error naming what is wrong or, forged with recomputed checksums or changed under a mapping, wrong answers, but
/// never an index out of range. The checksums (multiply–xor, not cryptographic) catch corruption.
public enum GraphSnapshot {
    public static let fileExtension = "agraph"
    public static let version: UInt32 = 8
    /// Where the arrays start and how each is padded: a cache line, so that each lies aligned in a mapping.
    static let alignment = 64
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
        case symmetricSlots, actorIDTable, actorRecordOffsets, actorKinds

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
            case .actorRecordOffsets: return "the actors' record offsets"
            case .actorKinds: return "the actors' kinds"
            }
        }

        /// Bytes of one element.
        var width: Int {
            switch self {
            case .actorKinds: return 1
            case .relationTypes, .dateShapes: return 2
            case .spans: return 16
            case .symmetricSlots, .actorRecordOffsets: return 8
            default: return 4
            }
        }

        /// Elements, from the header's counts.
        func count(actors: Int, relations: Int, idSlots: Int) -> Int {
            switch self {
            case .outOffsets, .inOffsets: return actors + 1
            case .symmetricSlots: return 2 * ((relations + 63) / 64)
            case .actorIDTable: return idSlots
            case .actorRecordOffsets, .actorKinds: return actors
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
        payload.u32(UInt32(ActorKind.allCases.count))
        for kind in ActorKind.allCases { payload.string(kind.rawValue) }
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
        let recordOffsets = writeActors(graph.actors, to: &payload)
        let storage = graph.storage
        var arrays = ByteWriter()
        var sums: [UInt64] = []
        let kindCodes = graph.actors.kinds.map { UInt8(ActorKind.allCases.firstIndex(of: $0) ?? 0) }
        for section in Section.allCases {
            let start = arrays.bytes.count
            switch section {
            case .actorRecordOffsets: arrays.column(recordOffsets)
            case .actorKinds: arrays.column(kindCodes)
            default: write(section, of: storage, to: &arrays)
            }
            sums.append(arrays.bytes[start...].withUnsafeBytes(checksum))
            arrays.pad(to: alignment)
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
        var file = ByteWriter()
        file.bytes = header.bytes + payload.bytes
        let sum = file.bytes.withUnsafeBytes(checksum)
        file.u64(sum)
        file.pad(to: alignment)
        return file.bytes + arrays.bytes
    }

    /// The actors' records, last in the small part; where each starts, counted from the file's start (the header
    /// comes first).
    private static func writeActors(_ actors: ActorTable, to payload: inout ByteWriter) -> [UInt64] {
        var recordOffsets: [UInt64] = []
        recordOffsets.reserveCapacity(actors.count)
        for actor in actors {
            recordOffsets.append(UInt64(headerSize + payload.bytes.count))
            payload.string(actor.id)
            payload.string(actor.name)
            payload.string(actor.kind.rawValue)
            payload.optionalString(actor.subkind)
            payload.u32(UInt32(actor.aliases.count))
            for alias in actor.aliases { payload.string(alias) }
            payload.optionalString(actor.description)
            payload.optionalString(actor.country)
        }
        return recordOffsets
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
        case .actorRecordOffsets, .actorKinds: break
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

