import HeapModule

/// Path queries over any ``Traversable`` view: shortest path (bidirectional BFS), the k shortest (Yen), all
/// shortest, and every path up to a length in a GQL path mode. Lengths count hops between actors.
///
/// Filters live in the view and are checked during the search, so a filter never turns a found path into "no
/// path" while a longer allowed one exists.
public struct PathFinder<View: Traversable> {
    public let view: View
    public let workspace: SearchWorkspace

    /// - Parameter workspace: reuse one across queries on the same graph to avoid O(actors) set-up per query.
    public init(_ view: View, workspace: SearchWorkspace? = nil) {
        self.view = view
        if let workspace, workspace.capacity == view.actorCount {
            self.workspace = workspace
        } else {
            self.workspace = SearchWorkspace(actorCount: view.actorCount)
        }
    }

    // MARK: Shortest path

    /// The shortest path (fewest hops), or `nil` when `to` cannot be reached within `maxLength` hops.
    /// Ties are broken by the search order (actor and relation order), deterministically.
    ///
    /// - Complexity: O(actors + relations) in the worst case; bidirectional search usually visits far fewer.
    @_specialize(exported: true, where View == RelationGraph)
    @_specialize(exported: true, where View == FilteredGraph)
    public func shortestPath(from: ActorIndex, to: ActorIndex, maxLength: Int = Int.max) -> Path? {
        workspace.clearBans()
        guard let actors = shortestSequence(from: from, to: to, maxLength: maxLength, bannedFirstHops: []) else {
            return nil
        }
        return view.path(through: actors)
    }

    /// The distance in hops, or `nil` when unreachable within `maxLength`.
    @_specialize(exported: true, where View == RelationGraph)
    @_specialize(exported: true, where View == FilteredGraph)
    public func distance(from: ActorIndex, to: ActorIndex, maxLength: Int = Int.max) -> Int? {
        workspace.clearBans()
        return shortestSequence(from: from, to: to, maxLength: maxLength, bannedFirstHops: []).map { $0.count - 1 }
    }

    /// Bidirectional BFS, level by level, always growing the smaller frontier. Honours the workspace's banned
    /// actors and refuses the first hops `from → b` for `b` in `bannedFirstHops` (Yen's removed links).
    ///
    /// It stops at the first step that joins the two searches. That step is on a shortest path, and it is the one
    /// finishing the level would have chosen: when `forEachStep(into:)` mirrors `forEachStep(from:)` (the
    /// ``Traversable`` contract), every join found in the first level that finds one has the same length, because a
    /// shorter one would have joined the searches a level earlier. A view may still start a search from an actor
    /// it does not include (a ``FilteredGraph`` whose filter refuses an end the query did not name), and no step
    /// leads back into such an actor; then the level is finished and the shortest join kept, as before.
    func shortestSequence(
        from source: ActorIndex, to target: ActorIndex, maxLength: Int, bannedFirstHops: [ActorIndex]
    ) -> [ActorIndex]? {
        if source == target { return [source] }
        let workspace = self.workspace
        precondition(
            source.position < workspace.capacity && target.position < workspace.capacity, "actor outside the graph")
        // Locals, not the workspace's properties, inside the per-step closures: the buffers are written through, so
        // no access to a class's stored property is checked per step.
        let epoch = workspace.nextEpoch()
        let marks = workspace.marks
        let forwardQueue = workspace.forwardQueue
        let backwardQueue = workspace.backwardQueue
        let stopsAtFirstJoin = view.includes(source) && view.includes(target)

        marks[source.position].forwardStamp = epoch
        marks[source.position].forwardDistance = 0
        marks[source.position].forwardParent = source
        marks[target.position].backwardStamp = epoch
        marks[target.position].backwardDistance = 0
        marks[target.position].backwardParent = target
        forwardQueue[0] = source
        backwardQueue[0] = target
        // Each side's current level is `queue[levelStart ..< levelEnd]`; the next level is appended after it.
        var forwardStart = 0, forwardEnd = 1
        var backwardStart = 0, backwardEnd = 1
        var forwardDepth: Int32 = 0
        var backwardDepth: Int32 = 0
        var join = Join(best: Int32.max, meeting: source)

        while forwardStart < forwardEnd && backwardStart < backwardEnd {
            if Int(forwardDepth) + Int(backwardDepth) + 1 > maxLength { return nil }
            if forwardEnd - forwardStart <= backwardEnd - backwardStart {
                forwardDepth += 1
                let tail = growForward(
                    level: forwardStart..<forwardEnd, depth: forwardDepth, epoch: epoch, source: source,
                    bannedFirstHops: bannedFirstHops, stopsAtFirstJoin: stopsAtFirstJoin, join: &join)
                forwardStart = forwardEnd
                forwardEnd = tail
            } else {
                backwardDepth += 1
                let tail = growBackward(
                    level: backwardStart..<backwardEnd, depth: backwardDepth, epoch: epoch, source: source,
                    bannedFirstHops: bannedFirstHops, stopsAtFirstJoin: stopsAtFirstJoin, join: &join)
                backwardStart = backwardEnd
                backwardEnd = tail
            }
            if join.best != Int32.max {
                guard Int(join.best) <= maxLength else { return nil }
                return sequence(through: join.meeting)
            }
        }
        return nil
    }

