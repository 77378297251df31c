import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct ShowCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print an actor's card: kind, aliases, roles and every relation with dates and citations.",
            discussion: """
                ACTOR is an id, a name or an alias, in any case and with or without diacritics.

                Example:
                  actorgraph show "zamir kabulov"
                  actorgraph show russia --at 2021-08-17 --status reported
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Argument(help: "The actor: id, name or alias.")
        var actor: String

        @OptionGroup var filters: ListingFilterOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let graph = try graphOptions.load().graph
            let index = try ActorReferences(graph).resolve(actor)
            let (kept, leftOut) = try filters.select(graph, graph.relations(of: index))
            switch format {
            case .json:
                Output.write(QueryJSON.card(graph, index, relations: kept).pretty())
            case .text:
                var text = ActorCard.text(graph, index, ActorCard.ordered(graph, kept))
                if let notice = QueryPresentation.leftOutNotice(leftOut) { text += notice + "\n" }
                Output.write(text, styled: true)
            }
        }
    }
}

enum ActorCard {
    /// Date order (earliest possible start first), undated last; ties in file order.
    static func ordered(_ graph: RelationGraph, _ relations: [RelationIndex]) -> [RelationIndex] {
        QueryJSON.cardOrder(graph, relations)
    }

    static func text(_ graph: RelationGraph, _ index: ActorIndex, _ relations: [RelationIndex]) -> String {
        let actor = graph[index]
        var lines = ["\(actor.name)  [\(actor.id)]"]
        lines.append("  kind:        \(actor.kind.rawValue)" + (actor.subkind.map { " (\($0))" } ?? ""))
        if !actor.aliases.isEmpty { lines.append("  aliases:     \(actor.aliases.joined(separator: ", "))") }
        if let country = actor.country {
            lines.append("  country:     " + (graph.actorIndex(id: country).map { graph[$0].name } ?? country))
        }
        if let description = actor.description { lines.append("  description: \(description)") }
        let roles = relations.filter { graph.type(of: $0).category == .role && graph.source(of: $0) == index }
        if !roles.isEmpty {
            lines.append("")
            lines.append("Roles")
            for relation in roles { lines.append("  " + roleLine(graph, relation)) }
        }
        lines.append("")
        lines.append("Relations (\(relations.count))")
        var groups: [RelationTypeIndex: [RelationIndex]] = [:]
        for relation in relations { groups[graph.typeIndex(of: relation), default: []].append(relation) }
        for typeIndex in groups.keys.sorted(by: { graph.vocabulary[$0].name < graph.vocabulary[$1].name }) {
            let members = groups[typeIndex] ?? []
            let type = graph.vocabulary[typeIndex]
            lines.append("  \(type.name) (\(type.category.rawValue), \(members.count))")
            for relation in members {
                lines.append("    " + Presentation.line(graph, relation, from: index))
                if let note = graph.details(of: relation).note { lines.append("      \(note)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func roleLine(_ graph: RelationGraph, _ relation: RelationIndex) -> String {
        let details = graph.details(of: relation)
        let role = details.attributes.first { $0.key == "role" }?.value ?? graph.type(of: relation).label
        var text = "\(role) — \(graph[graph.target(of: relation)].name)"
        if let posted = details.attributes.first(where: { $0.key == "posted_to" })?.value {
            text += ", in " + (graph.actorIndex(id: posted).map { graph[$0].name } ?? posted)
        }
        return text + " (\(Presentation.date(graph, relation)))  \(Presentation.citations(graph, relation))"
    }
}
