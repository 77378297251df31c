import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct DiffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show what changed between two dates: relations active at one and not at the other.",
            discussion: """
                A date is a day, or a month or year meaning at some time in it. A change is definite when the \
                relation is definitely active at one date and not even possibly active at the other; --possibly \
                adds the uncertain ones, marked. Undated relations are never active at a date.

                Example:
                  actorgraph diff --from 2001 --to 2023 --actor russia
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Option(help: "The earlier date (YYYY, YYYY-MM or YYYY-MM-DD).")
        var from: String

        @Option(help: "The later date.")
        var to: String

        @Option(help: "Only relations of this actor.")
        var actor: String?

        @Flag(help: "Also list changes that are only possible at either date (they are marked).")
        var possibly = false

        @OptionGroup var filters: RelationFilterOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let start = try Self.window(from, option: "--from")
            let end = try Self.window(to, option: "--to")
            let graph = try graphOptions.load().graph
            let center = try actor.map { try ActorReferences(graph).resolve($0) }
            let named = center.map { [$0] } ?? []
            var filter = RelationFilter()
            filter.includePossible = possibly
            try filters.apply(to: &filter, graph: graph, named: named)
            let view = FilteredGraph(graph, filter: filter, namedActors: named)
            let diff = TimeDiff(view, from: start, to: end, actor: center, includePossible: filter.includePossible)
            Output.write(Self.render(diff, graph: graph, from: from, to: to, actor: center, format: format), styled: format == .text)
        }

        static func window(_ text: String, option: String) throws -> (lo: Int32, hi: Int32) {
            switch TimeCondition.parseDay(text) {
            case .success(let day): return (day.first, day.last)
            case .failure(let error):
                throw CommandFailure("error: \(option) \(error.message)", status: ExitStatus.badFilter)
            }
        }

        static func render(_ diff: TimeDiff, graph: RelationGraph, from: String, to: String, actor: ActorIndex?,
            format: TextOrJSON) -> String
        {
            switch format {
            case .json:
                func list(_ entries: [MatchedRelation]) -> JSONValue {
                    .array(entries.map { QueryPresentation.relation(graph, $0.relation, match: $0.match, timeFiltered: true) })
                }
                return JSONValue.object([
                    ("from", .string(from)), ("to", .string(to)),
                    ("actor", actor.map { .string(graph[$0].id) } ?? .null),
                    ("added", list(diff.added)), ("removed", list(diff.removed)),
                    ("possibly_active_at_both", .int(diff.uncertain)),
                    ("left_out", .object([("possibly", .int(diff.possibleLeftOut)), ("undated", .int(0))])),
                ]).pretty()
            case .text:
                var lines: [String] = []
                func section(_ title: String, _ entries: [MatchedRelation]) {
                    lines.append("\(title) (\(entries.count))")
                    for entry in entries {
                        let reader = actor ?? graph.source(of: entry.relation)
                        lines.append("  " + Presentation.line(graph, entry.relation, from: reader)
                            + QueryPresentation.mark(entry.match, timeFiltered: true))
                    }
                }
                section("Active at \(to) but not at \(from)", diff.added)
                section("Active at \(from) but not at \(to)", diff.removed)
                if diff.uncertain > 0 {
                    lines.append(
                        "(\(diff.uncertain) relation\(diff.uncertain == 1 ? " is" : "s are") possibly active at both dates, "
                            + "so listed under neither)")
                }
                if let notice = QueryPresentation.leftOutNotice(LeftOut(possibly: diff.possibleLeftOut)) {
                    lines.append(notice)
                }
                return lines.joined(separator: "\n") + "\n"
            }
        }
    }
}
