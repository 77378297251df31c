import Dispatch

/// A value computed on another thread: written once by the worker before `DispatchGroup.wait()` returns to the
/// caller, read only after it (the group's wait orders the two).
private final class ParallelResult<Value>: @unchecked Sendable {
    var value: Value?
}

/// An immutable actor-relationship graph, built once by a ``GraphBuilder`` and shared freely across threads.
///
/// Storage is flat and index-based, after petgraph's CSR graph: actors and relations live in parallel arrays
/// addressed by 32-bit ``ActorIndex`` / ``RelationIndex`` values. Each relation costs its endpoints (8 bytes),
/// its type (2), its date as four day numbers plus a shape word (18), one entry in each of the two adjacency
/// arrays (16) and a bit per adjacency slot telling whether its type is symmetric: 44.25 bytes, plus 8 bytes per
/// actor of adjacency offsets. Notes, citations and attributes live in a
/// side table reached through a 4-byte slot per relation, which a graph where no relation has any (bulk data)
/// does not allocate.
///
/// Adjacency is compressed both ways: `outOffsets[a] ..< outOffsets[a + 1]` is the slice of `outNeighbors` /
/// `outRelations` holding the relations whose source is `a`, in relation order; likewise `in…` for targets.
public struct RelationGraph: Sendable {
    public let vocabulary: RelationVocabulary
    public let sources: [SourceDocument]
    public let actors: [ActorRecord]
    let actorIndexByID: [String: ActorIndex]
    let sourceIndexByID: [String: Int]

    // Relations, one slot per relation in load order.
    public let relationSource: [ActorIndex]
    public let relationTarget: [ActorIndex]
    public let relationType: [RelationTypeIndex]
    /// Each relation's four day numbers side by side (16 bytes), so a time filter's check reads one cache line
    /// rather than one per array; an empty span for an undated relation (see ``undatedSpan``).
    public let spans: [TimeSpan]
    let dateShape: [UInt16]
    /// Position in `details` of each relation's details, `UInt32.max` for none; empty when no relation has any,
    /// so bulk data without notes or citations pays nothing for the side table.
    let detailSlot: [UInt32]
    let details: [RelationDetails]
    let relationIndexByExplicitID: [String: RelationIndex]
    /// Whether each relation type is symmetric (followed both ways even by a directed search), by type index.
    let typeIsSymmetric: [Bool]
    /// Whether each adjacency slot's relation has a symmetric type: bit `s` for the relation at `outRelations[s]`, bit
    /// ``slotBitBase`` `+ s` for `inRelations[s]`. A directed search follows only symmetric relations against their
    /// direction, and skips the others 64 slots at a time on these bits without reading them (about three quarters
    /// of a slice in event data), where reading each relation's type at its scattered position cost a cache miss.
    let symmetricSlotBits: [UInt64]
    /// Where the incoming slots' bits start in slot bit arrays: the relation count rounded up to a word.
    let slotBitBase: Int

    // Compressed adjacency.
    public let outOffsets: [UInt32]
    public let outNeighbors: [ActorIndex]
    public let outRelations: [RelationIndex]
    public let inOffsets: [UInt32]
    public let inNeighbors: [ActorIndex]
    public let inRelations: [RelationIndex]

    init(
        vocabulary: RelationVocabulary, sources: [SourceDocument], actors: [ActorRecord],
        actorIndexByID: [String: ActorIndex], relationSource: [ActorIndex], relationTarget: [ActorIndex],
        relationType: [RelationTypeIndex], spans: [TimeSpan],
        dateShape: [UInt16], detailSlot: [UInt32], details: [RelationDetails],
        relationIndexByExplicitID: [String: RelationIndex]
    ) {
        self.vocabulary = vocabulary
        self.sources = sources
        self.actors = actors
        self.actorIndexByID = actorIndexByID
        var sourceIndex: [String: Int] = [:]
        for (position, source) in sources.enumerated() { sourceIndex[source.id] = position }
        self.sourceIndexByID = sourceIndex
        self.relationSource = relationSource
        self.relationTarget = relationTarget
        self.relationType = relationType
        self.spans = spans
        self.dateShape = dateShape
        self.detailSlot = details.isEmpty ? [] : detailSlot
        self.details = details
        self.relationIndexByExplicitID = relationIndexByExplicitID
        let typeIsSymmetric = vocabulary.all.map { !$0.directed }
        self.typeIsSymmetric = typeIsSymmetric
        // The same answer by relation, as bits: read while the slots' bits are built, then dropped.
        let symmetric = Self.bits(count: relationType.count) { typeIsSymmetric[relationType[$0].position] }
        let outgoing: Adjacency, incoming: Adjacency
        (outgoing, incoming) = Self.compressBothWays(
            actorCount: actors.count, sources: relationSource, targets: relationTarget, symmetric: symmetric)
        (outOffsets, outNeighbors, outRelations) = (outgoing.offsets, outgoing.neighbors, outgoing.relations)
        (inOffsets, inNeighbors, inRelations) = (incoming.offsets, incoming.neighbors, incoming.relations)
        slotBitBase = symmetric.count * 64
        symmetricSlotBits = outgoing.symmetricSlots + incoming.symmetricSlots
    }

