import ActorGraph
import Dispatch
import Foundation

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
    /// Columns of the export that are derived from the date, the evidence or the query, so an import ignores them.
    public static let derivedColumns = EdgeListWriter.derivedColumns

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
    /// Whether plain rows take the byte-level fast path; off only in tests that compare both paths.
    var usesFastPath = true
    /// Whether a large edge list's second half is read on another thread; tests turn it on for small files by
    /// lowering ``parallelMinimumBytes``.
    var readsInParallel = true
    var parallelMinimumBytes = 4 << 20
    var parallelWarmUpRows = 1_000

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
        if !options.skipBadRows && !problems.isEmpty {
            var error = DiagnosticsError(problems)
            error.notShown = state.droppedDiagnostics
            throw error
        }
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

    var relationSource: [ActorIndex] = []
    var relationTarget: [ActorIndex] = []
    var relationType: [RelationTypeIndex] = []
    /// Position in ``distinctDates``, or -1 for an undated relation: bulk files repeat a few thousand date texts,
    /// so each is parsed and converted once.
    var relationDate: [Int32] = []
    var distinctDates: [EDTFDate] = []
    /// Date text → position in ``distinctDates``.
    var dateTexts = ByteInterner(capacity: 1 << 12)
    /// The relations that have details, by position: bulk rows have none.
    var relationDetails: [(position: Int, details: RelationDetails)] = []
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
        report(
            Diagnostic(
                SourceLocation(file: file, line: error.line, column: error.column), error.message, hint: error.hint))
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
        var columns: ActorColumns?
        var width = 0
        var fast: FastActorReader?
        var fields: [CSVReader.Field] = []
        fields.reserveCapacity(16)
        var position = CSVReader.firstRecordOffset(bytes)
        var line = 1
        while position < bytes.count {
            // Plain rows take the fast path (see `readEdges`); the rest goes through the general reader and checks.
            if let reader = fast {
                while position < bytes.count,
                    let next = reader.readRow(bytes, at: position, line: line, file: file, state: &self)
                {
                    position = next
                    line += 1
                    rows += 1
                }
                if position >= bytes.count { break }
            }
            let recordLine = line
            if let failure = CSVReader.readRecord(
                bytes, separator: options.separator, position: &position, line: &line, fields: &fields)
            {
                syntaxError(failure, file: file)
                continue
            }
            let record = CSVRecord(line: recordLine, fields: fields, bytes: bytes)
            if positions == nil {
                guard
                    let found = header(
                        record, file: file, fields: CSVColumnMapping.actorFields, columns: options.mapping.actorColumns,
                        required: ["id", "name", "kind"])
                else {
                    positions = [:]
                    continue
                }
                positions = found.positions
                columns = ActorColumns(found.positions)
                width = record.count
                if options.usesFastPath, let columns {
                    fast = FastActorReader(columns: columns, width: width, separator: options.separator)
                }
                continue
            }
            guard let positions, !positions.isEmpty, let columns, !record.isBlank else { continue }
            rows += 1
            readActor(record, columns: columns, width: width, file: file)
        }
        if positions == nil {
            fatal.append(
                Diagnostic(
                    SourceLocation(file: file, line: 1, column: 1), "the actor list is empty",
                    hint: "the first line names the columns: id,name,kind"))
        }
    }

    /// Actor list column positions, resolved once from the header's field → position map.
    fileprivate struct ActorColumns {
        var id, name, kind, subkind, aliases, description, country: Int?

        init(_ positions: [String: Int]) {
            (id, name, kind, subkind) = (positions["id"], positions["name"], positions["kind"], positions["subkind"])
            (aliases, description, country) = (positions["aliases"], positions["description"], positions["country"])
        }
    }

    private mutating func readActor(_ record: borrowing CSVRecord, columns: ActorColumns, width: Int, file: String) {
        func location(_ column: Int?) -> SourceLocation {
            SourceLocation(file: file, line: record.line, column: column.map { record.column($0) } ?? 1)
        }
        if record.count != width {
            report(
                Diagnostic(
                    SourceLocation(file: file, line: record.line, column: 1),
                    "expected \(width) fields, found \(record.count)", hint: "check for an unquoted separator in a cell"
                ))
            skippedRows += 1
            return
        }
        var bad = false
        func text(_ column: Int?, _ field: String) -> String? {
            guard let column, !record.isEmpty(column) else { return nil }
            guard let value = record.string(column) else {
                report(Diagnostic(location(column), "\(record.problem(column)) in '\(field)'"))
                bad = true
                return nil
            }
            return value
        }
        let id = text(columns.id, "id") ?? ""
        if let problem = Identifier.problem(with: id) {
            report(
                Diagnostic(
                    location(columns.id), "actor id '\(id)' \(problem)",
                    hint: "ids are lower-case: [a-z0-9][a-z0-9_.-]*"))
            bad = true
        } else if let idPosition = columns.id, actorIDs.find(record.rawBytes(idPosition)) != nil {
            report(
                Diagnostic(
                    location(columns.id), "actor id '\(id)' is defined twice", hint: "give each actor its own id"))
            bad = true
        }
        let name = text(columns.name, "name")
        if name == nil, !bad {
            report(Diagnostic(location(columns.name), "actor '\(id)' has no name"))
            bad = true
        }
        let kindText = text(columns.kind, "kind") ?? ""
        let kind = ActorKind(rawValue: kindText)
        if kind == nil {
            report(
                Diagnostic(
                    location(columns.kind), "unknown actor kind '\(kindText)'",
                    hint: "one of: " + ActorKind.allCases.map(\.rawValue).joined(separator: ", ")))
            bad = true
        }
        let subkind = text(columns.subkind, "subkind")
        let aliases = text(columns.aliases, "aliases").map(ExportText.splitAliases) ?? []
        let description = text(columns.description, "description")
        let country = text(columns.country, "country")
        guard !bad, let name, let kind, let idPosition = columns.id else {
            skippedRows += 1
            return
        }
        _ = actorIDs.insert(record.rawBytes(idPosition))
        actors.append(
            ActorRecord(
                id: id, name: name, kind: kind, subkind: subkind, aliases: aliases, description: description,
                country: country))
        actorLines.append((file, record.line, columns.country.map { record.column($0) } ?? 1))
    }

    /// An actor's `country` must name a state; reported like the graph file loader does.
    mutating func checkCountries() {
        for (position, actor) in actors.enumerated() {
            guard let country = actor.country, let place = actorLines[position] else { continue }
            let location = SourceLocation(file: place.file, line: place.line, column: place.column)
            let index = country.utf8.withContiguousStorageIfAvailable { actorIDs.find($0) } ?? nil
            if let index {
                if actors[index].kind != .state {
                    report(
                        Diagnostic(
                            location,
                            "'country' of '\(actor.id)' is '\(country)', which is a \(actors[index].kind.rawValue), not a state"
                        ))
                }
            } else {
                report(Diagnostic(location, "unknown actor '\(country)' in 'country'"))
            }
        }
    }

    // MARK: Edges

    fileprivate struct EdgeColumns {
        var id, source, target, type, date, sourceName, sourceKind, targetName, targetKind: Int?
        var citations, note, dateNote, grade, status, claimedBy, category, directed: Int?
        /// (column, attribute key)
        var attributes: [(Int, String)] = []
        var width = 0
    }

    mutating func readEdges(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) {
        var columns: EdgeColumns?
        var headerFailed = false
        var fast: FastEdgeReader?
        let expectedRows = Self.estimateRecords(bytes)
        relationSource.reserveCapacity(expectedRows)
        relationTarget.reserveCapacity(expectedRows)
        relationType.reserveCapacity(expectedRows)
        relationDate.reserveCapacity(expectedRows)
        var fields: [CSVReader.Field] = []
        fields.reserveCapacity(32)
        var position = CSVReader.firstRecordOffset(bytes)
        var line = 1
        // Records before `limit` are read here; with a speculation running, the rest is being read by it.
        var limit = bytes.count
        var speculation: EdgeSpeculation?
        let mayParallelize = options.readsInParallel && ProcessInfo.processInfo.activeProcessorCount > 1
        while true {
            while position < limit {
                // Plain rows (no quotes, nothing to report, nothing but ids, a known type and a date) take the fast
                // path; every other record goes through the general reader and row checks, so diagnostics are
                // theirs.
                if let reader = fast {
                    var stop = limit
                    if mayParallelize && speculation == nil {
                        // Once the types of the file have been met, hand the second half of what is left to another
                        // thread; until then, check every 256 KB.
                        if rows >= options.parallelWarmUpRows,
                            let started = speculate(bytes, from: position, columns: columns)
                        {
                            speculation = started
                            limit = started.start
                            stop = limit
                        } else {
                            stop = min(limit, position + (1 << 18))
                        }
                    }
                    while position < stop, let next = reader.readRow(bytes, at: position, state: &self) {
                        position = next
                        line += 1
                        rows += 1
                    }
                    if position >= stop { continue }
                }
                let recordLine = line
                if let failure = CSVReader.readRecord(
                    bytes, separator: options.separator, position: &position, line: &line, fields: &fields)
                {
                    syntaxError(failure, file: file)
                    continue
                }
                let record = CSVRecord(line: recordLine, fields: fields, bytes: bytes)
                if headerFailed { continue }
                guard let columns else {
                    columns = edgeHeader(record, file: file)
                    if let columns {
                        if options.usesFastPath && !options.requireNote && !options.requireCitation {
                            fast = FastEdgeReader(columns: columns, separator: options.separator)
                        }
                    } else {
                        headerFailed = true
                    }
                    continue
                }
                if record.isBlank { continue }
                rows += 1
                readEdge(record, columns, file: file)
            }
            guard let finished = speculation else { break }
            speculation = nil
            finished.wait()
            // The speculation holds when this thread stopped exactly where it started: its first byte began a
            // record. Otherwise that byte was inside a quoted field and its work is dropped.
            if position == limit {
                adopt(finished)
                position = finished.stop
                line += finished.rowsRead
                rows += finished.rowsRead
            }
            limit = bytes.count
        }
        if columns == nil && !headerFailed {
            fatal.append(
                Diagnostic(
                    SourceLocation(file: file, line: 1, column: 1), "the edge list is empty",
                    hint: "the first line names the columns: source,target,type"))
        }
    }

    /// Starts reading the second half of `bytes[position...]` on another thread, from the line start after its
    /// middle, with a copy of this state: ``EdgeSpeculation``. `nil` when there is too little left to gain.
    private mutating func speculate(
        _ bytes: UnsafeBufferPointer<UInt8>, from position: Int, columns: EdgeColumns?
    ) -> EdgeSpeculation? {
        let remaining = bytes.count - position
        guard remaining >= options.parallelMinimumBytes, remaining >= 2, let columns,
            let reader = FastEdgeReader(columns: columns, separator: options.separator)
        else { return nil }
        var start = position + remaining / 2
        while start < bytes.count, bytes[start] != 0x0A { start += 1 }
        start += 1
        guard start < bytes.count else { return nil }
        // The copy shares the interners (copied on first write by either side) but not the growing columns,
        // which are emptied here, before the other thread starts, so neither side copies them.
        var copy = self
        copy.relationSource = []
        copy.relationTarget = []
        copy.relationType = []
        copy.relationDate = []
        copy.relationDetails = []
        copy.actors = []
        copy.actorLines = []
        copy.distinctDates = []
        copy.problems = []
        copy.explicitIDs = [:]
        let expected = Int(Double(relationSource.capacity) * Double(bytes.count - start) / Double(bytes.count))
        copy.relationSource.reserveCapacity(expected)
        copy.relationTarget.reserveCapacity(expected)
        copy.relationType.reserveCapacity(expected)
        copy.relationDate.reserveCapacity(expected)
        let speculation = EdgeSpeculation(state: copy, reader: reader, bytes: bytes, start: start)
        speculation.run()
        return speculation
    }

    /// Appends the rows a finished speculation read, as if read here: its new actors and dates are looked up
    /// again (this side may have met them first) and added in the order it met them.
    private mutating func adopt(_ speculation: EdgeSpeculation) {
        let other = speculation.state
        let actorBase = speculation.actorBase
        let dateBase = speculation.dateBase
        var actorMap: [UInt32] = []
        actorMap.reserveCapacity(other.actors.count)
        for (offset, actor) in other.actors.enumerated() {
            let index = other.actorIDs.withKey(actorBase + offset) { key in
                if let known = actorIDs.find(key) { return known }
                actors.append(actor)
                actorLines.append(nil)
                return actorIDs.insert(key)
            }
            actorMap.append(UInt32(index))
        }
        var dateMap: [Int32] = []
        dateMap.reserveCapacity(other.distinctDates.count)
        for (offset, date) in other.distinctDates.enumerated() {
            dateMap.append(other.dateTexts.withKey(dateBase + offset) { dateIndex($0, date) })
        }
        let base = UInt32(actorBase)
        func actor(_ index: ActorIndex) -> ActorIndex {
            index.rawValue < base ? index : ActorIndex(actorMap[Int(index.rawValue - base)])
        }
        relationSource.append(contentsOf: other.relationSource.lazy.map(actor))
        relationTarget.append(contentsOf: other.relationTarget.lazy.map(actor))
        relationType.append(contentsOf: other.relationType)
        let firstNewDate = Int32(dateBase)
        relationDate.append(
            contentsOf: other.relationDate.lazy.map { $0 < firstNewDate ? $0 : dateMap[Int($0 - firstNewDate)] })
    }

    /// Records in `bytes`, roughly: the line ends of a sample, scaled. Only sizes the relation arrays.
    static func estimateRecords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let sample = min(bytes.count, 1 << 20)
        guard sample > 0 else { return 0 }
        var lines = 0
        for position in 0..<sample where bytes[position] == 0x0A { lines += 1 }
        return Int(Double(lines + 1) * Double(bytes.count) / Double(sample) * 1.02)
    }

    private mutating func edgeHeader(_ record: borrowing CSVRecord, file: String) -> EdgeColumns? {
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
        let mapped = Set(positions.values)
        for (position, name) in found.names.enumerated() where !mapped.contains(position) {
            if CSVColumnMapping.derivedColumns.contains(name) { continue }
            let key =
                name.hasPrefix(mapping.attributePrefix) ? String(name.dropFirst(mapping.attributePrefix.count)) : name
            result.attributes.append((position, key))
        }
        result.width = record.count
        if options.typesFromFile && result.category != nil { vocabulary = RelationVocabulary() }
        return result
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
            SourceLocation(
                file: file, line: column.map { record.line(of: $0) } ?? record.line,
                column: column.map { record.column($0) } ?? 1)
        }
        func problem(_ column: Int?, _ message: String, hint: String? = nil) {
            report(Diagnostic(location(column), message, hint: hint))
            bad = true
        }
        func text(_ column: Int?, _ what: String) -> String? {
            guard let column, !record.isEmpty(column) else { return nil }
            guard let value = record.string(column) else {
                problem(column, "\(record.problem(column)) in '\(what)'")
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
        let source = endpoint(
            columns.source, nameColumn: columns.sourceName, kindColumn: columns.sourceKind, role: "source")
        let target = endpoint(
            columns.target, nameColumn: columns.targetName, kindColumn: columns.targetKind, role: "target")

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
                            columns.category,
                            "type '\(name)' has category '\(known.category.rawValue)' in the vocabulary, not '\(categoryText)'",
                            hint: "pass the vocabulary the file was written with (--vocabulary)")
                    } else if let directedText = text(columns.directed, "directed"),
                        directedText != String(known.directed)
                    {
                        problem(
                            columns.directed,
                            "type '\(name)' is \(known.directed ? "directed" : "undirected") in the vocabulary, not directed=\(directedText)",
                            hint: "pass the vocabulary the file was written with (--vocabulary)")
                    }
                } else if options.inferTypes, let categoryText = text(columns.category, "category") {
                    let category = RelationCategory(rawValue: categoryText)
                    let directedText = text(columns.directed, "directed") ?? "true"
                    let nameOK =
                        !name.isEmpty && name.utf8.count <= 64
                        && name.utf8.allSatisfy {
                            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F
                        }
                        && (name.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
                    if !nameOK {
                        problem(
                            column,
                            "relation type name '\(name)' must be lower-case letters, digits and '_', starting with a letter"
                        )
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
                            ?? "use a type of the vocabulary (actorgraph types), pass --vocabulary, or add a category column"
                    )
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
                case .failure(let error):
                    problem(column, "bad date '\(dateText)': \(error.message)", hint: EDTFError.help)
                }
            }
        }

        // Id.
        var explicitID: String?
        if let column = columns.id, !record.isEmpty(column) {
            let raw = record.rawBytes(column)
            // `r<number>` names a relation by position: the importer renumbers, as graph files do.
            let positional =
                raw.count > 1 && raw[0] == UInt8(ascii: "r")
                && raw.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if !positional, let id = text(column, "id") {
                if let reason = Identifier.problem(with: id) {
                    problem(column, "relation id '\(id)' \(reason)")
                } else if let first = explicitIDs[id] {
                    problem(
                        column, "relation id '\(id)' is defined twice (first on line \(first))",
                        hint: "give each relation its own id")
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
        let hasDetails =
            filled(columns.citations) || filled(columns.note) || filled(columns.dateNote)
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
                                    problem(
                                        columns.citations,
                                        "lines \(citation.linesText) lie outside source '\(citation.source)', which has \(lines) lines"
                                    )
                                }
                            } else {
                                let suggestion = SchemaReader.nearest(citation.source, among: options.sources.map(\.id))
                                problem(
                                    columns.citations, "unknown source '\(citation.source)'",
                                    hint: suggestion.map { "did you mean '\($0)'?" }
                                        ?? "add it to the catalogue (seeds/sources.yaml)")
                            }
                        }
                    }
                case .failure(let message):
                    problem(
                        columns.citations, "bad citations '\(citationText)': \(message)",
                        hint: "write SOURCE:LINES[:GRADE] separated by ';', e.g. rt-2023:12-14:B2; dw-2021:5")
                }
            }
            if let gradeText = text(columns.grade, "grade") {
                if let grade = AdmiraltyGrade(gradeText) {
                    value.grade = grade
                } else {
                    problem(columns.grade, "bad grade '\(gradeText)'", hint: AdmiraltyGrade.syntaxHelp)
                }
            }
            if let statusText = text(columns.status, "status") {
                if let status = RelationStatus(rawValue: statusText) {
                    value.status = status
                } else {
                    problem(columns.status, "unknown status '\(statusText)'", hint: "one of: reported, claimed, denied")
                }
            }
            value.claimedBy = text(columns.claimedBy, "claimed_by")
            if value.claimedBy != nil && value.status == .reported {
                problem(columns.claimedBy, "'claimed_by' needs status 'claimed' or 'denied'")
            }
            for (column, key) in columns.attributes {
                if let attribute = text(column, key) {
                    value.attributes.append(RelationAttribute(key: key, value: attribute))
                }
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
            problem(
                columns.target, "'\(sourceID)' cannot \(type.label) itself",
                hint: "relation type '\(type.name)' forbids self-relations")
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
        relationSource.append(ActorIndex(commit(source, column: columns.source)))
        relationTarget.append(ActorIndex(commit(target, column: columns.target)))
        relationType.append(RelationTypeIndex(typeIndex ?? 0))
        if let date, let column = columns.date {
            relationDate.append(dateIndex(record.rawBytes(column), date))
        } else {
            relationDate.append(-1)
        }
        if let details { relationDetails.append((relationSource.count - 1, details)) }
        if let explicitID { explicitIDs[explicitID] = record.line }
    }

    static func isReported(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Byte by byte: the generic `elementsEqual` against a String's UTF-8 view cost hundreds of instructions a row.
        guard bytes.count == 8 else { return false }
        return bytes[0] == 0x72 && bytes[1] == 0x65 && bytes[2] == 0x70 && bytes[3] == 0x6F && bytes[4] == 0x72
            && bytes[5] == 0x74 && bytes[6] == 0x65 && bytes[7] == 0x64  // "reported"
    }

    /// The position of `date`, written as `text`, in ``distinctDates``.
    mutating func dateIndex(_ text: UnsafeBufferPointer<UInt8>, _ date: EDTFDate) -> Int32 {
        if let known = dateTexts.find(text) { return Int32(known) }
        distinctDates.append(date)
        return Int32(dateTexts.insert(text))
    }

    func build() -> RelationGraph {
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.reserveCapacity(actors: actors.count, relations: relationSource.count)
        for source in options.sources { try? builder.addSource(source) }
        // Ids were checked unique and relations reference only added actors, so the builder cannot refuse.
        _ = try? builder.addActors(actors)
        _ = try? builder.addRelations(
            sources: relationSource, targets: relationTarget, types: relationType, dateIndices: relationDate,
            dates: distinctDates, details: relationDetails)
        return builder.build()
    }
}

