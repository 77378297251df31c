import Foundation
import ActorGraph

/// The JSON objects for actors and relations that every command and export shares (shapes in docs/QUERIES.md).
public enum GraphJSON {
    /// `{"id","name","kind","aliases"}` plus the optional fields that are set.
    public static func actor(_ graph: RelationGraph, _ index: ActorIndex, full: Bool = false) -> JSONValue {
        let actor = graph[index]
        var members: [(String, JSONValue)] = [
            ("id", .string(actor.id)), ("name", .string(actor.name)), ("kind", .string(actor.kind.rawValue)),
            ("aliases", .array(actor.aliases.map { .string($0) })),
        ]
        if full {
            members.append(("subkind", .optional(actor.subkind)))
            members.append(("description", .optional(actor.description)))
            members.append(("country", .optional(actor.country)))
        }
        return .object(members)
    }

    /// `{"source","lines","grade","for"}` (`for` is `"date"` for a citation of the date only); `lines` as written (`"12-14"`), plus numeric `first_line`/`last_line`.
    public static func citation(_ citation: Citation) -> JSONValue {
        .object([
            ("source", .string(citation.source)), ("lines", .string(citation.linesText)),
            ("first_line", .int(citation.lines.lowerBound)), ("last_line", .int(citation.lines.upperBound)),
            ("grade", .optional(citation.grade?.description)),
            ("for", .optional(citation.forDate ? "date" : nil)),
        ])
    }

    /// The relation object: `{"id","from","to","type","category","directed","date","sources","note",…}`.
    public static func relation(_ graph: RelationGraph, _ index: RelationIndex) -> JSONValue {
        let type = graph.type(of: index)
        let details = graph.details(of: index)
        return .object([
            ("id", .string(graph.id(of: index))),
            ("from", .string(graph[graph.source(of: index)].id)),
            ("to", .string(graph[graph.target(of: index)].id)),
            ("type", .string(type.name)),
            ("category", .string(type.category.rawValue)),
            ("directed", .bool(type.directed)),
            ("date", .optional(graph.date(of: index)?.description)),
            ("start", .optional(startDay(graph, index))),
            ("end", .optional(endDay(graph, index))),
            ("date_note", .optional(details.dateNote)),
            ("sources", .array(details.citations.map(citation))),
            ("unsourced", .bool(details.isUnsourced)),
            ("note", .optional(details.note)),
            ("status", .string(details.status.rawValue)),
            ("claimed_by", .optional(details.claimedBy)),
            ("grade", .optional(details.grade?.description)),
            ("attributes", .object(details.attributes.map { ($0.key, .string($0.value)) })),
            ("evidence", evidence(graph.evidence(of: index))),
        ])
    }

    /// `{"grade","grade_derived","independent_sources","cited_sources","derived_sources"}`: the grade in effect
    /// (stated, else derived from the catalogue; `null` when neither) and the sources behind it.
    public static func evidence(_ evidence: RelationEvidence) -> JSONValue {
        .object([
            ("grade", .optional(evidence.grade?.description)),
            ("grade_derived", .bool(evidence.gradeIsDerived)),
            ("independent_sources", .int(evidence.independentSources)),
            ("cited_sources", .array(evidence.citedSources.map { .string($0) })),
            ("derived_sources", .array(evidence.derivedSources.map { .string($0) })),
        ])
    }

    /// The first day the relation may cover (`YYYY-MM-DD`), `nil` when undated or open at the start.
    public static func startDay(_ graph: RelationGraph, _ index: RelationIndex) -> String? {
        guard let span = graph.span(of: index), span.possibleStart != TimeSpan.beginningOfTime else { return nil }
        return CalendarDay(dayNumber: span.possibleStart).description
    }

    /// The last day the relation may cover (`YYYY-MM-DD`), `nil` when undated or open at the end.
    public static func endDay(_ graph: RelationGraph, _ index: RelationIndex) -> String? {
        guard let span = graph.span(of: index), span.possibleEnd != TimeSpan.endOfTime else { return nil }
        return CalendarDay(dayNumber: span.possibleEnd).description
    }

    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .string(diagnostic.location.file)),
            ("line", .int(diagnostic.location.line)),
            ("column", .int(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("hint", .optional(diagnostic.hint)),
        ])
    }
}

/// One RFC 4180 record as text, for the listing commands' `--format csv`: the export's quoting rules
/// (`EdgeListWriter.writeRecord`), so every CSV ActorGraph writes quotes cells the same way.
/// `options` is `.csv`, or `.csv` with `safeSpreadsheet` (what the CLI writes unless told `--no-safe-spreadsheet`).
public enum CSVWriter {
    public static func record(_ fields: [String], options: DelimitedTextOptions = .csv) -> String {
        let output = ExportOutput()
        EdgeListWriter.writeRecord(fields, options, to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The export's edge list (``EdgeListWriter``) of `relations` in the order given, so `import` reads it back.
    public static func relations(
        _ graph: RelationGraph, _ relations: [RelationIndex], matches: [RelationIndex: TimeMatch] = [:],
        options: DelimitedTextOptions = .csv
    ) -> String {
        let output = ExportOutput()
        EdgeListWriter.writeRelations(graph, .ordered(graph, relations), options: options, matches: matches, to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The export's actor list of `actors`, in the order given.
    public static func actors(_ graph: RelationGraph, _ actors: [ActorIndex], options: DelimitedTextOptions = .csv) -> String {
        var text = record(EdgeListWriter.actorColumns, options: options)
        for actor in actors {
            let record = graph[actor]
            text += Self.record(
                [
                    record.id, record.name, record.kind.rawValue, record.subkind ?? "", ExportText.aliases(record.aliases),
                    record.description ?? "", record.country ?? "",
                ], options: options)
        }
        return text
    }
}
