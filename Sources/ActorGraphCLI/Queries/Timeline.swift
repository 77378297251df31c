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

        @OptionGroup var spreadsheet: SpreadsheetOptions

        func validate() throws { try spreadsheet.validate(writesDelimitedText: format == .csv, formats: "--format csv") }

        func run() throws {
            let time = try filters.timeCondition()
            let graph = try graphOptions.load().graph
            let references = ActorReferences(graph)
            let first = try actor.map { try references.resolve($0) }
            let second = try other.map { try references.resolve($0, role: "second actor") }
            if let first, let second, first == second {
                throw CommandFailure(
                    "error: the two actors are the same (\(QueryPresentation.actorLabel(graph, first)))",
                    status: ExitStatus.sameActor)
            }
            let named = [first, second].compactMap { $0 }
            let filter = try filters.filter(for: graph, named: named)
            let view = FilteredGraph(graph, filter: filter, namedActors: named)
            let entries = Timeline.entries(view, actor: first, other: second)
            let leftOut = QueryPresentation.leftOut(view) { lenient in
                Timeline.entries(lenient, actor: first, other: second).map(\.relation)
            }
            Output.write(
                Self.render(
                    entries, graph: graph, actors: named, timeFiltered: time != .none, leftOut: leftOut, format: format,
                    cells: spreadsheet.options()),
                styled: format == .text)
        }

        static func render(_ entries: [MatchedRelation], graph: RelationGraph, actors: [ActorIndex], timeFiltered: Bool,
            leftOut: LeftOut? = nil, format: TimelineFormat, cells: DelimitedTextOptions = .csv) -> String
        {
            switch format {
            case .json:
                return QueryJSON.timeline(
                    entries, graph: graph, actors: actors, timeFiltered: timeFiltered, leftOut: leftOut
                ).pretty()
            case .csv:
                // The export's edge list, in timeline order, with the time match of each relation.
                let matches = timeFiltered ? Dictionary(entries.map { ($0.relation, $0.match) }) { first, _ in first } : [:]
                return CSVWriter.relations(graph, entries.map(\.relation), matches: matches, options: cells)
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
                    line += "  {\(Presentation.evidence(graph, relation))}"
                    line += QueryPresentation.mark(entry.match, timeFiltered: timeFiltered)
                    lines.append(line)
                }
                lines.append("\(entries.count) relation\(entries.count == 1 ? "" : "s")")
                if let notice = QueryPresentation.leftOutNotice(leftOut) { lines.append(notice) }
                return lines.joined(separator: "\n") + "\n"
            }
        }
    }
}