/// Tokenizes a plain record — one line, no quotes, exactly `width` fields — straight from the bytes, eight at a
/// time: the bytes that matter (separator, line feed, carriage return, quote) are all below 0x2D, so one SWAR
/// comparison per word finds the few candidates and only those are classified. Anything else is not plain, and
/// the caller hands the record to ``CSVReader/readRecord(_:separator:position:line:fields:)``.
private final class PlainRecordScanner {
    let width: Int
    /// Byte classes: 0 ordinary, 1 separator, 2 line feed, 3 carriage return, 4 quote.
    private let classes: UnsafeMutablePointer<UInt8>
    /// Start of field `k` at `bounds[k]`; it ends one byte before `bounds[k + 1]`.
    private let bounds: UnsafeMutablePointer<Int>
    /// Every special byte is below this one.
    private let threshold: UInt8

    init?(width: Int, separator: UInt8) {
        let quote = UInt8(ascii: "\"")
        guard width > 0, separator < 0x80, separator != quote, separator != 0x0A, separator != 0x0D else { return nil }
        self.width = width
        threshold = max(separator, quote, 0x0D) + 1
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(separator)] = 1
        classes[0x0A] = 2
        classes[0x0D] = 3
        classes[Int(quote)] = 4
        bounds = .allocate(capacity: width + 1)
        bounds.initialize(repeating: 0, count: width + 1)
    }

    deinit {
        classes.deallocate()
        bounds.deallocate()
    }

    /// Tokenizes the record at `position`; returns where the next one starts, or `nil` when it is not plain.
    @inline(__always)
    func scan(_ base: UnsafePointer<UInt8>, count: Int, at position: Int) -> Int? {
        var index = position
        var field = 0
        bounds[0] = position
        // The byte that ends the record (line feed or carriage return), once found.
        var end = -1
        #if _endian(little)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            let below = ones &* UInt64(threshold)
            words: while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // High bit of each byte below the threshold (exact: no borrow crosses bytes, as each byte is
                // first raised to at least 0x80; bytes of 0x80 and above are never candidates).
                var candidates = ~((word | high) &- below) & high
                while candidates != 0 {
                    let at = index &+ candidates.trailingZeroBitCount &>> 3
                    let kind = classes[Int(base[at])]
                    if kind == 1 {
                        field &+= 1
                        if field >= width { return nil }
                        bounds[field] = at &+ 1
                    } else if kind != 0 {
                        end = at
                        break words
                    }
                    candidates &= candidates &- 1
                }
                index &+= 8
            }
        #endif
        if end < 0 {
            while index < count {
                let kind = classes[Int(base[index])]
                if kind == 1 {
                    field += 1
                    if field >= width { return nil }
                    bounds[field] = index + 1
                } else if kind != 0 {
                    end = index
                    break
                }
                index += 1
            }
        }
        guard field == width - 1 else { return nil }
        var next = count
        if end < 0 {
            end = count
        } else {
            switch classes[Int(base[end])] {
            case 2: next = end + 1
            case 3:
                guard end + 1 < count, base[end + 1] == 0x0A else { return nil }
                next = end + 2
            default: return nil
            }
        }
        bounds[width] = end + 1
        return next
    }

    @inline(__always) func start(_ column: Int) -> Int { bounds[column] }
    @inline(__always) func length(_ column: Int) -> Int { bounds[column + 1] - 1 - bounds[column] }
    @inline(__always) func cell(_ column: Int, _ base: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + bounds[column], count: bounds[column + 1] - 1 - bounds[column])
    }
    /// The cell, or `nil` when the column is absent or the cell empty.
    @inline(__always) func filledCell(_ column: Int?, _ base: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let column, length(column) != 0 else { return nil }
        return cell(column, base)
    }
}

