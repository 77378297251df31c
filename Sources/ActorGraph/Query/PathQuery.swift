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
    /// relations (`--possibly`), definitely otherwise.
    public func run(_ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex) -> Answer {
        let finder = PathFinder(view)
        switch selector {
        case .temporal(let problem):
            let reading: TemporalReading = view.filter.includePossible ? .lenient : .definite
            return .temporal(TemporalPathFinder(view, reading: reading).path(problem, from: start, to: end), problem, reading)
        case .kShortest(let k) where mode == .acyclic:
            return .paths(finder.kShortestPaths(from: start, to: end, k: min(k, limit), maxLength: maxLength ?? Int.max))
        case .kShortest(let k):
            return .paths(
                finder.allPaths(
                    from: start, to: end, mode: mode, maxLength: maxLength ?? Self.defaultMaxLength, limit: min(k, limit)))
        case .allShortest:
            return .paths(finder.allShortestPaths(from: start, to: end, limit: limit))
        case .all:
            return .paths(
                finder.allPaths(from: start, to: end, mode: mode, maxLength: maxLength ?? Self.defaultMaxLength, limit: limit))
        case .shortest where mode != .acyclic:
            return .paths(
                finder.allPaths(from: start, to: end, mode: mode, maxLength: maxLength ?? Self.defaultMaxLength, limit: limit))
        case .shortest:
            let path = finder.shortestPath(from: start, to: end, maxLength: maxLength ?? Int.max)
            return .paths(PathSearchResult(paths: path.map { [$0] } ?? [], truncated: false))
        }
    }

    /// The answer with what the query's answers need beside it: what the time filter left out of it (the same
    /// query on the view's lenient filter, ``FilteredGraph/leftOut(_:)``) and, when no plain path was found, why.
    public func answer(_ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex) -> PathAnswer {
        let found = run(view, from: start, to: end)
        var leftOut: LeftOut?
        if let lenient = view.filter.lenient {
            let lenientView = FilteredGraph(view.graph, filter: lenient, namedActors: view.namedActors)
            leftOut = view.leftOut(run(lenientView, from: start, to: end).relations)
        }
        var diagnosis: PathDiagnosis?
        if case .paths(let result) = found, result.paths.isEmpty {
            diagnosis = PathDiagnosis(view.graph, filter: view.filter, from: start, to: end, maxLength: maxLength ?? Int.max)
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
