/// A path between two actors: the actors in order and, for each hop, every relation joining the pair that the
/// query allows. Parallel relations between the same two actors are one hop, not separate paths.
public struct Path: Hashable, Sendable {
    /// The actors from the start to the end; `actors.count == hops.count + 1`.
    public let actors: [ActorIndex]
    /// `hops[i]` joins `actors[i]` and `actors[i + 1]`, in relation order; never empty.
    public let hops: [[RelationIndex]]

    public init(actors: [ActorIndex], hops: [[RelationIndex]]) {
        precondition(actors.count == hops.count + 1, "a path has one hop fewer than actors")
        self.actors = actors
        self.hops = hops
    }

    /// The number of hops (relations counted once per pair of actors).
    public var length: Int { hops.count }
    public var start: ActorIndex { actors[0] }
    public var end: ActorIndex { actors[actors.count - 1] }
    /// Every relation of the path, hop by hop.
    public var relations: [RelationIndex] { hops.flatMap { $0 } }
}

/// Paths found by a bounded search, and whether a bound (`limit`) cut the answer short.
public struct PathSearchResult: Hashable, Sendable {
    public var paths: [Path]
    /// `true` when more paths exist than were returned.
    public var truncated: Bool
    /// `true` when a ``StopSignal`` ended the search before it was done: more paths may exist.
    public var stopped: Bool

    public init(paths: [Path], truncated: Bool, stopped: Bool = false) {
        self.paths = paths
        self.truncated = truncated
        self.stopped = stopped
    }
}

/// GQL's path modes: what a path may repeat.
public enum PathMode: String, CaseIterable, Hashable, Sendable {
    /// No actor twice (GQL `ACYCLIC`).
    case acyclic
    /// No link twice, a link being the bundle of relations between two actors (GQL `TRAIL` on the graph of links).
    case trail
    /// Anything may repeat (GQL `WALK`); always bounded by a maximum length.
    case walk
}
