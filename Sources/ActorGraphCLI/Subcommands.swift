import ArgumentParser

extension ActorGraphCommand {
    /// Every subcommand, in the order `--help` lists them. Add new commands here.
    static var allSubcommands: [any ParsableCommand.Type] {
        [Check.self, Actors.self, Show.self, Relations.self, Types.self, SourcesCommand.self, Extract.self] + querySubcommands + outputSubcommands
            + hiddenSubcommands
    }
}
