import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand {
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert a CSV or TSV edge list (and an actor list) into a graph file.",
            discussion: """
                Every row is checked: a bad date, a missing endpoint, a wrong number of fields, an unterminated \
                quote, an unknown type or actor… all are reported as FILE:LINE:COLUMN: error: … in one run. \
                Columns are those of 'export --format csv' unless mapped (FIELD=COLUMN; actor list fields as \
                actor.FIELD); unknown columns become relation attributes. Actors the edge list names but the actor \
                list does not are created, with the kind from source_kind/target_kind or --default-kind. Graph \
                files need a note and a citation on every relation: give them as columns, or as defaults.

                Example:
                  actorgraph import edges.csv --actors actors.csv --mapping source=from,target=to \\
                    --default-kind group --default-citation my-report:1 --default-note "From my spreadsheet." \\
                    -o graphs/imported.yaml
                """)

        @Argument(help: "The edge list (.csv, or .tsv for tab-separated).")
        var edges: String

        @Option(help: "The actor list (columns id, name, kind, and optionally subkind, aliases, description, country).")
        var actors: String?

        @Option(help: "Column names as FIELD=COLUMN pairs, comma-separated; repeatable.")
        var mapping: [String] = []

        @Option(help: "Kind of actors first met in the edge list when no kind column gives one (\(ActorKind.choices)).")
        var defaultKind: ActorKind?

        @Flag(help: "Load the good rows, report the bad ones and how many were skipped.")
        var skipBadRows = false

        @Option(help: "A graph file or folder whose relation types to use (default: the built-in vocabulary).")
        var vocabulary: String?

        @Option(help: "The source catalogue citations are checked against (default: seeds/sources.yaml beside the edge list's folder, or here).")
        var catalogue: String?

        @Option(help: "Citation (SOURCE:LINES) for rows without one.")
        var defaultCitation: String?

        @Option(help: "Note for rows without one.")
        var defaultNote: String?

        @Flag(help: "Field separator is a tab (default: from the file extension).")
        var tab = false

        @Option(name: [.short, .long], help: "The graph file to write.")
        var output: String

        func run() throws {
            var options = CSVImportOptions()
            for text in mapping {
                do { try options.mapping.apply(text) } catch { throw CommandFailure("error: --mapping: \(error)") }
            }
            options.defaultKind = defaultKind
            options.skipBadRows = skipBadRows
            options.separator = tab || edges.lowercased().hasSuffix(".tsv") ? 0x09 : UInt8(ascii: ",")
            if let vocabulary {
                do {
                    options.vocabulary = try GraphLoader.load(GraphLoadOptions(graphPath: vocabulary)).graph.vocabulary
                } catch {
                    throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the vocabulary"))
                }
            }
            var fallbackCitation: Citation?
            if let defaultCitation {
                switch CSVImportOptions.parseCitations(defaultCitation) {
                case .success(let citations) where citations.count == 1: fallbackCitation = citations[0]
                default: throw CommandFailure("error: --default-citation takes SOURCE:LINES, e.g. my-report:1")
                }
            }
            options.requireCitation = fallbackCitation == nil
            options.requireNote = defaultNote == nil
            let cataloguePath = catalogue ?? GraphLoader.defaultCatalogue(near: edges)
            if let cataloguePath {
                do {
                    options.sources = try GraphLoader.catalogueSources(cataloguePath)
                } catch {
                    throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the catalogue"))
                }
                if let fallbackCitation {
                    guard let source = options.sources.first(where: { $0.id == fallbackCitation.source }) else {
                        throw CommandFailure("error: --default-citation names source '\(fallbackCitation.source)', which is not in \(cataloguePath)")
                    }
                    // The written graph would cite lines its own loader refuses.
                    if fallbackCitation.lines.upperBound > source.lines {
                        throw CommandFailure(
                            "error: --default-citation cites lines \(fallbackCitation.linesText) of '\(source.id)', which has "
                                + "\(source.lines) lines (\(cataloguePath))")
                    }
                }
            }
            func read(_ path: String) throws -> [UInt8] {
                switch FileBytes.contents(path) {
                case .success(let bytes): return bytes
                case .failure(let failure): throw CommandFailure("error: cannot read '\(path)': \(failure)")
                }
            }
            let edgeBytes = try read(edges)
            let actorInput = try actors.map { ($0, try read($0)) }
            let result: CSVImportResult
            do {
                result = try CSVEdgeImporter.load(edges: (edges, edgeBytes), actors: actorInput, options: options)
            } catch {
                throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the input", notShown: error.notShown))
            }
            for problem in result.problems {
                var warning = problem
                warning.severity = .warning
                Output.error(warning.description)
            }
            let graph = result.graph
            let inputs = [edges] + (actors.map { [$0] } ?? []) + (cataloguePath.map { [$0] } ?? [])
            try Output.writeFile(to: output, protecting: inputs) { output in
                GraphYAMLWriter.write(
                    graph, .all(graph),
                    options: GraphYAMLWriter.Options(
                        fallbackCitation: fallbackCitation, fallbackNote: defaultNote,
                        headerComment: "Imported from \(edges) by actorgraph import."),
                    to: output)
            }
            var summary = "imported \(graph.relationCount) relations and \(graph.actorCount) actors into \(output)"
            if result.skippedRows > 0 {
                summary += "; skipped \(result.skippedRows) bad row\(result.skippedRows == 1 ? "" : "s") of \(result.rows)"
            }
            Output.error(summary)
        }
    }
}

extension ActorKind {
    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
