import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct CompileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile",
            abstract: "Write a graph as a binary snapshot that every command loads without parsing.",
            discussion: """
                Reads the graph (graph files, a folder, a CSV/TSV edge list or another snapshot) with every check, \
                then writes its actors, types, dates and relations in a versioned binary file with a checksum. \
                Pass the snapshot to any command with --graph FILE.agraph; a truncated or corrupted snapshot is \
                reported as such and nothing is loaded. Compile again after changing the source files: the \
                snapshot does not follow them.

                Examples:
                  actorgraph compile graphs -o seed.agraph
                  actorgraph path russia taliban --graph seed.agraph
                  actorgraph compile events.csv -o events.agraph
                """)

        @Argument(help: "The graph: graph files, a folder, or a CSV/TSV edge list.")
        var graph: String

        @Option(help: "The source catalogue (default: seeds/sources.yaml beside the graph folder, or here).")
        var catalogue: String?

        @Option(help: "With a CSV/TSV graph: its actor list (default: NAME.actors.csv beside it, if present).")
        var graphActors: String?

        @Option(name: [.short, .long], help: "The snapshot to write (.agraph).")
        var output: String

        func validate() throws {
            guard GraphLoader.isSnapshot(output) else {
                throw ValidationError(
                    "the snapshot's name must end in .\(GraphSnapshot.fileExtension), so --graph recognises it")
            }
        }

        func run() throws {
            let loaded: LoadedGraph
            do {
                loaded = try GraphLoader.load(
                    GraphLoadOptions(graphPath: graph, cataloguePath: catalogue), actorsPath: graphActors)
            } catch {
                throw CommandFailure(
                    GraphOptions.failureMessage(error.diagnostics, what: "the graph", notShown: error.notShown), status: ExitStatus.failure)
            }
            let bytes = GraphSnapshot.encode(loaded.graph)
            try Output.writeFile(to: output, protecting: loaded.files) { $0.write(bytes) }
            Output.error(
                "wrote \(output) (\(loaded.graph.actorCount) actors, \(loaded.graph.relationCount) relations, "
                    + "\(bytes.count) bytes)")
        }
    }
}
