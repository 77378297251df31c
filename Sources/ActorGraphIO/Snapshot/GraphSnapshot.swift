import ActorGraph
import Foundation

/// A binary snapshot of a ``RelationGraph`` (`actorgraph compile`, `.agraph`): what a repeated load reads instead of
/// parsing and checking a CSV edge list again.
///
/// Layout, all integers little-endian:
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `AGRAPH\r\n` (a text-mode transfer that rewrites line ends breaks it) |
/// | 4 | format version, 6 (3 added the sources' evidence fields; 4 made a source's language and summary optional
///   and stores the types' triggers; 5 marks citations of a date only; 6 stores dates as day numbers, not text) |
/// | 4 | byte-order mark `0x01020304` |
/// | 6 × 8 | counts: types, sources, actors, distinct dates, relations, relations with details |
/// | 8 | payload length |
/// | … | payload: types, sources, actors, the distinct dates as stored (a column of `UInt16` shape words, then four
///   `Int32` columns of day numbers: ``StoredDate``), the four relation columns (source `UInt32`, target `UInt32`,
///   type `UInt16`, date `Int32` with -1 for undated), details |
/// | 8 | checksum of every byte before it, header included (four lanes of 64-bit multiply–xor over 8-byte words) |
///
/// Strings are a `UInt32` length and UTF-8 bytes; an optional string is a `UInt8` flag first. The reader checks
/// the checksum, then every count against the bytes that can hold it before allocating anything for it, every
/// length, index and enum value against the file and the counts, every string's UTF-8 and every id's syntax (as a
/// graph file's reader does), so a truncated, corrupted or forged file is an error naming what is wrong, never a
/// crash; the graph is then rebuilt through ``GraphBuilder`` (the CSR adjacency is a counting sort, cheaper than
/// storing it).
public enum GraphSnapshot {
    public static let fileExtension = "agraph"
    public static let version: UInt32 = 6
    static let magic: [UInt8] = Array("AGRAPH\r\n".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let headerSize = 8 + 4 + 4 + 6 * 8 + 8
    static let checksumSize = 8

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: Writing

    /// The snapshot of `graph`.
    ///
    /// - Complexity: O(actors + relations), plus hashing each relation's date once.
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
        var dateIndex: [StoredDate: Int32] = [:]
        var dates: [StoredDate] = []
        var dateColumn: [Int32] = []
        dateColumn.reserveCapacity(graph.relationCount)
        var detailed: [(Int, RelationDetails)] = []
        for relation in graph.relationIndices {
            let date = graph.storedDate(of: relation)
            if date == .undated {
                dateColumn.append(-1)
            } else if let known = dateIndex[date] {
                dateColumn.append(known)
            } else {
                dateIndex[date] = Int32(dates.count)
                dateColumn.append(Int32(dates.count))
                dates.append(date)
            }
            let details = graph.details(of: relation)
            if details != .empty { detailed.append((relation.position, details)) }
        }
        payload.column(dates.map(\.shape))
        payload.column(dates.map(\.span.possibleStart))
        payload.column(dates.map(\.span.definiteStart))
        payload.column(dates.map(\.span.definiteEnd))
        payload.column(dates.map(\.span.possibleEnd))
        payload.column(graph.relationSource.map(\.rawValue))
        payload.column(graph.relationTarget.map(\.rawValue))
        payload.column(graph.relationType.map(\.rawValue))
        payload.column(dateColumn)
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
        var header = ByteWriter()
        header.bytes.append(contentsOf: magic)
        header.u32(version)
        header.u32(byteOrderMark)
        for count in [
            types.count, graph.sources.count, graph.actorCount, dates.count, graph.relationCount, detailed.count,
        ] {
            header.u64(UInt64(count))
        }
        header.u64(UInt64(payload.bytes.count))
        var file = header.bytes + payload.bytes
        let sum = file.withUnsafeBytes(checksum)
        withUnsafeBytes(of: sum.littleEndian) { file.append(contentsOf: $0) }
        return file
    }

    // MARK: Reading