/// The fast path of the edge loop: takes a plain record (``PlainRecordScanner``) and checks, from its bytes,
/// that the general row code would accept it without a word — ids that are interned or valid new ones, a type
/// already seen, a date the byte parser reads, no details. It then commits the row exactly as the general code
/// would (same actors in the same order, same arrays). Anything else returns `nil` and the caller reads the
/// record the general way, which also produces any diagnostic.
private final class FastEdgeReader {
    private let scanner: PlainRecordScanner
    private let source: Int
    private let target: Int
    private let type: Int
    private let date: Int?
    private let id: Int?
    private let status: Int?
    private let sourceName: Int?
    private let sourceKind: Int?
    private let targetName: Int?
    private let targetKind: Int?
    /// Columns whose content would make the row carry details (or need a check): the row is plain only when
    /// they are all empty.
    private let mustBeEmpty: [Int]

    init?(columns: ImportState.EdgeColumns, separator: UInt8) {
        guard let source = columns.source, let target = columns.target, let type = columns.type,
            let scanner = PlainRecordScanner(width: columns.width, separator: separator)
        else { return nil }
        (self.scanner, self.source, self.target, self.type) = (scanner, source, target, type)
        (self.date, self.id, self.status) = (columns.date, columns.id, columns.status)
        (self.sourceName, self.sourceKind) = (columns.sourceName, columns.sourceKind)
        (self.targetName, self.targetKind) = (columns.targetName, columns.targetKind)
        mustBeEmpty =
            [columns.citations, columns.note, columns.dateNote, columns.grade, columns.claimedBy]
            .compactMap { $0 } + columns.attributes.map { $0.0 }
    }

