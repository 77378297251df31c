import ArgumentParser

extension ActorGraphCommand {
    /// Output subcommands (render, export, import, generate, compile) and hidden helpers (render-worker).
    static var outputSubcommands: [any ParsableCommand.Type] {
        [Render.self, Export.self, Import.self, Generate.self, Compile.self]
    }
    static var hiddenSubcommands: [any ParsableCommand.Type] { [RenderWorkerCommand.self] }
}