    /// The graph a snapshot holds.
    ///
    /// - Throws: ``FormatError`` when the bytes are not a snapshot of this version, are truncated, or hold a
    ///   value out of range.
    /// - Complexity: O(bytes), plus building the graph.
    public static func decode(_ bytes: UnsafeRawBufferPointer, verifyChecksum: Bool = true) throws(FormatError)
        -> RelationGraph
    {
        var reader = ByteReader(bytes)
        guard bytes.count >= magic.count, magic.elementsEqual(bytes.prefix(magic.count)) else {
            throw FormatError("not an ActorGraph snapshot (no AGRAPH signature)")
        }
        reader.offset = magic.count
        let fileVersion = try reader.u32()
        guard fileVersion == version else {
            throw FormatError("snapshot format version \(fileVersion); this actorgraph reads version \(version)")
        }
        guard try reader.u32() == byteOrderMark else { throw FormatError("unknown byte order") }
        let typeCount = try reader.count()
        let sourceCount = try reader.count()
        let actorCount = try reader.count()
        let dateCount = try reader.count()
        let relationCount = try reader.count()
        let detailCount = try reader.count()
        let payloadLength = try reader.count()
        let available = bytes.count - min(bytes.count, headerSize + checksumSize)
        guard reader.offset == headerSize, available == payloadLength, bytes.count >= headerSize + checksumSize else {
            throw FormatError(
                "the file has \(available) bytes after the header; the header says \(payloadLength) (truncated?)")
        }
        // The checksum covers the header too: a changed count is caught here, before it sizes anything.
        let checked = UnsafeRawBufferPointer(rebasing: bytes[..<(headerSize + payloadLength)])
        let expectedChecksum = UInt64(
            littleEndian: bytes.loadUnaligned(fromByteOffset: checked.count, as: UInt64.self))
        if verifyChecksum {
            guard checksum(checked) == expectedChecksum else {
                throw FormatError("checksum mismatch: the file is corrupted")
            }
        }
        reader = ByteReader(checked)
        reader.offset = headerSize
        guard typeCount <= RelationVocabulary.maximumCount, actorCount < Int(UInt32.max - 1),
            relationCount < Int(UInt32.max - 1), detailCount <= relationCount, dateCount <= relationCount
        else { throw FormatError("counts out of range") }
        // Each item takes at least this many bytes (its lengths, flags and fixed fields): counts that the payload
        // cannot hold are refused before any capacity is reserved for them. Counts are below 2^35, so no overflow.
        let least = typeCount * 11 + sourceCount * 37 + actorCount * 19 + dateCount * 18 + relationCount * 14
            + detailCount * 25
        guard least <= payloadLength else {
            throw FormatError("the header's counts need at least \(least) bytes; the file holds \(payloadLength)")
        }

        var vocabulary = RelationVocabulary()
        for _ in 0..<typeCount {
            let name = try reader.string("type name")
            guard RelationVocabulary.isValidTypeName(name) else { throw FormatError("bad relation type name") }
            let flags = try reader.u8()
            let categoryText = try reader.string("category")
            guard let category = RelationCategory(rawValue: categoryText) else {
                throw FormatError("unknown category '\(categoryText)'")
            }
            let type = RelationType(
                name: name, directed: flags & 1 != 0, category: category, inverse: try reader.optionalString("inverse"),
                allowsSelf: flags & 2 != 0, description: try reader.optionalString("type description"),
                triggers: try (0..<reader.count(atLeast: 4)).map { _ throws(FormatError) in try reader.string("trigger") })
            guard flags < 4, vocabulary.add(type) else { throw FormatError("bad or duplicate relation type '\(name)'") }
        }
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.reserveCapacity(actors: actorCount, relations: relationCount)
        for _ in 0..<sourceCount {
            let id = try reader.identifier("source id")
            let file = try reader.string("source file")
            let title = try reader.string("source title")
            let outlet = try reader.optionalString("outlet")
            let author = try reader.optionalString("author")
            let published = try reader.optionalString("published").map { text throws(FormatError) in
                guard let date = try? EDTFDate.parse(text).get() else { throw FormatError("bad date '\(text)'") }
                return date
            }
            let publishedNote = try reader.optionalString("published note")
            let url = try reader.optionalString("url")
            let language = try reader.optionalString("language")
            let sha256 = try reader.string("sha256")
            let lines = try reader.count()
            let summary = try reader.optionalString("summary")
            var source = SourceDocument(
                id: id, file: file, title: title, language: language, sha256: sha256, lines: lines, summary: summary)
            (source.outlet, source.author, source.published) = (outlet, author, published)
            (source.publishedNote, source.url) = (publishedNote, url)
            try SnapshotEvidence.read(into: &source, from: &reader)
            do { try builder.addSource(source) } catch { throw FormatError(error.description) }
        }
        var actors: [ActorRecord] = []
        actors.reserveCapacity(min(actorCount, reader.remaining / 16))
        for _ in 0..<actorCount {
            let id = try reader.identifier("actor id")
            let name = try reader.string("actor name")
            let kindText = try reader.string("actor kind")
            guard let kind = ActorKind(rawValue: kindText) else {
                throw FormatError("unknown actor kind '\(kindText)'")
            }
            let subkind = try reader.optionalString("subkind")
            let aliasCount = try reader.count(atLeast: 4)
            var aliases: [String] = []
            aliases.reserveCapacity(aliasCount)
            for _ in 0..<aliasCount { aliases.append(try reader.string("alias")) }
            let actor = ActorRecord(
                id: id, name: name, kind: kind, subkind: subkind, aliases: aliases,
                description: try reader.optionalString("actor description"),
                country: try reader.optionalString("country"))
            actors.append(actor)
        }
        do { try builder.addActors(actors) } catch { throw FormatError(error.description) }
        let dates = try readDates(&reader, count: dateCount)
        let sources = try reader.column(UInt32.self, count: relationCount)
        let targets = try reader.column(UInt32.self, count: relationCount)
        let types = try reader.column(UInt16.self, count: relationCount)
        let dateIndices = try reader.column(Int32.self, count: relationCount)
        let actorLimit = UInt32(actorCount)
        let typeLimit = UInt16(typeCount)
        let dateLimit = Int32(dateCount)
        for position in 0..<relationCount {
            guard sources[position] < actorLimit, targets[position] < actorLimit else {
                throw FormatError("relation \(position + 1) names an actor out of range")
            }
            guard types[position] < typeLimit else {
                throw FormatError("relation \(position + 1) has a type out of range")
            }
            guard dateIndices[position] >= -1, dateIndices[position] < dateLimit else {
                throw FormatError("relation \(position + 1) has a date out of range")
            }
        }
        var details: [(position: Int, details: RelationDetails)] = []
        details.reserveCapacity(detailCount)
        for _ in 0..<detailCount {
            let position = try reader.count()
            let previous = details.last?.position ?? -1
            guard position < relationCount && position > previous else {
                throw FormatError("details for a relation out of range or out of order")
            }
            var value = RelationDetails(id: try reader.optionalIdentifier("relation id"))
            value.note = try reader.optionalString("note")
            let citationCount = try reader.count(atLeast: 22)
            for _ in 0..<citationCount {
                let source = try reader.identifier("citation source")
                let first = try reader.count()
                let last = try reader.count()
                guard first <= last else { throw FormatError("citation lines \(first)-\(last) are reversed") }
                let grade = try reader.optionalString("citation grade").map { text throws(FormatError) in
                    guard let grade = AdmiraltyGrade(text) else { throw FormatError("bad grade '\(text)'") }
                    return grade
                }
                let use = try reader.u8()
                guard use < 2 else { throw FormatError("bad citation use \(use)") }
                value.citations.append(Citation(source: source, lines: first...last, grade: grade, forDate: use == 1))
            }
            let attributeCount = try reader.count(atLeast: 8)
            for _ in 0..<attributeCount {
                value.attributes.append(
                    RelationAttribute(
                        key: try reader.string("attribute key"), value: try reader.string("attribute value")))
            }
            value.dateNote = try reader.optionalString("date note")
            if let gradeText = try reader.optionalString("grade") {
                guard let grade = AdmiraltyGrade(gradeText) else { throw FormatError("bad grade '\(gradeText)'") }
                value.grade = grade
            }
            let statusText = try reader.string("status")
            guard let status = RelationStatus(rawValue: statusText) else {
                throw FormatError("bad status '\(statusText)'")
            }
            value.status = status
            // An actor id or free text ("author", an expert's name): docs/FORMAT.md.
            value.claimedBy = try reader.optionalString("claimed by")
            details.append((position, value))
        }
        guard reader.offset == checked.count else {
            throw FormatError("\(checked.count - reader.offset) bytes after the graph")
        }
        do {
            try builder.addRelations(
                sources: sources.map { ActorIndex($0) }, targets: targets.map { ActorIndex($0) },
                types: types.map { RelationTypeIndex($0) }, dateIndices: dateIndices, storedDates: dates,
                details: details)
        } catch {
            throw FormatError(error.description)
        }
        return builder.build()
    }

