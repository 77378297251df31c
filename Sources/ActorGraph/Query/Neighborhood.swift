/// An actor's ego network: the actors within a number of steps, each with the relations that bring it in.
public struct Neighborhood: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public let actor: ActorIndex
        /// Steps from the centre (1 for a direct neighbour).
        public let distance: Int
        /// The relations that join the actor to members one step closer to the centre (or to the centre), in
        /// relation order.
        public let via: [RelationIndex]
    }

    public let center: ActorIndex
    public let depth: Int
    /// Members by distance, then actor order.
    public let members: [Member]
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
        // Locals inside the per-step closures, so no access to the workspace's stored properties is checked per step.
        let epoch = workspace.nextEpoch()
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
        let reached = levelEnd - 1
        let kept = max(0, min(reached, limit))
        var members: [Member] = []
        members.reserveCapacity(kept)
        // One buffer for every member's steps; each member gets its own exact-size copy.
        var via: [RelationIndex] = []
        for slot in 1..<(1 + kept) {
            let actor = queue[slot]
            let distance = marks[actor.position].forwardDistance
            via.removeAll(keepingCapacity: true)
            // Only members one step closer bring `actor` in: the others are skipped before the view tests the step.
            view.forEachStep(
                into: actor,
                unless: { neighbor in
                    marks[neighbor.position].forwardStamp != epoch
                        || marks[neighbor.position].forwardDistance != distance - 1
                }
            ) { neighbor, relation in
                let position = neighbor.position
                if marks[position].forwardStamp == epoch && marks[position].forwardDistance == distance - 1 {
                    via.append(relation)
                }
            }
            members.append(Member(actor: actor, distance: Int(distance), via: RelationOrder.sortedUnique(via)))
        }
        self.center = center
        self.depth = depth
        self.members = members
        self.truncated = reached > kept
    }
}

/// Relations in relation order, each once, from steps as a view reports them.
enum RelationOrder {
    /// `relations` sorted, without repeats. A ``RelationGraph`` reports an actor's steps as two runs already in
    /// relation order (its outgoing, then its incoming relations), so those are merged in one pass; anything else
    /// is sorted.
    ///
    /// - Complexity: O(n) for at most two ascending runs, O(n log n) otherwise.
    static func sortedUnique(_ relations: [RelationIndex]) -> [RelationIndex] {
        let count = relations.count
        guard count > 1 else { return copy(relations) }
        var split = 1
        while split < count && relations[split - 1] < relations[split] { split += 1 }
        if split == count { return copy(relations) }
        var end = split + 1
        while end < count && relations[end - 1] < relations[end] { end += 1 }
        guard end == count else {
            var sorted = relations
            sorted.sort()
            return removingRepeats(sorted)
        }
        var merged: [RelationIndex] = []
        merged.reserveCapacity(count)
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
            if merged.last != next { merged.append(next) }
        }
        return merged
    }

    /// A copy with exactly the room it needs: `relations` may be a scratch buffer that grew for a larger actor.
    private static func copy(_ relations: [RelationIndex]) -> [RelationIndex] {
        [RelationIndex](unsafeUninitializedCapacity: relations.count) { buffer, initialized in
            for (offset, relation) in relations.enumerated() { buffer.initializeElement(at: offset, to: relation) }
            initialized = relations.count
        }
    }

    private static func removingRepeats(_ sorted: [RelationIndex]) -> [RelationIndex] {
        var result: [RelationIndex] = []
        result.reserveCapacity(sorted.count)
        for relation in sorted where result.last != relation { result.append(relation) }
        return result
    }
}