    /// Reads and commits the plain row at `position`, returning where the next record starts; `nil` when the
    /// row is not plain (nothing was changed).
    func readRow(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, state: inout ImportState) -> Int? {
        guard let base = bytes.baseAddress, let next = scanner.scan(base, count: bytes.count, at: position) else {
            return nil
        }
        let scanner = self.scanner
        @inline(__always) func length(_ column: Int) -> Int { scanner.length(column) }
        @inline(__always) func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { scanner.cell(column, base) }

        for column in mustBeEmpty where length(column) != 0 { return nil }
        if let status, length(status) != 0, !ImportState.isReported(cell(status)) { return nil }
        if let id, length(id) != 0 {
            // Only positional ids (`r<number>`), which the importer renumbers.
            let text = cell(id)
            guard text.count > 1, text[0] == UInt8(ascii: "r") else { return nil }
            for byte in text.dropFirst() where byte < 0x30 || byte > 0x39 { return nil }
        }
        guard length(type) != 0, let interned = state.typeNames.find(cell(type)) else { return nil }
        let typeIndex = state.typeIndexByName[interned]
        var dateIndex: Int32 = -1
        var newDate: EDTFDate?
        if let date, length(date) != 0 {
            if let known = state.dateTexts.find(cell(date)) {
                dateIndex = Int32(known)
            } else {
                guard let value = EDTFBytes.parse(cell(date)) else { return nil }
                newDate = value
            }
        }
        guard length(source) != 0, length(target) != 0 else { return nil }
        let sourceKey = cell(source)
        let targetKey = cell(target)
        let sourceIndex = state.actorIDs.find(sourceKey)
        let targetIndex = state.actorIDs.find(targetKey)
        let sourceIsNew = sourceIndex == nil
        let targetIsNew = targetIndex == nil
        if sourceIsNew, !newActorIsPlain(sourceKey, kind: sourceKind, name: sourceName, base: base, state: state) {
            return nil
        }
        if targetIsNew {
            // The same new actor at both ends: rare, left to the general code.
            if sourceIsNew && sourceKey.elementsEqual(targetKey) { return nil }
            if !newActorIsPlain(targetKey, kind: targetKind, name: targetName, base: base, state: state) { return nil }
        }
        if let sourceIndex, sourceIndex == targetIndex,
            !state.vocabulary[RelationTypeIndex(typeIndex)].allowsSelf
        {
            return nil
        }
        // Commit, as the general code does: the source's new actor first.
        if let newDate, let date { dateIndex = state.dateIndex(cell(date), newDate) }
        var sourceValue = sourceIndex ?? 0
        var targetValue = targetIndex ?? 0
        if sourceIsNew {
            sourceValue = state.actorIDs.insert(sourceKey)
            state.actors.append(newActor(sourceKey, kind: sourceKind, name: sourceName, base: base, state: state))
            state.actorLines.append(nil)
        }
        if targetIsNew {
            targetValue = state.actorIDs.insert(targetKey)
            state.actors.append(newActor(targetKey, kind: targetKind, name: targetName, base: base, state: state))
            state.actorLines.append(nil)
        }
        state.relationSource.append(ActorIndex(sourceValue))
        state.relationTarget.append(ActorIndex(targetValue))
        state.relationType.append(RelationTypeIndex(typeIndex))
        state.relationDate.append(dateIndex)
        return next
    }