    /// One direction's compressed adjacency, with its symmetric-type bit per slot.
    private struct Adjacency {
        var offsets: [UInt32]
        var neighbors: [ActorIndex]
        var relations: [RelationIndex]
        var symmetricSlots: [UInt64]
    }

    /// From this many relations on, the two adjacencies are built on two threads.
    static let parallelCompressionThreshold = 1 << 18

    /// Both adjacencies; on two threads for a large graph (each counting sort is a pass of scattered writes that
    /// takes about half a second at ten million relations, and they share nothing).
    private static func compressBothWays(
        actorCount: Int, sources: [ActorIndex], targets: [ActorIndex], symmetric: [UInt64]
    ) -> (Adjacency, Adjacency) {
        guard sources.count >= parallelCompressionThreshold else {
            return (
                compress(actorCount: actorCount, keys: sources, values: targets, symmetric: symmetric),
                compress(actorCount: actorCount, keys: targets, values: sources, symmetric: symmetric)
            )
        }
        let incoming = ParallelResult<Adjacency>()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            incoming.value = compress(actorCount: actorCount, keys: targets, values: sources, symmetric: symmetric)
        }
        let outgoing = compress(actorCount: actorCount, keys: sources, values: targets, symmetric: symmetric)
        group.wait()
        guard let incomingValue = incoming.value else { preconditionFailure("the worker always sets its result") }
        return (outgoing, incomingValue)
    }

    /// Counting sort of relations by `keys`: a stable CSR in O(actors + relations), with each slot's bit of
    /// `symmetric` (indexed by relation) copied to the slot.
    private static func compress(
        actorCount: Int, keys: [ActorIndex], values: [ActorIndex], symmetric: [UInt64]
    ) -> Adjacency {
        var offsets = [UInt32](repeating: 0, count: actorCount + 1)
        for key in keys { offsets[key.position + 1] &+= 1 }
        for position in 0..<actorCount { offsets[position + 1] &+= offsets[position] }
        var cursor = offsets
        var neighbors = [ActorIndex](repeating: ActorIndex(UInt32(0)), count: keys.count)
        var relations = [RelationIndex](repeating: RelationIndex(UInt32(0)), count: keys.count)
        for position in keys.indices {
            let key = keys[position].position
            let slot = Int(cursor[key])
            cursor[key] = UInt32(slot + 1)
            neighbors[slot] = values[position]
            relations[slot] = RelationIndex(position)
        }
        return Adjacency(
            offsets: offsets, neighbors: neighbors, relations: relations,
            symmetricSlots: slotBits(relations, relationBits: symmetric))
    }

    /// One bit per position below `count`, set where `predicate` holds; a word at a time.
    static func bits(count: Int, where predicate: (Int) -> Bool) -> [UInt64] {
        let wordCount = (count + 63) / 64
        return [UInt64](unsafeUninitializedCapacity: wordCount) { words, initialized in
            for word in 0..<wordCount {
                var value: UInt64 = 0
                for position in (word << 6)..<min((word << 6) + 64, count) where predicate(position) {
                    value |= 1 << UInt64(position & 63)
                }
                words.initializeElement(at: word, to: value)
            }
            initialized = wordCount
        }
    }

    /// Per-slot bits from per-relation bits: bit `s` is `relationBits`' bit for `relations[s]`, one word per 64
    /// slots. Built a word at a time in slot order (one store per 64 slots; a scattered read-modify-write per
    /// relation cost about 0.2 s more at ten million relations).
    static func slotBits(_ relations: [RelationIndex], relationBits: [UInt64]) -> [UInt64] {
        bits(count: relations.count) { slot in
            let position = relations[slot].position
            return relationBits[position >> 6] & (1 << UInt64(position & 63)) != 0
        }
    }

    /// What an undated relation stores in ``spans``: an empty span (start after end) that overlaps no time window,
    /// so time filters need not read `dateShape` to skip it.
    static let undatedSpan = TimeSpan(
        possibleStart: Int32.max, definiteStart: Int32.max, definiteEnd: Int32.min, possibleEnd: Int32.min)

    public var actorCount: Int { actors.count }
    public var relationCount: Int { relationSource.count }
    public var actorIndices: some RandomAccessCollection<ActorIndex> { (0..<actors.count).lazy.map { ActorIndex($0) } }
    public var relationIndices: some RandomAccessCollection<RelationIndex> {
        (0..<relationSource.count).lazy.map { RelationIndex($0) }
    }

    // MARK: Actors

    public subscript(actor: ActorIndex) -> ActorRecord { actors[actor.position] }

    /// - Complexity: O(1) on average.
    public func actorIndex(id: String) -> ActorIndex? { actorIndexByID[id] }

    public func source(id: String) -> SourceDocument? { sourceIndexByID[id].map { sources[$0] } }

    // MARK: Relations

    public func source(of relation: RelationIndex) -> ActorIndex { relationSource[relation.position] }
    public func target(of relation: RelationIndex) -> ActorIndex { relationTarget[relation.position] }
    public func typeIndex(of relation: RelationIndex) -> RelationTypeIndex { relationType[relation.position] }
    public func type(of relation: RelationIndex) -> RelationType { vocabulary[relationType[relation.position]] }

    /// Whether the relation's type is symmetric (``RelationType/directed`` is `false`).
    @inline(__always)
    public func isSymmetric(_ relation: RelationIndex) -> Bool {
        typeIsSymmetric[relationType[relation.position].position]
    }

    public func details(of relation: RelationIndex) -> RelationDetails {
        let slot = detailSlot(of: relation)
        return slot == UInt32.max ? .empty : details[Int(slot)]
    }

    @inline(__always)
    private func detailSlot(of relation: RelationIndex) -> UInt32 {
        detailSlot.isEmpty ? UInt32.max : detailSlot[relation.position]
    }

    /// The relation's id: the one written in its file, else `r` and its 1-based position.
    public func id(of relation: RelationIndex) -> String {
        let slot = detailSlot(of: relation)
        if slot != UInt32.max, let id = details[Int(slot)].id { return id }
        return "r\(relation.position + 1)"
    }

    /// - Complexity: O(1) on average.
    public func relationIndex(id: String) -> RelationIndex? {
        if let index = relationIndexByExplicitID[id] { return index }
        guard id.first == "r", let number = Int(id.dropFirst()), number >= 1, number <= relationCount else {
            return nil
        }
        let index = RelationIndex(number - 1)
        return self.id(of: index) == id ? index : nil
    }

    public func isDated(_ relation: RelationIndex) -> Bool { dateShape[relation.position] & PackedDate.hasDate != 0 }

    /// The days the relation certainly and possibly covers, or `nil` when it is undated.
    @inline(__always)
    public func span(of relation: RelationIndex) -> TimeSpan? {
        let position = relation.position
        guard dateShape[position] & PackedDate.hasDate != 0 else { return nil }
        return spans[position]
    }

    /// The relation's date as written (same precision and qualifiers), or `nil` when undated.
    public func date(of relation: RelationIndex) -> EDTFDate? {
        let position = relation.position
        return PackedDate.unpack(
            shape: dateShape[position], possibleStart: spans[position].possibleStart,
            definiteEnd: spans[position].definiteEnd)
    }

    // MARK: Adjacency

    /// The relations whose source is `actor`, with their targets.
    @inline(__always)
    public func outgoing(_ actor: ActorIndex) -> Range<Int> {
        Int(outOffsets[actor.position])..<Int(outOffsets[actor.position + 1])
    }

    /// The relations whose target is `actor`, with their sources.
    @inline(__always)
    public func incoming(_ actor: ActorIndex) -> Range<Int> {
        Int(inOffsets[actor.position])..<Int(inOffsets[actor.position + 1])
    }

    /// Every relation touching `actor`, outgoing first, each once (a self-relation appears in both lists but
    /// is reported once).
    public func relations(of actor: ActorIndex) -> [RelationIndex] {
        var result = outgoing(actor).map { outRelations[$0] }
        for slot in incoming(actor) where inNeighbors[slot] != actor { result.append(inRelations[slot]) }
        return result
    }

    public func degree(of actor: ActorIndex) -> Int { outgoing(actor).count + incoming(actor).count }

    // MARK: Memory

    /// Bytes the per-relation arrays (relations and both adjacencies) use, excluding the details side table.
    /// Counted by elements, not capacity: a capacity follows the allocator's rounding, which varies from run to run,
    /// and `check --format json` must print the same bytes every time.
    public var relationStorageBytes: Int {
        relationSource.count * MemoryLayout<ActorIndex>.stride
            + relationTarget.count * MemoryLayout<ActorIndex>.stride
            + relationType.count * MemoryLayout<RelationTypeIndex>.stride
            + spans.count * MemoryLayout<TimeSpan>.stride
            + dateShape.count * MemoryLayout<UInt16>.stride
            + detailSlot.count * MemoryLayout<UInt32>.stride
            + symmetricSlotBits.count * MemoryLayout<UInt64>.stride
            + (outNeighbors.count + inNeighbors.count) * MemoryLayout<ActorIndex>.stride
            + (outRelations.count + inRelations.count) * MemoryLayout<RelationIndex>.stride
            + (outOffsets.count + inOffsets.count) * MemoryLayout<UInt32>.stride
    }

    /// ``relationStorageBytes`` per relation: the figure `actorgraph check --format json` reports.
    public var bytesPerRelation: Double {
        relationCount == 0 ? 0 : Double(relationStorageBytes) / Double(relationCount)
    }
}

