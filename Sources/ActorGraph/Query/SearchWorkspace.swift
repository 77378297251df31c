/// Scratch arrays for searches, sized to the graph once and reused by every query.
///
/// Each array slot carries the epoch of the search that last wrote it, so starting a search costs O(1) instead
/// of clearing O(actors) memory: a single-pair query touches only the actors it visits. Not thread-safe; give
/// each thread its own workspace.
public final class SearchWorkspace {
    public let capacity: Int
    var epoch: UInt32 = 0
    var forwardStamp: [UInt32]
    var backwardStamp: [UInt32]
    var forwardParent: [UInt32]
    var backwardParent: [UInt32]
    var forwardDistance: [Int32]
    var backwardDistance: [Int32]
    var banStamp: [UInt32]
    var banEpoch: UInt32 = 0
    /// Whether the last ``ban(_:)`` banned anything.
    var bansActive = false

    /// - Complexity: O(`actorCount`).
    public init(actorCount: Int) {
        capacity = actorCount
        forwardStamp = [UInt32](repeating: 0, count: actorCount)
        backwardStamp = forwardStamp
        forwardParent = forwardStamp
        backwardParent = forwardStamp
        forwardDistance = [Int32](repeating: 0, count: actorCount)
        backwardDistance = forwardDistance
        banStamp = forwardStamp
    }

    /// A fresh epoch: every stamp of an earlier search now reads as unvisited.
    func nextEpoch() -> UInt32 {
        if epoch == UInt32.max {
            for position in 0..<capacity {
                forwardStamp[position] = 0
                backwardStamp[position] = 0
            }
            epoch = 0
        }
        epoch += 1
        return epoch
    }

    /// Bans `actors` for the searches that follow, until the next call.
    func ban(_ actors: some Sequence<ActorIndex>) {
        if banEpoch == UInt32.max {
            for position in 0..<capacity { banStamp[position] = 0 }
            banEpoch = 0
        }
        banEpoch += 1
        bansActive = false
        for actor in actors {
            banStamp[actor.position] = banEpoch
            bansActive = true
        }
    }

    @inline(__always)
    func isBanned(_ actor: ActorIndex) -> Bool { bansActive && banStamp[actor.position] == banEpoch }

    func clearBans() { bansActive = false }
}
