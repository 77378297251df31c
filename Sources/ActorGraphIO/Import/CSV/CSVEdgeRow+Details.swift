import ActorGraph

extension CSVImportState {
    /// The row's details; only rows that have some allocate them. Also checks that a note and a citation are there
    /// when the options require them.
    mutating func edgeDetails(
        _ record: borrowing CSVRecord, _ columns: EdgeColumns, explicitID: String?, _ check: inout RowCheck
    ) -> RelationDetails? {
        func filled(_ column: Int?) -> Bool { column.map { !record.isEmpty($0) } ?? false }
        // `status` alone at its default is no detail: bulk rows exported with `reported` stay detail-free.
        let statusIsDefault = columns.status.map { record.isEmpty($0) || Self.isReported(record.rawBytes($0)) } ?? true
        let hasDetails =
            filled(columns.citations) || filled(columns.note) || filled(columns.dateNote)
            || filled(columns.grade) || !statusIsDefault || filled(columns.claimedBy)
            || columns.attributes.contains { !record.isEmpty($0.0) } || explicitID != nil || filled(columns.document)
        var details: RelationDetails?
        if hasDetails {
            var value = RelationDetails(id: explicitID)
            value.note = text(record, columns.note, "note", &check)
            value.dateNote = text(record, columns.dateNote, "date_note", &check)
            if let citationText = text(record, columns.citations, "citations", &check) {
                value.citations = citations(record, columns.citations, citationText, &check)
            }
            if let document = text(record, columns.document, "document", &check) {
                documentCitation(record, columns.document, document.trimmingSpaces(), into: &value, check)
            }
            if let gradeText = text(record, columns.grade, "grade", &check) {
                if let grade = AdmiraltyGrade(gradeText) {
                    value.grade = grade
                } else {
                    problem(record, columns.grade, "bad grade '\(gradeText)'", hint: AdmiraltyGrade.syntaxHelp, &check)
                }
            }
            if let statusText = text(record, columns.status, "status", &check) {
                if let status = RelationStatus(rawValue: statusText) {
                    value.status = status
                } else {
                    problem(
                        record, columns.status, "unknown status '\(statusText)'",
                        hint: "one of: reported, claimed, denied", &check)
                }
            }
            value.claimedBy = text(record, columns.claimedBy, "claimed_by", &check)
            if value.claimedBy != nil && value.status == .reported {
                problem(record, columns.claimedBy, "'claimed_by' needs status 'claimed' or 'denied'", &check)
            }
            for (column, key) in columns.attributes {
                if let attribute = text(record, column, key, &check) {
                    value.attributes.append(RelationAttribute(key: key, value: attribute))
                }
            }
            details = value == .empty ? nil : value
        }
        if options.requireNote && details?.note == nil {
            problem(
                record, columns.note, "no note: a graph file needs one for every relation",
                hint: "add a 'note' column, or pass --default-note", &check)
        }
        if options.requireCitation && details?.citations.isEmpty ?? true {
            problem(
                record, columns.citations, "no citation: a graph file needs at least one for every relation",
                hint: "add a 'citations' column (SOURCE:LINES; …), or pass --default-citation", &check)
        }
        return details
    }

    /// The citations cell parsed, each checked against the source catalogue when there is one.
    private mutating func citations(
        _ record: borrowing CSVRecord, _ column: Int?, _ text: String, _ check: inout RowCheck
    ) -> [Citation] {
        let citations: [Citation]
        switch CitationListParser.parse(text) {
        case .success(let parsed): citations = parsed
        case .failure(let message):
            problem(
                record, column, "bad citations '\(text)': \(message)",
                hint: "write SOURCE:LINES[:GRADE] separated by ';', e.g. rt-2023:12-14:B2; dw-2021:5", &check)
            return []
        }
        guard !sourceLines.isEmpty else { return citations }
        for citation in citations {
            if let lines = sourceLines[citation.source] {
                if citation.lines.upperBound > lines {
                    problem(
                        record, column,
                        "lines \(citation.linesText) lie outside source '\(citation.source)', which has \(lines) lines",
                        &check)
                }
            } else {
                let suggestion = NearestName.nearest(citation.source, among: options.sources.map(\.id))
                problem(
                    record, column, "unknown source '\(citation.source)'",
                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "add it to the catalogue (seeds/sources.yaml)",
                    &check)
            }
        }
        return citations
    }