    /// The distinct dates: five columns (shape words, then the four day numbers), each date checked by
    /// ``StoredDate/init(shape:span:)``.
    private static func readDates(_ reader: inout ByteReader, count: Int) throws(FormatError) -> [StoredDate] {
        let shapes = try reader.column(UInt16.self, count: count)
        let possibleStarts = try reader.column(Int32.self, count: count)
        let definiteStarts = try reader.column(Int32.self, count: count)
        let definiteEnds = try reader.column(Int32.self, count: count)
        let possibleEnds = try reader.column(Int32.self, count: count)
        var dates: [StoredDate] = []
        dates.reserveCapacity(count)
        for position in 0..<count {
            let span = TimeSpan(
                possibleStart: possibleStarts[position], definiteStart: definiteStarts[position],
                definiteEnd: definiteEnds[position], possibleEnd: possibleEnds[position])
            guard let date = StoredDate(shape: shapes[position], span: span), date != .undated else {
                throw FormatError("bad date \(position + 1) in the date table")
            }
            dates.append(date)
        }
        return dates
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

/// Little-endian output for ``GraphSnapshot``.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            u32(UInt32(truncatingIfNeeded: utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ text: String?) {
        if let text {
            u8(1)
            string(text)
        } else {
            u8(0)
        }
    }

