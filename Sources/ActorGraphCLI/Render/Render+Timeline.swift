import ActorGraph
import ActorGraphDOT
import ArgumentParser
import Foundation

extension TimelineRows: ExpressibleByArgument {}

extension ActorGraphCommand.RenderCommand {
    /// The timeline of one actor's relations or of two actors' relations, on a time axis.
    func timelineDocument(_ graph: RelationGraph, _ spec: String) throws -> (DOTDocument, Int) {
        let names = spec.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(names.count), names.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--timeline takes one actor or two separated by a comma: --timeline russia,taliban")
        }
        let references = ActorReferences(graph)
        let actors = try names.map { try references.resolve($0) }
        if actors.count == 2 && actors[0] == actors[1] {
            throw CommandFailure(
                "error: the two timeline actors are the same (\(graph[actors[0]].name))", status: ExitStatus.sameActor)
        }
        let filter = try selection.filters.filter(for: graph, named: actors)
        let view = FilteredGraph(graph, filter: filter, namedActors: actors)
        let entries = Timeline.entries(view, actor: actors[0], other: actors.count == 2 ? actors[1] : nil)
        if entries.isEmpty {
            throw CommandFailure(
                "error: no relations to draw for \(names.joined(separator: " and ")) with these filters",
                status: ExitStatus.noResult)
        }
        // A timeline places every event itself (pinned positions): only the relation limit applies.
        if entries.count > budget.limit {
            _ = try budget.profile(for: entries.count, layout: layout, labels: true, noun: "relations")
        }
        var caption = caption
        if caption == nil {
            let filters = ChartCaption.filterDescription(graph, filter)
            caption = (["Timeline: " + actors.map { graph[$0].name }.joined(separator: " – ")] + filters)
                .joined(separator: " · ")
        }
        let request = TimelineRequest(
            entries: entries, rows: rowsBy, labels: !noLabels, legend: legend, caption: caption)
        return (TimelineChart(graph, request).document, entries.count)
    }
}
