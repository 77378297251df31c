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
    public func shortestPath(from: ActorIndex, to: ActorIndex, maxLength: Int = Int.max) -> Path? {
        workspace.clearBans()
        guard let actors = shortestSequence(from: from, to: to, maxLength: maxLength, bannedFirstHops: []) else {
            return nil
        }
        return view.path(through: actors)
    }

    /// The distance in hops, or `nil` when unreachable within `maxLength`.
    public func distance(from: ActorIndex, to: ActorIndex, maxLength: Int = Int.max) -> Int? {
        workspace.clearBans()
        return shortestSequence(from: from, to: to, maxLength: maxLength, bannedFirstHops: []).map { $0.count - 1 }
    }

    /// Bidirectional BFS, level by level, always growing the smaller frontier. Honours the workspace's banned
    /// actors and refuses the first hops `from → b` for `b` in `bannedFirstHops` (Yen's removed links).
    func shortestSequence(
        from source: ActorIndex, to target: ActorIndex, maxLength: Int, bannedFirstHops: [ActorIndex]
    ) -> [ActorIndex]? {
        if source == target { return [source] }
        let workspace = self.workspace
        let epoch = workspace.nextEpoch()
        let checksBans = workspace.bansActive
        workspace.forwardStamp[source.position] = epoch
        workspace.forwardDistance[source.position] = 0
        workspace.forwardParent[source.position] = source.rawValue
        workspace.backwardStamp[target.position] = epoch
        workspace.backwardDistance[target.position] = 0
        workspace.backwardParent[target.position] = target.rawValue
        var forwardFrontier = [source]
        var backwardFrontier = [target]
        var next: [ActorIndex] = []
        var forwardDepth: Int32 = 0
        var backwardDepth: Int32 = 0
        var best = Int32.max
        var meeting = source

        while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty {
            if Int(forwardDepth) + Int(backwardDepth) + 1 > maxLength { return nil }
            next.removeAll(keepingCapacity: true)
            if forwardFrontier.count <= backwardFrontier.count {
                let depth = forwardDepth + 1
                for actor in forwardFrontier {
                    let isSource = actor == source
                    view.forEachStep(from: actor) { neighbor, _ in
                        let position = neighbor.position
                        if workspace.forwardStamp[position] == epoch { return }
                        if checksBans && workspace.isBanned(neighbor) { return }
                        if isSource && !bannedFirstHops.isEmpty && bannedFirstHops.contains(neighbor) { return }
                        workspace.forwardStamp[position] = epoch
                        workspace.forwardDistance[position] = depth
                        workspace.forwardParent[position] = actor.rawValue
                        next.append(neighbor)
                        if workspace.backwardStamp[position] == epoch {
                            let total = depth + workspace.backwardDistance[position]
                            if total < best {
                                best = total
                                meeting = neighbor
                            }
                        }
                    }
                }
                forwardDepth = depth
                swap(&forwardFrontier, &next)
            } else {
                let depth = backwardDepth + 1
                for actor in backwardFrontier {
                    let isFirstHop = !bannedFirstHops.isEmpty && bannedFirstHops.contains(actor)
                    view.forEachStep(into: actor) { neighbor, _ in
                        let position = neighbor.position
                        if workspace.backwardStamp[position] == epoch { return }
                        if checksBans && workspace.isBanned(neighbor) { return }
                        if isFirstHop && neighbor == source { return }
                        workspace.backwardStamp[position] = epoch
                        workspace.backwardDistance[position] = depth
                        workspace.backwardParent[position] = actor.rawValue
                        next.append(neighbor)
                        if workspace.forwardStamp[position] == epoch {
                            let total = depth + workspace.forwardDistance[position]
                            if total < best {
                                best = total
                                meeting = neighbor
                            }
                        }
                    }
                }
                backwardDepth = depth
                swap(&backwardFrontier, &next)
            }
            if best != Int32.max {
                guard Int(best) <= maxLength else { return nil }
                return sequence(through: meeting)
            }
        }
        return nil
    }

    private func sequence(through meeting: ActorIndex) -> [ActorIndex] {
        var head: [ActorIndex] = []
        var cursor = meeting
        while true {
            head.append(cursor)
            let parent = ActorIndex(workspace.forwardParent[cursor.position])
            if parent == cursor { break }
            cursor = parent
        }
        head.reverse()
        cursor = meeting
        while true {
            let parent = ActorIndex(workspace.backwardParent[cursor.position])
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
    public func kShortestPaths(from: ActorIndex, to: ActorIndex, k: Int, maxLength: Int = Int.max) -> PathSearchResult {
        guard k > 0 else { return PathSearchResult(paths: [], truncated: false) }
        workspace.clearBans()
        guard let first = shortestSequence(from: from, to: to, maxLength: maxLength, bannedFirstHops: []) else {
            return PathSearchResult(paths: [], truncated: false)
        }
        var accepted: [[ActorIndex]] = [first]
        var seen: Set<[ActorIndex]> = [first]
        var candidates = Heap<YenCandidate>()
        var truncated = false
        while true {
            let previous = accepted[accepted.count - 1]
            for spurPosition in 0..<(previous.count - 1) {
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
        let paths = accepted.compactMap { view.path(through: $0) }
        return PathSearchResult(paths: paths, truncated: truncated)
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
    public func paths(from: ActorIndex, to: ActorIndex, mode: PathMode, minLength: Int = 0, maxLength: Int)
        -> PathEnumeration<View>
    {
        PathEnumeration(view: view, from: from, to: to, mode: mode, minLength: minLength, maxLength: maxLength)
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