    mutating func column<Element: FixedWidthInteger>(_ values: [Element]) {
        #if _endian(little)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }
}

/// Bounds-checked little-endian input for ``GraphSnapshot``: every read names what it wanted when the bytes run out.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    private mutating func take(_ count: Int, _ what: String) throws(GraphSnapshot.FormatError) -> Int {
        guard count >= 0, count <= bytes.count - offset else {
            throw GraphSnapshot.FormatError("the file ends inside \(what) (truncated?)")
        }
        let start = offset
        offset += count
        return start
    }

    mutating func u8() throws(GraphSnapshot.FormatError) -> UInt8 { bytes[try take(1, "a flag")] }

    mutating func u32() throws(GraphSnapshot.FormatError) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4, "a number"), as: UInt32.self))
    }

    mutating func u64() throws(GraphSnapshot.FormatError) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8, "a number"), as: UInt64.self))
    }

    /// A 64-bit count or length that must fit an `Int`.
    mutating func count() throws(GraphSnapshot.FormatError) -> Int {
        let value = try u64()
        guard value <= UInt64(Int32.max) * 16 else {
            throw GraphSnapshot.FormatError("a count of \(value) is out of range")
        }
        return Int(value)
    }

    /// A 32-bit count of items taking at least `bytesEach` each, checked against what is left.
    mutating func count(atLeast bytesEach: Int) throws(GraphSnapshot.FormatError) -> Int {
        let value = Int(try u32())
        try require(value, bytesEach: bytesEach, "a list")
        return value
    }

    /// Fails unless `count` items of at least `bytesEach` bytes can follow: refuses a corrupted count before
    /// anything is allocated for it.
    func require(_ count: Int, bytesEach: Int, _ what: String) throws(GraphSnapshot.FormatError) {
        guard count <= (bytes.count - offset) / max(bytesEach, 1) else {
            throw GraphSnapshot.FormatError("\(what): \(count) items cannot fit in the rest of the file")
        }
    }

    mutating func withStringBytes<Result>(
        _ what: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(GraphSnapshot.FormatError) -> Result {
        let length = Int(try u32())
        let start = try take(length, what)
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        return body(raw.bindMemory(to: UInt8.self))
    }

    mutating func string(_ what: String) throws(GraphSnapshot.FormatError) -> String {
        // Invalid UTF-8, or a control character the readers of graph files and CSV refuse too.
        let (decoded, problem) = try withStringBytes(what) { bytes -> (String?, String?) in
            CSVReader.string(bytes).map { ($0, nil) } ?? (nil, CSVReader.problem(Array(bytes)))
        }
        guard let text = decoded else {
            throw GraphSnapshot.FormatError("\(problem ?? "invalid UTF-8") in \(what)")
        }
        return text
    }

    /// A string that must be a valid id (``Identifier``), as a graph file's reader requires: a forged snapshot's
    /// NUL, quote or `<>` in an id would otherwise reach the DOT and XML writers, which would alter it.
    mutating func identifier(_ what: String) throws(GraphSnapshot.FormatError) -> String {
        let text = try string(what)
        guard Identifier.problem(with: text) == nil else { throw GraphSnapshot.FormatError("\(what) is not a valid id") }
        return text
    }

    mutating func optionalIdentifier(_ what: String) throws(GraphSnapshot.FormatError) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try identifier(what)
        case let flag: throw GraphSnapshot.FormatError("bad flag \(flag) before \(what)")
        }
    }

    mutating func optionalString(_ what: String) throws(GraphSnapshot.FormatError) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try string(what)
        case let flag: throw GraphSnapshot.FormatError("bad flag \(flag) before \(what)")
        }
    }

    mutating func column<Element: FixedWidthInteger>(
        _ type: Element.Type, count: Int
    ) throws(GraphSnapshot.FormatError) -> [Element] {
        try require(count, bytesEach: MemoryLayout<Element>.size, "a relation column")
        let start = try take(count * MemoryLayout<Element>.size, "a relation column")
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            for position in 0..<count {
                buffer[position] = Element(
                    littleEndian: bytes.loadUnaligned(
                        fromByteOffset: start + position * MemoryLayout<Element>.size, as: Element.self))
            }
            initialized = count
        }
    }
}
