/// An actor's ego network: the actors within a number of steps, each with the relations that bring it in.
///
/// Stored flat — the members' actors and distances side by side, and every member's relations in one array cut by
/// offsets — so that building a ball of a hundred thousand members makes a handful of allocations rather than one
/// per member; ``members`` presents them as ``Member`` values.
public struct Neighborhood: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public let actor: ActorIndex
        /// Steps from the centre (1 for a direct neighbour).
        public let distance: Int
        /// The relations that join the actor to members one step closer to the centre (or to the centre), in
        /// relation order.
        public let via: ArraySlice<RelationIndex>
    }

    /// The members in order, as a random-access collection of ``Member``.
    public struct Members: RandomAccessCollection, Hashable, Sendable {
        fileprivate let actors: [ActorIndex]
        fileprivate let distances: [Int32]
        /// Member `k`'s relations are `relations[offsets[k] ..< offsets[k + 1]]`.
        fileprivate let offsets: [UInt32]
        fileprivate let relations: [RelationIndex]

        public var startIndex: Int { 0 }
        public var endIndex: Int { actors.count }

        public subscript(position: Int) -> Member {
            Member(
                actor: actors[position], distance: Int(distances[position]),
                via: relations[Int(offsets[position])..<Int(offsets[position + 1])])
        }
    }

    public let center: ActorIndex
    public let depth: Int
    /// Members by distance, then actor order.
    public let members: Members
    /// `true` when the `limit` left members out.
    public let truncated: Bool

    /// The ego network of `center` within `depth` steps of `view`, keeping at most `limit` members (the closest).
    ///
    /// - Complexity: O(size of the ball plus the degrees of its members); with a reused workspace nothing is
    ///   proportional to the whole graph.
    @_specialize(exported: true, where View == RelationGraph)
    @_specialize(exported: true, where View == FilteredGraph)
    public init<View: Traversable>(
        _ view: View, center: ActorIndex, depth: Int, limit: Int = Int.max, workspace: SearchWorkspace? = nil
    ) {
        let workspace = workspace.flatMap { $0.capacity == view.actorCount ? $0 : nil }
            ?? SearchWorkspace(actorCount: view.actorCount)
        precondition(center.position < workspace.capacity, "actor outside the graph")
        let epoch = workspace.nextEpoch()
        let reached = Self.search(view, center: center, depth: depth, limit: limit, workspace: workspace, epoch: epoch)
        let kept = max(0, min(reached, limit))
        self.center = center
        self.depth = depth
        self.members = Self.collect(view, kept: kept, workspace: workspace, epoch: epoch)
        self.truncated = reached > kept
    }

    /// The breadth-first search: leaves the reached actors in the workspace's forward queue after the centre, level
    /// by level, each level sorted by actor, and returns how many it reached. A function of its own so that the
    /// view's scan and the closures are inlined into it.
    @inline(never)
    private static func search<View: Traversable>(
        _ view: View, center: ActorIndex, depth: Int, limit: Int, workspace: SearchWorkspace, epoch: UInt32
    ) -> Int {
        // Locals inside the per-step closures, so no access to the workspace's stored properties is checked per step.
        let marks = workspace.marks
        let queue = workspace.forwardQueue
        marks[center.position].forwardStamp = epoch
        marks[center.position].forwardDistance = 0
        queue[0] = center
        // Breadth-first: level `level` is `queue[levelStart ..< levelEnd]`, sorted by actor once complete.
        var levelStart = 0, levelEnd = 1
        var level: Int32 = 0
        while levelStart < levelEnd && Int(level) < depth && levelEnd - 1 <= limit {
            level += 1
            var tail = levelEnd
            for slot in levelStart..<levelEnd {
                view.forEachStep(from: queue[slot], unless: { marks[$0.position].forwardStamp == epoch }) {
                    neighbor, _ in
                    let position = neighbor.position
                    guard marks[position].forwardStamp != epoch else { return }
                    marks[position].forwardStamp = epoch
                    marks[position].forwardDistance = level
                    queue[tail] = neighbor
                    tail += 1
                }
            }
            var layer = UnsafeMutableBufferPointer(rebasing: queue[levelEnd..<tail])
            layer.sort()
            levelStart = levelEnd
            levelEnd = tail
        }
        return levelEnd - 1
    }

    /// Each kept member's relations from the members one step closer, into one flat array.
    @inline(never)
    private static func collect<View: Traversable>(
        _ view: View, kept: Int, workspace: SearchWorkspace, epoch: UInt32
    ) -> Members {
        let marks = workspace.marks
        let queue = workspace.forwardQueue
        let actors = [ActorIndex](unsafeUninitializedCapacity: kept) { buffer, initialized in
            for offset in 0..<kept { buffer.initializeElement(at: offset, to: queue[1 + offset]) }
            initialized = kept
        }
        let distances = [Int32](unsafeUninitializedCapacity: kept) { buffer, initialized in
            for offset in 0..<kept {
                buffer.initializeElement(at: offset, to: marks[queue[1 + offset].position].forwardDistance)
            }
            initialized = kept
        }
        var relations: [RelationIndex] = []
        relations.reserveCapacity(kept)
        // One scratch buffer for every member's steps (overwritten, not emptied: emptying an array goes through
        // the generic `replaceSubrange`), merged into `relations` in relation order.
        var scratch: [RelationIndex] = []
        let offsets = [UInt32](unsafeUninitializedCapacity: kept + 1) { offsets, initialized in
            offsets.initializeElement(at: 0, to: 0)
            for offset in 0..<kept {
                let actor = actors[offset]
                let distance = distances[offset]
                var used = 0
                // Only members one step closer bring `actor` in: the others are skipped before the view tests the
                // step.
                view.forEachStep(
                    into: actor,
                    unless: { neighbor in
                        marks[neighbor.position].forwardStamp != epoch
                            || marks[neighbor.position].forwardDistance != distance - 1
                    }
                ) { neighbor, relation in
                    let position = neighbor.position
                    if marks[position].forwardStamp == epoch && marks[position].forwardDistance == distance - 1 {
                        if used < scratch.count { scratch[used] = relation } else { scratch.append(relation) }
                        used += 1
                    }
                }
                scratch.withUnsafeBufferPointer { steps in
                    RelationOrder.appendSortedUnique(UnsafeBufferPointer(rebasing: steps[0..<used]), to: &relations)
                }
                offsets.initializeElement(at: offset + 1, to: UInt32(relations.count))
            }
            initialized = kept + 1
        }
        return Members(actors: actors, distances: distances, offsets: offsets, relations: relations)
    }
}

