/// The arrays a ``RelationGraph`` holds, ready-made: what a reader of a saved graph hands to the core instead of
/// rebuilding them (no counting sort, no date columns expanded, no id dictionary hashed), possibly in memory it
/// maps rather than copies (``Column``). The core checks their lengths against the counts always and, when asked
/// (``StorageCheck/everything``), every index against what it indexes, offsets rising to the relation count and
/// every date in its domain; either way the graph clamps every index it reads from them and checks every date it
/// hands out, so bytes from anywhere, even bytes changed after a check, can give wrong answers but never trap.
package struct RelationGraphStorage: Sendable {
    package var relationSource: Column<ActorIndex> = []
    package var relationTarget: Column<ActorIndex> = []
    package var relationType: Column<RelationTypeIndex> = []
    package var dateShape: Column<UInt16> = []
    package var spans: Column<TimeSpan> = []
    package var outOffsets: Column<UInt32> = []
    package var outNeighbors: Column<ActorIndex> = []
    package var outRelations: Column<RelationIndex> = []
    package var inOffsets: Column<UInt32> = []
    package var inNeighbors: Column<ActorIndex> = []
    package var inRelations: Column<RelationIndex> = []
    /// ``AdjacencySlotBits``' words: the outgoing slots', then the incoming ones', each rounded up to a word.
    package var symmetricSlotWords: Column<UInt64> = []
    /// ``ActorIDTable``'s slots.
    package var actorIDSlots: Column<UInt32> = []

    package init() {}
}

/// How much of ready-made arrays the core checks before it uses them.
public enum StorageCheck: Sendable {
    /// Lengths only; values are clamped as they are read (``Column``).
    case lengths
    /// Lengths and every value.
    case everything
}

/// Why ready-made arrays were refused: which array, and what is wrong with it.
package struct GraphStorageError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

extension RelationGraph {
    /// The arrays as they are, with the actor-id table (built here when the graph was built by a ``GraphBuilder``).
    package var storage: RelationGraphStorage {
        var storage = RelationGraphStorage()
        (storage.relationSource, storage.relationTarget) = (relationSource, relationTarget)
        (storage.relationType, storage.dateShape, storage.spans) = (relationType, dateShape, spans)
        (storage.outOffsets, storage.outNeighbors, storage.outRelations) = (outOffsets, outNeighbors, outRelations)
        (storage.inOffsets, storage.inNeighbors, storage.inRelations) = (inOffsets, inNeighbors, inRelations)
        storage.symmetricSlotWords = symmetricSlots.words
        storage.actorIDSlots = actorIDs.slots
        return storage
    }

    /// A graph from ready-made arrays, checked (``RelationGraphStorage``); `details` lists the relations that have
    /// some, by position, in increasing order.
    ///
    /// With ``StorageCheck/lengths`` only the lengths are checked (O(1)): what a query of a memory-mapped snapshot
    /// whose checksums matched uses, so that it reads only the pages it needs. `mayChange` says the arrays lie in
    /// memory another program can change (a mapped file): dates are then checked as they are read even after
    /// ``StorageCheck/everything``. What is not checked is whether the adjacency and the columns describe the same
    /// relations (that would cost a counting sort's scattered reads); arrays that disagree give wrong answers but no
    /// out-of-range index.
    ///
    /// - Complexity: O(actors + relations), sequential reads only, with ``StorageCheck/everything``; else O(details).
    package init(
        vocabulary: RelationVocabulary, sources: [SourceDocument], actors: ActorTable,
        details relationDetails: [(position: Int, details: RelationDetails)], storage: RelationGraphStorage,
        check: StorageCheck = .everything, mayChange: Bool = false
    ) throws(GraphStorageError) {
        try Self.checkLengths(storage, actorCount: actors.count, typeCount: vocabulary.count)
        if check == .everything { try Self.checkValues(storage, actorCount: actors.count, typeCount: vocabulary.count) }
        let relationCount = storage.relationSource.count
        var detailSlot: [UInt32] = []
        var details: [RelationDetails] = []
        var explicitIDs: [String: RelationIndex] = [:]
        var previous = -1
        for (position, value) in relationDetails where value != .empty {
            guard position > previous, position < relationCount else {
                throw GraphStorageError("details for a relation out of range or out of order")
            }
            previous = position
            if detailSlot.isEmpty { detailSlot = [UInt32](repeating: UInt32.max, count: relationCount) }
            detailSlot[position] = UInt32(details.count)
            details.append(value)
            if let id = value.id {
                guard explicitIDs.updateValue(RelationIndex(position), forKey: id) == nil else {
                    throw GraphStorageError("relation id '\(id)' is defined twice")
                }
            }
        }
        self.vocabulary = vocabulary
        self.sources = sources
        self.actors = actors
        self.actorIDs = ActorIDTable(slots: storage.actorIDSlots)
        var sourceIndex: [String: Int] = [:]
        for (position, source) in sources.enumerated() { sourceIndex[source.id] = position }
        self.sourceIndexByID = sourceIndex
        (relationSource, relationTarget) = (storage.relationSource, storage.relationTarget)
        (relationType, spans, dateShape) = (storage.relationType, storage.spans, storage.dateShape)
        (self.detailSlot, self.details, relationIndexByExplicitID) = (detailSlot, details, explicitIDs)
        typeIsSymmetric = vocabulary.all.map { !$0.directed }
        symmetricSlots = AdjacencySlotBits(words: storage.symmetricSlotWords)
        slotBitBase = AdjacencySlotBits.incomingBase(relationCount: relationCount)
        (outOffsets, outNeighbors, outRelations) = (storage.outOffsets, storage.outNeighbors, storage.outRelations)
        (inOffsets, inNeighbors, inRelations) = (storage.inOffsets, storage.inNeighbors, storage.inRelations)
        (lastActor, lastRelation, lastType) = Self.lastIndices(
            actors: actors.count, relations: relationCount, types: vocabulary.count)
        // Checked dates stay valid only in memory nobody else can write (not a mapping of a file).
        datesAreTrusted = check == .everything && !mayChange
    }

