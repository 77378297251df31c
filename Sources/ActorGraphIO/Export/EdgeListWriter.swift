import ActorGraph

/// How delimited text is written: RFC 4180 quoting, CRLF record ends, UTF-8 without a BOM.
public struct DelimitedTextOptions: Sendable, Hashable {
    /// `,` for CSV, tab for TSV. TSV uses the same quoting rules, so a tab or newline inside a cell survives.
    public var separator: UInt8
    /// Prefix with `'` every cell a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or
    /// CR), except a number or date (`-0044-03`, `+5`: digits and date punctuation only, which no spreadsheet can
    /// make call anything). For reading by people; an import does not undo it.
    public var safeSpreadsheet: Bool
    /// CRLF between records as RFC 4180 says; LF for consumers that prefer it (Neo4j's importer).
    public var crlf: Bool

    public init(separator: UInt8 = UInt8(ascii: ","), safeSpreadsheet: Bool = false, crlf: Bool = true) {
        self.separator = separator
        self.safeSpreadsheet = safeSpreadsheet
        self.crlf = crlf
    }

    public static let csv = DelimitedTextOptions()
    public static let tsv = DelimitedTextOptions(separator: UInt8(ascii: "\t"))
}

extension ExportOutput {
    /// One cell: quoted when it holds the separator, a quote, CR or LF, with inner quotes doubled.
    func write(cell text: String, _ options: DelimitedTextOptions) {
        var needsQuotes = false
        var first = true
        var formula = false
        for byte in text.utf8 {
            if first {
                formula = options.safeSpreadsheet
                    && (byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D)
                first = false
            }
            if byte == options.separator || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        if formula, Self.isNumberOrDate(text) { formula = false }
        if !needsQuotes && !formula {
            write(text)
            return
        }
        if needsQuotes { write(byte: UInt8(ascii: "\"")) }
        if formula { write(byte: UInt8(ascii: "'")) }
        for byte in text.utf8 {
            write(byte: byte)
            if byte == UInt8(ascii: "\"") { write(byte: byte) }
        }
        if needsQuotes { write(byte: UInt8(ascii: "\"")) }
    }

    /// A signed number or EDTF date (`-0044-03-15`, `+12`, `-1..2021`, `-00XX`): only digits and `-+:./?~%XTZ`.
    /// A spreadsheet may compute it, but no formula in it can call a function or another program.
    static func isNumberOrDate(_ text: String) -> Bool {
        let first = text.utf8.first
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+"), text.utf8.count > 1 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || "-+:./?~%XTZ".utf8.contains(byte)
        }
    }

    func endRecord(_ options: DelimitedTextOptions) {
        if options.crlf { write(byte: 0x0D) }
        write(byte: 0x0A)
    }
}

/// CSV and TSV edge lists and node lists: one row per relation (or actor) with a header row.
///
/// The columns are documented in docs/EXPORT.md. The edge list carries everything a relation holds, so
/// ``CSVEdgeImporter`` reads it back into the same graph.
public enum EdgeListWriter {
    public static let relationColumns = [
        "id", "source", "source_name", "source_kind", "target", "target_name", "target_kind", "type", "category",
        "directed", "date", "start", "end", "citations", "note", "date_note", "grade", "status", "claimed_by",
        "evidence_grade", "independent_sources", "time_match",
    ]
    /// The columns an import ignores because they follow from the others (the dates' days, the evidence) or from
    /// the query that wrote the file (`time_match`).
    public static let derivedColumns: Set<String> = ["start", "end", "evidence_grade", "independent_sources", "time_match"]
    /// Relation attribute `role` becomes column `attr.role`.
    public static let attributePrefix = "attr."
    public static let actorColumns = ["id", "name", "kind", "subkind", "aliases", "description", "country"]

