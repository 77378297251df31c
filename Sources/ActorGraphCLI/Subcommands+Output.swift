import ArgumentParser

extension ActorGraphCommand {
    /// Output subcommands (render, export, import, generate, compile, serve) and hidden helpers (render-worker).
    static var outputSubcommands: [any ParsableCommand.Type] {
        [Render.self, Export.self, Import.self, Generate.self, Compile.self, Serve.self]
    }
    static var hiddenSubcommands: [any ParsableCommand.Type] { [RenderWorkerCommand.self] }
}