    /// Whether a row whose cells are all good may be added: no self-relation its type forbids, room for a new type.
    mutating func acceptsEdge(
        _ record: borrowing CSVRecord, _ columns: EdgeColumns, source: Endpoint, target: Endpoint, type: EdgeType,
        _ check: inout RowCheck
    ) -> Bool {
        func id(_ endpoint: Endpoint) -> String {
            switch endpoint {
            case .existing(let index): return actors[Int(index)].id
            case .new(let record), .named(let record, _): return record.id
            }
        }
        let sourceID = id(source)
        let relationType: RelationType
        var isNew = false
        switch type {
        case .interned(let index), .known(let index): relationType = vocabulary[RelationTypeIndex(index)]
        case .new(let newType):
            relationType = newType
            isNew = true
        }
        if sourceID == id(target) && !relationType.allowsSelf {
            problem(
                record, columns.target, "'\(sourceID)' cannot \(relationType.label) itself",
                hint: "relation type '\(relationType.name)' forbids self-relations", &check)
            return false
        }
        if vocabulary.count >= RelationVocabulary.maximumCount && isNew {
            problem(record, columns.type, "too many relation types", &check)
            return false
        }
        return true
    }

    /// Adds a checked row: new types and actors first, then the relation's columns.
    mutating func commitEdge(
        _ record: borrowing CSVRecord, _ columns: EdgeColumns, source: Endpoint, target: Endpoint, type: EdgeType,
        date: EDTFDate?, details: RelationDetails?, explicitID: String?, file: String
    ) {
        let typeIndex: UInt16
        switch type {
        case .interned(let index): typeIndex = index
        case .known(let index):
            typeIndex = index
            internTypeName(record, columns, typeIndex)
        case .new(let newType):
            vocabulary.add(newType)
            typeIndex = UInt16(vocabulary.count - 1)
            internTypeName(record, columns, typeIndex)
        }
        relationSource.append(ActorIndex(commit(source, record, column: columns.source, file: file)))
        relationTarget.append(ActorIndex(commit(target, record, column: columns.target, file: file)))
        relationType.append(RelationTypeIndex(typeIndex))
        if let date, let column = columns.date {
            relationDate.append(dateIndex(record.rawBytes(column), date))
        } else {
            relationDate.append(-1)
        }
        if let details { relationDetails.append((relationSource.count - 1, details)) }
        if let explicitID { explicitIDs[explicitID] = record.line }
    }

    private mutating func internTypeName(_ record: borrowing CSVRecord, _ columns: EdgeColumns, _ index: UInt16) {
        guard let column = columns.type else { return }
        _ = typeNames.insert(record.rawBytes(column))
        typeIndexByName.append(index)
    }

    private mutating func commit(
        _ endpoint: Endpoint, _ record: borrowing CSVRecord, column: Int?, file: String
    ) -> UInt32 {
        switch endpoint {
        case .existing(let index): return index
        case .new(let actor):
            // The source may have created the same new actor a moment ago (a self-relation).
            if let column, let index = actorIDs.find(record.rawBytes(column)) { return UInt32(index) }
            if let column { _ = actorIDs.insert(record.rawBytes(column)) }
            actors.append(actor)
            actorLines.append(nil)
            return UInt32(actors.count - 1)
        case .named(let actor, let text):
            if let index = actorIDs.find(actor.id) { return UInt32(index) }
            _ = actorIDs.insert(actor.id)
            actors.append(actor)
            actorLines.append(nil)
            let position = UInt32(actors.count - 1)
            adoptNewActor(position, text: text, location: location(record, column, RowCheck(file: file)))
            return position
        }
    }
}