/// The 16-bit shape word that, with the four span day numbers, reproduces an ``EDTFDate`` exactly.
enum PackedDate {
    static let hasDate: UInt16 = 1
    static let isInterval: UInt16 = 1 << 1
    // Endpoint kinds at bits 2-3 (start) and 4-5 (end): 0 bound, 1 open, 2 unknown.
    // Precisions at bits 6-7 (start) and 8-9 (end); qualifiers at bits 10-11 (start) and 12-13 (end).

    static func pack(_ date: EDTFDate?) -> UInt16 {
        guard let date else { return 0 }
        switch date.form {
        case .point(let bound):
            return hasDate | UInt16(bound.precision.rawValue) << 6 | UInt16(bound.qualifiers.rawValue) << 10
        case .interval(let start, let end):
            var shape = hasDate | isInterval
            shape |= pack(start, kindShift: 2, precisionShift: 6, qualifierShift: 10)
            shape |= pack(end, kindShift: 4, precisionShift: 8, qualifierShift: 12)
            return shape
        }
    }

    private static func pack(_ endpoint: EDTFDate.Endpoint, kindShift: UInt16, precisionShift: UInt16,
        qualifierShift: UInt16) -> UInt16
    {
        switch endpoint {
        case .bound(let bound):
            return UInt16(bound.precision.rawValue) << precisionShift | UInt16(bound.qualifiers.rawValue) << qualifierShift
        case .open: return 1 << kindShift
        case .unknown: return 2 << kindShift
        }
    }

