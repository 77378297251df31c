import ActorGraph
import Foundation
import Testing

@testable import ActorGraphIO

@Suite("Binary graph snapshot")
struct SnapshotTests {
    /// A graph using every field a snapshot stores.
    private func richGraph() throws -> RelationGraph {
        var vocabulary = RelationVocabulary.builtIn
        vocabulary.add(RelationType(name: "shakes_hands", directed: false, category: .diplomatic, allowsSelf: true))
        vocabulary.add(
            RelationType(
                name: "funds", directed: true, category: .economic, inverse: "funded by", description: "Pays for."))
        var builder = GraphBuilder(vocabulary: vocabulary)
        var document = SourceDocument(
            id: "doc", file: "d.txt", title: "Déclaration", outlet: "Outlet",
            published: try EDTFDate.parse("2021-08").get(),
            language: "fr", sha256: "ab", lines: 40, summary: "Résumé.")
        (document.reliability, document.reliabilityNote) = (.c, "A wire report.")
        (document.derivedFrom, document.body, document.publishedLines) = (["other", "more"], [1...3, 5...40], 2...2)
        try builder.addSource(document)
        try builder.addActor(
            ActorRecord(id: "ru", name: "Russia", kind: .state, aliases: ["RF", "Russian Federation"]))
        try builder.addActor(
            ActorRecord(id: "tb", name: "Taliban", kind: .group, subkind: "armed group", description: "—"))
        try builder.addActor(ActorRecord(id: "x.1", name: "Envoy", kind: .official, country: "ru"))
        let dates = ["2021", "2021-08-17", "1979/1989", "2022-03/..", "../2001", "2022-03/", "2021~", "2021-02-28%"]
        for (position, text) in (dates + ["", "2021"]).enumerated() {
            var details: RelationDetails?
            if position % 3 == 0 {
                details = RelationDetails(
                    id: position == 3 ? "meeting-1" : nil, note: "Note \(position)",
                    citations: [
                        Citation(source: "doc", lines: 3...5, grade: AdmiraltyGrade("B2")),
                        Citation(source: "doc", lines: 1...1, grade: nil, forDate: position == 6),
                    ],
                    attributes: [RelationAttribute(key: "place", value: "Doha")], dateNote: "as reported",
                    grade: AdmiraltyGrade("C3"), status: position == 6 ? .claimed : position == 3 ? .denied : .reported,
                    // An actor id or free text (FORMAT.md): both must survive the snapshot.
                    claimedBy: position == 6 ? "tb" : position == 3 ? "the author, in a reader's reply" : nil)
            }
            try builder.addRelation(
                from: ActorIndex(position % 3), to: ActorIndex((position + 1) % 3),
                type: RelationTypeIndex(UInt16(position % vocabulary.count)),
                date: text.isEmpty ? nil : try EDTFDate.parse(text).get(), details: details)
        }
        try builder.addRelation(
            from: ActorIndex(0), to: ActorIndex(0),
            type: vocabulary.index(named: "shakes_hands") ?? RelationTypeIndex(0),
            date: nil)
        return builder.build()
    }

    private struct Observed: Equatable {
        var vocabulary: RelationVocabulary
        var sources: [SourceDocument]
        var actors: [ActorRecord]
        var ends: [ActorIndex]
        var types: [RelationTypeIndex]
        var dates: [EDTFDate?]
        var spans: [TimeSpan?]
        var details: [RelationDetails]
        var ids: [String]
        var outgoing: [UInt32]
        var incoming: [RelationIndex]

        init(_ graph: RelationGraph) {
            vocabulary = graph.vocabulary
            sources = graph.sources
            actors = Array(graph.actors)
            ends = Array(graph.relationSource) + Array(graph.relationTarget)
            types = Array(graph.relationType)
            dates = graph.relationIndices.map { graph.date(of: $0) }
            spans = graph.relationIndices.map { graph.span(of: $0) }
            details = graph.relationIndices.map { graph.details(of: $0) }
            ids = graph.relationIndices.map { graph.id(of: $0) }
            outgoing = Array(graph.outOffsets)
            incoming = Array(graph.inRelations)
        }
    }

