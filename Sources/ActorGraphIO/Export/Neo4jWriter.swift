import ActorGraph

/// The node and relationship CSV files `neo4j-admin database import full` takes.
///
/// `actors.csv`: `id:ID(Actor)`, the actor properties, and `:LABEL` (`Actor;State`, `Actor;Group`,
/// `Actor;Official`). `relations.csv`: `:START_ID(Actor)`, `:END_ID(Actor)`, `:TYPE` (the type name in upper case,
/// as Cypher style has it: `SUPPLIES_ARMS_TO`), then `id`, the relation properties with `directed:boolean`,
/// `start:date`, `end:date` (empty when open, so absent in Neo4j), `citations:string[]` (one element per
/// citation, `;`-separated as the importer expects), and one `attr_KEY` property per relation attribute.
/// Records end in LF; quoted cells may hold newlines, so import with `--multiline-fields=true`.
public enum Neo4jWriter {
    public static let actorsFile = "actors.csv"
    public static let relationsFile = "relations.csv"

    /// `safeSpreadsheet`: neutralise cells a spreadsheet would run as formulas (``DelimitedTextOptions``); Neo4j then
    /// stores the `'` too, so a database load wants it off.
    static func options(safeSpreadsheet: Bool) -> DelimitedTextOptions {
        DelimitedTextOptions(separator: UInt8(ascii: ","), safeSpreadsheet: safeSpreadsheet, crlf: false)
    }

    public static func writeActors(
        _ graph: RelationGraph, _ selection: ExportSelection, safeSpreadsheet: Bool = false, to output: ExportOutput
    ) {
        let options = options(safeSpreadsheet: safeSpreadsheet)
        EdgeListWriter.writeRecord(
            ["id:ID(Actor)", "name", "kind", "subkind", "aliases", "description", "country", ":LABEL"], options,
            to: output)
        for actor in selection.actors {
            let record = graph[actor]
            let label = record.kind.rawValue.prefix(1).uppercased() + record.kind.rawValue.dropFirst()
            EdgeListWriter.writeRecord(
                [
                    record.id, record.name, record.kind.rawValue, record.subkind ?? "", ExportText.aliases(record.aliases),
                    record.description ?? "", record.country ?? "", "Actor;" + label,
                ], options, to: output)
        }
    }

    public static func writeRelations(
        _ graph: RelationGraph, _ selection: ExportSelection, safeSpreadsheet: Bool = false, to output: ExportOutput
    ) {
        let options = options(safeSpreadsheet: safeSpreadsheet)
        let attributeKeys = selection.attributeKeys(in: graph)
        let header =
            [
                ":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "id", "type", "category", "directed:boolean", "date",
                "start:date", "end:date", "citations:string[]", "note", "date_note", "grade", "status", "claimed_by",
                "evidence_grade", "grade_derived:boolean", "independent_sources:int", "unsourced:boolean",
            ] + ExportProperties.attributeNames(for: attributeKeys, prefix: "attr_")
        EdgeListWriter.writeRecord(header, options, to: output)
        for relation in selection.relations {
            let type = graph.type(of: relation)
            let details = graph.details(of: relation)
            let span = graph.span(of: relation)
            let evidence = graph.evidence(of: relation)
            let cells: [String] =
                [
                    graph[graph.source(of: relation)].id, graph[graph.target(of: relation)].id, type.name.uppercased(),
                    graph.id(of: relation), type.name, type.category.rawValue, type.directed ? "true" : "false",
                    graph.date(of: relation)?.description ?? "", ExportText.startDay(span)?.description ?? "",
                    ExportText.endDay(span)?.description ?? "",
                    details.citations.map { ExportText.citations([$0]) }.joined(separator: ";"), details.note ?? "",
                    details.dateNote ?? "", details.grade?.description ?? "", details.status.rawValue,
                    details.claimedBy ?? "", evidence.grade?.description ?? "", evidence.gradeIsDerived ? "true" : "false",
                    "\(evidence.independentSources)", details.isUnsourced ? "true" : "false",
                ] + ExportProperties.attributeValues(graph, relation, keys: attributeKeys).map { $0 ?? "" }
            EdgeListWriter.writeRecord(cells, options, to: output)
        }
    }

}
