import ActorGraph

/// What a link chart should show: the question (whole graph, focus or paths), the view it is asked through,
/// and how to draw it. The CLI's `render` and the explorer server build the same value, so both draw the
/// same chart for the same question.
public struct ChartRequest: Hashable, Sendable {
    /// The filters every drawn relation must pass (time window, types, kinds, avoided actors, grade).
    public var filter: RelationFilter
    /// Actors whose neighbourhood is drawn; empty for the whole graph (or for a path chart).
    public var focus: [ActorIndex]
    /// Steps out from the focus actors.
    public var depth: Int
    /// Only the focus actors' own ties, not those among their neighbours.
    public var directOnly: Bool
    /// Actors left out of the chart with all their relations (focus actors and path actors excepted).
    public var hidden: Set<ActorIndex>
    /// When set, only these actors are drawn (focus and path actors besides), and only relations among them: the
    /// explorer's "keep only the selection".
    public var only: Set<ActorIndex>?
    /// When set, a path chart: these paths, and `paths.context` steps of faded neighbourhood.
    public var paths: ChartPaths?
    public var bundle: BundleMode
    /// Edge labels (type and date, or a bundle's count and years); tooltips keep them either way.
    public var labels: Bool
    public var legend: Bool
    /// The caption drawn on the chart; `nil` for one generated from the question and the filter, `""` for none.
    public var caption: String?
    public var clustering: DiagramClustering
    public var rankDirection: DOTRankDirection
    public var profile: DiagramProfile
    /// How edges are routed: `.spline` suits `dot`; force layouts route `.spline` around every node, ten times
    /// slower on the seed graph than `.curved`.
    public var edgeRouting: DOTSplines
    /// Most relations a path chart's context may add; beyond it the context is cut (and `LinkChart.notes` says so).
    public var contextLimit: Int
    /// A page the chart must fit (`render --page a3`): spacing tightened and the drawing scaled down to it.
    public var page: ChartPage?

    /// Whether `actor` is left out by ``hidden`` or ``only`` (the caller exempts focus and path actors).
    func leavesOut(_ actor: ActorIndex) -> Bool {
        hidden.contains(actor) || only.map { !$0.contains(actor) } ?? false
    }

    public init(
        filter: RelationFilter = RelationFilter(), focus: [ActorIndex] = [], depth: Int = 1, directOnly: Bool = false,
        hidden: Set<ActorIndex> = [], only: Set<ActorIndex>? = nil, paths: ChartPaths? = nil, bundle: BundleMode = .pair, labels: Bool = true,
        legend: Bool = false, caption: String? = nil, clustering: DiagramClustering = .none,
        rankDirection: DOTRankDirection = .leftToRight, profile: DiagramProfile = .comfortable,
        edgeRouting: DOTSplines = .spline, contextLimit: Int = Int.max, page: ChartPage? = nil
    ) {
        self.filter = filter
        self.focus = focus
        self.depth = depth
        self.directOnly = directOnly
        self.hidden = hidden
        self.only = only
        self.paths = paths
        self.bundle = bundle
        self.labels = labels
        self.legend = legend
        self.caption = caption
        self.clustering = clustering
        self.rankDirection = rankDirection
        self.profile = profile
        self.edgeRouting = edgeRouting
        self.contextLimit = contextLimit
        self.page = page
    }
}

/// A printed page a chart is fitted to, less a quarter-inch margin each side; landscape unless `-portrait`.
public enum ChartPage: String, CaseIterable, Hashable, Sendable {
    case a4, a3, letter, tabloid
    case a4Portrait = "a4-portrait", a3Portrait = "a3-portrait", letterPortrait = "letter-portrait"
    case tabloidPortrait = "tabloid-portrait"

