/// The arrays a ``RelationGraph`` holds, ready-made: what a reader of a saved graph hands to the core instead of
/// rebuilding them (no counting sort, no date columns expanded, no id dictionary hashed). The core checks them —
/// every index against what it indexes, offsets rising to the relation count, every date in its domain — before
/// any query can index with them, so bytes from anywhere can at worst be refused, never trap.
package struct RelationGraphStorage: Sendable {
    package var relationSource: [ActorIndex] = []
    package var relationTarget: [ActorIndex] = []
    package var relationType: [RelationTypeIndex] = []
    package var dateShape: [UInt16] = []
    package var spans: [TimeSpan] = []
    package var outOffsets: [UInt32] = []
    package var outNeighbors: [ActorIndex] = []
    package var outRelations: [RelationIndex] = []
    package var inOffsets: [UInt32] = []
    package var inNeighbors: [ActorIndex] = []
    package var inRelations: [RelationIndex] = []
    /// ``AdjacencySlotBits``' words: the outgoing slots', then the incoming ones', each rounded up to a word.
    package var symmetricSlotWords: [UInt64] = []
    /// ``ActorIDTable``'s slots.
    package var actorIDSlots: [UInt32] = []

    package init() {}
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
    /// What is not checked is whether the adjacency and the columns describe the same relations (that would cost a
    /// counting sort's scattered reads); arrays that disagree give wrong answers but no out-of-range index.
    ///
    /// - Complexity: O(actors + relations), sequential reads only.
    package init(
        vocabulary: RelationVocabulary, sources: [SourceDocument], actors: ActorTable,
        details relationDetails: [(position: Int, details: RelationDetails)], storage: RelationGraphStorage
    ) throws(GraphStorageError) {
        try Self.check(storage, actorCount: actors.count, typeCount: vocabulary.count)
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
    }

    /// Every count, index, offset and date of `storage`, in sequential passes.
    private static func check(
        _ storage: RelationGraphStorage, actorCount: Int, typeCount: Int
    ) throws(GraphStorageError) {
        let count = storage.relationSource.count
        guard actorCount < Int(UInt32.max - 1), count < Int(UInt32.max - 1) else {
            throw GraphStorageError("too many actors or relations")
        }
        guard storage.relationTarget.count == count, storage.relationType.count == count,
            storage.dateShape.count == count, storage.spans.count == count,
            storage.outNeighbors.count == count, storage.outRelations.count == count,
            storage.inNeighbors.count == count, storage.inRelations.count == count,
            storage.outOffsets.count == actorCount + 1, storage.inOffsets.count == actorCount + 1,
            storage.symmetricSlotWords.count == 2 * AdjacencySlotBits.wordCount(count)
        else { throw GraphStorageError("the arrays' lengths disagree with the counts") }
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
        let slots = storage.actorIDSlots
        guard slots.count >= actorCount + 1, slots.count & (slots.count - 1) == 0,
            slots.allSatisfy({ $0 <= actorLimit })
        else { throw GraphStorageError("the actor id table is malformed") }
    }

    private static func below(_ limit: UInt32, _ first: [ActorIndex], _ second: [ActorIndex]) -> Bool {
        var largest: UInt32 = 0
        for position in first.indices { largest = max(largest, first[position].rawValue, second[position].rawValue) }
        return first.isEmpty || largest < limit
    }

    private static func rising(_ offsets: [UInt32]) -> Bool {
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
    let slots: [UInt32]

    init(slots: [UInt32]) { self.slots = slots }

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
        self.slots = slots
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
            if entry <= actors.count, actors[entry - 1].id == id { return ActorIndex(UInt32(entry - 1)) }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