    private func decode(_ bytes: [UInt8], verifyChecksum: Bool = true, check: StorageCheck = .everything) -> Result<
        RelationGraph, GraphSnapshot.FormatError
    > {
        bytes.withUnsafeBytes { raw in
            do throws(GraphSnapshot.FormatError) {
                return .success(try GraphSnapshot.decode(raw, verifyChecksum: verifyChecksum, check: check))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func roundTripGivesTheSameGraph() throws {
        let graph = try richGraph()
        let decoded = try decode(GraphSnapshot.encode(graph)).get()
        #expect(Observed(decoded) == Observed(graph))
        #expect(decoded.relationIndex(id: "meeting-1") == graph.relationIndex(id: "meeting-1"))
        #expect(decoded.actorIndex(id: "x.1") == ActorIndex(2))
        // Every actor is found through the stored id table, and an unknown id is not.
        for actor in graph.actorIndices { #expect(decoded.actorIndex(id: graph[actor].id) == actor) }
        #expect(decoded.actorIndex(id: "nobody") == nil)
        // Actors are made on demand from the snapshot; their kinds are a column of their own.
        #expect(decoded.actorIndices.map { decoded.kind(of: $0) } == graph.actors.map(\.kind))
        #expect(decoded.actorIndices.map { decoded[$0] } == Array(graph.actors))
        // Encoding is deterministic.
        #expect(GraphSnapshot.encode(decoded) == GraphSnapshot.encode(graph))
    }

    @Test func roundTripOfAnImportedEdgeList() throws {
        var options = CSVImportOptions()
        options.defaultKind = .group
        let text = "source,target,type,date\na,b,meets,2021\nb,c,fights,2001/2021\nc,a,meets,\n"
        let graph = try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options).graph
        #expect(Observed(try decode(GraphSnapshot.encode(graph)).get()) == Observed(graph))
    }

    @Test func headerProblemsAreNamed() throws {
        let bytes = GraphSnapshot.encode(try richGraph())
        func message(_ bytes: [UInt8]) -> String? {
            if case .failure(let error) = decode(bytes) { return error.description }
            return nil
        }
        #expect(message(Array("source,target\n".utf8)) == "not an ActorGraph snapshot (no AGRAPH signature)")
        var newer = bytes
        newer[8] = 9
        #expect(message(newer) == "snapshot format version 9; this actorgraph reads version 8")
        #expect(message(Array(bytes.dropLast(10)))?.hasSuffix("(truncated?)") == true)
        var flipped = bytes
        flipped[GraphSnapshot.headerSize + 5] ^= 0x10
        #expect(message(flipped) == "checksum mismatch: the file is corrupted")
        var padded = bytes
        padded[bytes.count - 1] = 1
        #expect(message(padded) == "bytes between the arrays are not zero: the file is corrupted")
    }

    /// Random byte flips and truncations give an error or a graph, never a trap — with the checksum checked and,
    /// to reach the decoders behind it, without.
    @Test func corruptedSnapshotsNeverTrap() throws {
        let original = GraphSnapshot.encode(try richGraph())
        var random = SyntheticRandom(seed: 23)
        var rejected = 0
        var accepted = 0
        for round in 0..<4_000 {
            var bytes = original
            let truncated = round % 4 == 0
            let checksummed = round % 2 == 0
            if truncated {
                bytes.removeLast(1 + random.below(bytes.count - 1))
            } else {
                for _ in 0..<(1 + random.below(4)) {
                    let position = random.below(bytes.count)
                    bytes[position] ^= UInt8(1 + random.below(255))
                }
            }
            switch decode(bytes, verifyChecksum: checksummed) {
            case .success:
                accepted += 1
                // A shortened file, or a changed one whose checksum is checked, is never taken for a graph.
                #expect(bytes == original || !(truncated || checksummed), "round \(round): corrupted bytes decoded")
            case .failure: rejected += 1
            }
        }
        // Without the checksum some flips land in bytes no decoder checks (names, dates) and still decode.
        #expect(rejected > 2_000 && accepted > 0)
    }

    /// `bytes` with every checksum recomputed (each array's, then the small part's): what a forger who knows the
    /// format writes. Sections are found from the header's counts as they stand.
    private func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        func field(_ offset: Int) -> Int {
            guard offset + 8 <= bytes.count else { return 0 }
            return Int(truncatingIfNeeded: UInt64(littleEndian: bytes[offset..<(offset + 8)].withUnsafeBytes {
                $0.loadUnaligned(as: UInt64.self)
            }))
        }
        func put(_ value: UInt64, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
        }
        var layout = GraphSnapshot.Layout()
        (layout.actors, layout.relations, layout.idSlots, layout.smallLength) = (field(32), field(40), field(56), field(64))
        guard layout.smallLength < bytes.count, layout.actors < 1 << 32, layout.relations < 1 << 32,
            layout.idSlots < 1 << 32
        else { return bytes }
        for section in GraphSnapshot.Section.allCases {
            let (offset, length) = (layout.offset(of: section), layout.count(section) * section.width)
            guard offset + length <= bytes.count else { break }
            put(bytes[offset..<(offset + length)].withUnsafeBytes(GraphSnapshot.checksum), at: 72 + 8 * section.rawValue)
        }
        let end = GraphSnapshot.headerSize + layout.smallLength
        if end + 8 <= bytes.count { put(bytes[..<end].withUnsafeBytes(GraphSnapshot.checksum), at: end) }
        return bytes
    }

    private func failure(_ bytes: [UInt8], verifyChecksum: Bool = true, check: StorageCheck = .everything) -> String? {
        if case .failure(let error) = decode(bytes, verifyChecksum: verifyChecksum, check: check) { return error.description }
        return nil
    }

    /// The header's count fields: types, sources, actors, dates, relations, details (8 bytes each from byte 16).
    private func forging(_ bytes: [UInt8], count field: Int, to value: UInt64) -> [UInt8] {
        var forged = bytes
        withUnsafeBytes(of: value.littleEndian) { forged.replaceSubrange((16 + field * 8)..<(24 + field * 8), with: $0) }
        return forged
    }

    /// A count changed in the header is under the checksum; with the checksum resealed (or not checked) it is still
    /// compared with the bytes that could hold it before anything is allocated (2^32-3 relations made every command
    /// abort allocating 64 GiB).
    @Test func forgedHeaderCountsAreRefusedBeforeAllocating() throws {
        let bytes = GraphSnapshot.encode(try richGraph())
        for field in 0..<6 {
            for value: UInt64 in [1 << 32 - 3, 1 << 31, 1_000_000, 5_000] {
                let forged = forging(bytes, count: field, to: value)
                // The counts size the file: one that disagrees with the file's size is refused before the checksum
                // that follows the small part is even found.
                let first = failure(forged) ?? ""
                #expect(
                    first == "checksum mismatch: the file is corrupted" || first == "counts out of range"
                        || first.hasSuffix("(truncated?)"), "\(first)")
                let message = failure(resealed(forged)) ?? ""
                #expect(
                    message.contains("bytes; the file holds") || message == "counts out of range"
                        || message.hasSuffix("(truncated?)"), "\(message)")
                #expect(failure(forged, verifyChecksum: false) != nil)
            }
        }
        // The length field is checked against the file's size.
        for length: UInt64 in [0, UInt64(bytes.count), UInt64(bytes.count) * 1000] {
            var longer = bytes
            withUnsafeBytes(of: length.littleEndian) { longer.replaceSubrange(64..<72, with: $0) }
            #expect(failure(resealed(longer))?.hasSuffix("(truncated?)") == true)
        }
    }

