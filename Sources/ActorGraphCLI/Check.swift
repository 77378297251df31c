import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the graph files and print what they hold.",
            discussion: """
                Reports every problem of every file at once as FILE:LINE:COLUMN: error: MESSAGE, then exits with \
                status 1. With --sources, also verifies each source text's SHA-256 and line count and that every \
                cited line range exists.

                Example:
                  actorgraph check --graph graphs --sources ../shared/seeds --format json
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let loaded: LoadedGraph
            do {
                loaded = try GraphLoader.loadAllowingEdgeLists(
                    GraphLoadOptions(
                        graphPath: graphOptions.graph, cataloguePath: graphOptions.catalogue,
                        sourcesDirectory: graphOptions.sources),
                    actorsPath: graphOptions.graphActors)
            } catch {
                if format == .json {
                    Output.write(
                        JSONValue.object([
                            ("actors", .int(0)), ("relations", .int(0)),
                            ("errors", .array(error.diagnostics.map(GraphJSON.diagnostic))),
                        ]).pretty())
                }
                let count = error.diagnostics.count
                throw CommandFailure(
                    error.description + "\n\(count) error\(count == 1 ? "" : "s") found.", status: ExitStatus.failure)
            }
            let summary = GraphSummary(loaded.graph)
            switch format {
            case .json: Output.write(summary.json(loaded).pretty())
            case .text: Output.write(summary.text(loaded))
            }
        }
    }
}

/// Counts of a graph by actor kind, relation type, category and decade.
struct GraphSummary {
    let graph: RelationGraph
    var actorsByKind: [(ActorKind, Int)] = []
    var relationsByType: [(String, Int)] = []
    var relationsByCategory: [(RelationCategory, Int)] = []
    var relationsByDecade: [(String, Int)] = []
    var dated = 0

    init(_ graph: RelationGraph) {
        self.graph = graph
        var kinds: [ActorKind: Int] = [:]
        for actor in graph.actors { kinds[actor.kind, default: 0] += 1 }
        actorsByKind = ActorKind.allCases.map { ($0, kinds[$0] ?? 0) }
        var types = [Int](repeating: 0, count: graph.vocabulary.count)
        var categories: [RelationCategory: Int] = [:]
        var decades: [Int: Int] = [:]
        for relation in graph.relationIndices {
            types[graph.typeIndex(of: relation).position] += 1
            categories[graph.type(of: relation).category, default: 0] += 1
            if let span = graph.span(of: relation) {
                dated += 1
                let day = span.possibleStart != TimeSpan.beginningOfTime ? span.possibleStart : span.possibleEnd
                decades[CalendarDay(dayNumber: day).components.year / 10 * 10, default: 0] += 1
            }
        }
        relationsByType = zip(graph.vocabulary.names, types).filter { $0.1 > 0 }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        relationsByCategory = RelationCategory.allCases.compactMap { category in
            categories[category].map { (category, $0) }
        }
        relationsByDecade = decades.keys.sorted().map { ("\($0)s", decades[$0] ?? 0) }
    }

    func json(_ loaded: LoadedGraph) -> JSONValue {
        .object([
            ("actors", .int(graph.actorCount)),
            ("relations", .int(graph.relationCount)),
            ("errors", .array([])),
            ("files", .array(loaded.files.map { .string($0) })),
            ("catalogue", .optional(loaded.cataloguePath)),
            ("sources", .int(graph.sources.count)),
            ("sources_verified", .bool(loaded.verifiedSources)),
            ("actors_by_kind", .object(actorsByKind.map { ($0.0.rawValue, .int($0.1)) })),
            ("relations_by_category", .object(relationsByCategory.map { ($0.0.rawValue, .int($0.1)) })),
            ("relations_by_type", .object(relationsByType.map { ($0.0, .int($0.1)) })),
            ("relations_by_decade", .object(relationsByDecade.map { ($0.0, .int($0.1)) })),
            ("dated", .int(dated)),
            ("undated", .int(graph.relationCount - dated)),
            ("bytes_per_relation", .double((graph.bytesPerRelation * 10).rounded() / 10)),
        ])
    }

    func text(_ loaded: LoadedGraph) -> String {
        var lines: [String] = []
        let fileWord = loaded.files.count == 1 ? "file" : "files"
        lines.append("Read \(loaded.files.count) graph \(fileWord): \(loaded.files.joined(separator: ", "))")
        if let catalogue = loaded.cataloguePath {
            lines.append(
                "Catalogue \(catalogue): \(graph.sources.count) sources"
                    + (loaded.verifiedSources ? ", texts verified (sha256, lines, cited ranges)" : " (texts not verified; pass --sources DIR)"))
        }
        lines.append(
            "\(graph.actorCount) actors: " + actorsByKind.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", "))
        lines.append("\(graph.relationCount) relations: \(dated) dated, \(graph.relationCount - dated) undated")
        lines.append("  by category: " + relationsByCategory.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("  by decade:   " + relationsByDecade.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        lines.append("  by type:")
        for (name, count) in relationsByType { lines.append("    \(Presentation.padded(name, 32)) \(count)") }
        lines.append("No problems found.")
        return lines.joined(separator: "\n") + "\n"
    }
}
