import ActorGraph

extension CSVImportState {
    mutating func readActors(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) {
        var list = ActorList()
        readRecords(bytes, file: file, list: &list)
    }

    /// The actor list as the record loop reads it.
    struct ActorList: CSVRecordList {
        static let emptyFile = (
            message: "the actor list is empty", hint: "the first line names the columns: id,name,kind"
        )
        static let speculates = false
        var hasHeader = false
        var columns: ActorColumns?
        var width = 0
        var fastReader: FastActorReader?

        var acceptsRows: Bool { columns != nil }

        mutating func readHeader(_ record: borrowing CSVRecord, file: String, state: inout CSVImportState) {
            hasHeader = true
            guard
                let found = state.header(
                    record, file: file, fields: CSVColumnMapping.actorFields,
                    columns: state.options.mapping.actorColumns, required: ["id", "name", "kind"])
            else { return }
            let columns = ActorColumns(found.positions)
            self.columns = columns
            width = record.count
            if state.options.usesFastPath {
                fastReader = FastActorReader(columns: columns, width: width, separator: state.options.separator)
            }
        }

        func readRow(_ record: borrowing CSVRecord, file: String, state: inout CSVImportState) {
            guard let columns else { return }
            state.readActor(record, columns: columns, width: width, file: file)
        }

        func speculate(
            _ bytes: UnsafeBufferPointer<UInt8>, from position: Int, state: CSVImportState
        ) -> EdgeSpeculation? { nil }
    }

    /// Actor list column positions, resolved once from the header's field → position map.
    struct ActorColumns {
        var id, name, kind, subkind, aliases, description, country: Int?

        init(_ positions: [String: Int]) {
            (id, name, kind, subkind) = (positions["id"], positions["name"], positions["kind"], positions["subkind"])
            (aliases, description, country) = (positions["aliases"], positions["description"], positions["country"])
        }
    }

    mutating func readActor(_ record: borrowing CSVRecord, columns: ActorColumns, width: Int, file: String) {
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
        let kind = ActorKindCell.kind(kindText)
        if kind == nil {
            let problem = ActorKindCell.problem(kindText)
            report(Diagnostic(location(columns.kind), problem.message, hint: problem.hint))
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
}
