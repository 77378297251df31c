import ActorGraph

/// Spreadsheet reading beyond names: human dates, the document column, exact duplicate rows and probable
/// variants of one actor (``CSVImportOptions/readsNames``).
extension CSVImportState {
    /// Whether the row repeats an earlier one cell for cell: reported, and with ``CSVImportOptions/merge`` dropped.
    mutating func isDuplicate(_ record: borrowing CSVRecord, file: String) -> Bool {
        var key: [UInt8] = []
        for index in 0..<record.count {
            var cell = Substring(record.string(index) ?? "")
            while cell.first == " " { cell.removeFirst() }
            while cell.last == " " { cell.removeLast() }
            key.append(contentsOf: cell.utf8)
            key.append(0x1F)
        }
        guard let first = rowKeys[key] else {
            rowKeys[key] = record.line
            return false
        }
        report.duplicates.append(
            CSVImportReport.Duplicate(
                location: SourceLocation(file: file, line: record.line, column: 1), firstLine: first))
        return options.merge
    }

    /// A date cell that is not EDTF, converted by ``HumanDate`` and listed.
    mutating func humanDate(
        _ record: borrowing CSVRecord, _ column: Int, _ text: String, edtfError: EDTFError, _ check: inout RowCheck
    ) -> EDTFDate? {
        switch HumanDate.read(text, order: options.dayOrder) {
        case .success(let reading):
            guard case .success(let date) = EDTFDate.parse(reading.edtf) else { return nil }
            report.dates.append(
                CSVImportReport.Conversion(
                    location: location(record, column, check), text: text, result: reading.edtf,
                    reason: reading.reason))
            return date
        case .failure(let failure):
            // A text that starts like EDTF (`2021-13`) is told what EDTF says of it.
            let looksEDTF = text.first.map { $0.isASCII && $0.isNumber } ?? false
                && text.allSatisfy { $0.isASCII && ($0.isNumber || "-/~?%.X".contains($0)) }
            if looksEDTF && failure.message.hasPrefix("cannot read") {
                problem(record, column, "bad date '\(text)': \(edtfError.message)", hint: HumanDate.help, &check)
            } else {
                problem(record, column, "bad date: \(failure.message)", hint: failure.hint, &check)
            }
            return nil
        }
    }

    /// The document cell: a citation of the whole catalogue entry it names (by id, file name or title; a path such
    /// as `seeds/talks.txt` by its file name), else kept as the attribute `document` and listed as missing from the
    /// catalogue.
    mutating func documentCitation(
        _ record: borrowing CSVRecord, _ column: Int?, _ text: String, into details: inout RelationDetails,
        _ check: RowCheck
    ) {
        let fileName = text.split(separator: "/").last.map(String.init) ?? text
        let named = documents[ActorResolver.normalize(text)] ?? documents[ActorResolver.normalize(fileName)]
        if let id = named, let lines = sourceLines[id] {
            if !details.citations.contains(where: { $0.source == id }) {
                details.citations.append(Citation(source: id, lines: 1...max(1, lines)))
            }
            report.citedRows += 1
            return
        }
        details.attributes.append(RelationAttribute(key: "document", value: text))
        if let known = missingDocuments[text] {
            report.missingDocuments[known].rows += 1
        } else {
            missingDocuments[text] = report.missingDocuments.count
            report.missingDocuments.append(
                CSVImportReport.MissingDocument(text: text, location: location(record, column, check), rows: 1))
        }
    }

    /// Consonants of the folded name without spaces, repeats collapsed (`Türkiye` and `Turkey` → `trky`): names
    /// are compared by edit distance only within one such key, which keeps the search linear.
    static func skeleton(_ name: String) -> String {
        var result = ""
        for character in ActorResolver.squashed(name) where !"aeiou".contains(character) {
            if result.last != character { result.append(character) }
        }
        return result
    }

    /// An actor a new one may be a variant of: one of the import, or one of the graph's (``CSVImportOptions/knownActors``)
    /// that no row names yet.
    private enum VariantCandidate: Equatable {
        case actor(Int)
        case known(Int)
    }

