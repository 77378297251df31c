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
        var chart = LinkChart(graph, request)
        if chart.links.isEmpty && ends == nil && !focus.isEmpty && chart.actors.count <= focus.count {
            Output.error("note: the focus actors have no relations with these filters")
        }
        request.profile = try budget.profile(for: chart.links.count, layout: layout, labels: !noLabels)
        if request.profile != chart.request.profile { chart = LinkChart(graph, request) }
        return chart
    }

    /// The paths `--shortest`, `--all-shortest`, `--all` or `--time-respecting` select, or a failure saying none.
    private func paths(_ graph: RelationGraph, filter: RelationFilter, from start: ActorIndex, to end: ActorIndex) throws
        -> ChartPaths
    {
        let view = FilteredGraph(graph, filter: filter, namedActors: [start, end])
        var found: [ChartPath] = []
        var question = "Path"
        if pathSelector.isTemporal {
            let (path, problem, reading) = pathSelector.temporalPath(view, from: start, to: end)
            if let path { found = [ChartPath(path, reading: reading, in: graph)] }
            question = "Time-respecting path (\(problem.rawValue))"
        } else {
            let result = pathSelector.paths(view, from: start, to: end)
            found = result.paths.map { ChartPath($0) }
            if result.truncated {
                // The same words as `path`: the search stops at --shortest K or at --limit, whichever is given.
                Output.error("note: more paths exist: the first \(found.count) are drawn; raise --limit or --shortest")
            }
            if let shortest = pathSelector.shortest {
                question = shortest == 1 ? "Shortest path" : "\(found.count) shortest paths"
            } else if pathSelector.allShortest {
                question = "All \(found.count) shortest paths"
            } else if pathSelector.all {
                question = "All \(found.count) paths"
            } else {
                question = "Shortest path"
            }
        }
        if found.isEmpty {
            throw CommandFailure(
                "error: no path from \(graph[start].name) to \(graph[end].name) with these filters",
                status: ExitStatus.noResult)
        }
        return ChartPaths(found, context: context, question: question)
    }
}