    /// The best join of the two searches found so far: its length and the actor where they meet.
    struct Join {
        var best: Int32
        var meeting: ActorIndex
    }

    /// Grows the forward search by one level (`forwardQueue[level]`), appending the next level after it; returns the
    /// next level's end. A function of its own, kept out of line, so that it stays small enough for the view's
    /// `forEachStep` and both closures to be inlined into it: inside the whole search they were called through
    /// closure thunks per step (docs/PERFORMANCE.md, "Queries").
    @inline(never)
    private func growForward(
        level: Range<Int>, depth: Int32, epoch: UInt32, source: ActorIndex, bannedFirstHops: [ActorIndex],
        stopsAtFirstJoin: Bool, join: inout Join
    ) -> Int {
        let workspace = self.workspace
        let marks = workspace.marks
        let queue = workspace.forwardQueue
        let checksBans = workspace.bansActive
        let banStamp = workspace.banStamp
        let banEpoch = workspace.banEpoch
        let checksFirstHops = !bannedFirstHops.isEmpty
        var tail = level.upperBound
        var joined = false
        var best = join.best
        var meeting = join.meeting
        for slot in level {
            let actor = queue[slot]
            let isSource = actor == source
            view.forEachStep(
                from: actor,
                unless: { neighbor in
                    joined || marks[neighbor.position].forwardStamp == epoch
                        || (checksBans && banStamp[neighbor.position] == banEpoch)
                }
            ) { neighbor, _ in
                let position = neighbor.position
                // Asked again: a view need not ask `unless` before every step.
                if joined || marks[position].forwardStamp == epoch { return }
                if checksBans && banStamp[position] == banEpoch { return }
                if checksFirstHops && isSource && bannedFirstHops.contains(neighbor) { return }
                marks[position].forwardStamp = epoch
                marks[position].forwardDistance = depth
                marks[position].forwardParent = actor
                queue[tail] = neighbor
                tail += 1
                if marks[position].backwardStamp == epoch {
                    let total = depth + marks[position].backwardDistance
                    if total < best {
                        best = total
                        meeting = neighbor
                        joined = stopsAtFirstJoin
                    }
                }
            }
            if joined { break }
        }
        join = Join(best: best, meeting: meeting)
        return tail
    }

    /// ``growForward(level:depth:epoch:source:bannedFirstHops:stopsAtFirstJoin:join:)``'s mirror: one level of the
    /// backward search, over the steps into each actor.
    @inline(never)
    private func growBackward(
        level: Range<Int>, depth: Int32, epoch: UInt32, source: ActorIndex, bannedFirstHops: [ActorIndex],
        stopsAtFirstJoin: Bool, join: inout Join
    ) -> Int {
        let workspace = self.workspace
        let marks = workspace.marks
        let queue = workspace.backwardQueue
        let checksBans = workspace.bansActive
        let banStamp = workspace.banStamp
        let banEpoch = workspace.banEpoch
        let checksFirstHops = !bannedFirstHops.isEmpty
        var tail = level.upperBound
        var joined = false
        var best = join.best
        var meeting = join.meeting
        for slot in level {
            let actor = queue[slot]
            let isFirstHop = checksFirstHops && bannedFirstHops.contains(actor)
            view.forEachStep(
                into: actor,
                unless: { neighbor in
                    joined || marks[neighbor.position].backwardStamp == epoch
                        || (checksBans && banStamp[neighbor.position] == banEpoch)
                }
            ) { neighbor, _ in
                let position = neighbor.position
                if joined || marks[position].backwardStamp == epoch { return }
                if checksBans && banStamp[position] == banEpoch { return }
                if isFirstHop && neighbor == source { return }
                marks[position].backwardStamp = epoch
                marks[position].backwardDistance = depth
                marks[position].backwardParent = actor
                queue[tail] = neighbor
                tail += 1
                if marks[position].forwardStamp == epoch {
                    let total = depth + marks[position].forwardDistance
                    if total < best {
                        best = total
                        meeting = neighbor
                        joined = stopsAtFirstJoin
                    }
                }
            }
            if joined { break }
        }
        join = Join(best: best, meeting: meeting)
        return tail
    }

    private func sequence(through meeting: ActorIndex) -> [ActorIndex] {
        let marks = workspace.marks
        var head: [ActorIndex] = []
        var cursor = meeting
        while true {
            head.append(cursor)
            let parent = marks[cursor.position].forwardParent
            if parent == cursor { break }
            cursor = parent
        }
        head.reverse()
        cursor = meeting
        while true {
            let parent = marks[cursor.position].backwardParent
            if parent == cursor { break }
            head.append(parent)
            cursor = parent
        }
        return head
    }

