import ActorGraph
import Dispatch
import Foundation

extension GraphSnapshot {
    /// The header's counts and where each part lies.
    struct Layout {
        var types = 0, sources = 0, actors = 0, relations = 0, details = 0, idSlots = 0, smallLength = 0
        var sums: [UInt64] = []

        func count(_ section: Section) -> Int { section.count(actors: actors, relations: relations, idSlots: idSlots) }
        /// Where the arrays start: after the header, the small part and its checksum, aligned.
        var arraysStart: Int { aligned(headerSize + smallLength + checksumSize) }
        /// Where `section` starts; each array is padded to the alignment.
        func offset(of section: Section) -> Int {
            Section.allCases.prefix(section.rawValue).reduce(arraysStart) { $0 + aligned(count($1) * $1.width) }
        }
        var size: Int { Section.allCases.reduce(arraysStart) { $0 + aligned(count($1) * $1.width) } }

        private func aligned(_ length: Int) -> Int { (length + alignment - 1) / alignment * alignment }
    }

    // MARK: Reading

    /// The graph a snapshot in memory holds (a copy of `bytes`, which the caller may then free).
    ///
    /// - Throws: ``FormatError`` when the bytes are not a snapshot of this version, are truncated, or hold a
    ///   value out of range.
    /// - Complexity: O(bytes).
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, verifyChecksum: Bool = true, check: StorageCheck = .everything
    ) throws(FormatError) -> RelationGraph {
        try decode(SnapshotRegion(copying: bytes), verifyChecksum: verifyChecksum, check: check)
    }

    /// The graph in the snapshot file at `path`; `nil` with the system's reason when it cannot be opened.
    static func read(path: String, access: SnapshotAccess, check: StorageCheck) -> Result<RelationGraph, FormatError>? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var information = stat()
        guard fstat(descriptor, &information) == 0, information.st_mode & S_IFMT == S_IFREG else { return nil }
        return read(descriptor: descriptor, size: Int(information.st_size), path: path, access: access, check: check)
    }

    /// The graph in the open snapshot file of `size` bytes.
    static func read(
        descriptor: Int32, size: Int, path: String, access: SnapshotAccess, check: StorageCheck
    ) -> Result<RelationGraph, FormatError> {
        do throws(FormatError) {
            // The header first, with `pread`: a file too short or not a snapshot is refused before anything is mapped.
            var header = [UInt8](repeating: 0, count: min(size, headerSize))
            let complete = header.withUnsafeMutableBytes { buffer in
                buffer.isEmpty || pread(descriptor, buffer.baseAddress, buffer.count, 0) == buffer.count
            }
            guard complete else { throw FormatError("the file ends inside the header (truncated?)") }
            _ = try header.withUnsafeBytes { raw in
                Result { () throws(FormatError) in try readHeader(raw, fileSize: size) }
            }.get()
            let region: SnapshotRegion?
            switch access {
            case .copied: region = SnapshotRegion(reading: descriptor, count: size)
            case .mapped: region = SnapshotRegion(mapping: descriptor, count: size, path: path)
            }
            guard let region else { throw FormatError("the file ends early (truncated?)") }
            return .success(try decode(region, verifyChecksum: true, check: check))
        } catch {
            return .failure(error)
        }
    }

    static func decode(
        _ region: SnapshotRegion, verifyChecksum: Bool = true, check: StorageCheck = .everything
    ) throws(FormatError) -> RelationGraph {
        #if _endian(big)
            throw FormatError("snapshots are read on little-endian machines only")
        #endif
        let raw = region.bytes
        let layout = try readHeader(raw, fileSize: raw.count)
        let checked = UnsafeRawBufferPointer(rebasing: raw[..<(headerSize + layout.smallLength)])
        let expected = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: checked.count, as: UInt64.self))
        guard !verifyChecksum || checksum(checked) == expected else {
            throw FormatError("checksum mismatch: the file is corrupted")
        }
        guard paddingIsZero(raw, layout) else {
            throw FormatError("bytes between the arrays are not zero: the file is corrupted")
        }
        let storage = try readArrays(region, layout)
        var reader = ByteReader(checked)
        let (vocabulary, kinds, sources, details) = try readSmallPart(&reader, layout)
        if verifyChecksum, let bad = firstBadChecksum(region, layout) {
            throw FormatError("checksum mismatch in \(bad.name): the file is corrupted")
        }
        let actors = try readActors(&reader, layout, region: region, columns: storage.actors, kinds: kinds, check: check)
        do {
            return try RelationGraph(
                vocabulary: vocabulary, sources: sources, actors: actors, details: details, storage: storage.graph,
                check: check, mayChange: region.isMapped)
        } catch {
            throw FormatError(error.description)
        }
    }

    private static func readHeader(_ bytes: UnsafeRawBufferPointer, fileSize: Int) throws(FormatError) -> Layout {
        guard bytes.count >= magic.count, magic.elementsEqual(bytes.prefix(magic.count)) else {
            throw FormatError("not an ActorGraph snapshot (no AGRAPH signature)")
        }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[..<min(bytes.count, headerSize)]))
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
        guard layout.size == fileSize else {
            throw FormatError(
                "the file has \(fileSize) bytes; its header's counts and lengths make \(layout.size) (truncated?)")
        }
        return layout
    }

    /// Types, sources, actors and details, from the checked bytes of the header and the small part.
    /// Types, kind names, sources and details, from the checked bytes of the header and the small part; `reader`
    /// is left where the actors' records start.
    private static func readSmallPart(_ reader: inout ByteReader, _ layout: Layout) throws(FormatError) -> (
        RelationVocabulary, [ActorKind], [SourceDocument], [(position: Int, details: RelationDetails)]
    ) {
        reader.offset = headerSize
        // Each item takes at least this many bytes (its lengths, flags and fixed fields): counts that the small part
        // cannot hold are refused before any capacity is reserved for them.
        let least = layout.types * 11 + layout.sources * 37 + layout.actors * 19 + layout.details * 25
        guard least <= layout.smallLength else {
            throw FormatError("the header's counts need at least \(least) bytes; the file holds \(layout.smallLength)")
        }
        let vocabulary = try readTypes(&reader, layout)
        let kinds = try readKindNames(&reader)
        let sources = try readSources(&reader, layout)
        let details = try readDetails(&reader, layout)
        return (vocabulary, kinds, sources, details)
    }

    /// The actor kinds' names, in the order the kind column's codes number them.
    private static func readKindNames(_ reader: inout ByteReader) throws(FormatError) -> [ActorKind] {
        var kinds: [ActorKind] = []
        for _ in 0..<(try reader.count(atLeast: 4)) {
            let name = try reader.string("actor kind")
            guard let kind = ActorKind(rawValue: name) else { throw FormatError("unknown actor kind '\(name)'") }
            kinds.append(kind)
        }
        guard !kinds.isEmpty else { throw FormatError("no actor kinds") }
        return kinds
    }

    private static func readTypes(_ reader: inout ByteReader, _ layout: Layout) throws(FormatError) -> RelationVocabulary {
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
        return vocabulary
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

    /// The actors, made when each is read (``ActorTable``) from its record in `region`, which the table keeps; their
    /// kinds from the kind column. With ``StorageCheck/everything`` every record is read once here, checked as a
    /// graph file's reader checks an actor, and compared with the two columns; otherwise none is read until it is
    /// needed, and a record that does not read (only in a file forged with recomputed checksums, or changed under a
    /// mapping) becomes a placeholder actor rather than a trap.
    private static func readActors(
        _ reader: inout ByteReader, _ layout: Layout, region: SnapshotRegion, columns: ActorColumns,
        kinds kindNames: [ActorKind], check: StorageCheck
    ) throws(FormatError) -> ActorTable {
        let (recordOffsets, codes) = (columns.recordOffsets, columns.kindCodes)
        let (first, end) = (UInt64(reader.offset), UInt64(reader.bytes.count))
        guard layout.actors == 0 || first < end else { throw FormatError("the actors' records are missing") }
        let lastKind = UInt8(kindNames.count - 1)
        let kinds = [ActorKind](unsafeUninitializedCapacity: codes.count) { buffer, initialized in
            for position in 0..<codes.count { buffer[position] = kindNames[Int(min(codes[position], lastKind))] }
            initialized = codes.count
        }
        if check == .everything {
            for position in 0..<layout.actors {
                guard recordOffsets[position] == UInt64(reader.offset) else {
                    throw FormatError("actor \(position + 1)'s record offset is wrong")
                }
                let actor = try readActor(&reader)
                guard codes[position] <= lastKind, actor.kind == kinds[position] else {
                    throw FormatError("actor \(position + 1)'s kind disagrees with its record")
                }
            }
            guard reader.offset == reader.bytes.count else {
                throw FormatError("\(reader.bytes.count - reader.offset) bytes after the graph")
            }
        }
        return ActorTable(kinds: kinds) { position in
            var actorReader = ByteReader(UnsafeRawBufferPointer(rebasing: region.bytes[..<Int(end)]))
            actorReader.offset = Int(min(max(recordOffsets[position], first), end))
            return withExtendedLifetime(region) {
                (try? readActor(&actorReader))
                    ?? ActorRecord(id: "?", name: "(unreadable record \(position + 1))", kind: kinds[position])
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

    /// Whether the bytes that align the arrays (after the small part's checksum and after each array) are zero, as
    /// the writer leaves them: no checksum covers them.
    private static func paddingIsZero(_ bytes: UnsafeRawBufferPointer, _ layout: Layout) -> Bool {
        var ends = [(headerSize + layout.smallLength + checksumSize, layout.arraysStart)]
        for section in Section.allCases {
            let start = layout.offset(of: section)
            let next = Section(rawValue: section.rawValue + 1).map { layout.offset(of: $0) } ?? layout.size
            ends.append((start + layout.count(section) * section.width, next))
        }
        return ends.allSatisfy { range in bytes[range.0..<range.1].allSatisfy { $0 == 0 } }
    }

    /// The two actor columns the small part's reader needs.
    struct ActorColumns {
        var recordOffsets: Column<UInt64> = []
        var kindCodes: Column<UInt8> = []
    }

    /// The arrays, where they lie in `region` (their checksums are ``firstBadChecksum(_:_:)``'s).
    private static func readArrays(
        _ region: SnapshotRegion, _ layout: Layout
    ) throws(FormatError) -> (graph: RelationGraphStorage, actors: ActorColumns) {
        guard MemoryLayout<TimeSpan>.stride == 16, MemoryLayout<TimeSpan>.offset(of: \.definiteStart) == 4,
            MemoryLayout<TimeSpan>.offset(of: \.definiteEnd) == 8, MemoryLayout<TimeSpan>.offset(of: \.possibleEnd) == 12
        else { throw FormatError("this build lays out day numbers differently from the file") }
        func column<Element: BitwiseCopyable>(_ section: Section, _: Element.Type) -> Column<Element> {
            precondition(MemoryLayout<Element>.stride == section.width, "element width")
            return region.column(at: layout.offset(of: section), count: layout.count(section), of: Element.self)
        }
        var storage = RelationGraphStorage()
        storage.relationSource = column(.relationSources, ActorIndex.self)
        storage.relationTarget = column(.relationTargets, ActorIndex.self)
        storage.relationType = column(.relationTypes, RelationTypeIndex.self)
        storage.dateShape = column(.dateShapes, UInt16.self)
        storage.spans = column(.spans, TimeSpan.self)
        storage.outOffsets = column(.outOffsets, UInt32.self)
        storage.outNeighbors = column(.outNeighbors, ActorIndex.self)
        storage.outRelations = column(.outRelations, RelationIndex.self)
        storage.inOffsets = column(.inOffsets, UInt32.self)
        storage.inNeighbors = column(.inNeighbors, ActorIndex.self)
        storage.inRelations = column(.inRelations, RelationIndex.self)
        storage.symmetricSlotWords = column(.symmetricSlots, UInt64.self)
        storage.actorIDSlots = column(.actorIDTable, UInt32.self)
        let actors = ActorColumns(
            recordOffsets: column(.actorRecordOffsets, UInt64.self), kindCodes: column(.actorKinds, UInt8.self))
        return (storage, actors)
    }

    /// The first section whose checksum does not match, in file order; `nil` when all match. The sections are split
    /// between two threads when they are large: one thread is limited by its own loads, not by memory bandwidth.
    private static func firstBadChecksum(_ region: SnapshotRegion, _ layout: Layout) -> Section? {
        let sections = Section.allCases
        let lengths = sections.map { layout.count($0) * $0.width }
        let starts = sections.map { layout.offset(of: $0) }
        @Sendable func sum(_ section: Section) -> UInt64 {
            let start = starts[section.rawValue]
            return checksum(UnsafeRawBufferPointer(rebasing: region.bytes[start..<(start + lengths[section.rawValue])]))
        }
        var sums = [UInt64](repeating: 0, count: sections.count)
        if lengths.reduce(0, +) < 1 << 22 {
            for section in sections { sums[section.rawValue] = sum(section) }
        } else {
            // Largest first, each to the lighter of two threads.
            var bins: [[Section]] = [[], []]
            var loads = [0, 0]
            for section in sections.sorted(by: { lengths[$0.rawValue] > lengths[$1.rawValue] }) {
                let lighter = loads[0] <= loads[1] ? 0 : 1
                bins[lighter].append(section)
                loads[lighter] += lengths[section.rawValue]
            }
            let split = bins
            sums.withUnsafeMutableBufferPointer { results in
                let output = SendableResults(results)
                DispatchQueue.concurrentPerform(iterations: 2) { bin in
                    for section in split[bin] { output.store(sum(section), at: section.rawValue) }
                }
            }
        }
        return sections.first { sums[$0.rawValue] != layout.sums[$0.rawValue] }
    }
}

/// Each thread writes its own positions of one buffer that outlives them (``DispatchQueue/concurrentPerform``).
private struct SendableResults: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt64>
    init(_ buffer: UnsafeMutableBufferPointer<UInt64>) { self.buffer = buffer }
    func store(_ value: UInt64, at position: Int) { buffer[position] = value }
}
