import Dispatch

/// A value computed on another thread: written once by the worker before `DispatchGroup.wait()` returns to the
/// caller, read only after it (the group's wait orders the two).
private final class ParallelResult<Value>: @unchecked Sendable {
    var value: Value?
}

/// The CSR build: both adjacencies of a graph by counting sort, each slot with its symmetric-type bit.
extension RelationGraph {
    /// One direction's compressed adjacency, with its symmetric-type bit per slot.
    struct Adjacency {
        var offsets: [UInt32]
        var neighbors: [ActorIndex]
        var relations: [RelationIndex]
        var symmetricSlots: [UInt64]
    }

    /// From this many relations on, the two adjacencies are built on two threads.
    static let parallelCompressionThreshold = 1 << 18

    /// Both adjacencies; on two threads for a large graph, as each counting sort is a long pass of scattered writes
    /// and the two share nothing.
    static func compressBothWays(
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
            symmetricSlots: AdjacencySlotBits.slotWords(count: relations.count, relationBits: symmetric) { relations[$0] })
    }
}