    /// Every truncation is refused with a message, never a trap or a graph.
    @Test func everyTruncationIsRefused() throws {
        let bytes = GraphSnapshot.encode(try richGraph())
        for length in 0..<bytes.count {
            #expect(failure(Array(bytes.prefix(length))) != nil, "a snapshot cut to \(length) bytes loaded")
        }
    }

    /// Ids read from a snapshot are checked as a graph file's reader checks them: a forged NUL, quote or `<>`
    /// would reach the DOT and XML writers, which alter them (two ids could merge).
    @Test func forgedIdsAreRefused() throws {
        for bad in ["a\u{0}b", "a\"b", "<a>", "A", "", "a b"] {
            var builder = GraphBuilder(vocabulary: .builtIn)
            try builder.addActor(ActorRecord(id: "ok", name: "OK", kind: .state))
            try builder.addActor(ActorRecord(id: bad, name: "Bad", kind: .state))
            try builder.addRelation(from: ActorIndex(0), to: ActorIndex(1), type: RelationTypeIndex(0), date: nil)
            // A NUL is refused as the string is read, before the id is checked.
            let refusal = bad.contains("\u{0}") ? "control character U+0000 is not allowed in " : nil
            #expect(failure(GraphSnapshot.encode(builder.build())) == (refusal.map { $0 + "actor id" } ?? "actor id is not a valid id"), "id \(bad)")
            var withRelationID = GraphBuilder(vocabulary: .builtIn)
            try withRelationID.addActor(ActorRecord(id: "ok", name: "OK", kind: .state))
            try withRelationID.addRelation(
                from: ActorIndex(0), to: ActorIndex(0), type: RelationTypeIndex(0), date: nil,
                details: RelationDetails(id: bad))
            #expect(failure(GraphSnapshot.encode(withRelationID.build())) == (refusal.map { $0 + "relation id" } ?? "relation id is not a valid id"))
        }
        var vocabulary = RelationVocabulary()
        vocabulary.add(RelationType(name: "Meets<", directed: false, category: .diplomatic))
        var builder = GraphBuilder(vocabulary: vocabulary)
        try builder.addActor(ActorRecord(id: "ok", name: "OK", kind: .state))
        #expect(failure(GraphSnapshot.encode(builder.build())) == "bad relation type name")
    }

