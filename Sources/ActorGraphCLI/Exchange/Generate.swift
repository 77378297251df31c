import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct GenerateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Generate a seeded, scale-free synthetic graph for tests and benchmarks.",
            discussion: """
                Preferential attachment over the built-in vocabulary, dates 1950-2025 (about 60% open-ended \
                intervals; day, month and year precision). The same sizes and seed give the same bytes on every \
                machine. The CSV has the columns of 'export --format csv'; the graph file cites a synthetic source \
                (the generator) on every relation, since graph files require a citation.

                Examples:
                  actorgraph generate --actors 1000 --relations 5000 --seed 1 -o small.yaml
                  actorgraph generate --actors 10000 --relations 100000 --seed 1 --format csv -o m.csv
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case yaml, csv
        }

        @Option(help: "Number of actors.")
        var actors: Int

        @Option(help: "Number of relations.")
        var relations: Int

        @Option(help: "Seed of the generator.")
        var seed: UInt64 = 1

        @Option(help: "Output format.")
        var format: Format = .yaml

        @Option(name: [.short, .long], help: "Output file (standard output when absent).")
        var output: String?

        @Option(help: "With csv: also write the actor list to this file.")
        var actorsFile: String?

        func validate() throws {
            if actors < 0 || relations < 0 { throw ValidationError("counts cannot be negative") }
            if relations > 0 && actors < 2 { throw ValidationError("relations need at least two actors") }
            if actors >= Int(UInt32.max - 1) || relations >= Int(UInt32.max - 1) {
                throw ValidationError("a graph holds fewer than \(UInt32.max - 1) actors and relations")
            }
            if actorsFile != nil && format != .csv { throw ValidationError("--actors-file goes with --format csv") }
            if actorsFile != nil && (output == nil || output == "-") { throw ValidationError("--actors-file needs -o") }
        }

        func run() throws {
            let graph = SyntheticGraph.generate(actors: actors, relations: relations, seed: seed)
            let selection = ExportSelection.all(graph)
            switch format {
            case .csv:
                if let actorsFile, let output {
                    try Output.writeFiles(
                        [
                            (output, { EdgeListWriter.writeRelations(graph, selection, to: $0) }),
                            (actorsFile, { EdgeListWriter.writeActors(graph, selection, to: $0) }),
                        ], protecting: [])
                } else {
                    try Output.writeFile(to: output, protecting: []) {
                        EdgeListWriter.writeRelations(graph, selection, to: $0)
                    }
                }
            case .yaml:
                let options = GraphYAMLWriter.Options(
                    sources: [SyntheticSource.document(actors: actors, relations: relations, seed: seed)],
                    fallbackCitation: SyntheticSource.citation(seed: seed), fallbackNote: SyntheticSource.note,
                    headerComment: SyntheticSource.text(actors: actors, relations: relations, seed: seed)
                        .trimmingSuffixNewline())
                try Output.writeFile(to: output, protecting: []) {
                    GraphYAMLWriter.write(graph, selection, options: options, to: $0)
                }
            }
            if let output, output != "-" {
                let files = [output] + (actorsFile.map { [$0] } ?? [])
                Output.error(
                    "wrote \(files.joined(separator: " and ")) (\(actors) actors, \(relations) relations, seed \(seed))")
            }
        }
    }
}

extension String {
    fileprivate func trimmingSuffixNewline() -> String { hasSuffix("\n") ? String(dropLast()) : self }
}
