import ActorGraph

/// One edge row read the general way (``CSVImportState/readEdge(_:_:file:)``): each cell resolved and checked in
/// turn — endpoints, type, date, id, details — and the row committed only when none was reported.
extension CSVImportState {
    /// Where a row's diagnostics point, and whether one was reported.
    struct RowCheck {
        let file: String
        var bad = false
    }

    /// An endpoint: an actor already read, or one the row creates.
    enum Endpoint {
        case existing(UInt32)
        case new(ActorRecord)
        /// A new actor made from a name cell (its text as written).
        case named(ActorRecord, String)
    }

    /// A row's relation type: met earlier in this file, first met and in the vocabulary, or created from the row.
    enum EdgeType {
        case interned(UInt16)
        case known(UInt16)
        case new(RelationType)
    }

    mutating func readEdge(_ record: borrowing CSVRecord, _ columns: EdgeColumns, file: String) {
        if record.count != columns.width {
            report(
                Diagnostic(
                    SourceLocation(file: file, line: record.line, column: 1),
                    "expected \(columns.width) fields, found \(record.count)",
                    hint: "a cell holding the separator, a quote or a newline must be quoted"))
            skippedRows += 1
            return
        }
        var check = RowCheck(file: file)
        if columns.byName, isDuplicate(record, file: file) { return }
        let source = endpoint(
            record, columns.source, nameColumn: columns.sourceName, kindColumn: columns.sourceKind, role: "source",
            &check)
        let target = endpoint(
            record, columns.target, nameColumn: columns.targetName, kindColumn: columns.targetKind, role: "target",
            &check)
        let type = edgeType(record, columns, &check)
        let date = edgeDate(record, columns.date, &check)
        let explicitID = edgeID(record, columns.id, &check)
        let details = edgeDetails(record, columns, explicitID: explicitID, &check)
        guard !check.bad, let source, let target, let type else {
            skippedRows += 1
            return
        }
        guard acceptsEdge(record, columns, source: source, target: target, type: type, &check) else {
            skippedRows += 1
            return
        }
        commitEdge(
            record, columns, source: source, target: target, type: type, date: date, details: details,
            explicitID: explicitID, file: file)
    }

    // MARK: Cells

    func location(_ record: borrowing CSVRecord, _ column: Int?, _ check: RowCheck) -> SourceLocation {
        SourceLocation(
            file: check.file, line: column.map { record.line(of: $0) } ?? record.line,
            column: column.map { record.column($0) } ?? 1)
    }

    /// Reports a problem with the cell in `column` (the row's start when `nil`) and marks the row bad.
    mutating func problem(
        _ record: borrowing CSVRecord, _ column: Int?, _ message: String, hint: String? = nil, _ check: inout RowCheck
    ) {
        report(Diagnostic(location(record, column, check), message, hint: hint))
        check.bad = true
    }

    /// The cell's text; `nil` when the column is absent, the cell empty, or not UTF-8 (reported).
    mutating func text(
        _ record: borrowing CSVRecord, _ column: Int?, _ what: String, _ check: inout RowCheck
    ) -> String? {
        guard let column, !record.isEmpty(column) else { return nil }
        guard let value = record.string(column) else {
            problem(record, column, "\(record.problem(column)) in '\(what)'", &check)
            return nil
        }
        return value
    }

    // MARK: Steps

    /// The actor at one end: found by its id's bytes, or a new one from the id, name and kind cells.
    mutating func endpoint(
        _ record: borrowing CSVRecord, _ column: Int?, nameColumn: Int?, kindColumn: Int?, role: String,
        _ check: inout RowCheck
    ) -> Endpoint? {
        guard let column, !record.isEmpty(column) else {
            problem(record, column, "missing \(role)", hint: "every row needs a source and a target actor id", &check)
            return nil
        }
        if let index = actorIDs.find(record.rawBytes(column)) { return .existing(UInt32(index)) }
        guard let id = text(record, column, role, &check) else { return nil }
        if options.readsNames && nameColumn == nil {
            let name = id.trimmingSpaces()
            if let index = actorIDs.find(name) { return .existing(UInt32(index)) }
            switch namedEndpoint(record, column, text: name, kindColumn: kindColumn, role: role, &check) {
            case .new(let actor): return .named(actor, name)
            case let other: return other
            }
        }
        if let reason = Identifier.problem(with: id) {
            problem(
                record, column, "\(role) id '\(id)' \(reason)", hint: "ids are lower-case: [a-z0-9][a-z0-9_.-]*",
                &check)
            return nil
        }
        guard
            let kind = newActorKind(
                record, kindColumn: kindColumn, role: role, actor: id, in: column,
                hint: "add it to the actor list, give a \(role)_kind column, or pass --default-kind", &check)
        else { return nil }
        let name = text(record, nameColumn, "\(role)_name", &check) ?? id
        return .new(ActorRecord(id: id, name: name, kind: kind))
    }

