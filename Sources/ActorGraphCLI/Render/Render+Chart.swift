import ActorGraph
import ActorGraphDOT
import Foundation
import Graphviz

extension ActorGraphCommand.RenderCommand {
    /// The link chart the options ask for, sized to the layout's budget.
    func chart(_ graph: RelationGraph) throws -> LinkChart {
        let references = ActorReferences(graph)
        let focus = try selection.focus.map { try references.resolve($0, role: "focus actor") }
        let hiddenActors = Set(try hidden.map { try references.resolve($0, role: "hidden actor") })
        var named = focus
        var ends: (ActorIndex, ActorIndex)?
        if !pathEnds.isEmpty {
            let start = try references.resolve(pathEnds[0], role: "FROM actor")
            let end = try references.resolve(pathEnds[1], role: "TO actor")
            if start == end {
                throw CommandFailure(
                    "error: FROM and TO are the same actor (\(graph[start].name))", status: ExitStatus.sameActor)
            }
            ends = (start, end)
            named += [start, end]
        }
        let filter = try selection.filters.filter(for: graph, named: named)
        var request = ChartRequest(
            filter: filter, focus: focus, depth: selection.depth, directOnly: directOnly, hidden: hiddenActors,
            bundle: bundle, labels: !noLabels, legend: legend, caption: caption, clustering: clusterBy,
            rankDirection: rankdir.direction, edgeRouting: layout == .dot ? .spline : .curved, contextLimit: budget.limit,
            page: page)
        if let (start, end) = ends {
            request.paths = try paths(graph, filter: filter, from: start, to: end)
        }
        let chart = LinkChart(graph, request)
        if chart.links.isEmpty && ends == nil && !focus.isEmpty && chart.actors.count <= focus.count {
            Output.error("note: the focus actors have no relations with these filters")
        }
        return chart.drawn(with: try budget.profile(for: chart.links.count, layout: layout, labels: !noLabels))
    }

    /// The paths `--shortest`, `--all-shortest`, `--all` or `--time-respecting` select, or a failure saying none.
    /// The search runs under a ``QueryWatch``: `--timeout` (the layout's, given to the search first) or Ctrl-C stops
    /// it with nothing written, as `path` stops (exit status 6, or 128 + the signal).
    private func paths(_ graph: RelationGraph, filter: RelationFilter, from start: ActorIndex, to end: ActorIndex) throws
        -> ChartPaths
    {
        let view = FilteredGraph(graph, filter: filter, namedActors: [start, end])
        let query = pathSelector.query
        let watch = QueryWatch(timeout: Double(timeout))
        defer { watch.finish() }
        let answer: PathQuery.Answer
        do {
            answer = try query.run(view, from: start, to: end, stop: watch.signal)
        } catch let stopped {
            let found = query.isTemporal
                ? nil : "\(TerminalProgress.grouped(stopped.done)) path\(stopped.done == 1 ? " was" : "s were") found"
            throw watch.failure(
                "render --path: the path search", progress: found, outcome: "nothing was written",
                hint: "lower --max-length or --limit, or narrow the search with filters (--types, --between, --avoid)")
        }
        if case .paths(let result) = answer, result.truncated {
            // The same words as `path`: the search stops at --shortest K or at --limit, whichever is given.
            Output.error(
                "note: more paths exist: the first \(answer.paths.count) are drawn; raise --limit or --shortest")
        }
        let found = ChartPaths(answer, of: query, in: graph, context: context)
        if found.paths.isEmpty {
            throw CommandFailure(
                "error: no path from \(graph[start].name) to \(graph[end].name) with these filters",
                status: ExitStatus.noResult)
        }
        return found
    }
}
