import ActorGraph
import Foundation

/// Where a snapshot's bytes come from: memory (tests, ``GraphSnapshot/decode(_:verifyChecksum:)``) or an open file,
/// read with `pread` into the arrays that keep them.
protocol SnapshotInput {
    /// The bytes available (a file's size when it was opened).
    var count: Int { get }
    /// Copies `buffer.count` bytes from `offset`; `false` when fewer are there (a file shortened meanwhile).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool
}

struct SnapshotMemory: SnapshotInput {
    let bytes: UnsafeRawBufferPointer
    var count: Int { bytes.count }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        guard offset >= 0, buffer.count <= bytes.count - min(offset, bytes.count) else { return false }
        if buffer.count > 0, let target = buffer.baseAddress, let source = bytes.baseAddress {
            target.copyMemory(from: source + offset, byteCount: buffer.count)
        }
        return true
    }
}

/// A snapshot file, read with `pread(2)`, never mapped: a file truncated by another program while it is read gives
/// a short read, which is reported; with a mapping its missing pages would raise SIGBUS.
struct SnapshotFile: SnapshotInput {
    let descriptor: Int32
    let count: Int

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            guard let base = buffer.baseAddress else { return false }
            let result = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { return false }
            done += result
        }
        return true
    }
}

extension GraphSnapshot {
    /// The header's counts and where each part lies.
    struct Layout {
        var types = 0, sources = 0, actors = 0, relations = 0, details = 0, idSlots = 0, smallLength = 0
        var sums: [UInt64] = []

        func count(_ section: Section) -> Int { section.count(actors: actors, relations: relations, idSlots: idSlots) }
        var arraysStart: Int { headerSize + smallLength + checksumSize }
        var size: Int { arraysStart + Section.allCases.reduce(0) { $0 + count($1) * $1.width } }
    }

    // MARK: Reading

    /// The graph a snapshot in memory holds.
    ///
    /// - Throws: ``FormatError`` when the bytes are not a snapshot of this version, are truncated, or hold a
    ///   value out of range.
    /// - Complexity: O(bytes).
    public static func decode(_ bytes: UnsafeRawBufferPointer, verifyChecksum: Bool = true) throws(FormatError)
        -> RelationGraph
    {
        try decode(SnapshotMemory(bytes: bytes), verifyChecksum: verifyChecksum)
    }

