import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct NeighborsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "neighbors",
            abstract: "Show an actor's ego network: the actors within N steps and the relations that bring each in.",
            discussion: """
                Filters apply during the search. Members are listed by distance, then by name.

                Example:
                  actorgraph neighbors taliban --depth 2 --at 2023 --possibly
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Argument(help: "The actor at the centre: id, name or alias.")
        var actor: String

        @Option(help: "Steps from the actor (1 = direct neighbours).")
        var depth: Int = 1

        @Option(help: "Most actors listed; the output says when it cut the answer.")
        var limit: Int = 1000

        @OptionGroup var filters: QueryFilterOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func validate() throws {
            if depth < 1 { throw ValidationError("--depth must be at least 1") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let time = try filters.timeCondition()
            let graph = try graphOptions.load().graph
            let center = try ActorReferences(graph).resolve(actor)
            let filter = try filters.filter(for: graph, named: [center])
            let view = FilteredGraph(graph, filter: filter, namedActors: [center])
            let neighbourhood = Neighborhood(view, center: center, depth: depth, limit: limit)
            let leftOut = QueryPresentation.leftOut(view) { lenient in
                Neighborhood(lenient, center: center, depth: depth, limit: limit).members.flatMap(\.via)
            }
            Output.write(
                Self.render(
                    neighbourhood, graph: graph, view: view, timeFiltered: time != .none, leftOut: leftOut,
                    format: format), styled: format == .text)
        }

        /// The end of `relation` that is not `member` (the member's side for a self-relation).
        static func nearer(_ graph: RelationGraph, _ relation: RelationIndex, _ member: ActorIndex) -> ActorIndex {
            graph.source(of: relation) == member ? graph.target(of: relation) : graph.source(of: relation)
        }

        static func render(_ neighbourhood: Neighborhood, graph: RelationGraph, view: FilteredGraph, timeFiltered: Bool,
            leftOut: LeftOut? = nil, format: TextOrJSON) -> String
        {
            let center = neighbourhood.center
            switch format {
            case .json:
                return QueryJSON.neighborhood(neighbourhood, view: view, timeFiltered: timeFiltered, leftOut: leftOut).pretty()
            case .text:
                let count = neighbourhood.members.count
                var lines = [
                    "\(graph[center].name): \(count) actor\(count == 1 ? "" : "s") within \(neighbourhood.depth) "
                        + "step\(neighbourhood.depth == 1 ? "" : "s")"
                ]
                for member in neighbourhood.members {
                    let actor = graph[member.actor]
                    lines.append("  \(member.distance)  \(actor.name) [\(actor.id)] (\(actor.kind.rawValue))")
                    for relation in member.via {
                        lines.append(
                            "       " + Presentation.line(graph, relation, from: nearer(graph, relation, member.actor))
                                + QueryPresentation.mark(view.match(relation), timeFiltered: timeFiltered))
                    }
                }
                if neighbourhood.truncated {
                    lines.append("(more actors are within reach: the first \(count) are shown; raise --limit)")
                }
                if let notice = QueryPresentation.leftOutNotice(leftOut) { lines.append(notice) }
                return lines.joined(separator: "\n") + "\n"
            }
        }
    }
}
