import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import ArgumentParser
import Foundation

/// Export formats; `dot` is the same writer `render` uses.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case csv, tsv, jsonl, json, graphml, gexf, dot, neo4j, yaml
}

extension SymmetricRelations: ExpressibleByArgument {}

extension ActorGraphCommand {
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the graph, or the part a query selects, in a format other tools open.",
            discussion: """
                Formats: csv and tsv edge lists (RFC 4180, UTF-8, header row), jsonl (one relation per line), json \
                (nodes and links with the vocabulary and sources), graphml, gexf (GEXF 1.3, dynamic: Gephi's \
                timeline plays the relation dates), dot (the DOT that render lays out), neo4j (actors.csv and relations.csv for neo4j-admin, into a \
                folder) and yaml (a graph file). Columns and mappings: docs/EXPORT.md. Files are written \
                atomically; several files are renamed into place only when all were written.

                Examples:
                  actorgraph export --format csv --at 2023 --focus russia --depth 2 -o russia-2023.csv
                  actorgraph export --format csv -o all.csv --actors-file all.actors.csv
                  actorgraph export --format gexf -o graph.gexf
                  actorgraph export --format graphml --symmetric-edges directed -o for-networkx.graphml
                  actorgraph export --format neo4j -o neo4j-import/
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Option(help: "Output format.")
        var format: ExportFormat

        @Option(name: [.short, .long], help: "Output file (standard output when absent); a folder for neo4j.")
        var output: String?

        @Option(help: "With csv or tsv: also write the actor list to this file.")
        var actorsFile: String?

        @Option(
            help: ArgumentHelp(
                "With csv or tsv: also write the graph's sources to this catalogue file (NAME.sources.yaml beside NAME.csv is read back by default).",
                valueName: "sources-file"))
        var sourcesFile: String?

        @OptionGroup var spreadsheet: SpreadsheetOptions

        @Option(
            help: ArgumentHelp(
                "With graphml or gexf: relations of undirected types as undirected edges, or as directed edges.",
                discussion: """
                    undirected (default): the formats' own mixed graphs (GraphML directed="false", GEXF \
                    type="undirected"), as Gephi, yEd and Cytoscape read them. directed: every edge directed, with \
                    directed=false in its data — for networkx, which refuses a graph mixing both.
                    """))
        var symmetricEdges: SymmetricRelations = .undirectedEdges

        @OptionGroup var selection: SelectionOptions

        func validate() throws {
            if actorsFile != nil && format != .csv && format != .tsv {
                throw ValidationError("--actors-file goes with --format csv or tsv")
            }
            if sourcesFile != nil && format != .csv && format != .tsv {
                throw ValidationError("--sources-file goes with --format csv or tsv (a yaml export holds its sources)")
            }
            try spreadsheet.validate(
                writesDelimitedText: [.csv, .tsv, .neo4j].contains(format), formats: "--format csv, tsv or neo4j")
            if symmetricEdges != .undirectedEdges && format != .graphml && format != .gexf {
                throw ValidationError("--symmetric-edges goes with --format graphml or gexf")
            }
            if format == .neo4j && (output == nil || output == "-") {
                throw ValidationError("--format neo4j writes two files: give the folder with -o")
            }
        }

        func run() throws {
            _ = try selection.filters.timeCondition()
            let loaded = try graphOptions.load()
            let graph = loaded.graph
            let chosen: ExportSelection
            var possiblyActive: Set<RelationIndex> = []
            if selection.selectsEverything {
                chosen = .all(graph)
            } else {
                let selected = try selection.select(in: graph)
                chosen = ExportSelection(graph: graph, relations: selected.relations, extraActors: selected.actors)
                possiblyActive = selected.possiblyActive
            }
            let inputs = loaded.inputFiles
            switch format {
            case .csv, .tsv:
                try exportEdgeList(loaded, chosen, inputs: inputs)
            case .jsonl:
                try Output.writeFile(to: output, protecting: inputs) { JSONGraphWriter.writeLines(graph, chosen, to: $0) }
            case .json:
                try Output.writeFile(to: output, protecting: inputs) { JSONGraphWriter.writeDocument(graph, chosen, to: $0) }
            case .graphml:
                try Output.writeFile(to: output, protecting: inputs) {
                    GraphMLWriter.write(graph, chosen, symmetric: symmetricEdges, to: $0)
                }
            case .gexf:
                try Output.writeFile(to: output, protecting: inputs) {
                    GEXFWriter.write(graph, chosen, symmetric: symmetricEdges, to: $0)
                }
            case .dot:
                let diagram = DiagramSelection(
                    actors: chosen.actors, relations: chosen.relations, possiblyActive: possiblyActive)
                try Output.writeFile(to: output, protecting: inputs) { output in
                    var text = ""
                    GraphDiagram.document(graph, diagram).write(to: &text)
                    output.write(text)
                }
            case .yaml:
                // Every source of the graph goes into the file, so it reads back from any folder: with no catalogue,
                // or beside one that defines the same sources (an identical restatement is one source).
                let options = GraphYAMLWriter.Options(sources: graph.sources)
                try Output.writeFile(to: output, protecting: inputs) { GraphYAMLWriter.write(graph, chosen, options: options, to: $0) }
            case .neo4j:
                guard let folder = output else { return }
                var isFolder: ObjCBool = false
                var created = false
                if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                    guard isFolder.boolValue else {
                        throw CommandFailure("error: '\(folder)' is a file; --format neo4j writes into a folder", status: ExitStatus.writeFailure)
                    }
                } else {
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                        created = true
                    } catch {
                        throw CommandFailure("error: cannot create folder '\(folder)': \(error.localizedDescription)", status: ExitStatus.writeFailure)
                    }
                }
                let base = URL(fileURLWithPath: folder)
                do {
                    try Output.writeFiles(
                        [
                            (base.appendingPathComponent(Neo4jWriter.actorsFile).path, {
                                Neo4jWriter.writeActors(graph, chosen, safeSpreadsheet: spreadsheet.neutralises, to: $0)
                            }),
                            (base.appendingPathComponent(Neo4jWriter.relationsFile).path, {
                                Neo4jWriter.writeRelations(graph, chosen, safeSpreadsheet: spreadsheet.neutralises, to: $0)
                            }),
                        ], protecting: inputs)
                } catch {
                    // A failed export leaves nothing behind, not even the folder it made.
                    if created { rmdir(folder) }
                    throw error
                }
            }
            Output.error("exported \(chosen.relations.count) relations and \(chosen.actors.count) actors as \(format.rawValue)")
        }

    }
}