    /// The graph in the snapshot file at `path`; `nil` with the system's reason when it cannot be opened.
    static func read(path: String) -> Result<RelationGraph, FormatError>? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var information = stat()
        guard fstat(descriptor, &information) == 0, information.st_mode & S_IFMT == S_IFREG else { return nil }
        do throws(FormatError) {
            return .success(try decode(SnapshotFile(descriptor: descriptor, count: Int(information.st_size))))
        } catch {
            return .failure(error)
        }
    }

    static func decode(_ input: some SnapshotInput, verifyChecksum: Bool = true) throws(FormatError) -> RelationGraph {
        #if _endian(big)
            throw FormatError("snapshots are read on little-endian machines only")
        #endif
        let layout = try readHeader(input)
        // Sized by the header, checked against the file's size: nothing below allocates more than the file holds.
        let small = [UInt8](unsafeUninitializedCapacity: layout.arraysStart) { buffer, initialized in
            initialized = input.read(into: UnsafeMutableRawBufferPointer(buffer), at: 0) ? buffer.count : 0
        }
        guard small.count == layout.arraysStart else { throw FormatError("the file ends early (truncated?)") }
        let parts = small.withUnsafeBytes { raw in
            Result { () throws(FormatError) in
                let checked = UnsafeRawBufferPointer(rebasing: raw[..<(layout.arraysStart - checksumSize)])
                let expected = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: checked.count, as: UInt64.self))
                guard !verifyChecksum || checksum(checked) == expected else {
                    throw FormatError("checksum mismatch: the file is corrupted")
                }
                return try readSmallPart(checked, layout, small: small)
            }
        }
        let (vocabulary, sources, actors, details) = try parts.get()
        let storage = try readArrays(input, layout, verifyChecksum: verifyChecksum)
        do {
            return try RelationGraph(
                vocabulary: vocabulary, sources: sources, actors: actors, details: details, storage: storage)
        } catch {
            throw FormatError(error.description)
        }
    }

    private static func readHeader(_ input: some SnapshotInput) throws(FormatError) -> Layout {
        var bytes = [UInt8](repeating: 0, count: min(input.count, headerSize))
        guard bytes.withUnsafeMutableBytes({ input.read(into: $0, at: 0) }) else {
            throw FormatError("the file ends inside the header (truncated?)")
        }
        guard bytes.count >= magic.count, magic.elementsEqual(bytes.prefix(magic.count)) else {
            throw FormatError("not an ActorGraph snapshot (no AGRAPH signature)")
        }
        return try bytes.withUnsafeBytes { raw in Result { () throws(FormatError) in
            var reader = ByteReader(raw)
            reader.offset = magic.count
            let fileVersion = try reader.u32()
            guard fileVersion == version else {
                throw FormatError("snapshot format version \(fileVersion); this actorgraph reads version \(version)")
            }
            guard try reader.u32() == byteOrderMark else { throw FormatError("unknown byte order") }
            var layout = Layout()
            (layout.types, layout.sources, layout.actors) = (try reader.count(), try reader.count(), try reader.count())
            (layout.relations, layout.details, layout.idSlots) = (try reader.count(), try reader.count(), try reader.count())
            layout.smallLength = try reader.count()
            for _ in Section.allCases { layout.sums.append(try reader.u64()) }
            guard layout.types <= RelationVocabulary.maximumCount, layout.actors < Int(UInt32.max - 1),
                layout.relations < Int(UInt32.max - 1), layout.details <= layout.relations
            else { throw FormatError("counts out of range") }
            // Counts are below 2^35 and widths at most 16: no overflow.
            guard layout.size == input.count else {
                throw FormatError(
                    "the file has \(input.count) bytes; its header's counts and lengths make \(layout.size) (truncated?)")
            }
            return layout
        } }.get()
    }

    /// Types, sources, actors and details, from the checked bytes of the header and the small part.
    private static func readSmallPart(
        _ checked: UnsafeRawBufferPointer, _ layout: Layout, small: [UInt8]
    ) throws(FormatError) -> (
        RelationVocabulary, [SourceDocument], ActorTable, [(position: Int, details: RelationDetails)]
    ) {
        var reader = ByteReader(checked)
        reader.offset = headerSize
        // Each item takes at least this many bytes (its lengths, flags and fixed fields): counts that the small part
        // cannot hold are refused before any capacity is reserved for them.
        let least = layout.types * 11 + layout.sources * 37 + layout.actors * 19 + layout.details * 25
        guard least <= layout.smallLength else {
            throw FormatError("the header's counts need at least \(least) bytes; the file holds \(layout.smallLength)")
        }
        let (vocabulary, sources) = try readTypesAndSources(&reader, layout)
        let actors = try readActors(&reader, layout, small: small)
        let details = try readDetails(&reader, layout)
        guard reader.offset == checked.count else {
            throw FormatError("\(checked.count - reader.offset) bytes after the graph")
        }
        return (vocabulary, sources, actors, details)
    }

    private static func readTypesAndSources(_ reader: inout ByteReader, _ layout: Layout) throws(FormatError) -> (
        RelationVocabulary, [SourceDocument]
    ) {
        var vocabulary = RelationVocabulary()
        for _ in 0..<layout.types {
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
        return (vocabulary, try readSources(&reader, layout))
    }

    private static func readSources(_ reader: inout ByteReader, _ layout: Layout) throws(FormatError) -> [SourceDocument] {
        var sources: [SourceDocument] = []
        var sourceIDs: Set<String> = []
        for _ in 0..<layout.sources {
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
            guard sourceIDs.insert(id).inserted else { throw FormatError("source id '\(id)' is defined twice") }
            sources.append(source)
        }
        return sources
    }

    /// The actors, checked as ``readActor(_:)`` would read them but not made: each is made when it is read
    /// (``ActorTable``), from `small`, which the table keeps. Only the kinds are kept as a column.
    private static func readActors(
        _ reader: inout ByteReader, _ layout: Layout, small: [UInt8]
    ) throws(FormatError) -> ActorTable {
        var offsets: [UInt32] = []
        var kinds: [ActorKind] = []
        offsets.reserveCapacity(min(layout.actors, reader.remaining / 19))
        kinds.reserveCapacity(min(layout.actors, reader.remaining / 19))
        for _ in 0..<layout.actors {
            offsets.append(UInt32(reader.offset))
            try reader.skipIdentifier("actor id")
            try reader.skipString("actor name")
            let kindStart = reader.offset
            try reader.skipString("actor kind")
            reader.offset = kindStart
            let kindText = try reader.withStringBytes("actor kind") { String(decoding: $0, as: UTF8.self) }
            guard let kind = ActorKind(rawValue: kindText) else {
                throw FormatError("unknown actor kind '\(kindText)'")
            }
            kinds.append(kind)
            try reader.skipOptionalString("subkind")
            for _ in 0..<(try reader.count(atLeast: 4)) { try reader.skipString("alias") }
            try reader.skipOptionalString("actor description")
            try reader.skipOptionalString("country")
        }
        let (starts, kindColumn) = (offsets, kinds)
        return ActorTable(kinds: kindColumn) { position in
            small.withUnsafeBytes { raw in
                var actorReader = ByteReader(raw)
                actorReader.offset = Int(starts[position])
                // Checked above, so this cannot fail; a placeholder rather than a trap if it ever did.
                return (try? readActor(&actorReader)) ?? ActorRecord(id: "?", name: "?", kind: kindColumn[position])
            }
        }
    }

    /// One actor, as ``encode(_:)`` writes it.
    private static func readActor(_ reader: inout ByteReader) throws(FormatError) -> ActorRecord {
        let id = try reader.identifier("actor id")
        let name = try reader.string("actor name")
        let kindText = try reader.string("actor kind")
        guard let kind = ActorKind(rawValue: kindText) else { throw FormatError("unknown actor kind '\(kindText)'") }
        let subkind = try reader.optionalString("subkind")
        let aliasCount = try reader.count(atLeast: 4)
        var aliases: [String] = []
        aliases.reserveCapacity(aliasCount)
        for _ in 0..<aliasCount { aliases.append(try reader.string("alias")) }
        return ActorRecord(
            id: id, name: name, kind: kind, subkind: subkind, aliases: aliases,
            description: try reader.optionalString("actor description"),
            country: try reader.optionalString("country"))
    }

    private static func readDetails(_ reader: inout ByteReader, _ layout: Layout) throws(FormatError) -> [(
        position: Int, details: RelationDetails
    )] {
        var details: [(position: Int, details: RelationDetails)] = []
        details.reserveCapacity(layout.details)
        for _ in 0..<layout.details {
            let position = try reader.count()
            let previous = details.last?.position ?? -1
            guard position < layout.relations && position > previous else {
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
        return details
    }

    /// The arrays, each read straight into the array that keeps it and checked against its checksum.
    private static func readArrays(
        _ input: some SnapshotInput, _ layout: Layout, verifyChecksum: Bool
    ) throws(FormatError) -> RelationGraphStorage {
        guard MemoryLayout<TimeSpan>.stride == 16, MemoryLayout<TimeSpan>.offset(of: \.definiteStart) == 4,
            MemoryLayout<TimeSpan>.offset(of: \.definiteEnd) == 8, MemoryLayout<TimeSpan>.offset(of: \.possibleEnd) == 12
        else { throw FormatError("this build lays out day numbers differently from the file") }
        var offset = layout.arraysStart
        func column<Element: BitwiseCopyable>(_ section: Section, _: Element.Type) throws(FormatError) -> [Element] {
            let count = layout.count(section)
            let bytes = count * section.width
            precondition(MemoryLayout<Element>.stride == section.width, "element width")
            var complete = true
            let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                complete = bytes == 0 || input.read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
                initialized = complete ? count : 0
            }
            guard complete else { throw FormatError("the file ends inside \(section.name) (truncated?)") }
            offset += bytes
            if verifyChecksum {
                let sum = values.withUnsafeBytes(checksum)
                guard sum == layout.sums[section.rawValue] else {
                    throw FormatError("checksum mismatch in \(section.name): the file is corrupted")
                }
            }
            return values
        }
        var storage = RelationGraphStorage()
        storage.relationSource = try column(.relationSources, ActorIndex.self)
        storage.relationTarget = try column(.relationTargets, ActorIndex.self)
        storage.relationType = try column(.relationTypes, RelationTypeIndex.self)
        storage.dateShape = try column(.dateShapes, UInt16.self)
        storage.spans = try column(.spans, TimeSpan.self)
        storage.outOffsets = try column(.outOffsets, UInt32.self)
        storage.outNeighbors = try column(.outNeighbors, ActorIndex.self)
        storage.outRelations = try column(.outRelations, RelationIndex.self)
        storage.inOffsets = try column(.inOffsets, UInt32.self)
        storage.inNeighbors = try column(.inNeighbors, ActorIndex.self)
        storage.inRelations = try column(.inRelations, RelationIndex.self)
        storage.symmetricSlotWords = try column(.symmetricSlots, UInt64.self)
        storage.actorIDSlots = try column(.actorIDTable, UInt32.self)
        return storage
    }
}
