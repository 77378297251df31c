import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct ActorsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actors",
            abstract: "List actors, optionally of one kind or matching a text.",
            discussion: """
                --match keeps actors whose id, name or an alias contains the text, ignoring case and diacritics.

                Example:
                  actorgraph actors --kind official --match kab --format json
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Option(help: "Only actors of this kind.")
        var kind: ActorKind?

        @Option(help: "Only actors whose id, name or alias contains this text.")
        var match: String?

        @Option(help: "Output format.")
        var format: TableFormat = .table

        @OptionGroup var spreadsheet: SpreadsheetOptions

        func validate() throws { try spreadsheet.validate(writesDelimitedText: format == .csv, formats: "--format csv") }

        func run() throws {
            let graph = try graphOptions.load().graph
            let needle = match.map(ActorResolver.normalize)
            let selected = graph.actorIndices.filter { index in
                let actor = graph[index]
                if let kind, actor.kind != kind { return false }
                guard let needle, !needle.isEmpty else { return true }
                return ([actor.id, actor.name] + actor.aliases).contains { ActorResolver.normalize($0).contains(needle) }
            }.sorted { graph[$0].id < graph[$1].id }
            switch format {
            case .json:
                Output.write(JSONValue.array(selected.map { GraphJSON.actor(graph, $0) }).pretty())
            case .csv:
                // The export's actor list, which `import --actors` reads back.
                Output.write(CSVWriter.actors(graph, selected, options: spreadsheet.options()))
            case .table:
                let rows = selected.map { index -> [String] in
                    let actor = graph[index]
                    return [actor.id, actor.name, actor.kind.rawValue, actor.aliases.joined(separator: ", ")]
                }
                Output.write(Presentation.table(header: ["ID", "NAME", "KIND", "ALIASES"], rows: rows), styled: true)
                Output.write("\(selected.count) of \(graph.actorCount) actors\n")
            }
        }
    }
}
