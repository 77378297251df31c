import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct TypesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "types",
            abstract: "List the relation types of the graph's vocabulary.",
            discussion: """
                Shows the types the graph files declare, or the built-in vocabulary when they declare none or \
                when there is no graph (no graphs folder here, or one without graph files): the vocabulary \
                'import' and 'extract' use.

                Example:
                  actorgraph types --format json
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Flag(help: "Show the built-in vocabulary without reading a graph.")
        var builtIn = false

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            // Without a graph (no graphs folder here, or an empty one) the built-in vocabulary is the one in
            // force: what `import` and `extract` use then.
            let noGraph = graphOptions.graph == "graphs" && !ActorGraphCommand.ImportCommand.holdsGraphFiles("graphs")
            let vocabulary = builtIn || noGraph ? RelationVocabulary.builtIn : try graphOptions.load().graph.vocabulary
            switch format {
            case .json:
                Output.write(
                    JSONValue.array(
                        vocabulary.all.map { type in
                            .object([
                                ("name", .string(type.name)), ("directed", .bool(type.directed)),
                                ("category", .string(type.category.rawValue)), ("inverse", .optional(type.inverse)),
                                ("self", .bool(type.allowsSelf)), ("description", .optional(type.description)),
                                ("triggers", .array(type.triggers.map { .string($0) })),
                            ])
                        }
                    ).pretty())
            case .text:
                let rows = vocabulary.all.map { type in
                    [type.name, type.category.rawValue, type.directed ? "directed" : "symmetric", type.inverse ?? "",
                     type.description ?? ""]
                }
                Output.write(Presentation.table(header: ["TYPE", "CATEGORY", "DIRECTION", "INVERSE", "DESCRIPTION"], rows: rows), styled: true)
            }
        }
    }
}