    /// One actor with one relation to itself dated 2021-08-17: the day's number and the snapshot's bytes.
    private func oneDatedRelation() throws -> (day: Int32, bytes: [UInt8]) {
        let day = try #require(CalendarDay(year: 2021, month: 8, day: 17)).dayNumber
        var builder = GraphBuilder(vocabulary: .builtIn)
        try builder.addActor(ActorRecord(id: "ok", name: "OK", kind: .state))
        try builder.addRelation(
            from: ActorIndex(0), to: ActorIndex(0), type: RelationTypeIndex(0),
            date: try EDTFDate.parse("2021-08-17").get())
        return (day, GraphSnapshot.encode(builder.build()))
    }

    /// Dates are stored as shape words and day numbers, not text; a forged one is refused before anything computes
    /// with it (a day number near 2^31 would overflow the last day of its year).
    @Test func forgedDatesAreRefused() throws {
        let (day, bytes) = try oneDatedRelation()
        #expect(failure(bytes) == nil)
        let dayBytes = withUnsafeBytes(of: day.littleEndian) { Array($0) }
        let positions = (0...(bytes.count - 4)).filter { Array(bytes[$0..<($0 + 4)]) == dayBytes }
        // A day-precision point: the same day number in all four columns.
        #expect(positions.count == 4)
        for position in positions {
            for forged: Int32 in [Int32.max - 100, -5_000_000, 3_000_000] {
                var copy = bytes
                withUnsafeBytes(of: forged.littleEndian) { copy.replaceSubrange(position..<(position + 4), with: $0) }
                #expect(failure(resealed(copy)) == "relation 1 has a bad date")
            }
        }
        // The shape words sit just before the day numbers: a precision of 3 or an interval kind on a point is refused.
        let shapePosition = offset(of: .dateShapes, in: bytes)
        for shape: UInt16 in [1 | 3 << 6, 1 | 1 << 2, 0, 1 << 14 | 1] {
            var copy = bytes
            withUnsafeBytes(of: shape.littleEndian) { copy.replaceSubrange(shapePosition..<(shapePosition + 2), with: $0) }
            #expect(failure(resealed(copy)) == "relation 1 has a bad date", "shape \(shape)")
        }
    }