/// Relations in relation order, each once, from steps as a view reports them.
enum RelationOrder {
    /// `relations` sorted, without repeats.
    ///
    /// - Complexity: O(n) for at most two ascending runs, O(n log n) otherwise.
    static func sortedUnique(_ relations: [RelationIndex]) -> [RelationIndex] {
        var result: [RelationIndex] = []
        result.reserveCapacity(relations.count)
        relations.withUnsafeBufferPointer { appendSortedUnique($0, to: &result) }
        return result
    }

    /// Appends `relations` sorted, without repeats, to `destination`. A ``RelationGraph`` reports an actor's steps
    /// as two runs already in relation order (its outgoing, then its incoming relations), so those are merged in
    /// one pass; anything else is sorted.
    ///
    /// - Complexity: O(n) for at most two ascending runs, O(n log n) otherwise.
    static func appendSortedUnique(_ relations: UnsafeBufferPointer<RelationIndex>, to destination: inout [RelationIndex]) {
        let count = relations.count
        // Element by element: most members of a ball have one or two relations, for which the generic
        // `append(contentsOf:)` costs more than the copy.
        guard count > 1 else {
            if count == 1 { destination.append(relations[0]) }
            return
        }
        let first = destination.count
        var split = 1
        while split < count && relations[split - 1] < relations[split] { split += 1 }
        if split == count {
            for relation in relations { destination.append(relation) }
            return
        }
        var end = split + 1
        while end < count && relations[end - 1] < relations[end] { end += 1 }
        guard end == count else {
            for relation in relations.sorted() where destination.count == first || destination.last != relation {
                destination.append(relation)
            }
            return
        }
        var left = 0, right = split
        while left < split || right < count {
            let next: RelationIndex
            if right == count || (left < split && relations[left] <= relations[right]) {
                next = relations[left]
                left += 1
            } else {
                next = relations[right]
                right += 1
            }
            if destination.count == first || destination.last != next { destination.append(next) }
        }
    }
}
