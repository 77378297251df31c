import ActorGraph
import ArgumentParser

/// The GQL-style path selectors and modes, shared by `path` and `render --path`.
public struct PathSelectorOptions: ParsableArguments {
    @Option(help: "The K shortest paths (Yen's algorithm in acyclic mode).")
    public var shortest: Int?

    @Flag(help: "Every shortest path.")
    public var allShortest = false

    @Flag(help: "Every path up to --max-length relations.")
    public var all = false

    @Option(help: "Longest path considered, in relations (default 6 with --all or a non-acyclic mode).")
    public var maxLength: Int?

    @Option(help: "Path mode: acyclic (no actor twice), trail (no link twice) or walk.")
    public var mode: PathMode = .acyclic

    @Option(help: "Most paths listed; the output says when it cut the answer.")
    public var limit: Int?

    @Flag(help: "Each relation starts no earlier than the one before it (see --temporal).")
    public var timeRespecting = false

    @Option(help: "Temporal path problem (implies --time-respecting): earliest, latest, fastest, shortest.")
    public var temporal: TemporalProblem?

    public init() {}

    /// The longest `--max-length` accepted without an explicit `--limit`.
    public static let saneMaxLength = 10
    /// The longest accepted at all.
    public static let hardMaxLength = 64
    public static let defaultLimit = 100
    public static let defaultMaxLength = 6

    public func validate() throws {
        if let shortest, shortest < 1 { throw ValidationError("--shortest must be at least 1") }
        if [shortest != nil, allShortest, all].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --shortest, --all-shortest and --all")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let maxLength {
            if maxLength < 1 { throw ValidationError("--max-length must be at least 1") }
            if maxLength > Self.hardMaxLength {
                throw ValidationError("--max-length \(maxLength) is above \(Self.hardMaxLength)")
            }
            if maxLength > Self.saneMaxLength && limit == nil && (all || mode != .acyclic) {
                throw ValidationError(
                    "--max-length \(maxLength) is above \(Self.saneMaxLength); give --limit N to enumerate that far")
            }
        }
        if isTemporal {
            if shortest != nil || allShortest || all || mode != .acyclic {
                throw ValidationError(
                    "--time-respecting and --temporal find one path; they do not combine with --shortest, "
                        + "--all-shortest, --all or --mode")
            }
        }
    }

    public var isTemporal: Bool { timeRespecting || temporal != nil }

    /// The time-respecting path for the selected temporal problem (shortest when only `--time-respecting`).
    public func temporalPath(_ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex) -> (
        TemporalPath?, TemporalProblem, TemporalReading
    ) {
        let problem = temporal ?? .shortest
        let reading: TemporalReading = view.filter.includePossible ? .lenient : .definite
        return (TemporalPathFinder(view, reading: reading).path(problem, from: start, to: end), problem, reading)
    }

    /// The paths the selector asks for, bounded by `--limit`.
    public func paths(_ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex) -> PathSearchResult {
        let finder = PathFinder(view)
        let limit = self.limit ?? Self.defaultLimit
        if let shortest {
            if mode == .acyclic {
                return finder.kShortestPaths(from: start, to: end, k: min(shortest, limit), maxLength: maxLength ?? Int.max)
            }
            return finder.allPaths(
                from: start, to: end, mode: mode, maxLength: maxLength ?? Self.defaultMaxLength, limit: min(shortest, limit))
        }
        if allShortest { return finder.allShortestPaths(from: start, to: end, limit: limit) }
        if all || mode != .acyclic {
            return finder.allPaths(from: start, to: end, mode: mode, maxLength: maxLength ?? Self.defaultMaxLength, limit: limit)
        }
        let path = finder.shortestPath(from: start, to: end, maxLength: maxLength ?? Int.max)
        return PathSearchResult(paths: path.map { [$0] } ?? [], truncated: false)
    }
}
