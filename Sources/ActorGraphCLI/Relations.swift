import ActorGraph
import ActorGraphIO
import ArgumentParser

extension ActorGraphCommand {
    struct RelationsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "relations",
            abstract: "List relations, optionally of one type, category or actor.",
            discussion: """
                Relations are listed in date order (undated last).

                Example:
                  actorgraph relations --actor taliban --category economic --format csv
                  actorgraph relations --status denied,claimed --at 2021-08
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Option(help: "Only relations of this type.")
        var type: String?

        @Option(help: "Only relations of this category.")
        var category: RelationCategory?

        @Option(help: "Only relations touching this actor (id, name or alias).")
        var actor: String?

        @OptionGroup var filters: ListingFilterOptions

        @Option(help: "Output format.")
        var format: TableFormat = .table

        @OptionGroup var spreadsheet: SpreadsheetOptions

        func validate() throws { try spreadsheet.validate(writesDelimitedText: format == .csv, formats: "--format csv") }

        func run() throws {
            let graph = try graphOptions.load().graph
            var typeIndex: RelationTypeIndex?
            if let type {
                guard let index = graph.vocabulary.index(named: type) else {
                    throw CommandFailure(
                        "error: unknown relation type '\(type)'\nhint: list the types with: actorgraph types",
                        status: ExitStatus.failure)
                }
                typeIndex = index
            }
            let actorIndex = try actor.map { try ActorReferences(graph).resolve($0) }
            let candidates = actorIndex.map { graph.relations(of: $0) } ?? Array(graph.relationIndices)
            let (kept, leftOut) = try filters.select(graph, candidates)
            let selected = ActorCard.ordered(
                graph,
                kept.filter { relation in
                    if let typeIndex, graph.typeIndex(of: relation) != typeIndex { return false }
                    if let category, graph.type(of: relation).category != category { return false }
                    return true
                })
            switch format {
            case .json:
                Output.write(JSONValue.array(selected.map { GraphJSON.relation(graph, $0) }).pretty())
            case .csv:
                Output.write(CSVWriter.relations(graph, selected, options: spreadsheet.options()))
            case .table:
                let rows = selected.map { relation -> [String] in
                    let type = graph.type(of: relation)
                    let evidence = graph.evidence(of: relation)
                    let arrow = type.directed ? "→" : "—"
                    return [
                        graph.id(of: relation), Presentation.date(graph, relation),
                        "\(graph[graph.source(of: relation)].name) \(arrow) \(graph[graph.target(of: relation)].name)",
                        type.name, Presentation.status(evidence), evidence.grade.map { "\($0)" + (evidence.gradeIsDerived ? "*" : "") } ?? "-",
                        "\(evidence.independentSources)/\(evidence.citedSources.count)", Presentation.citations(graph, relation),
                    ]
                }
                Output.write(
                    Presentation.table(
                        header: ["ID", "DATE", "RELATION", "TYPE", "STATUS", "GRADE", "INDEP/CITED", "SOURCES"], rows: rows), styled: true)
                Output.write("GRADE * = derived from the catalogue (docs/FORMAT.md, \"Grades\"); INDEP = independent sources\n")
                Output.write("\(selected.count) of \(graph.relationCount) relations\n")
                if let notice = QueryPresentation.leftOutNotice(leftOut) { Output.write(notice + "\n", styled: true) }
            }
        }
    }
}