    // MARK: k shortest (Yen)

    /// The `k` shortest acyclic paths in non-decreasing length, by Yen's algorithm over the links of the view
    /// (parallel relations are one link). Among paths of equal length the order is deterministic.
    /// `truncated` is `true` when `k` paths were returned and another exists within `maxLength`.
    ///
    /// - Complexity: O(k · n · (actors + relations)) for paths of at most n hops; each spur search is a
    ///   bidirectional BFS.
    @_specialize(exported: true, where View == RelationGraph)
    @_specialize(exported: true, where View == FilteredGraph)
    public func kShortestPaths(
        from: ActorIndex, to: ActorIndex, k: Int, maxLength: Int = Int.max, stop: StopSignal? = nil
    ) -> PathSearchResult {
        guard k > 0 else { return PathSearchResult(paths: [], truncated: false) }
        workspace.clearBans()
        guard let first = shortestSequence(from: from, to: to, maxLength: maxLength, bannedFirstHops: []) else {
            return PathSearchResult(paths: [], truncated: false)
        }
        var accepted: [[ActorIndex]] = [first]
        var seen: Set<[ActorIndex]> = [first]
        var candidates = Heap<YenCandidate>()
        var truncated = false
        var stopped = false
        search: while true {
            let previous = accepted[accepted.count - 1]
            for spurPosition in 0..<(previous.count - 1) {
                if let stop, stop.isRaised {
                    stopped = true
                    break search
                }
                let root = Array(previous[0...spurPosition])
                let spur = previous[spurPosition]
                var bannedNext: [ActorIndex] = []
                for path in accepted where path.count > spurPosition + 1 && Array(path[0...spurPosition]) == root {
                    bannedNext.append(path[spurPosition + 1])
                }
                workspace.ban(root.dropLast())
                let remaining = maxLength == Int.max ? Int.max : maxLength - spurPosition
                guard remaining >= 1,
                    let spurPath = shortestSequence(from: spur, to: to, maxLength: remaining, bannedFirstHops: bannedNext)
                else { continue }
                let total = root + spurPath.dropFirst()
                if seen.insert(total).inserted { candidates.insert(YenCandidate(actors: total)) }
            }
            workspace.clearBans()
            guard let best = candidates.popMin() else { break }
            if accepted.count == k {
                truncated = true
                break
            }
            accepted.append(best.actors)
        }
        workspace.clearBans()
        let paths = accepted.compactMap { view.path(through: $0) }
        return PathSearchResult(paths: paths, truncated: truncated, stopped: stopped)
    }

    // MARK: Enumeration

    /// Every shortest path, at most `limit`, in a deterministic order.
    ///
    /// - Complexity: O(actors + relations) for the distances, then proportional to the paths listed.
    public func allShortestPaths(from: ActorIndex, to: ActorIndex, limit: Int) -> PathSearchResult {
        guard let length = distance(from: from, to: to) else { return PathSearchResult(paths: [], truncated: false) }
        return collect(paths(from: from, to: to, mode: .acyclic, minLength: length, maxLength: length), limit: limit)
    }

    /// Every path from `from` to `to` of at most `maxLength` hops in `mode`, shortest first, at most `limit`.
    public func allPaths(from: ActorIndex, to: ActorIndex, mode: PathMode, maxLength: Int, limit: Int) -> PathSearchResult {
        collect(paths(from: from, to: to, mode: mode, minLength: 0, maxLength: maxLength), limit: limit)
    }

    /// A lazy sequence of the paths of `minLength...maxLength` hops in `mode`, by increasing length.
    public func paths(
        from: ActorIndex, to: ActorIndex, mode: PathMode, minLength: Int = 0, maxLength: Int, stop: StopSignal? = nil
    ) -> PathEnumeration<View> {
        PathEnumeration(
            view: view, from: from, to: to, mode: mode, minLength: minLength, maxLength: maxLength, stop: stop)
    }

    private func collect(_ sequence: PathEnumeration<View>, limit: Int) -> PathSearchResult {
        var paths: [Path] = []
        var iterator = sequence.makeIterator()
        while let path = iterator.next() {
            if paths.count == limit { return PathSearchResult(paths: paths, truncated: true) }
            paths.append(path)
        }
        return PathSearchResult(paths: paths, truncated: false)
    }
}

/// A Yen candidate, ordered by length and then by actor indices, so ties resolve the same way every run.
struct YenCandidate: Comparable {
    let actors: [ActorIndex]

    static func < (lhs: YenCandidate, rhs: YenCandidate) -> Bool {
        if lhs.actors.count != rhs.actors.count { return lhs.actors.count < rhs.actors.count }
        return lhs.actors.lexicographicallyPrecedes(rhs.actors)
    }
}