    /// Width and height of the printable area in inches.
    public var inches: (width: Double, height: Double) {
        let sheet: (long: Double, short: Double)
        switch self {
        case .a4, .a4Portrait: sheet = (11.69, 8.27)
        case .a3, .a3Portrait: sheet = (16.54, 11.69)
        case .letter, .letterPortrait: sheet = (11, 8.5)
        case .tabloid, .tabloidPortrait: sheet = (17, 11)
        }
        let portrait = rawValue.hasSuffix("-portrait")
        let (width, height) = portrait ? (sheet.short, sheet.long) : (sheet.long, sheet.short)
        return (width - 0.5, height - 0.5)
    }
}

/// How parallel relations become links.
public enum BundleMode: String, CaseIterable, Hashable, Sendable {
    /// One link per relation.
    case none
    /// One link per pair of actors, whatever the direction or type.
    case pair
    /// One link per pair of actors and relation type.
    case type
}

/// The paths of a path chart, numbered from 1 in the order given.
public struct ChartPaths: Hashable, Sendable {
    public var paths: [ChartPath]
    /// Steps of faded neighbourhood drawn around the paths' actors; 0 draws the paths alone.
    public var context: Int
    /// The question in words for the caption, e.g. "3 shortest paths"; `nil` for "path".
    public var question: String?

    public init(_ paths: [ChartPath], context: Int = 0, question: String? = nil) {
        self.paths = paths
        self.context = context
        self.question = question
    }
}

extension ChartPaths {
    /// The drawn form of a path query's answer (each plain path, or the time-respecting path with its hop times),
    /// with the question in words for the caption.
    public init(_ answer: PathQuery.Answer, of query: PathQuery, in graph: RelationGraph, context: Int = 0) {
        let paths: [ChartPath]
        switch answer {
        case .paths(let result): paths = result.paths.map { ChartPath($0) }
        case .temporal(let path, _, let reading): paths = path.map { [ChartPath($0, reading: reading, in: graph)] } ?? []
        }
        let question: String
        switch query.selector {
        case .temporal(let problem): question = "Time-respecting path (\(problem.rawValue))"
        case .kShortest(let k): question = k == 1 ? "Shortest path" : "\(paths.count) shortest paths"
        case .allShortest: question = "All \(paths.count) shortest paths"
        case .all: question = "All \(paths.count) paths"
        case .shortest: question = "Shortest path"
        }
        self.init(paths, context: context, question: question)
    }
}

/// One path: its actors in order and, for each hop, the relations that make it (several parallel ones for a
/// plain path, exactly one for a time-respecting path).
public struct ChartPath: Hashable, Sendable {
    public var actors: [ActorIndex]
    public var hops: [[RelationIndex]]
    /// For a time-respecting path, the day each hop departs and arrives (day numbers), hop by hop.
    public var times: [ChartHopTime]?

    public init(actors: [ActorIndex], hops: [[RelationIndex]], times: [ChartHopTime]? = nil) {
        self.actors = actors
        self.hops = hops
        self.times = times
    }

    public init(_ path: Path) {
        self.init(actors: path.actors, hops: path.hops)
    }

    /// A time-respecting path with each hop's temporal edge as `reading` defines it (Wu et al.'s model, as the
    /// finder used): it departs at the relation's earliest possible start and arrives at its definite start
    /// (`.definite`) or at once (`.lenient`).
    public init(_ path: TemporalPath, reading: TemporalReading, in graph: RelationGraph) {
        let times = path.relations.map { relation -> ChartHopTime in
            guard let span = graph.span(of: relation) else {
                return ChartHopTime(departure: path.departure, arrival: path.arrival)
            }
            let arrival = reading == .definite ? max(span.possibleStart, span.definiteStart) : span.possibleStart
            return ChartHopTime(departure: span.possibleStart, arrival: arrival)
        }
        self.init(actors: path.actors, hops: path.relations.map { [$0] }, times: times)
    }
}

public struct ChartHopTime: Hashable, Sendable {
    public var departure: Int32
    public var arrival: Int32

    public init(departure: Int32, arrival: Int32) {
        self.departure = departure
        self.arrival = arrival
    }
}
