import ArgumentParser

extension ActorGraphCommand {
    /// Query subcommands (path, neighbors, timeline, diff, central) and the hidden query benchmark.
    static var querySubcommands: [any ParsableCommand.Type] {
        [PathCommand.self, Neighbors.self, TimelineCommand.self, Diff.self, Central.self, QueryBench.self]
    }
}