    static func unpack(shape: UInt16, possibleStart: Int32, definiteEnd: Int32) -> EDTFDate? {
        guard shape & hasDate != 0 else { return nil }
        func bound(_ day: Int32, precisionShift: UInt16, qualifierShift: UInt16) -> EDTFDate.Bound {
            EDTFDate.Bound(
                first: CalendarDay(dayNumber: day),
                precision: EDTFDate.Precision(rawValue: UInt8(shape >> precisionShift & 3)) ?? .day,
                qualifiers: EDTFDate.Qualifiers(rawValue: UInt8(shape >> qualifierShift & 3)))
        }
        if shape & isInterval == 0 {
            return EDTFDate(.point(bound(possibleStart, precisionShift: 6, qualifierShift: 10)))
        }
        func endpoint(kindShift: UInt16, day: Int32, precisionShift: UInt16, qualifierShift: UInt16) -> EDTFDate.Endpoint {
            switch shape >> kindShift & 3 {
            case 1: return .open
            case 2: return .unknown
            default: return .bound(bound(day, precisionShift: precisionShift, qualifierShift: qualifierShift))
            }
        }
        return EDTFDate(
            .interval(
                start: endpoint(kindShift: 2, day: possibleStart, precisionShift: 6, qualifierShift: 10),
                end: endpoint(kindShift: 4, day: definiteEnd, precisionShift: 8, qualifierShift: 12)))
    }
}
