/// Path answers handed over one at a time, as the search finds them: `actorgraph path` prints each path before
/// the next is looked for, so a long listing shows its first paths at once and keeps none of them in memory.
extension PathQuery {
    /// How a streamed search ended.
    public struct StreamEnd: Hashable, Sendable {
        /// Paths handed over.
        public var count: Int
        /// `true` when `limit` (or k) paths were handed over and another exists.
        public var truncated: Bool
        /// `true` when the ``StopSignal`` ended the search first: more paths may exist.
        public var stopped: Bool

        public init(count: Int, truncated: Bool, stopped: Bool) {
            self.count = count
            self.truncated = truncated
            self.stopped = stopped
        }
    }

    /// Runs a plain (not time-respecting) query on `view`, handing each path to `each` as soon as it is found, in
    /// the order ``run(_:from:to:)`` lists them, and keeping none: memory does not grow with `limit`. The k shortest
    /// in acyclic mode (Yen's algorithm, which needs the paths it accepted) hand theirs over at the end. Stops at the
    /// search's next check once `stop` is raised.
    public func stream(
        _ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, stop: StopSignal? = nil,
        workspace: SearchWorkspace? = nil, each: (Path) throws -> Void
    ) rethrows -> StreamEnd {
        let finder = PathFinder(view, workspace: workspace)
        let enumerationLength = maxLength ?? Self.defaultMaxLength
        switch selector {
        case .temporal:
            preconditionFailure("a time-respecting query finds one path: run it with run(_:from:to:)")
        case .kShortest(let k) where mode == .acyclic:
            let result = finder.kShortestPaths(
                from: start, to: end, k: min(k, limit), maxLength: maxLength ?? Int.max, stop: stop)
            for path in result.paths { try each(path) }
            return StreamEnd(count: result.paths.count, truncated: result.truncated, stopped: result.stopped)
        case .kShortest(let k):
            let paths = finder.paths(from: start, to: end, mode: mode, maxLength: enumerationLength, stop: stop)
            return try Self.hand(paths, limit: min(k, limit), each)
        case .allShortest:
            guard let length = finder.distance(from: start, to: end) else {
                return StreamEnd(count: 0, truncated: false, stopped: false)
            }
            let paths = finder.paths(
                from: start, to: end, mode: .acyclic, minLength: length, maxLength: length, stop: stop)
            return try Self.hand(paths, limit: limit, each)
        case .all:
            let paths = finder.paths(from: start, to: end, mode: mode, maxLength: enumerationLength, stop: stop)
            return try Self.hand(paths, limit: limit, each)
        case .shortest where mode != .acyclic:
            let paths = finder.paths(from: start, to: end, mode: mode, maxLength: enumerationLength, stop: stop)
            return try Self.hand(paths, limit: limit, each)
        case .shortest:
            guard let path = finder.shortestPath(from: start, to: end, maxLength: maxLength ?? Int.max) else {
                return StreamEnd(count: 0, truncated: false, stopped: false)
            }
            try each(path)
            return StreamEnd(count: 1, truncated: false, stopped: false)
        }
    }

    /// Hands over at most `limit` paths; one more found means the answer was cut.
    private static func hand<View>(_ paths: PathEnumeration<View>, limit: Int, _ each: (Path) throws -> Void) rethrows
        -> StreamEnd
    {
        var iterator = paths.makeIterator()
        var count = 0
        while let path = iterator.next() {
            if count == limit { return StreamEnd(count: count, truncated: true, stopped: false) }
            try each(path)
            count += 1
        }
        return StreamEnd(count: count, truncated: false, stopped: iterator.wasStopped)
    }

    /// What the time filter left out of a streamed answer: the relations of the same query on the view's lenient
    /// filter that the view refuses (``FilteredGraph/leftOut(_:)``), as ``answer(_:from:to:)`` counts them. `nil`
    /// when no time filter can leave anything out, or when `stop` ended the lenient search.
    public func leftOut(_ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, stop: StopSignal? = nil)
        -> LeftOut?
    {
        guard let lenient = view.filter.lenient else { return nil }
        let lenientView = FilteredGraph(view.graph, filter: lenient, namedActors: view.namedActors)
        var relations: Set<RelationIndex> = []
        if isTemporal {
            guard let answer = try? run(lenientView, from: start, to: end, stop: stop) else { return nil }
            relations.formUnion(answer.relations)
        } else {
            let ending = stream(lenientView, from: start, to: end, stop: stop) { path in
                for hop in path.hops { relations.formUnion(hop) }
            }
            if ending.stopped { return nil }
        }
        return view.leftOut(relations.sorted())
    }

    /// Why no plain path was found on `view`.
    public func diagnosis(
        _ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, workspace: SearchWorkspace? = nil
    ) -> PathDiagnosis {
        PathDiagnosis(
            view.graph, filter: view.filter, from: start, to: end, maxLength: maxLength ?? Int.max, workspace: workspace)
    }
}