    /// Writes the header and one row per selected relation.
    ///
    /// - Complexity: O(relations × columns); the actor cells are escaped once per actor.
    ///
    /// `matches` gives the `time_match` cell of each relation a query matched under a time filter (empty otherwise).
    public static func writeRelations(
        _ graph: RelationGraph, _ selection: ExportSelection, options: DelimitedTextOptions = .csv,
        matches: [RelationIndex: TimeMatch] = [:], to output: ExportOutput
    ) {
        let attributeKeys = selection.attributeKeys(in: graph)
        let header = relationColumns + attributeKeys.map { attributePrefix + $0 }
        writeRecord(header, options, to: output)
        let separator = options.separator
        // id, name and kind of each actor, escaped once: bulk edge lists repeat the same actors many times.
        var actorCells = [[UInt8]](repeating: [], count: graph.actorCount)
        for actor in selection.actors {
            let record = graph[actor]
            let cells = ExportOutput()
            cells.write(cell: record.id, options)
            cells.write(byte: separator)
            cells.write(cell: record.name, options)
            cells.write(byte: separator)
            cells.write(cell: record.kind.rawValue, options)
            actorCells[actor.position] = cells.bytes
        }
        var typeCells: [[UInt8]] = []
        for type in graph.vocabulary.all {
            let cells = ExportOutput()
            cells.write(cell: type.name, options)
            cells.write(byte: separator)
            cells.write(cell: type.category.rawValue, options)
            cells.write(byte: separator)
            cells.write(type.directed ? "true" : "false")
            typeCells.append(cells.bytes)
        }
        var values = [String?](repeating: nil, count: attributeKeys.count)
        var progress = ProgressTicker("writing relations", total: selection.relations.count, unit: .relations)
        defer { progress.finish() }
        for relation in selection.relations {
            progress.tick()
            output.write(cell: graph.id(of: relation), options)
            output.write(byte: separator)
            output.write(actorCells[graph.source(of: relation).position])
            output.write(byte: separator)
            output.write(actorCells[graph.target(of: relation).position])
            output.write(byte: separator)
            output.write(typeCells[graph.typeIndex(of: relation).position])
            output.write(byte: separator)
            if let date = graph.date(of: relation) { output.write(date: date) }
            output.write(byte: separator)
            let span = graph.span(of: relation)
            if let start = ExportText.startDay(span) { output.write(day: start) }
            output.write(byte: separator)
            if let end = ExportText.endDay(span) { output.write(day: end) }
            let details = graph.details(of: relation)
            if details == .empty {
                // citations, note, date_note, grade, status, claimed_by, the evidence (no grade, no source), the time
                // match, then the attributes: all empty but status and the source count.
                for _ in 0..<5 { output.write(byte: separator) }
                output.write("reported")
                output.write(byte: separator)
                output.write(byte: separator)
                output.write(byte: separator)
                output.write("0")
                output.write(byte: separator)
                if let match = matches[relation] { output.write(match.description) }
                for _ in attributeKeys { output.write(byte: separator) }
                output.endRecord(options)
                continue
            }
            output.write(byte: separator)
            output.write(cell: ExportText.citations(details.citations), options)
            output.write(byte: separator)
            output.write(cell: details.note ?? "", options)
            output.write(byte: separator)
            output.write(cell: details.dateNote ?? "", options)
            output.write(byte: separator)
            output.write(details.grade?.description ?? "")
            output.write(byte: separator)
            output.write(details.status.rawValue)
            output.write(byte: separator)
            output.write(cell: details.claimedBy ?? "", options)
            let evidence = graph.evidence(of: relation)
            output.write(byte: separator)
            output.write(evidence.grade?.description ?? "")
            output.write(byte: separator)
            output.write(decimal: evidence.independentSources)
            output.write(byte: separator)
            if let match = matches[relation] { output.write(match.description) }
            if !attributeKeys.isEmpty {
                for position in values.indices { values[position] = nil }
                for attribute in details.attributes {
                    if let position = binarySearch(attributeKeys, attribute.key) { values[position] = attribute.value }
                }
                for value in values {
                    output.write(byte: separator)
                    output.write(cell: value ?? "", options)
                }
            }
            output.endRecord(options)
        }
    }

    /// Writes the header and one row per selected actor.
    public static func writeActors(
        _ graph: RelationGraph, _ selection: ExportSelection, options: DelimitedTextOptions = .csv,
        to output: ExportOutput
    ) {
        writeRecord(actorColumns, options, to: output)
        for actor in selection.actors {
            let record = graph[actor]
            writeRecord(
                [
                    record.id, record.name, record.kind.rawValue, record.subkind ?? "", ExportText.aliases(record.aliases),
                    record.description ?? "", record.country ?? "",
                ], options, to: output)
        }
    }

    static func writeRecord(_ cells: [String], _ options: DelimitedTextOptions, to output: ExportOutput) {
        for (position, cell) in cells.enumerated() {
            if position > 0 { output.write(byte: options.separator) }
            output.write(cell: cell, options)
        }
        output.endRecord(options)
    }

    private static func binarySearch(_ keys: [String], _ key: String) -> Int? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] == key { return middle }
            if keys[middle].utf8.lexicographicallyPrecedes(key.utf8) { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
