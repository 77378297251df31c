/// An immutable actor-relationship graph, built once by a ``GraphBuilder`` and shared freely across threads.
///
/// Storage is flat and index-based, after petgraph's CSR graph: actors and relations live in parallel arrays
/// addressed by 32-bit ``ActorIndex`` / ``RelationIndex`` values. Each relation costs its endpoints (8 bytes),
/// its type (2), its date as four day numbers plus a shape word (18), one entry in each of the two adjacency
/// arrays (16) and a bit per adjacency slot telling whether its type is symmetric: 44.25 bytes, plus 8 bytes per
/// actor of adjacency offsets. Notes, citations and attributes live in a side table reached through a 4-byte slot
/// per relation, which a graph where no relation has any (bulk data) does not allocate.
///
/// Adjacency is compressed both ways: `outOffsets[a] ..< outOffsets[a + 1]` is the slice of `outNeighbors` /
/// `outRelations` holding the relations whose source is `a`, in relation order; likewise `in…` for targets.
public struct RelationGraph: Sendable {
    public let vocabulary: RelationVocabulary
    public let sources: [SourceDocument]
    public let actors: ActorTable
    /// Finds an actor by id: built by ``GraphBuilder``'s graphs, read ready-made from a snapshot.
    let actorIDs: ActorIDTable
    let sourceIndexByID: [String: Int]

    // Relations, one slot per relation in load order; read through the accessors below outside the package.
    package let relationSource: Column<ActorIndex>
    package let relationTarget: Column<ActorIndex>
    package let relationType: Column<RelationTypeIndex>
    /// Each relation's four day numbers side by side (16 bytes), so a time filter's check reads one cache line
    /// rather than one per array; an empty span for an undated relation (see ``undatedSpan``).
    package let spans: Column<TimeSpan>
    let dateShape: Column<UInt16>
    /// Position in `details` of each relation's details, `UInt32.max` for none; empty when no relation has any,
    /// so bulk data without notes or citations pays nothing for the side table.
    let detailSlot: [UInt32]
    let details: [RelationDetails]
    let relationIndexByExplicitID: [String: RelationIndex]
    /// Whether each relation type is symmetric (followed both ways even by a directed search), by type index.
    let typeIsSymmetric: [Bool]
    /// Whether each adjacency slot's relation has a symmetric type. A directed search follows only symmetric
    /// relations against their direction, and skips the others 64 slots at a time on these bits, where reading each
    /// relation's type at its scattered position costs a cache miss.
    let symmetricSlots: AdjacencySlotBits
    /// Where the incoming slots' bits start in ``AdjacencySlotBits``: the relation count rounded up to a word.
    let slotBitBase: Int

    // Compressed adjacency (see ``outgoing(_:)``, ``incoming(_:)``).
    package let outOffsets: Column<UInt32>
    package let outNeighbors: Column<ActorIndex>
    package let outRelations: Column<RelationIndex>
    package let inOffsets: Column<UInt32>
    package let inNeighbors: Column<ActorIndex>
    package let inRelations: Column<RelationIndex>
    /// The largest actor and relation index and type index: what every index read from a column is clamped to
    /// (``Column``), so that no value in a saved graph's memory can index out of range.
    let lastActor: UInt32
    let lastRelation: UInt32
    let lastType: UInt16
    /// Whether every date in the columns is known to be in its domain (a graph built in this process).
    let datesAreTrusted: Bool

