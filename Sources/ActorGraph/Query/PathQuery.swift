/// Which paths a path question asks for, and the one place that runs it: `actorgraph path`, `render --path` and the
/// explorer's `/api/path` and path charts all build a `PathQuery` and call ``run(_:from:to:)`` or
/// ``answer(_:from:to:)`` on their filtered view, so the same question finds the same paths everywhere.
public struct PathQuery: Hashable, Sendable {
    public enum Selector: Hashable, Sendable {
        /// One shortest path.
        case shortest
        /// The k shortest (Yen's algorithm in acyclic mode; the first k found otherwise).
        case kShortest(Int)
        /// Every shortest path.
        case allShortest
        /// Every path up to the maximum length.
        case all
        /// One time-respecting path (earliest, latest, fastest or shortest).
        case temporal(TemporalProblem)
    }

    public var selector: Selector
    public var mode: PathMode
    /// Longest path considered, in relations; `nil` for no bound (``defaultMaxLength`` when enumerating).
    public var maxLength: Int?
    /// Most paths listed.
    public var limit: Int

    public static let defaultLimit = 100
    public static let defaultMaxLength = 6

    public init(_ selector: Selector = .shortest, mode: PathMode = .acyclic, maxLength: Int? = nil, limit: Int? = nil) {
        self.selector = selector
        self.mode = mode
        self.maxLength = maxLength
        self.limit = limit ?? Self.defaultLimit
    }

    public var isTemporal: Bool {
        if case .temporal = selector { return true }
        return false
    }

    /// What a path search found.
    public enum Answer: Sendable {
        case paths(PathSearchResult)
        case temporal(TemporalPath?, TemporalProblem, TemporalReading)

        /// The found paths as plain paths (a time-respecting path is one relation per hop).
        public var paths: [Path] {
            switch self {
            case .paths(let result): return result.paths
            case .temporal(let path, _, _): return path.map { [$0.path] } ?? []
            }
        }

        /// Every relation of every found path.
        public var relations: [RelationIndex] { paths.flatMap { $0.hops.flatMap { $0 } } }
    }

    /// Runs the query on `view`. A time-respecting path is read leniently when the view keeps possibly active
    /// relations (`--possibly`), definitely otherwise. The other selectors collect what ``stream(_:from:to:stop:workspace:each:)``
    /// hands over. A `workspace` kept by the caller spares the searches one the size of the graph.
    public func run(
        _ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, workspace: SearchWorkspace? = nil
    ) -> Answer {
        // Without a signal nothing stops it.
        try! run(view, from: start, to: end, workspace: workspace, stop: nil)
    }

    /// ``run(_:from:to:workspace:)`` that stops at the search's next check once `stop` is raised, throwing how far it
    /// came (paths found so far for a listing, edges read for a time-respecting path): a stopped answer is never
    /// returned as if it were whole. The CLI's `render --path` and the explorer give it their deadlines.
    public func run(
        _ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, workspace: SearchWorkspace? = nil,
        stop: StopSignal?
    ) throws(QueryStopped) -> Answer {
        if case .temporal(let problem) = selector {
            let reading: TemporalReading = view.filter.includePossible ? .lenient : .definite
            let finder = try TemporalPathFinder(view, reading: reading, stop: stop)
            return .temporal(try finder.path(problem, from: start, to: end), problem, reading)
        }
        var paths: [Path] = []
        let ending = stream(view, from: start, to: end, stop: stop, workspace: workspace) { paths.append($0) }
        if ending.stopped { throw QueryStopped(done: paths.count, total: nil) }
        return .paths(PathSearchResult(paths: paths, truncated: ending.truncated, stopped: false))
    }

    /// The answer with what the query's answers need beside it: what the time filter left out of it (the same
    /// query on the view's lenient filter, ``FilteredGraph/leftOut(_:)``) and, when no plain path was found, why.
    public func answer(
        _ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, workspace: SearchWorkspace? = nil
    ) -> PathAnswer {
        try! answer(view, from: start, to: end, workspace: workspace, stop: nil)
    }

    /// ``answer(_:from:to:workspace:)`` under `stop`, which the query and its left-out count both watch.
    public func answer(
        _ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex, workspace: SearchWorkspace? = nil,
        stop: StopSignal?
    ) throws(QueryStopped) -> PathAnswer {
        let found = try run(view, from: start, to: end, workspace: workspace, stop: stop)
        var leftOut: LeftOut?
        if let lenient = view.filter.lenient {
            let lenientView = FilteredGraph(view.graph, filter: lenient, namedActors: view.namedActors)
            leftOut = view.leftOut(try run(lenientView, from: start, to: end, workspace: workspace, stop: stop).relations)
        }
        var diagnosis: PathDiagnosis?
        if case .paths(let result) = found, result.paths.isEmpty {
            diagnosis = self.diagnosis(view, from: start, to: end, workspace: workspace)
        }
        return PathAnswer(query: self, from: start, to: end, found: found, leftOut: leftOut, diagnosis: diagnosis)
    }
}

/// A path query's answer with its left-out counts and, when nothing was found, the diagnosis.
public struct PathAnswer: Sendable {
    public let query: PathQuery
    public let from: ActorIndex
    public let to: ActorIndex
    public let found: PathQuery.Answer
    /// What the time filter left out (`nil` when no time filter could leave anything out).
    public let leftOut: LeftOut?
    /// Why no plain path was found; `nil` when one was, and for time-respecting queries.
    public let diagnosis: PathDiagnosis?

    public var isEmpty: Bool { found.paths.isEmpty }
}