    /// Whether the general code would create the actor for an id not seen before without a word: a valid id,
    /// a known kind (or the default one), a name that is valid UTF-8 (or none: the id).
    private func newActorIsPlain(
        _ key: UnsafeBufferPointer<UInt8>, kind: Int?, name: Int?, base: UnsafePointer<UInt8>,
        state: borrowing ImportState
    ) -> Bool {
        guard Self.isIdentifier(key) else { return false }
        if let kindBytes = scanner.filledCell(kind, base) {
            guard Self.actorKind(kindBytes) != nil else { return false }
        } else if state.options.defaultKind == nil {
            return false
        }
        if let nameBytes = scanner.filledCell(name, base), CSVReader.string(nameBytes) == nil { return false }
        return true
    }

    /// The actor for an id that ``newActorIsPlain(_:kind:name:base:state:)`` accepted.
    private func newActor(
        _ key: UnsafeBufferPointer<UInt8>, kind: Int?, name: Int?, base: UnsafePointer<UInt8>,
        state: borrowing ImportState
    ) -> ActorRecord {
        let actorKind = scanner.filledCell(kind, base).flatMap(Self.actorKind) ?? state.options.defaultKind ?? .group
        let id = String(decoding: key, as: UTF8.self)
        let actorName = scanner.filledCell(name, base).flatMap(CSVReader.string) ?? id
        return ActorRecord(id: id, name: actorName, kind: actorKind)
    }

