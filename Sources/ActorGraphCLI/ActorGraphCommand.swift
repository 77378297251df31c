import ArgumentParser

/// The `actorgraph` root command. Subcommands live one per file as extensions of this type.
public struct ActorGraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Explore who is connected to whom in international politics, when, and on what evidence.",
        discussion: """
            Reads a graph of actors (states, groups, officials) and typed, dated, cited relations from YAML files \
            (default: the 'graphs' folder) and answers questions about it.

            Examples:
              actorgraph check --sources ../shared/seeds
              actorgraph show Russia
              actorgraph relations --actor taliban --format json
            """,
        version: ActorGraphCommand.version,
        subcommands: ActorGraphCommand.allSubcommands
    )

    public static let version = "0.1.0"

    public init() {}
}