    init(
        vocabulary: RelationVocabulary, sources: [SourceDocument], actors: [ActorRecord],
        relationSource: [ActorIndex], relationTarget: [ActorIndex],
        relationType: [RelationTypeIndex], spans: [TimeSpan],
        dateShape: [UInt16], detailSlot: [UInt32], details: [RelationDetails],
        relationIndexByExplicitID: [String: RelationIndex]
    ) {
        self.vocabulary = vocabulary
        self.sources = sources
        self.actors = ActorTable(actors)
        // The stable table a snapshot stores (4 bytes a slot, two slots an actor) rather than the builder's
        // dictionary of id strings (about 50 bytes an actor): measured in docs/PERFORMANCE.md, "Memory after a CSV
        // load".
        self.actorIDs = ActorIDTable(self.actors)
        var sourceIndex: [String: Int] = [:]
        for (position, source) in sources.enumerated() { sourceIndex[source.id] = position }
        self.sourceIndexByID = sourceIndex
        self.relationSource = Column(relationSource)
        self.relationTarget = Column(relationTarget)
        self.relationType = Column(relationType)
        self.spans = Column(spans)
        self.dateShape = Column(dateShape)
        self.detailSlot = details.isEmpty ? [] : detailSlot
        self.details = details
        self.relationIndexByExplicitID = relationIndexByExplicitID
        let typeIsSymmetric = vocabulary.all.map { !$0.directed }
        self.typeIsSymmetric = typeIsSymmetric
        // The same answer by relation, as bits: read while the slots' bits are built, then dropped.
        let symmetric = AdjacencySlotBits.relationBits(count: relationType.count) {
            typeIsSymmetric[relationType[$0].position]
        }
        let outgoing: Adjacency, incoming: Adjacency
        (outgoing, incoming) = Self.compressBothWays(
            actorCount: actors.count, sources: relationSource, targets: relationTarget, symmetric: symmetric)
        (outOffsets, outNeighbors, outRelations) = (
            Column(outgoing.offsets), Column(outgoing.neighbors), Column(outgoing.relations)
        )
        (inOffsets, inNeighbors, inRelations) = (
            Column(incoming.offsets), Column(incoming.neighbors), Column(incoming.relations)
        )
        (lastActor, lastRelation, lastType) = Self.lastIndices(
            actors: actors.count, relations: relationType.count, types: vocabulary.count)
        datesAreTrusted = true
        slotBitBase = AdjacencySlotBits.incomingBase(relationCount: relationType.count)
        symmetricSlots = AdjacencySlotBits(outgoing: outgoing.symmetricSlots, incoming: incoming.symmetricSlots)
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

    /// The actor's kind, without making its record.
    public func kind(of actor: ActorIndex) -> ActorKind { actors.kinds[actor.position] }

    /// - Complexity: O(1) on average.
    public func actorIndex(id: String) -> ActorIndex? { actorIDs.index(of: id, in: actors) }

    public func source(id: String) -> SourceDocument? { sourceIndexByID[id].map { sources[$0] } }

    // MARK: Relations

    public func source(of relation: RelationIndex) -> ActorIndex { actor(relationSource[relation.position]) }
    public func target(of relation: RelationIndex) -> ActorIndex { actor(relationTarget[relation.position]) }
    public func typeIndex(of relation: RelationIndex) -> RelationTypeIndex { type(relationType[relation.position]) }
    public func type(of relation: RelationIndex) -> RelationType { vocabulary[typeIndex(of: relation)] }

    /// Whether the relation's type is symmetric (``RelationType/directed`` is `false`).
    @inline(__always)
    public func isSymmetric(_ relation: RelationIndex) -> Bool { typeIsSymmetric[typeIndex(of: relation).position] }

    // MARK: Clamping (see ``Column``)

    /// An actor index read from a column, clamped to the actors.
    @inline(__always)
    func actor(_ stored: ActorIndex) -> ActorIndex { ActorIndex(min(stored.rawValue, lastActor)) }

    /// A relation index read from a column, clamped to the relations.
    @inline(__always)
    func relation(_ stored: RelationIndex) -> RelationIndex { RelationIndex(min(stored.rawValue, lastRelation)) }

    /// A type index read from a column, clamped to the vocabulary.
    @inline(__always)
    func type(_ stored: RelationTypeIndex) -> RelationTypeIndex { RelationTypeIndex(min(stored.rawValue, lastType)) }

    /// The last valid actor, relation and type index (0 when there is none: a graph with relations has actors and
    /// types, which the ready-made init checks).
    static func lastIndices(actors: Int, relations: Int, types: Int) -> (UInt32, UInt32, UInt16) {
        (UInt32(max(actors - 1, 0)), UInt32(max(relations - 1, 0)), UInt16(max(types - 1, 0)))
    }

    /// The date at `position` when it is in its domain: always in a graph built in this process; a saved graph's
    /// columns are checked when read, here, so that nothing computed from a date can overflow.
    @inline(__always)
    func validDate(at position: Int) -> (shape: UInt16, span: TimeSpan)? {
        let (shape, span) = (dateShape[position], spans[position])
        guard shape & PackedDate.hasDate != 0 else { return nil }
        return datesAreTrusted || StoredDate.isValid(shape: shape, span: span) ? (shape, span) : nil
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

    public func isDated(_ relation: RelationIndex) -> Bool { validDate(at: relation.position) != nil }

    /// The days the relation certainly and possibly covers, or `nil` when it is undated.
    @inline(__always)
    public func span(of relation: RelationIndex) -> TimeSpan? {
        validDate(at: relation.position)?.span
    }

    /// The relation's date as written (same precision and qualifiers), or `nil` when undated.
    public func date(of relation: RelationIndex) -> EDTFDate? {
        guard let (shape, span) = validDate(at: relation.position) else { return nil }
        return PackedDate.unpack(shape: shape, possibleStart: span.possibleStart, definiteEnd: span.definiteEnd)
    }

    // MARK: Columns

    /// How many relations each type has, by type index.
    ///
    /// - Complexity: O(relations).
    public func relationCountsByType() -> [Int] {
        var counts = [Int](repeating: 0, count: vocabulary.count)
        for stored in relationType { counts[type(stored).position] += 1 }
        return counts
    }

    /// One day per dated relation, in relation order: the first day it may have started, or, when its start is
    /// open, the last day it may have ended. The day that places a relation in a period, such as a decade.
    ///
    /// - Complexity: O(relations).
    public func datedDays() -> [Int32] {
        var days: [Int32] = []
        for position in 0..<spans.count {
            guard let (_, span) = validDate(at: position) else { continue }
            days.append(span.possibleStart != TimeSpan.beginningOfTime ? span.possibleStart : span.possibleEnd)
        }
        return days
    }

    // MARK: Adjacency

    /// The relations whose source is `actor`, with their targets.
    /// The offsets are clamped to the relations and never fall (``Column``). (Written out twice rather than through a
    /// function taking the column: passing a column retains its owner, an atomic operation per expanded actor.)
    @inline(__always)
    public func outgoing(_ actor: ActorIndex) -> Range<Int> {
        let last = UInt32(truncatingIfNeeded: relationSource.count)
        let start = min(outOffsets[actor.position], last)
        return Int(start)..<Int(max(start, min(outOffsets[actor.position + 1], last)))
    }

    /// The relations whose target is `actor`, with their sources; clamped as ``outgoing(_:)``.
    @inline(__always)
    public func incoming(_ actor: ActorIndex) -> Range<Int> {
        let last = UInt32(truncatingIfNeeded: relationSource.count)
        let start = min(inOffsets[actor.position], last)
        return Int(start)..<Int(max(start, min(inOffsets[actor.position + 1], last)))
    }

    /// The neighbour and relation at an outgoing slot.
    @inline(__always)
    package func outStep(_ slot: Int) -> (ActorIndex, RelationIndex) {
        (actor(outNeighbors[slot]), relation(outRelations[slot]))
    }

    /// The neighbour and relation at an incoming slot.
    @inline(__always)
    package func inStep(_ slot: Int) -> (ActorIndex, RelationIndex) {
        (actor(inNeighbors[slot]), relation(inRelations[slot]))
    }

    /// The relations whose source is `actor`, in relation order.
    public func outgoingRelations(of actor: ActorIndex) -> [RelationIndex] { outgoing(actor).map { outStep($0).1 } }

    /// The relations whose target is `actor`, in relation order.
    public func incomingRelations(of actor: ActorIndex) -> [RelationIndex] { incoming(actor).map { inStep($0).1 } }

    /// Every relation touching `actor`, outgoing first, each once (a self-relation appears in both lists but
    /// is reported once).
    public func relations(of actor: ActorIndex) -> [RelationIndex] {
        var result = outgoingRelations(of: actor)
        for slot in incoming(actor) {
            let (neighbor, relation) = inStep(slot)
            if neighbor != actor { result.append(relation) }
        }
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
            + symmetricSlots.words.count * MemoryLayout<UInt64>.stride
            + (outNeighbors.count + inNeighbors.count) * MemoryLayout<ActorIndex>.stride
            + (outRelations.count + inRelations.count) * MemoryLayout<RelationIndex>.stride
            + (outOffsets.count + inOffsets.count) * MemoryLayout<UInt32>.stride
    }

    /// ``relationStorageBytes`` per relation: the figure `actorgraph check --format json` reports.
    public var bytesPerRelation: Double {
        relationCount == 0 ? 0 : Double(relationStorageBytes) / Double(relationCount)
    }
}