    /// Reports actors made from names that are probably another actor — of the import or of the graph, by any of
    /// its names and aliases (same skeleton, a small edit distance after folding); with ``CSVImportOptions/merge``
    /// each is merged into that actor (the one met first; a graph actor is then named by the relations).
    ///
    /// - Complexity: O((graph actors + actors) × names each); at most 16 actors are compared per skeleton.
    mutating func findVariants() {
        guard !newActorLocations.isEmpty else { return }
        var buckets: [String: [VariantCandidate]] = [:]
        func file(_ candidate: VariantCandidate, names: [String]) {
            for name in names {
                let key = Self.skeleton(name)
                if !key.isEmpty, buckets[key, default: []].count < 16, buckets[key]?.last != candidate {
                    buckets[key, default: []].append(candidate)
                }
            }
        }
        let added = names?.knownAdded ?? [:]
        for (position, actor) in options.knownActors.enumerated() {
            file(added[position].map { .actor(Int($0)) } ?? .known(position), names: [actor.name] + actor.aliases)
        }
        let graphPositions = Set(knownActorPositions)
        var mergedInto: [Int: Int] = [:]
        for position in actors.indices where !graphPositions.contains(position) {
            let actor = actors[position]
            let names = [actor.name] + actor.aliases
            if let location = newActorLocations[position],
                let (other, reason) = variantMatch(names, position: position, buckets)
            {
                let kept = record(of: other)
                var variant = CSVImportReport.Variant(
                    kept: kept.id, variant: actor.id, keptName: kept.name, variantName: actor.name,
                    location: location, reason: reason, merged: options.merge)
                switch other {
                case .known: variant.keptInGraph = true
                case .actor(let kept): variant.keptInGraph = graphPositions.contains(kept)
                }
                report.variants.append(variant)
                if options.merge {
                    let target = importPosition(of: other)
                    mergedInto[position] = mergedInto[target] ?? target
                    continue
                }
            }
            file(.actor(position), names: names)
        }
        if !mergedInto.isEmpty { merge(mergedInto) }
    }

    private func record(of candidate: VariantCandidate) -> ActorRecord {
        switch candidate {
        case .actor(let position): return actors[position]
        case .known(let position): return options.knownActors[position]
        }
    }

    /// The import's position of a candidate: a graph actor no row named is added, as when a row names it.
    private mutating func importPosition(of candidate: VariantCandidate) -> Int {
        switch candidate {
        case .actor(let position): return position
        case .known(let position):
            var index = takeNameIndex()
            defer { names = index }
            return Int(knownActorIndex(position, &index))
        }
    }

    /// The first candidate of the same skeleton within a third of the shorter name's length after folding.
    private func variantMatch(
        _ names: [String], position: Int, _ buckets: [String: [VariantCandidate]]
    ) -> (VariantCandidate, String)? {
        for name in names {
            let key = Array(ActorResolver.squashed(name))
            for other in buckets[Self.skeleton(name)] ?? [] where other != .actor(position) {
                let otherRecord = record(of: other)
                for otherName in [otherRecord.name] + otherRecord.aliases {
                    let otherKey = Array(ActorResolver.squashed(otherName))
                    let limit = max(1, min(key.count, otherKey.count) / 3)
                    if let distance = ActorResolver.editDistance(key, otherKey, limit: limit) {
                        return (
                            other,
                            "'\(name)' and '\(otherName)' differ by \(distance) edit\(distance == 1 ? "" : "s") after folding"
                        )
                    }
                }
            }
        }
        return nil
    }

    /// Drops the actors of `mergedInto`, pointing their relations at the actor each merges into and keeping its
    /// name as an alias there.
    private mutating func merge(_ mergedInto: [Int: Int]) {
        var newPosition = [Int](repeating: -1, count: actors.count)
        var kept: [ActorRecord] = []
        var keptLines: [(file: String, line: Int, column: Int)?] = []
        for position in actors.indices where mergedInto[position] == nil {
            newPosition[position] = kept.count
            kept.append(actors[position])
            keptLines.append(actorLines[position])
        }
        for (position, target) in mergedInto.sorted(by: { $0.key < $1.key }) {
            newPosition[position] = newPosition[target]
            let name = actors[position].name
            if !kept[newPosition[target]].aliases.contains(name) { kept[newPosition[target]].aliases.append(name) }
        }
        for index in relationSource.indices {
            relationSource[index] = ActorIndex(newPosition[relationSource[index].position])
            relationTarget[index] = ActorIndex(newPosition[relationTarget[index].position])
        }
        knownActorPositions = knownActorPositions.map { newPosition[$0] }
        actors = kept
        actorLines = keptLines
    }
}