    /// ``Identifier/problem(with:)`` is `nil`, from bytes.
    static func isIdentifier(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !key.isEmpty, key.count <= Identifier.maximumLength else { return false }
        for (offset, byte) in key.enumerated() {
            let isLowerOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !isLowerOrDigit && (offset == 0 || (byte != 0x5F && byte != 0x2D && byte != 0x2E)) { return false }
        }
        return true
    }

    /// `ActorKind(rawValue:)` from bytes, without making a String.
    static func actorKind(_ bytes: UnsafeBufferPointer<UInt8>) -> ActorKind? {
        candidates: for (kind, name) in kindNames where name.count == bytes.count {
            for position in 0..<name.count where name[position] != bytes[position] { continue candidates }
            return kind
        }
        return nil
    }

    private static let kindNames = ActorKind.allCases.map { ($0, Array($0.rawValue.utf8)) }
}

/// The second half of an edge list, read on another thread while the first half is read as usual: plain rows
/// only, against a copy of the import state taken at the split, stopping at the first row that is not plain (or
/// the end). Actors and dates it meets that the copy lacks are numbered after the copy's, and renumbered when
/// the rows are adopted; everything from `stop` on is read again by the usual loop.
private final class EdgeSpeculation: @unchecked Sendable {
    // Safety: `state` and `reader` are touched by the worker only between `run()` and the end of `wait()`, and by
    // the caller only after `wait()`; `bytes` outlives both (the caller waits before returning).
    var state: ImportState
    private let reader: FastEdgeReader
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the speculation starts (a line start) and where it stopped.
    let start: Int
    private(set) var stop: Int
    private(set) var rowsRead = 0
    /// Actors and dates of the copy: later ones are the speculation's own.
    let actorBase: Int
    let dateBase: Int
    private let group = DispatchGroup()

