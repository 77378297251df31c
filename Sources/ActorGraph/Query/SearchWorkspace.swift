/// Scratch memory for searches, sized to the graph once and reused by every query.
///
/// Each actor's record carries the epoch of the search that last wrote it, so starting a search costs O(1) instead
/// of clearing O(actors) memory: a single-pair query touches only the actors it visits. Not thread-safe; give
/// each thread its own workspace.
///
/// Storage: one 24-byte ``Mark`` per actor holding both search directions' stamp, distance and parent side by
/// side, so visiting an actor and testing whether the other direction has reached it touch one cache line; and one
/// queue per direction with room for every actor, since a search enqueues an actor at most once per direction.
/// The memory is allocated once, in `init`, as unsafe buffers that the workspace owns and frees in `deinit`:
/// buffers reached through a `let` are not stored properties a search mutates, so writing a stamp is a plain store
/// with no dynamic exclusivity check (docs/PERFORMANCE.md, "Queries").
public final class SearchWorkspace {
    /// What a search knows about one actor. A field is meaningful only while its direction's stamp equals the
    /// current epoch.
    struct Mark {
        var forwardStamp: UInt32
        var backwardStamp: UInt32
        var forwardDistance: Int32
        var backwardDistance: Int32
        var forwardParent: ActorIndex
        var backwardParent: ActorIndex
    }

    public let capacity: Int
    /// Owned: allocated and initialised in `init`, freed in `deinit`; never reallocated.
    let marks: UnsafeMutableBufferPointer<Mark>
    /// Actors in the order the forward search (or a ``Neighborhood``) reached them; each level is a contiguous run.
    let forwardQueue: UnsafeMutableBufferPointer<ActorIndex>
    /// Actors in the order the backward search reached them.
    let backwardQueue: UnsafeMutableBufferPointer<ActorIndex>
    let banStamp: UnsafeMutableBufferPointer<UInt32>
    var epoch: UInt32 = 0
    var banEpoch: UInt32 = 0
    /// Whether the last ``ban(_:)`` banned anything.
    var bansActive = false

    /// - Complexity: O(`actorCount`).
    public init(actorCount: Int) {
        capacity = actorCount
        let unvisited = Mark(
            forwardStamp: 0, backwardStamp: 0, forwardDistance: 0, backwardDistance: 0,
            forwardParent: ActorIndex(UInt32(0)), backwardParent: ActorIndex(UInt32(0)))
        marks = .allocate(capacity: actorCount)
        marks.initialize(repeating: unvisited)
        forwardQueue = .allocate(capacity: actorCount)
        forwardQueue.initialize(repeating: ActorIndex(UInt32(0)))
        backwardQueue = .allocate(capacity: actorCount)
        backwardQueue.initialize(repeating: ActorIndex(UInt32(0)))
        banStamp = .allocate(capacity: actorCount)
        banStamp.initialize(repeating: 0)
    }

    deinit {
        // Trivial element types: nothing to deinitialise, only memory to return.
        banStamp.deallocate()
        backwardQueue.deallocate()
        forwardQueue.deallocate()
        marks.deallocate()
    }

    /// A fresh epoch: every stamp of an earlier search now reads as unvisited.
    func nextEpoch() -> UInt32 {
        if epoch == UInt32.max {
            for position in 0..<capacity {
                marks[position].forwardStamp = 0
                marks[position].backwardStamp = 0
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

    func clearBans() { bansActive = false }
}
