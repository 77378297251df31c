import ActorGraph

extension CSVImportState {
    struct EdgeColumns {
        var id, source, target, type, date, sourceName, sourceKind, targetName, targetKind: Int?
        var citations, note, dateNote, grade, status, claimedBy, category, directed: Int?
        /// The document a row comes from (spreadsheet reading): a citation of a catalogue entry.
        var document: Int?
        /// Whether an end is read by name (spreadsheet reading of a file that does not name its new actors).
        var byName = false
        /// (column, attribute key)
        var attributes: [(Int, String)] = []
        var width = 0
    }

    mutating func readEdges(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) {
        let expectedRows = Self.estimateRecords(bytes)
        relationSource.reserveCapacity(expectedRows)
        relationTarget.reserveCapacity(expectedRows)
        relationType.reserveCapacity(expectedRows)
        relationDate.reserveCapacity(expectedRows)
        var list = EdgeList()
        readRecords(bytes, file: file, list: &list)
    }

    /// The edge list as the record loop reads it.
    struct EdgeList: CSVRecordList {
        static let emptyFile = (
            message: "the edge list is empty", hint: "the first line names the columns: source,target,type"
        )
        static let speculates = true
        var hasHeader = false
        var columns: EdgeColumns?
        var fastReader: FastEdgeReader?

        var acceptsRows: Bool { columns != nil }

        mutating func readHeader(_ record: borrowing CSVRecord, file: String, state: inout CSVImportState) {
            hasHeader = true
            guard let columns = state.edgeHeader(record, file: file) else { return }
            self.columns = columns
            let options = state.options
            // Rows that must carry a note or a citation are never plain.
            // Nor are rows whose ends are names to resolve (a spreadsheet's).
            if options.usesFastPath && !options.requireNote && !options.requireCitation && !columns.byName {
                fastReader = FastEdgeReader(columns: columns, separator: options.separator)
            }
        }

        func readRow(_ record: borrowing CSVRecord, file: String, state: inout CSVImportState) {
            guard let columns else { return }
            state.readEdge(record, columns, file: file)
        }

        func speculate(
            _ bytes: UnsafeBufferPointer<UInt8>, from position: Int, state: CSVImportState
        ) -> EdgeSpeculation? {
            state.speculate(bytes, from: position, columns: columns)
        }
    }

    /// Records in `bytes`, roughly: the line ends of a sample, scaled. Only sizes the relation arrays.
    static func estimateRecords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let sample = min(bytes.count, 1 << 20)
        guard sample > 0 else { return 0 }
        var lines = 0
        for position in 0..<sample where bytes[position] == 0x0A { lines += 1 }
        return Int(Double(lines + 1) * Double(bytes.count) / Double(sample) * 1.02)
    }

    mutating func edgeHeader(_ record: borrowing CSVRecord, file: String) -> EdgeColumns? {
        let mapping = options.mapping
        guard
            let found = header(
                record, file: file, fields: CSVColumnMapping.edgeFields, columns: mapping.edgeColumns,
                required: ["source", "target", "type"])
        else { return nil }
        var result = EdgeColumns()
        let positions = found.positions
        (result.id, result.source, result.target, result.type) = (
            positions["id"], positions["source"], positions["target"], positions["type"]
        )
        (result.date, result.sourceName, result.sourceKind) = (
            positions["date"], positions["source_name"], positions["source_kind"]
        )
        (result.targetName, result.targetKind, result.citations) = (
            positions["target_name"], positions["target_kind"], positions["citations"]
        )
        (result.note, result.dateNote, result.grade) = (positions["note"], positions["date_note"], positions["grade"])
        (result.status, result.claimedBy) = (positions["status"], positions["claimed_by"])
        (result.category, result.directed) = (positions["category"], positions["directed"])
        var mapped = Set(positions.values)
        if options.readsNames {
            let wanted = options.documentColumn.map { [$0] } ?? CSVColumnMapping.documentSynonyms
            let folded = found.names.map(CSVColumnMapping.folded)
            for name in wanted {
                guard let position = folded.firstIndex(of: CSVColumnMapping.folded(name)), !mapped.contains(position)
                else { continue }
                result.document = position
                mapped.insert(position)
                report.columns.append(CSVImportReport.ColumnMatch(column: found.names[position], field: "document"))
                break
            }
            if let wanted = options.documentColumn, result.document == nil {
                fatal.append(
                    Diagnostic(
                        SourceLocation(file: file, line: record.line, column: 1),
                        "no '\(wanted)' column in the header (--source-column)",
                        hint: "the header has: " + found.names.joined(separator: ", ")))
                return nil
            }
        }
        for (position, name) in found.names.enumerated() where !mapped.contains(position) {
            if CSVColumnMapping.derivedColumns.contains(name) { continue }
            let key =
                name.hasPrefix(mapping.attributePrefix) ? String(name.dropFirst(mapping.attributePrefix.count)) : name
            result.attributes.append((position, key))
        }
        result.width = record.count
        result.byName = options.readsNames && (result.sourceName == nil || result.targetName == nil)
        if options.typesFromFile && result.category != nil { vocabulary = RelationVocabulary() }
        return result
    }
}