    init(state: ImportState, reader: FastEdgeReader, bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.state = state
        self.reader = reader
        self.bytes = bytes
        self.start = start
        self.stop = start
        actorBase = state.actorIDs.count
        dateBase = state.dateTexts.count
    }

    func run() {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { self.read() }
    }

    func wait() { group.wait() }

    private func read() {
        var position = start
        var count = 0
        while position < bytes.count, let next = reader.readRow(bytes, at: position, state: &state) {
            position = next
            count += 1
        }
        stop = position
        rowsRead = count
    }
}

/// The fast path of the actor list: a plain record (``PlainRecordScanner``) whose id is valid and new, whose name
/// is there, whose kind is known and whose texts are valid UTF-8 is committed as `readActor` would; anything
/// else returns `nil` and goes through `readActor`, which reports it.
private final class FastActorReader {
    private let scanner: PlainRecordScanner
    private let columns: ImportState.ActorColumns
    private let id: Int
    private let name: Int
    private let kind: Int

    init?(columns: ImportState.ActorColumns, width: Int, separator: UInt8) {
        guard let id = columns.id, let name = columns.name, let kind = columns.kind,
            let scanner = PlainRecordScanner(width: width, separator: separator)
        else { return nil }
        (self.scanner, self.columns, self.id, self.name, self.kind) = (scanner, columns, id, name, kind)
    }

