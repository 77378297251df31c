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
    public static let defaultLimit = PathQuery.defaultLimit

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

    /// The core's description of the question these options ask (run by ``PathQuery/run(_:from:to:)``).
    public var query: PathQuery {
        let selector: PathQuery.Selector
        if isTemporal {
            selector = .temporal(temporal ?? .shortest)
        } else if let shortest {
            selector = .kShortest(shortest)
        } else if allShortest {
            selector = .allShortest
        } else if all {
            selector = .all
        } else {
            selector = .shortest
        }
        return PathQuery(selector, mode: mode, maxLength: maxLength, limit: limit)
    }
}
