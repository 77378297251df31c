import ArgumentParser

extension ActorGraphCommand {
    /// Every subcommand, in the order `--help` lists them: reading, querying, output, then hidden helpers. Add new
    /// commands here.
    static var allSubcommands: [any ParsableCommand.Type] {
        [
            CheckCommand.self, ActorsCommand.self, ShowCommand.self, RelationsCommand.self, TypesCommand.self,
            SourcesCommand.self, ExtractCommand.self,
            PathCommand.self, NeighborsCommand.self, TimelineCommand.self, DiffCommand.self, CentralCommand.self,
            RenderCommand.self, ExportCommand.self, ImportCommand.self, GenerateCommand.self, CompileCommand.self,
            ServeCommand.self,
            // Hidden: the benchmark harness's query runner and the render worker process.
            QueryBenchCommand.self, RenderWorkerCommand.self,
        ]
    }
}
