import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct TimelineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "List the relations of one actor, between two, or of the whole graph, in date order.",
            discussion: """
                Relations are ordered by their earliest possible start, undated ones last, each with its \
                citations. With a time filter every line says whether it matches definitely or possibly.

                Examples:
                  actorgraph timeline russia taliban
                  actorgraph timeline taliban --between 2021.. --format csv
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Argument(help: "An actor (id, name or alias); all relations when absent.")
        var actor: String?

        @Argument(help: "A second actor: only relations between the two.")
        var other: String?

        @OptionGroup var filters: QueryFilterOptions

        @Option(help: "Output format.")
        var format: TimelineFormat = .text

        func run() throws {
            let time = try filters.timeCondition()
            let graph = try graphOptions.load().graph
            let references = ActorReferences(graph)
            let first = try actor.map { try references.resolve($0) }
            let second = try other.map { try references.resolve($0, role: "second actor") }
            if let first, let second, first == second {
                throw CommandFailure(
                    "error: the two actors are the same (\(QueryPresentation.actorLabel(graph, first)))",
                    status: QueryExitStatus.sameActor)
            }
            let named = [first, second].compactMap { $0 }
            let filter = try filters.filter(for: graph, named: named)
            let view = FilteredGraph(graph, filter: filter, namedActors: named)
            let entries = Timeline.entries(view, actor: first, other: second)
            Output.write(
                Self.render(entries, graph: graph, actors: named, timeFiltered: time != .none, format: format))
        }

        static func render(_ entries: [MatchedRelation], graph: RelationGraph, actors: [ActorIndex], timeFiltered: Bool,
            format: TimelineFormat) -> String
        {
            switch format {
            case .json:
                return JSONValue.object([
                    ("actors", .array(actors.map { .string(graph[$0].id) })),
                    ("relations", .array(entries.map {
                        QueryPresentation.relation(graph, $0.relation, match: $0.match, timeFiltered: timeFiltered)
                    })),
                    ("count", .int(entries.count)),
                ]).pretty()
            case .csv:
                var output = CSVWriter.record([
                    "id", "date", "start", "end", "from", "to", "type", "category", "directed", "time_match", "sources",
                    "note",
                ])
                for entry in entries {
                    let relation = entry.relation
                    let type = graph.type(of: relation)
                    let details = graph.details(of: relation)
                    output += CSVWriter.record([
                        graph.id(of: relation), graph.date(of: relation)?.description ?? "",
                        GraphJSON.startDay(graph, relation) ?? "", GraphJSON.endDay(graph, relation) ?? "",
                        graph[graph.source(of: relation)].id, graph[graph.target(of: relation)].id, type.name,
                        type.category.rawValue, type.directed ? "true" : "false",
                        timeFiltered ? entry.match.description : "",
                        details.citations.map(\.shortDescription).joined(separator: "; "), details.note ?? "",
                    ])
                }
                return output
            case .text:
                let dates = entries.map { Presentation.date(graph, $0.relation) }
                let width = dates.map(\.count).max() ?? 0
                var lines: [String] = []
                for (entry, date) in zip(entries, dates) {
                    let relation = entry.relation
                    let reader = actors.first.map { actor in
                        graph.source(of: relation) == actor || graph.target(of: relation) == actor ? actor : graph.source(of: relation)
                    } ?? graph.source(of: relation)
                    let hop = Presentation.hop(graph, relation, from: reader)
                    var line = "\(Presentation.padded(date, width))  \(hop)  \(Presentation.citations(graph, relation))"
                    line += QueryPresentation.mark(entry.match, timeFiltered: timeFiltered)
                    lines.append(line)
                }
                lines.append("\(entries.count) relation\(entries.count == 1 ? "" : "s")")
                return lines.joined(separator: "\n") + "\n"
            }
        }
    }
}
