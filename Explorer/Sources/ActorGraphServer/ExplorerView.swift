import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import HTTPTypes

/// What a chart shows for a ``ViewRequest``: the actors, the links (parallel relations bundled) and notices, as
/// `/api/view` returns them and `/api/chart.svg` draws them, link for link in the same order.
struct ExplorerView: Sendable {
    /// One drawn line: a bundle of parallel relations, or one relation.
    struct Link: Sendable {
        let number: Int
        let source: ActorIndex
        let target: ActorIndex
        let relations: [RelationIndex]
        /// Whether every relation of the link is only possibly active under the time filter.
        let possibly: Bool
        /// The hop number (from 1) when the link is on the (first) found path.
        let hop: Int?
        /// What the line is drawn with: the most frequent category, and reported when any relation is reported
        /// (else claimed when any is, else denied), as the chart's classes say.
        let category: RelationCategory
        let status: RelationStatus

        var svgID: String { "link-\(number)" }
    }

    let actors: [ActorIndex]
    let focus: Set<ActorIndex>
    let links: [Link]
    let notices: [String]
    /// Relations the time filter keeps only possibly, left out because `possibly` is off.
    let possiblyOmitted: Int
    /// What `/api/chart.svg` draws: ActorGraphDOT's link chart of the same selection (as `actorgraph render`).
    let chart: LinkChart

    /// The most relations a view returns; beyond it the view asks for a focus.
    static let relationLimit = 2000

    /// Selects through ``LinkChart`` (the `render` command's selection): a path chart when `path` is given (found by
    /// the same ``PathQuery`` as `actorgraph path`), else the focus's neighbourhood, else the whole graph. The path
    /// search stops when `stop` is raised (the request's ``QueryDeadline``), throwing.
    init(_ request: ViewRequest, graph: RelationGraph, relationLimit: Int = Self.relationLimit, stop: StopSignal? = nil)
        throws(QueryStopped)
    {
        var notices: [String] = []
        var chartRequest = Self.chartRequest(request)
        if let ends = request.pathEnds {
            let view = FilteredGraph(graph, filter: request.filter, namedActors: [ends.from, ends.to])
            let answer = try request.pathQuery.run(view, from: ends.from, to: ends.to, stop: stop)
            let paths = ChartPaths(answer, of: request.pathQuery, in: graph)
            if paths.paths.isEmpty {
                notices.append(Self.noPathNotice(answer, request: request, graph: graph, from: ends.from, to: ends.to))
                // The two ends alone, so the page still shows what was asked.
                chartRequest.focus = [ends.from, ends.to]
                chartRequest.depth = 0
            } else {
                chartRequest.paths = paths
            }
        }
        // Counted before bundling: a large view is refused after one pass over the selection, never bundled.
        let selected = LinkChart.selectedRelations(graph, chartRequest).count
        if selected > relationLimit {
            notices.append(
                "The view holds \(selected) relations, more than the \(relationLimit) a view shows: "
                    + "focus on an actor, find a path, or narrow the time window or the filters.")
            // Only the focus actors (none for the whole graph), and what joins them.
            chartRequest.paths = nil
            chartRequest.focus = request.focus
            chartRequest.depth = 0
            chartRequest.only = Set(request.focus)
        }
        let chart = LinkChart(graph, chartRequest)
        let relationCount = chart.links.reduce(0) { $0 + $1.relations.count }
        notices += chart.notes
        let profile: DiagramProfile = chart.links.count <= 150 ? .comfortable : .degraded
        self.chart = chart.drawn(with: profile)
        self.actors = chart.actors
        self.focus = Set(chartRequest.focus)
        self.links = chart.links.enumerated().map { number, link in
            Link(
                number: number, source: link.tail, target: link.head, relations: link.relations,
                possibly: link.isPossiblyActive, hop: link.pathSteps.first { $0.path == 1 }?.hop,
                category: link.dominantCategory(in: graph), status: link.status(in: graph))
        }
        self.possiblyOmitted = Self.possiblyOmitted(chartRequest, graph: graph, kept: relationCount, request: request)
        self.notices = notices
    }

    /// The chart request of a view request, before a path is found.
    static func chartRequest(_ request: ViewRequest) -> ChartRequest {
        let bundle: BundleMode = switch request.bundling {
        case .pair: .pair
        case .type: .type
        case .none: .none
        }
        return ChartRequest(
            filter: request.filter, focus: request.focus, depth: request.depth, only: request.only, bundle: bundle,
            labels: request.labels, caption: "")
    }

    /// Why the path view shows no path: the filter that blocks it (``PathDiagnosis``, as `actorgraph path` says).
    private static func noPathNotice(
        _ answer: PathQuery.Answer, request: ViewRequest, graph: RelationGraph, from: ActorIndex, to: ActorIndex
    ) -> String {
        if case .temporal(_, let problem, let reading) = answer {
            return "No \(problem.rawValue) time-respecting path from \(graph[from].name) to \(graph[to].name) "
                + "(\(QueryJSON.readingName(reading)) reading"
                + (reading == .definite ? "; 'possibly active' compares earliest possible starts instead" : "") + ")."
        }
        let diagnosis = PathDiagnosis(graph, filter: request.filter, from: from, to: to)
        return QueryJSON.noPathReason(graph, from: from, to: to, diagnosis)
    }

    /// Relations a strict time filter leaves out of this view only because they are possibly active: the same
    /// chart under the lenient reading, counted.
    private static func possiblyOmitted(_ chartRequest: ChartRequest, graph: RelationGraph, kept: Int, request: ViewRequest)
        -> Int
    {
        guard request.timeFiltered, !request.filter.includePossible, request.pathEnds == nil else { return 0 }
        var lenient = chartRequest
        lenient.filter.includePossible = true
        let chart = LinkChart(graph, lenient)
        return max(0, chart.links.reduce(0) { $0 + $1.relations.count } - kept)
    }
}
