import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the graph files and print what they hold.",
            discussion: """
                Reports every problem of every file at once as FILE:LINE:COLUMN: error: MESSAGE, then exits with \
                status 1. With --sources, also verifies each source text's SHA-256 and line count and that every \
                cited line range exists.

                Example:
                  actorgraph check --graph graphs --sources ../shared/seeds --format json
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Flag(help: "Refuse sketches: every relation must cite a source and have a note (CI keeps graphs/ to it).")
        var requireSources = false

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            // Catalogue stubs: listed after a load, errors of their own with --require-sources.
            let stubs = (graphOptions.catalogue ?? GraphLoader.defaultCatalogue(near: graphOptions.graph)).flatMap { path in
                FileBytes.read(path).map { SourceCatalogue.stubs(in: $0, name: path) }
            } ?? []
            let stubErrors = requireSources ? stubs.map { stub in
                "\(stub.location): error: source '\(stub.id)' is a catalogue stub\n  hint: \(GraphSummary.completion(stub))"
            } : []
            let loaded: LoadedGraph
            do {
                loaded = try GraphLoader.load(
                    GraphLoadOptions(
                        graphPath: graphOptions.graph, cataloguePath: graphOptions.catalogue,
                        sourcesDirectory: graphOptions.sources, requireSources: requireSources),
                    actorsPath: graphOptions.graphActors)
            } catch {
                if format == .json {
                    Output.write(
                        JSONValue.object([
                            ("actors", .int(0)), ("relations", .int(0)),
                            ("errors", .array(error.diagnostics.map(GraphJSON.diagnostic))),
                        ]).pretty())
                }
                // Warnings travel with the errors but are not errors.
                let count = error.total - error.diagnostics.filter { $0.severity == .warning }.count + stubErrors.count
                throw CommandFailure(
                    ([error.description] + stubErrors).joined(separator: "\n")
                        + "\n\(count) error\(count == 1 ? "" : "s") found.", status: ExitStatus.failure)
            }
            var summary = GraphSummary(loaded.graph)
            summary.stubs = stubs
            if !stubErrors.isEmpty {
                let count = stubErrors.count
                throw CommandFailure(
                    stubErrors.joined(separator: "\n") + "\n\(count) error\(count == 1 ? "" : "s") found.",
                    status: ExitStatus.failure)
            }
            // Warnings go to standard error as the compiler's do; JSON carries them under "warnings".
            if format == .text, !loaded.warnings.isEmpty {
                Output.error(loaded.warnings.map(\.description).joined(separator: "\n"))
            }
            switch format {
            case .json: Output.write(summary.json(loaded).pretty())
            case .text: Output.write(summary.text(loaded), styled: true)
            }
        }
    }
}
