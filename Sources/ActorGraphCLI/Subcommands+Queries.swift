import ArgumentParser

extension ActorGraphCommand {
    /// Query subcommands (path, neighbors, timeline, diff, central, generate).
    static var querySubcommands: [any ParsableCommand.Type] { [] }
}