    /// The relation type: interned, in the vocabulary (checked against the row's category and direction), or
    /// inferred from them when allowed.
    mutating func edgeType(_ record: borrowing CSVRecord, _ columns: EdgeColumns, _ check: inout RowCheck) -> EdgeType?
    {
        guard let column = columns.type, !record.isEmpty(column) else {
            return defaultType(record, columns.type, &check)
        }
        if let interned = typeNames.find(record.rawBytes(column)) { return .interned(typeIndexByName[interned]) }
        guard let name = text(record, column, "type", &check) else { return nil }
        if let index = vocabulary.index(named: name) {
            checkAgreement(record, columns, vocabularyType: vocabulary[index], &check)
            return .known(index.rawValue)
        }
        // A spreadsheet may write `Supplies arms to` for `supplies_arms_to`.
        if columns.byName, let index = vocabulary.index(named: CSVColumnMapping.folded(name)) {
            return .known(index.rawValue)
        }
        if options.inferTypes, let categoryText = text(record, columns.category, "category", &check) {
            return inferredType(record, columns, name: name, categoryText: categoryText, &check).map { .new($0) }
        }
        let suggestion = NearestName.nearest(name, among: vocabulary.names)
        problem(
            record, column, "unknown relation type '\(name)'",
            hint: suggestion.map { "did you mean '\($0)'?" }
                ?? "use a type of the vocabulary (actorgraph types), pass --vocabulary, or add a category column",
            &check)
        return nil
    }

    /// The type of a row whose type cell is empty: ``CSVImportOptions/defaultType``, listed, else a problem that
    /// says how to fill it.
    private mutating func defaultType(
        _ record: borrowing CSVRecord, _ column: Int?, _ check: inout RowCheck
    ) -> EdgeType? {
        guard let name = options.defaultType,
            let index = vocabulary.index(named: name) ?? vocabulary.index(named: CSVColumnMapping.folded(name))
        else {
            problem(
                record, column, column == nil ? "missing relation type" : "empty relation type",
                hint: "write the relation type in this cell ('actorgraph types' lists them), "
                    + "or pass --default-type TYPE to give every empty type cell that type", &check)
            return nil
        }
        report.filledTypes.append(
            CSVImportReport.Conversion(
                location: location(record, column, check), text: "", result: vocabulary[index].name,
                reason: "--default-type"))
        return .known(index.rawValue)
    }

    /// A row that states its type's category or direction must agree with the vocabulary, or the file was written
    /// against another one (checked once per type name).
    private mutating func checkAgreement(
        _ record: borrowing CSVRecord, _ columns: EdgeColumns, vocabularyType known: RelationType,
        _ check: inout RowCheck
    ) {
        let name = known.name
        if let categoryText = text(record, columns.category, "category", &check),
            categoryText != known.category.rawValue
        {
            problem(
                record, columns.category,
                "type '\(name)' has category '\(known.category.rawValue)' in the vocabulary, not '\(categoryText)'",
                hint: "pass the vocabulary the file was written with (--vocabulary)", &check)
        } else if let directedText = text(record, columns.directed, "directed", &check),
            directedText != String(known.directed)
        {
            problem(
                record, columns.directed,
                "type '\(name)' is \(known.directed ? "directed" : "undirected") in the vocabulary, not directed=\(directedText)",
                hint: "pass the vocabulary the file was written with (--vocabulary)", &check)
        }
    }

    /// A type the vocabulary lacks, made from the row's name, category and `directed` cells.
    private mutating func inferredType(
        _ record: borrowing CSVRecord, _ columns: EdgeColumns, name: String, categoryText: String,
        _ check: inout RowCheck
    ) -> RelationType? {
        let category = RelationCategory(rawValue: categoryText)
        let directedText = text(record, columns.directed, "directed", &check) ?? "true"
        let nameOK =
            !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
            && (name.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
        if !nameOK {
            problem(
                record, columns.type,
                "relation type name '\(name)' must be lower-case letters, digits and '_', starting with a letter",
                &check)
            return nil
        }
        guard let category else {
            problem(
                record, columns.category, "unknown category '\(categoryText)'",
                hint: "one of: " + RelationCategory.allCases.map(\.rawValue).joined(separator: ", "), &check)
            return nil
        }
        guard directedText == "true" || directedText == "false" else {
            problem(record, columns.directed, "'directed' must be true or false, found '\(directedText)'", &check)
            return nil
        }
        let type = RelationType(name: name, directed: directedText == "true", category: category)
        // A built-in type of the same name and shape lends its inverse reading and description.
        if let known = RelationVocabulary.builtIn[name], known.directed == type.directed, known.category == category {
            return known
        }
        return type
    }

    /// The date: the byte fast path, else the full parser for its verdict and message.
    mutating func edgeDate(_ record: borrowing CSVRecord, _ column: Int?, _ check: inout RowCheck) -> EDTFDate? {
        guard let column, !record.isEmpty(column) else { return nil }
        if let parsed = EDTFBytes.parse(record.rawBytes(column)) { return parsed }
        guard let dateText = text(record, column, "date", &check) else { return nil }
        switch EDTFDate.parse(dateText) {
        case .success(let parsed): return parsed
        case .failure(let error) where options.readsNames:
            return humanDate(record, column, dateText, edtfError: error, &check)
        case .failure(let error):
            problem(record, column, "bad date '\(dateText)': \(error.message)", hint: EDTFError.help, &check)
            return nil
        }
    }

    /// The relation's own id, when the cell names one; `r<number>` names a relation by position, and the importer
    /// renumbers, as graph files do.
    mutating func edgeID(_ record: borrowing CSVRecord, _ column: Int?, _ check: inout RowCheck) -> String? {
        guard let column, !record.isEmpty(column) else { return nil }
        let raw = record.rawBytes(column)
        let positional =
            raw.count > 1 && raw[0] == UInt8(ascii: "r") && raw.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard !positional, let id = text(record, column, "id", &check) else { return nil }
        if let reason = Identifier.problem(with: id) {
            problem(record, column, "relation id '\(id)' \(reason)", &check)
            return nil
        }
        if let first = explicitIDs[id] {
            problem(
                record, column, "relation id '\(id)' is defined twice (first on line \(first))",
                hint: "give each relation its own id", &check)
            return nil
        }
        return id
    }
}
