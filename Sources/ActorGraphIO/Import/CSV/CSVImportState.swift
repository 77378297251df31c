import ActorGraph

/// What an import has read so far: the actors, the relations as columns, the interners that find ids, type names
/// and date texts from their bytes, and the problems met. Filled by the record loop, turned into a graph by
/// ``build()``.
struct CSVImportState {
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

    // Spreadsheet reading (``CSVImportOptions/readsNames``).
    var report = CSVImportReport()
    var names: ImportNameIndex?
    /// Actors of ``CSVImportOptions/knownActors`` added because a row names them (not written again).
    var knownActorPositions: [Int] = []
    /// Where each actor made from a name was first met.
    var newActorLocations: [Int: SourceLocation] = [:]
    /// A row's cells → its line, to find exact duplicates.
    var rowKeys: [[UInt8]: Int] = [:]
    /// Folded catalogue id, file name and title → source id, for the document column.
    var documents: [String: String] = [:]
    var missingDocuments: [String: Int] = [:]

    init(options: CSVImportOptions) {
        self.options = options
        self.vocabulary = options.vocabulary
        var lines: [String: Int] = [:]
        for source in options.sources { lines[source.id] = source.lines }
        self.sourceLines = lines
        if options.readsNames {
            var documents: [String: String] = [:]
            for source in options.sources {
                let file = source.file.split(separator: "/").last.map(String.init) ?? source.file
                let stem = file.split(separator: ".").first.map(String.init) ?? file
                for key in [source.id, file, stem, source.title] where documents[ActorResolver.normalize(key)] == nil {
                    documents[ActorResolver.normalize(key)] = source.id
                }
            }
            self.documents = documents
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if problems.count < CSVEdgeImporter.diagnosticLimit {
            problems.append(diagnostic)
        } else {
            droppedDiagnostics += 1
        }
    }

    mutating func syntaxError(_ error: CSVReader.SyntaxError, file: String) {
        report(
            Diagnostic(
                SourceLocation(file: file, line: error.line, column: error.column), error.message, hint: error.hint))
        skippedRows += 1
        rows += 1
    }

    /// Column positions of a header, by field; `nil` for absent columns. Reports duplicates.
    mutating func header(
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
        if options.readsNames { matchLoosely(names, fields: fields, columns: columns, positions: &positions) }
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

    /// Whether a status cell says `reported`, the default.
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