    /// Where `section` starts in `bytes`, from the header's counts.
    private func offset(of section: GraphSnapshot.Section, in bytes: [UInt8]) -> Int {
        func field(_ offset: Int) -> Int {
            Int(UInt64(littleEndian: bytes[offset..<(offset + 8)].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        }
        var layout = GraphSnapshot.Layout()
        (layout.actors, layout.relations, layout.idSlots, layout.smallLength) = (field(32), field(40), field(56), field(64))
        return layout.offset(of: section)
    }

    /// How many bytes of data `section` holds in `bytes` (not counting its padding).
    private func length(of section: GraphSnapshot.Section, in bytes: [UInt8]) -> Int {
        func field(_ offset: Int) -> Int {
            Int(UInt64(littleEndian: bytes[offset..<(offset + 8)].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        }
        var layout = GraphSnapshot.Layout()
        (layout.actors, layout.relations, layout.idSlots, layout.smallLength) = (field(32), field(40), field(56), field(64))
        return layout.count(section) * section.width
    }

    private func forging<Value: FixedWidthInteger>(
        _ bytes: [UInt8], _ section: GraphSnapshot.Section, element: Int, to value: Value
    ) -> [UInt8] {
        var forged = bytes
        let start = offset(of: section, in: bytes) + element * MemoryLayout<Value>.size
        withUnsafeBytes(of: value.littleEndian) { forged.replaceSubrange(start..<(start + $0.count), with: $0) }
        return forged
    }

    /// The stored arrays are used as they are, so the core checks every index in them: a forger who recomputes the
    /// checksums gets a message naming the array, never an out-of-range index; a changed byte without new
    /// checksums is caught by the array's checksum.
    @Test func forgedArraysAreRefused() throws {
        let graph = try richGraph()
        let bytes = GraphSnapshot.encode(graph)
        let actors = UInt32(graph.actorCount), relations = UInt32(graph.relationCount)
        let r = GraphSnapshot.Section.self
        let cases: [(GraphSnapshot.Section, [UInt8], String)] = [
            (r.relationSources, forging(bytes, r.relationSources, element: 0, to: actors),
             "a relation names an actor out of range"),
            (r.relationTargets, forging(bytes, r.relationTargets, element: 4, to: UInt32.max),
             "a relation names an actor out of range"),
            (r.relationTypes, forging(bytes, r.relationTypes, element: 0, to: UInt16(graph.vocabulary.count)),
             "a relation has a type out of range"),
            (r.outOffsets, forging(bytes, r.outOffsets, element: 1, to: relations + 1),
             "the outgoing adjacency's offsets do not rise to the relation count"),
            (r.inOffsets, forging(bytes, r.inOffsets, element: Int(actors), to: relations - 1),
             "the incoming adjacency's offsets do not rise to the relation count"),
            (r.outNeighbors, forging(bytes, r.outNeighbors, element: 2, to: actors),
             "the outgoing adjacency names an actor or relation out of range"),
            (r.inRelations, forging(bytes, r.inRelations, element: 0, to: relations),
             "the incoming adjacency names an actor or relation out of range"),
            (r.actorIDTable, forging(bytes, r.actorIDTable, element: 1, to: actors + 1), "the actor id table is malformed"),
        ]
        for (section, forged, message) in cases {
            #expect(failure(forged) == "checksum mismatch in \(section.name): the file is corrupted")
            #expect(failure(resealed(forged)) == message)
        }
        #expect(failure(resealed(bytes)) == nil)
    }

    /// Arrays in range that disagree with each other (a forged adjacency) give wrong answers, but no query traps.
    @Test func inconsistentAdjacencyNeverTraps() throws {
        let graph = try richGraph()
        let bytes = GraphSnapshot.encode(graph)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var forged = bytes
            for slot in 0..<graph.relationCount {
                forged = forging(forged, .outNeighbors, element: slot, to: UInt32.random(in: 0..<3, using: &random))
                forged = forging(forged, .inRelations, element: slot, to: UInt32.random(in: 0..<UInt32(graph.relationCount), using: &random))
            }
            let decoded = try decode(resealed(forged)).get()
            for from in decoded.actorIndices {
                _ = decoded.relations(of: from)
                _ = Neighborhood(decoded, center: from, depth: 3)
                for to in decoded.actorIndices {
                    _ = PathFinder(decoded).shortestPath(from: from, to: to)
                    _ = PathFinder(decoded).kShortestPaths(from: from, to: to, k: 3)
                }
            }
        }
    }

    /// A query's load checks lengths and checksums only (``StorageCheck/lengths``): forged values with recomputed
    /// checksums (indices out of range, offsets that fall, dates out of their domain, record offsets and kinds
    /// anywhere) load, and the graph clamps what it reads, so no query, record or date traps.
    @Test func forgedValuesInAQueryLoadNeverTrap() throws {
        let graph = try richGraph()
        let bytes = GraphSnapshot.encode(graph)
        var random = SystemRandomNumberGenerator()
        let sections: [GraphSnapshot.Section] = [
            .relationSources, .relationTargets, .relationTypes, .dateShapes, .spans, .outOffsets, .outNeighbors,
            .outRelations, .inOffsets, .inNeighbors, .inRelations, .actorIDTable, .actorRecordOffsets, .actorKinds,
        ]
        var loaded = 0
        for _ in 0..<200 {
            var forged = bytes
            for _ in 0..<4 {
                let section = sections.randomElement(using: &random)!
                let start = offset(of: section, in: bytes)
                let position = start + Int.random(in: 0..<length(of: section, in: bytes), using: &random)
                forged[position] = UInt8.random(in: 0...255, using: &random)
            }
            guard case .success(let decoded) = decode(resealed(forged), check: .lengths) else { continue }
            loaded += 1
            for actor in decoded.actorIndices {
                _ = decoded[actor]
                _ = decoded.relations(of: actor)
                _ = Neighborhood(decoded, center: actor, depth: 2)
                _ = PathFinder(decoded).shortestPath(from: actor, to: ActorIndex(0))
            }
            for relation in decoded.relationIndices {
                _ = (decoded.date(of: relation)?.description, decoded.type(of: relation), decoded.storedDate(of: relation))
                _ = (decoded[decoded.source(of: relation)], decoded[decoded.target(of: relation)])
            }
            _ = decoded.datedDays()
            _ = decoded.relationCountsByType()
        }
        #expect(loaded > 150)
    }

    /// A mapping shows what another program writes into the file afterwards: dates checked on load are checked
    /// again as they are read when the snapshot is mapped, so a day number changed under the mapping to one whose
    /// year would overflow is an undated relation, not a trap.
    @Test func datesChangedUnderAMappingNeverTrap() throws {
        let (day, bytes) = try oneDatedRelation()
        let path = "/tmp/actorgraph-snapshot-changed-\(UInt32.random(in: 0..<UInt32.max)).agraph"
        defer { FileManagerWriter.remove(path) }
        #expect(FileManagerWriter.write(bytes, to: path))
        let graph = try #require(GraphSnapshot.read(path: path, access: .mapped, check: .everything)).get()
        #expect(graph.date(of: RelationIndex(0))?.description == "2021-08-17")
        let spans = offset(of: .spans, in: bytes)
        #expect(Array(bytes[spans..<(spans + 4)]) == withUnsafeBytes(of: day.littleEndian) { Array($0) })
        let descriptor = open(path, O_WRONLY)
        #expect(descriptor >= 0)
        let forged = withUnsafeBytes(of: (Int32.max - 100).littleEndian) { Array($0) }
        #expect(forged.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, 4, off_t(spans)) } == 4)
        close(descriptor)
        #expect(graph.date(of: RelationIndex(0)) == nil)
        #expect(graph.span(of: RelationIndex(0)) == nil)
        _ = graph.datedDays()
    }

    /// A file shortened by another program after its size was taken, read with `pread` (``SnapshotAccess/copied``): the
    /// short read is reported, whichever part it cuts. (Mapped, the missing pages raise SIGBUS: SnapshotMappingTests.)
    @Test func fileShortenedWhileReadIsRefused() throws {
        let bytes = GraphSnapshot.encode(try richGraph())
        let path = "/tmp/actorgraph-snapshot-short-\(UInt32.random(in: 0..<UInt32.max)).agraph"
        defer { FileManagerWriter.remove(path) }
        for length in [0, 40, bytes.count / 2, bytes.count - 1] {
            #expect(FileManagerWriter.write(bytes, to: path))
            let descriptor = open(path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            #expect(truncate(path, off_t(length)) == 0)
            let message: String?
            do throws(GraphSnapshot.FormatError) {
                _ = try GraphSnapshot.read(
                    descriptor: descriptor, size: bytes.count, path: path, access: .copied, check: .everything
                ).get()
                message = nil
            } catch {
                message = error.description
            }
            #expect(message?.hasSuffix("(truncated?)") == true, "cut to \(length): \(message ?? "loaded")")
        }
    }

    @Test func loaderDispatchesOnTheExtension() throws {
        let graph = try richGraph()
        let path = "/tmp/actorgraph-snapshot-test-\(UInt32.random(in: 0..<UInt32.max)).agraph"
        let bytes = GraphSnapshot.encode(graph)
        #expect(FileManagerWriter.write(bytes, to: path))
        defer { FileManagerWriter.remove(path) }
        let loaded = try GraphLoader.loadAllowingEdgeLists(GraphLoadOptions(graphPath: path))
        #expect(Observed(loaded.graph) == Observed(graph))
        #expect(loaded.files == [path])
        #expect(FileManagerWriter.write(Array(bytes.prefix(100)), to: path))
        #expect(throws: DiagnosticsError.self) {
            try GraphLoader.loadAllowingEdgeLists(GraphLoadOptions(graphPath: path))
        }
    }
}

private enum FileManagerWriter {
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