    func readRow(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: Int, line: Int, file: String, state: inout ImportState
    ) -> Int? {
        guard let base = bytes.baseAddress, let next = scanner.scan(base, count: bytes.count, at: position) else {
            return nil
        }
        let scanner = self.scanner
        let key = scanner.cell(id, base)
        guard FastEdgeReader.isIdentifier(key), state.actorIDs.find(key) == nil,
            let nameBytes = scanner.filledCell(name, base), let actorName = CSVReader.string(nameBytes),
            let kindBytes = scanner.filledCell(kind, base), let actorKind = FastEdgeReader.actorKind(kindBytes)
        else { return nil }
        // An optional text: absent, or present and valid UTF-8; `.none` when invalid (not plain).
        func text(_ column: Int?) -> String?? {
            guard let bytes = scanner.filledCell(column, base) else { return .some(nil) }
            guard let value = CSVReader.string(bytes) else { return .none }
            return .some(value)
        }
        guard let subkind = text(columns.subkind), let aliasText = text(columns.aliases),
            let description = text(columns.description), let country = text(columns.country)
        else { return nil }
        _ = state.actorIDs.insert(key)
        state.actors.append(
            ActorRecord(
                id: String(decoding: key, as: UTF8.self), name: actorName, kind: actorKind, subkind: subkind,
                aliases: aliasText.map(ExportText.splitAliases) ?? [], description: description, country: country))
        // The column is only ever read to report a bad country, so it is worked out only when there is one.
        let countryColumn =
            country == nil ? 1 : columns.country.map { CSVReader.column(of: scanner.start($0), in: bytes) } ?? 1
        state.actorLines.append((file, line, countryColumn))
        return next
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
            let pieces = part.trimmingSpacesSubstring().split(separator: ":", omittingEmptySubsequences: false).map(
                String.init)
            guard pieces.count == 2 || pieces.count == 3 else {
                return .failure(CitationSyntaxError("expected SOURCE:LINES[:GRADE]"))
            }
            if let problem = Identifier.problem(with: pieces[0]) {
                return .failure(CitationSyntaxError("source id '\(pieces[0])' \(problem)"))
            }
            // Digits only: `Int` alone would take "+5".
            let bounds = pieces[1].split(separator: "-", omittingEmptySubsequences: false).map { bound in
                bound.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(bound) : nil
            }
            guard bounds.count <= 2, let first = bounds[0], let last = bounds.last ?? nil, first >= 1,
                last >= first
            else {
                return .failure(CitationSyntaxError("lines '\(pieces[1])' must be A or A-B with 1 <= A <= B"))
            }
            var grade: AdmiraltyGrade?
            if pieces.count == 3 {
                guard let parsed = AdmiraltyGrade(pieces[2]) else {
                    return .failure(CitationSyntaxError("bad grade '\(pieces[2])'"))
                }
                grade = parsed
            }
            citations.append(Citation(source: pieces[0], lines: first...last, grade: grade))
        }
        return .success(citations)
    }

}
