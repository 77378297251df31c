import ActorGraph

/// Which CSV column holds which field. Defaults are the column names of the CSV export (docs/EXPORT.md), so an
/// exported edge list reads back unchanged; other files rename them with `FIELD=COLUMN` pairs.
public struct CSVColumnMapping: Sendable, Hashable {
    /// Edge list fields and their default column names.
    public static let edgeFields = [
        "id", "source", "target", "type", "date", "source_name", "source_kind", "target_name", "target_kind",
        "citations", "note", "date_note", "grade", "status", "claimed_by", "category", "directed",
    ]
    /// Actor list fields (prefixed `actor.` in a mapping) and their default column names.
    public static let actorFields = ["id", "name", "kind", "subkind", "aliases", "description", "country"]
    /// Columns of the export that are derived from the type and the date, so an import ignores them.
    public static let derivedColumns: Set<String> = ["start", "end"]

    public var edgeColumns: [String: String]
    public var actorColumns: [String: String]
    /// Columns named `PREFIX KEY` become attribute `KEY`; any other unknown column becomes an attribute named as
    /// its header.
    public var attributePrefix = EdgeListWriter.attributePrefix

    public init() {
        edgeColumns = Dictionary(uniqueKeysWithValues: Self.edgeFields.map { ($0, $0) })
        actorColumns = Dictionary(uniqueKeysWithValues: Self.actorFields.map { ($0, $0) })
    }