    /// The arrays' lengths against the counts, and counts that clamping needs: relations only with actors and types.
    private static func checkLengths(
        _ storage: RelationGraphStorage, actorCount: Int, typeCount: Int
    ) throws(GraphStorageError) {
        let count = storage.relationSource.count
        guard actorCount < Int(UInt32.max - 1), count < Int(UInt32.max - 1) else {
            throw GraphStorageError("too many actors or relations")
        }
        guard count == 0 || (actorCount > 0 && typeCount > 0) else {
            throw GraphStorageError("relations without actors or relation types")
        }
        guard storage.relationTarget.count == count, storage.relationType.count == count,
            storage.dateShape.count == count, storage.spans.count == count,
            storage.outNeighbors.count == count, storage.outRelations.count == count,
            storage.inNeighbors.count == count, storage.inRelations.count == count,
            storage.outOffsets.count == actorCount + 1, storage.inOffsets.count == actorCount + 1,
            storage.symmetricSlotWords.count == 2 * AdjacencySlotBits.wordCount(count)
        else { throw GraphStorageError("the arrays' lengths disagree with the counts") }
        let slots = storage.actorIDSlots.count
        guard slots >= actorCount + 1, slots & (slots - 1) == 0 else {
            throw GraphStorageError("the actor id table is malformed")
        }
    }

    /// Every index, offset and date of `storage`, in sequential passes.
    private static func checkValues(
        _ storage: RelationGraphStorage, actorCount: Int, typeCount: Int
    ) throws(GraphStorageError) {
        let count = storage.relationSource.count
        let actorLimit = UInt32(actorCount)
        guard below(actorLimit, storage.relationSource, storage.relationTarget) else {
            throw GraphStorageError("a relation names an actor out of range")
        }
        let typeLimit = UInt16(typeCount)
        guard storage.relationType.allSatisfy({ $0.rawValue < typeLimit }) else {
            throw GraphStorageError("a relation has a type out of range")
        }
        for position in 0..<count where !StoredDate.isValid(shape: storage.dateShape[position], span: storage.spans[position]) {
            throw GraphStorageError("relation \(position + 1) has a bad date")
        }
        for (offsets, neighbors, relations, side) in [
            (storage.outOffsets, storage.outNeighbors, storage.outRelations, "outgoing"),
            (storage.inOffsets, storage.inNeighbors, storage.inRelations, "incoming"),
        ] {
            guard offsets.first == 0, offsets.last == UInt32(count), rising(offsets) else {
                throw GraphStorageError("the \(side) adjacency's offsets do not rise to the relation count")
            }
            guard below(actorLimit, neighbors, neighbors),
                relations.allSatisfy({ $0.rawValue < UInt32(count) })
            else { throw GraphStorageError("the \(side) adjacency names an actor or relation out of range") }
        }
        guard storage.actorIDSlots.allSatisfy({ $0 <= actorLimit }) else {
            throw GraphStorageError("the actor id table is malformed")
        }
    }

    private static func below(_ limit: UInt32, _ first: Column<ActorIndex>, _ second: Column<ActorIndex>) -> Bool {
        var largest: UInt32 = 0
        for position in first.indices { largest = max(largest, first[position].rawValue, second[position].rawValue) }
        return first.isEmpty || largest < limit
    }

    private static func rising(_ offsets: Column<UInt32>) -> Bool {
        var falls = false
        for position in offsets.indices.dropFirst() { falls = falls || offsets[position] < offsets[position - 1] }
        return !falls
    }
}

/// An open-addressing hash table of actor ids, stable across runs and machines (FNV-1a over the UTF-8 bytes, not
/// Swift's per-process seeded hash), so it can be stored: a power-of-two number of slots, each the actor's index plus
/// one or 0 for empty, at least one slot empty; linear probing. A lookup compares the id it finds with the actor's,
/// so a table that does not match its actors can miss an actor but never name a wrong one.
struct ActorIDTable: Sendable {
    let slots: Column<UInt32>

    init(slots: Column<UInt32>) { self.slots = slots }

    /// The table of `actors`' ids: twice as many slots as actors, rounded up to a power of two.
    init(_ actors: some Collection<ActorRecord>) {
        var capacity = 2
        while capacity < 2 * actors.count + 1 { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (position, actor) in actors.enumerated() {
            var slot = Self.hash(actor.id) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(position + 1)
        }
        self.slots = Column(slots)
    }

    static func hash(_ id: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// - Complexity: O(1) on average; at most one pass over the slots.
    func index(of id: String, in actors: ActorTable) -> ActorIndex? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(id) & mask
        for _ in 0..<slots.count {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if entry <= actors.count, actors.id(at: entry - 1) == id { return ActorIndex(UInt32(entry - 1)) }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
