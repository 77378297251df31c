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

/// Exit statuses, documented in the README. ArgumentParser's own usage errors exit with 64.
public enum ExitStatus {
    /// Problems in the graph files or other failures.
    public static let failure: Int32 = 1
    /// An actor reference that is unknown or ambiguous.
    public static let badActorReference: Int32 = 2
    /// A query with no answer (no path).
    public static let noResult: Int32 = 3
    /// The renderer crashed, ran out of time or reported a Graphviz error.
    public static let renderFailure: Int32 = 4
    /// An output file could not be written.
    public static let writeFailure: Int32 = 5
}

/// An error the CLI reports as one message on standard error, then exits with `status`.
public struct CommandFailure: Error, CustomStringConvertible {
    public var message: String
    public var status: Int32

    public init(_ message: String, status: Int32 = ExitStatus.failure) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