    public struct MappingError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Applies `source=from,target=to,actor.name=label`: each FIELD is read from COLUMN.
    public mutating func apply(_ text: String) throws(MappingError) {
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw MappingError(description: "'\(pair)' is not FIELD=COLUMN")
            }
            if parts[0].hasPrefix("actor.") {
                let field = String(parts[0].dropFirst("actor.".count))
                guard Self.actorFields.contains(field) else {
                    throw MappingError(
                        description: "unknown actor field '\(field)'; known: "
                            + Self.actorFields.map { "actor.\($0)" }.joined(separator: ", "))
                }
                actorColumns[field] = parts[1]
            } else {
                guard Self.edgeFields.contains(parts[0]) else {
                    throw MappingError(
                        description: "unknown field '\(parts[0])'; known: " + Self.edgeFields.joined(separator: ", ")
                            + " and actor.FIELD")
                }
                edgeColumns[parts[0]] = parts[1]
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// How an edge list is read.
public struct CSVImportOptions: Sendable {
    public var mapping = CSVColumnMapping()
    /// `,` or tab.
    public var separator = UInt8(ascii: ",")
    /// Types rows may use. A type not in it is created from the row's `category` and `directed` cells when the
    /// file has a category column (``inferTypes``), otherwise the row is bad.
    public var vocabulary = RelationVocabulary.builtIn
    public var inferTypes = true
    /// When the file has a `category` column, take every type from the file (category and `directed` of the
    /// first row using it) instead of ``vocabulary``: what `--graph edges.csv` does, since an exported edge list
    /// carries its types' category and direction.
    public var typesFromFile = false
    /// The kind of an actor first met in the edge list when no kind column says.
    public var defaultKind: ActorKind?
    /// Load the good rows and report the bad ones instead of failing.
    public var skipBadRows = false
    /// Rows without a note are bad (graph files require one).
    public var requireNote = false
    /// Rows without a citation are bad (graph files require one).
    public var requireCitation = false
    /// The source catalogue: when not empty, citations must name one of these sources and lie inside its lines,
    /// and the graph carries them.
    public var sources: [SourceDocument] = []

    public init() {}
}

/// An imported edge list: the graph, and what was wrong with the rows left out.
extension CSVImportOptions {
    /// Parses a citations cell, `SOURCE:LINES[:GRADE]` separated by `;`.
    public static func parseCitations(_ text: String) -> Result<[Citation], CitationSyntaxError> {
        ImportStateCitations.parse(text)
    }
}

public struct CitationSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

public struct CSVImportResult: Sendable {
    public let graph: RelationGraph
    /// Problems of skipped rows (only with ``CSVImportOptions/skipBadRows``), sorted by position.
    public let problems: [Diagnostic]
    public let skippedRows: Int
    /// Data rows read (header and blank lines excluded), skipped ones included.
    public let rows: Int
}

/// Reads CSV/TSV edge lists (and optional actor lists) into a graph, checking every row and reporting every
/// problem as `FILE:LINE:COLUMN: error: …`.
///
/// Built for bulk: the file is parsed in place by ``CSVReader``, actor ids and type names are interned from their
/// bytes (a String is made only for an actor's first appearance), dates take a byte-level fast path, and a row
/// without notes, citations or attributes allocates nothing.
public enum CSVEdgeImporter {
    /// The most diagnostics kept; beyond it a last one counts the rest.
    public static let diagnosticLimit = 10_000

    public static func load(
        edges: (name: String, bytes: [UInt8]), actors: (name: String, bytes: [UInt8])? = nil,
        options: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> CSVImportResult {
        var state = ImportState(options: options)
        if let actors {
            actors.bytes.withUnsafeBufferPointer { state.readActors($0, name: actors.name) }
        }
        if state.fatal.isEmpty {
            edges.bytes.withUnsafeBufferPointer { state.readEdges($0, name: edges.name) }
        }
        if !state.fatal.isEmpty { throw DiagnosticsError(state.fatal) }
        state.checkCountries()
        var problems = state.problems
        if state.droppedDiagnostics > 0, let last = problems.max() {
            problems.append(
                Diagnostic(
                    SourceLocation(file: last.location.file, line: last.location.line + 1, column: 0),
                    "\(state.droppedDiagnostics) more problems not shown"))
        }
        if !options.skipBadRows && !problems.isEmpty { throw DiagnosticsError(problems) }
        let graph = state.build()
        return CSVImportResult(
            graph: graph, problems: DiagnosticsError(problems).diagnostics, skippedRows: state.skippedRows,
            rows: state.rows)
    }
}

private struct ImportState {
    let options: CSVImportOptions
    var vocabulary: RelationVocabulary
    var fatal: [Diagnostic] = []
    var problems: [Diagnostic] = []
    var droppedDiagnostics = 0
    var skippedRows = 0
    var rows = 0

    var actors: [ActorRecord] = []
    var actorLines: [(file: String, line: Int, column: Int)?] = []
    var actorIDs = ByteInterner(capacity: 1 << 12)
    var typeNames = ByteInterner(capacity: 64)
    /// Interned type name → vocabulary index.
    var typeIndexByName: [UInt16] = []

    var relationSource: [UInt32] = []
    var relationTarget: [UInt32] = []
    var relationType: [UInt16] = []
    var relationDate: [EDTFDate?] = []
    var relationDetails: [RelationDetails?] = []
    var explicitIDs: [String: Int] = [:]

    let sourceLines: [String: Int]

    init(options: CSVImportOptions) {
        self.options = options
        self.vocabulary = options.vocabulary
        var lines: [String: Int] = [:]
        for source in options.sources { lines[source.id] = source.lines }
        self.sourceLines = lines
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if problems.count < CSVEdgeImporter.diagnosticLimit {
            problems.append(diagnostic)
        } else {
            droppedDiagnostics += 1
        }
    }

    private mutating func syntaxError(_ error: CSVReader.SyntaxError, file: String) {
        report(Diagnostic(SourceLocation(file: file, line: error.line, column: error.column), error.message, hint: error.hint))
        skippedRows += 1
        rows += 1
    }

    /// Column positions of a header, by field; `nil` for absent columns. Reports duplicates.
    private mutating func header(
        _ record: borrowing CSVRecord, file: String, fields: [String], columns: [String: String], required: [String]
    ) -> (positions: [String: Int], names: [String])? {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for index in 0..<record.count {
            let name = record.string(index) ?? ""
            if let first = seen[name] {
                fatal.append(
                    Diagnostic(
                        SourceLocation(file: file, line: record.line, column: record.column(index)),
                        "column '\(name)' appears twice (first as column \(first + 1))"))
            }
            seen[name] = index
            names.append(name)
        }
        var positions: [String: Int] = [:]
        for field in fields {
            if let column = columns[field], let position = seen[column] { positions[field] = position }
        }
        for field in required where positions[field] == nil {
            let column = columns[field] ?? field
            fatal.append(
                Diagnostic(
                    SourceLocation(file: file, line: record.line, column: 1), "no '\(column)' column in the header",
                    hint: field == column
                        ? "name the column '\(column)', or map it: --mapping \(field)=YOUR_COLUMN"
                        : "the mapping reads '\(field)' from column '\(column)'"))
        }
        return fatal.isEmpty ? (positions, names) : nil
    }

    // MARK: Actors

    mutating func readActors(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) {
        var positions: [String: Int]?
        var width = 0
        CSVReader.read(
            bytes, separator: options.separator,
            record: { record in
                if positions == nil {
                    guard
                        let found = header(
                            record, file: file, fields: CSVColumnMapping.actorFields, columns: options.mapping.actorColumns,
                            required: ["id", "name", "kind"])
                    else {
                        positions = [:]
                        return
                    }
                    positions = found.positions
                    width = record.count
                    return
                }
                guard let positions, !positions.isEmpty, !record.isBlank else { return }
                rows += 1
                readActor(record, positions: positions, width: width, file: file)
            },
            error: { syntaxError($0, file: file) })
        if positions == nil {
            fatal.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the actor list is empty", hint: "the first line names the columns: id,name,kind"))
        }
    }

    private mutating func readActor(_ record: borrowing CSVRecord, positions: [String: Int], width: Int, file: String) {
        func location(_ field: String) -> SourceLocation {
            SourceLocation(file: file, line: record.line, column: positions[field].map { record.column($0) } ?? 1)
        }
        if record.count != width {
            report(
                Diagnostic(
                    SourceLocation(file: file, line: record.line, column: 1),
                    "expected \(width) fields, found \(record.count)", hint: "check for an unquoted separator in a cell"))
            skippedRows += 1
            return
        }
        var bad = false
        func text(_ field: String) -> String? {
            guard let position = positions[field], !record.isEmpty(position) else { return nil }
            guard let value = record.string(position) else {
                report(Diagnostic(location(field), "invalid UTF-8 in '\(field)'"))
                bad = true
                return nil
            }
            return value
        }
        let id = text("id") ?? ""
        if let problem = Identifier.problem(with: id) {
            report(Diagnostic(location("id"), "actor id '\(id)' \(problem)", hint: "ids are lower-case: [a-z0-9][a-z0-9_.-]*"))
            bad = true
        } else if let idPosition = positions["id"], actorIDs.find(record.rawBytes(idPosition)) != nil {
            report(Diagnostic(location("id"), "actor id '\(id)' is defined twice", hint: "give each actor its own id"))
            bad = true
        }
        let name = text("name")
        if name == nil, !bad {
            report(Diagnostic(location("name"), "actor '\(id)' has no name"))
            bad = true
        }
        let kindText = text("kind") ?? ""
        let kind = ActorKind(rawValue: kindText)
        if kind == nil {
            report(
                Diagnostic(
                    location("kind"), "unknown actor kind '\(kindText)'",
                    hint: "one of: " + ActorKind.allCases.map(\.rawValue).joined(separator: ", ")))
            bad = true
        }
        let subkind = text("subkind")
        let aliases = text("aliases").map(ExportText.splitAliases) ?? []
        let description = text("description")
        let country = text("country")
        guard !bad, let name, let kind, let idPosition = positions["id"] else {
            skippedRows += 1
            return
        }
        _ = actorIDs.insert(record.rawBytes(idPosition))
        actors.append(
            ActorRecord(id: id, name: name, kind: kind, subkind: subkind, aliases: aliases, description: description, country: country))
        actorLines.append((file, record.line, positions["country"].map { record.column($0) } ?? 1))
    }

    /// An actor's `country` must name a state; reported like the graph file loader does.
    mutating func checkCountries() {
        for (position, actor) in actors.enumerated() {
            guard let country = actor.country, let place = actorLines[position] else { continue }
            let location = SourceLocation(file: place.file, line: place.line, column: place.column)
            let index = country.utf8.withContiguousStorageIfAvailable { actorIDs.find($0) } ?? nil
            if let index {
                if actors[index].kind != .state {
                    report(Diagnostic(location, "'country' of '\(actor.id)' is '\(country)', which is a \(actors[index].kind.rawValue), not a state"))
                }
            } else {
                report(Diagnostic(location, "unknown actor '\(country)' in 'country'"))
            }
        }
    }

    // MARK: Edges

    struct EdgeColumns {
        var id, source, target, type, date, sourceName, sourceKind, targetName, targetKind: Int?
        var citations, note, dateNote, grade, status, claimedBy, category, directed: Int?
        /// (column, attribute key)
        var attributes: [(Int, String)] = []
        var width = 0
    }

    mutating func readEdges(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) {
        var columns: EdgeColumns?
        var headerFailed = false
        relationSource.reserveCapacity(bytes.count / 64)
        relationTarget.reserveCapacity(bytes.count / 64)
        relationType.reserveCapacity(bytes.count / 64)
        relationDate.reserveCapacity(bytes.count / 64)
        relationDetails.reserveCapacity(bytes.count / 64)
        CSVReader.read(
            bytes, separator: options.separator,
            record: { record in
                if headerFailed { return }
                guard let columns else {
                    let mapping = options.mapping
                    guard
                        let found = header(
                            record, file: file, fields: CSVColumnMapping.edgeFields, columns: mapping.edgeColumns,
                            required: ["source", "target", "type"])
                    else {
                        headerFailed = true
                        return
                    }
                    var result = EdgeColumns()
                    let positions = found.positions
                    (result.id, result.source, result.target, result.type) = (positions["id"], positions["source"], positions["target"], positions["type"])
                    (result.date, result.sourceName, result.sourceKind) = (positions["date"], positions["source_name"], positions["source_kind"])
                    (result.targetName, result.targetKind, result.citations) = (positions["target_name"], positions["target_kind"], positions["citations"])
                    (result.note, result.dateNote, result.grade) = (positions["note"], positions["date_note"], positions["grade"])
                    (result.status, result.claimedBy) = (positions["status"], positions["claimed_by"])
                    (result.category, result.directed) = (positions["category"], positions["directed"])
                    let mapped = Set(positions.values)
                    for (position, name) in found.names.enumerated() where !mapped.contains(position) {
                        if CSVColumnMapping.derivedColumns.contains(name) { continue }
                        let key = name.hasPrefix(mapping.attributePrefix) ? String(name.dropFirst(mapping.attributePrefix.count)) : name
                        result.attributes.append((position, key))
                    }
                    result.width = record.count
                    if options.typesFromFile && result.category != nil { vocabulary = RelationVocabulary() }
                    columns = result
                    return
                }
                if record.isBlank { return }
                rows += 1
                readEdge(record, columns, file: file)
            },
            error: { syntaxError($0, file: file) })
        if columns == nil && !headerFailed {
            fatal.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the edge list is empty", hint: "the first line names the columns: source,target,type"))
        }
    }

    enum Endpoint {
        case existing(UInt32)
        case new(ActorRecord)
    }

    private mutating func readEdge(_ record: borrowing CSVRecord, _ columns: EdgeColumns, file: String) {
        if record.count != columns.width {
            report(
                Diagnostic(
                    SourceLocation(file: file, line: record.line, column: 1),
                    "expected \(columns.width) fields, found \(record.count)",
                    hint: "a cell holding the separator, a quote or a newline must be quoted"))
            skippedRows += 1
            return
        }
        var bad = false
        func location(_ column: Int?) -> SourceLocation {
            SourceLocation(file: file, line: column.map { record.line(of: $0) } ?? record.line, column: column.map { record.column($0) } ?? 1)
        }
        func problem(_ column: Int?, _ message: String, hint: String? = nil) {
            report(Diagnostic(location(column), message, hint: hint))
            bad = true
        }
        func text(_ column: Int?, _ what: String) -> String? {
            guard let column, !record.isEmpty(column) else { return nil }
            guard let value = record.string(column) else {
                problem(column, "invalid UTF-8 in '\(what)'")
                return nil
            }
            return value
        }

        // Endpoints.
        func endpoint(_ column: Int?, nameColumn: Int?, kindColumn: Int?, role: String) -> Endpoint? {
            guard let column, !record.isEmpty(column) else {
                problem(column, "missing \(role)", hint: "every row needs a source and a target actor id")
                return nil
            }
            let key = record.rawBytes(column)
            if let index = actorIDs.find(key) { return .existing(UInt32(index)) }
            guard let id = text(column, role) else { return nil }
            if let reason = Identifier.problem(with: id) {
                problem(column, "\(role) id '\(id)' \(reason)", hint: "ids are lower-case: [a-z0-9][a-z0-9_.-]*")
                return nil
            }
            var kind = options.defaultKind
            if let kindText = text(kindColumn, "\(role)_kind") {
                guard let parsed = ActorKind(rawValue: kindText) else {
                    problem(
                        kindColumn, "unknown actor kind '\(kindText)'",
                        hint: "one of: " + ActorKind.allCases.map(\.rawValue).joined(separator: ", "))
                    return nil
                }
                kind = parsed
            }
            guard let kind else {
                problem(
                    column, "unknown actor '\(id)' and no kind for it",
                    hint: "add it to the actor list, give a \(role)_kind column, or pass --default-kind")
                return nil
            }
            return .new(ActorRecord(id: id, name: text(nameColumn, "\(role)_name") ?? id, kind: kind))
        }
        let source = endpoint(columns.source, nameColumn: columns.sourceName, kindColumn: columns.sourceKind, role: "source")
        let target = endpoint(columns.target, nameColumn: columns.targetName, kindColumn: columns.targetKind, role: "target")

        // Type.
        var typeIndex: UInt16?
        var newType: RelationType?
        var typeInterned = false
        if let column = columns.type, !record.isEmpty(column) {
            let key = record.rawBytes(column)
            if let interned = typeNames.find(key) {
                typeIndex = typeIndexByName[interned]
                typeInterned = true
            } else if let name = text(column, "type") {
                if let index = vocabulary.index(named: name) {
                    typeIndex = index.rawValue
                    // A row that states the type's category or direction must agree with the vocabulary, or the
                    // file was written against another one (checked once per type name).
                    let known = vocabulary[index]
                    if let categoryText = text(columns.category, "category"), categoryText != known.category.rawValue {
                        problem(
                            columns.category, "type '\(name)' has category '\(known.category.rawValue)' in the vocabulary, not '\(categoryText)'",
                            hint: "pass the vocabulary the file was written with (--vocabulary)")
                    } else if let directedText = text(columns.directed, "directed"), directedText != String(known.directed) {
                        problem(
                            columns.directed, "type '\(name)' is \(known.directed ? "directed" : "undirected") in the vocabulary, not directed=\(directedText)",
                            hint: "pass the vocabulary the file was written with (--vocabulary)")
                    }
                } else if options.inferTypes, let categoryText = text(columns.category, "category") {
                    let category = RelationCategory(rawValue: categoryText)
                    let directedText = text(columns.directed, "directed") ?? "true"
                    let nameOK = !name.isEmpty && name.utf8.count <= 64
                        && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
                        && (name.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
                    if !nameOK {
                        problem(column, "relation type name '\(name)' must be lower-case letters, digits and '_', starting with a letter")
                    } else if category == nil {
                        problem(
                            columns.category, "unknown category '\(categoryText)'",
                            hint: "one of: " + RelationCategory.allCases.map(\.rawValue).joined(separator: ", "))
                    } else if directedText != "true" && directedText != "false" {
                        problem(columns.directed, "'directed' must be true or false, found '\(directedText)'")
                    } else if let category {
                        newType = RelationType(name: name, directed: directedText == "true", category: category)
                        // A built-in type of the same name and shape lends its inverse reading and description.
                        if let known = RelationVocabulary.builtIn[name], known.directed == newType?.directed,
                            known.category == category
                        {
                            newType = known
                        }
                    }
                } else {
                    let suggestion = SchemaReader.nearest(name, among: vocabulary.names)
                    problem(
                        column, "unknown relation type '\(name)'",
                        hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? "use a type of the vocabulary (actorgraph types), pass --vocabulary, or add a category column")
                }
            }
        } else {
            problem(columns.type, "missing relation type")
        }

        // Date: the byte fast path, else the full parser for its verdict and message.
        var date: EDTFDate?
        if let column = columns.date, !record.isEmpty(column) {
            if let parsed = EDTFBytes.parse(record.rawBytes(column)) {
                date = parsed
            } else if let dateText = text(column, "date") {
                switch EDTFDate.parse(dateText) {
                case .success(let parsed): date = parsed
                case .failure(let error): problem(column, "bad date '\(dateText)': \(error.message)", hint: EDTFError.help)
                }
            }
        }

        // Id.
        var explicitID: String?
        if let column = columns.id, !record.isEmpty(column) {
            let raw = record.rawBytes(column)
            // `r<number>` names a relation by position: the importer renumbers, as graph files do.
            let positional = raw.count > 1 && raw[0] == UInt8(ascii: "r")
                && raw.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if !positional, let id = text(column, "id") {
                if let reason = Identifier.problem(with: id) {
                    problem(column, "relation id '\(id)' \(reason)")
                } else if let first = explicitIDs[id] {
                    problem(column, "relation id '\(id)' is defined twice (first on line \(first))", hint: "give each relation its own id")
                } else {
                    explicitID = id
                }
            }
        }

        // Details: only rows that have some allocate them.
        var details: RelationDetails?
        func filled(_ column: Int?) -> Bool { column.map { !record.isEmpty($0) } ?? false }
        // `status` alone at its default is no detail: bulk rows exported with `reported` stay detail-free.
        let statusIsDefault = columns.status.map { record.isEmpty($0) || Self.isReported(record.rawBytes($0)) } ?? true
        let hasDetails = filled(columns.citations) || filled(columns.note) || filled(columns.dateNote)
            || filled(columns.grade) || !statusIsDefault || filled(columns.claimedBy)
            || columns.attributes.contains { !record.isEmpty($0.0) } || explicitID != nil
        if hasDetails {
            var value = RelationDetails(id: explicitID)
            value.note = text(columns.note, "note")
            value.dateNote = text(columns.dateNote, "date_note")
            if let citationText = text(columns.citations, "citations") {
                switch ImportStateCitations.parse(citationText) {
                case .success(let citations):
                    value.citations = citations
                    if !sourceLines.isEmpty {
                        for citation in citations {
                            if let lines = sourceLines[citation.source] {
                                if citation.lines.upperBound > lines {
                                    problem(columns.citations, "lines \(citation.linesText) lie outside source '\(citation.source)', which has \(lines) lines")
                                }
                            } else {
                                let suggestion = SchemaReader.nearest(citation.source, among: options.sources.map(\.id))
                                problem(
                                    columns.citations, "unknown source '\(citation.source)'",
                                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "add it to the catalogue (seeds/sources.yaml)")
                            }
                        }
                    }
                case .failure(let message):
                    problem(columns.citations, "bad citations '\(citationText)': \(message)", hint: "write SOURCE:LINES[:GRADE] separated by ';', e.g. rt-2023:12-14:B2; dw-2021:5")
                }
            }
            if let gradeText = text(columns.grade, "grade") {
                if let grade = AdmiraltyGrade(gradeText) { value.grade = grade } else {
                    problem(columns.grade, "bad grade '\(gradeText)'", hint: AdmiraltyGrade.syntaxHelp)
                }
            }
            if let statusText = text(columns.status, "status") {
                if let status = RelationStatus(rawValue: statusText) { value.status = status } else {
                    problem(columns.status, "unknown status '\(statusText)'", hint: "one of: reported, claimed, denied")
                }
            }
            value.claimedBy = text(columns.claimedBy, "claimed_by")
            if value.claimedBy != nil && value.status == .reported {
                problem(columns.claimedBy, "'claimed_by' needs status 'claimed' or 'denied'")
            }
            for (column, key) in columns.attributes {
                if let attribute = text(column, key) { value.attributes.append(RelationAttribute(key: key, value: attribute)) }
            }
            details = value == .empty ? nil : value
        }
        if options.requireNote && details?.note == nil {
            problem(
                columns.note, "no note: a graph file needs one for every relation",
                hint: "add a 'note' column, or pass --default-note")
        }
        if options.requireCitation && details?.citations.isEmpty ?? true {
            problem(
                columns.citations, "no citation: a graph file needs at least one for every relation",
                hint: "add a 'citations' column (SOURCE:LINES; …), or pass --default-citation")
        }

        guard !bad, let source, let target, typeIndex != nil || newType != nil else {
            skippedRows += 1
            return
        }
        // Self-relations, now that both ends and the type are known.
        let sourceID: String
        let targetID: String
        switch source {
        case .existing(let index): sourceID = actors[Int(index)].id
        case .new(let record): sourceID = record.id
        }
        switch target {
        case .existing(let index): targetID = actors[Int(index)].id
        case .new(let record): targetID = record.id
        }
        let type = newType ?? vocabulary[RelationTypeIndex(typeIndex ?? 0)]
        if sourceID == targetID && !type.allowsSelf {
            problem(columns.target, "'\(sourceID)' cannot \(type.label) itself", hint: "relation type '\(type.name)' forbids self-relations")
            skippedRows += 1
            return
        }
        if vocabulary.count >= RelationVocabulary.maximumCount && newType != nil {
            problem(columns.type, "too many relation types")
            skippedRows += 1
            return
        }

        // Commit the row: new types and actors first.
        if let newType, let column = columns.type {
            vocabulary.add(newType)
            typeIndex = UInt16(vocabulary.count - 1)
            _ = typeNames.insert(record.rawBytes(column))
            typeIndexByName.append(typeIndex ?? 0)
        } else if !typeInterned, let column = columns.type {
            _ = typeNames.insert(record.rawBytes(column))
            typeIndexByName.append(typeIndex ?? 0)
        }
        func commit(_ endpoint: Endpoint, column: Int?) -> UInt32 {
            switch endpoint {
            case .existing(let index): return index
            case .new(let actor):
                // The source may have created the same new actor a moment ago (a self-relation).
                if let column, let index = actorIDs.find(record.rawBytes(column)) { return UInt32(index) }
                if let column { _ = actorIDs.insert(record.rawBytes(column)) }
                actors.append(actor)
                actorLines.append(nil)
                return UInt32(actors.count - 1)
            }
        }
        relationSource.append(commit(source, column: columns.source))
        relationTarget.append(commit(target, column: columns.target))
        relationType.append(typeIndex ?? 0)
        relationDate.append(date)
        relationDetails.append(details)
        if let explicitID { explicitIDs[explicitID] = record.line }
    }

    static func isReported(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.elementsEqual("reported".utf8)
    }

    func build() -> RelationGraph {
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.reserveCapacity(actors: actors.count, relations: relationSource.count)
        for source in options.sources { try? builder.addSource(source) }
        // Ids were checked unique and relations reference only added actors, so the builder cannot refuse.
        for actor in actors { _ = try? builder.addActor(actor) }
        for position in relationSource.indices {
            _ = try? builder.addRelation(
                from: ActorIndex(relationSource[position]), to: ActorIndex(relationTarget[position]),
                type: RelationTypeIndex(relationType[position]), date: relationDate[position],
                details: relationDetails[position])
        }
        return builder.build()
    }
}

extension Substring {
    func trimmingSpacesSubstring() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

enum ImportStateCitations {
    static func parse(_ text: String) -> Result<[Citation], CitationSyntaxError> {
        var citations: [Citation] = []
        for part in text.split(separator: ";") {
            let pieces = part.trimmingSpacesSubstring().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 2 || pieces.count == 3 else { return .failure(CitationSyntaxError("expected SOURCE:LINES[:GRADE]")) }
            if let problem = Identifier.problem(with: pieces[0]) { return .failure(CitationSyntaxError("source id '\(pieces[0])' \(problem)")) }
            let bounds = pieces[1].split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let first = Int(bounds[0]), let last = Int(bounds.last ?? ""), first >= 1, last >= first else {
                return .failure(CitationSyntaxError("lines '\(pieces[1])' must be A or A-B with 1 <= A <= B"))
            }
            var grade: AdmiraltyGrade?
            if pieces.count == 3 {
                guard let parsed = AdmiraltyGrade(pieces[2]) else { return .failure(CitationSyntaxError("bad grade '\(pieces[2])'")) }
                grade = parsed
            }
            citations.append(Citation(source: pieces[0], lines: first...last, grade: grade))
        }
        return .success(citations)
    }

}
