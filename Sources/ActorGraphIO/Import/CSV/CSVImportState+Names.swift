import ActorGraph

/// Spreadsheet reading of endpoints (``CSVImportOptions/readsNames``): a cell that is not an id read so far is a
/// name, resolved by the core's ``ActorResolver`` over the actor list, the graph's actors and the actors this file
/// has created; a name nothing answers to creates an actor with a slug id.
struct ImportNameIndex {
    /// What a resolver index stands for: an actor of the import, or one of the graph's not used yet.
    enum Target {
        case actor(UInt32)
        case known(Int)
    }

    var resolver = ActorResolver(actors: [])
    var targets: [Target] = []
    /// Position in ``CSVImportOptions/knownActors`` → the import's actor, once a row names it.
    var knownAdded: [Int: UInt32] = [:]
    var knownIDs: Set<String> = []
    /// Cell text → actor, for names already resolved or created.
    var cache: [String: UInt32] = [:]
}

extension CSVImportState {
    /// Takes the name index out of the state to change it (put it back with `names = index`): a copy left
    /// behind would make every change copy the whole index. Built on first need from the actors read so far (the
    /// actor list), then the graph's.
    mutating func takeNameIndex() -> ImportNameIndex {
        if let index = names {
            names = nil
            return index
        }
        var index = ImportNameIndex()
        for (position, actor) in actors.enumerated() {
            index.resolver.add(actor)
            index.targets.append(.actor(UInt32(position)))
        }
        for (position, actor) in options.knownActors.enumerated() {
            index.resolver.add(actor)
            index.targets.append(.known(position))
            index.knownIDs.insert(actor.id)
        }
        return index
    }

    /// The actor a name cell stands for, or a new one; reports an ambiguous name with its candidates.
    mutating func namedEndpoint(
        _ record: borrowing CSVRecord, _ column: Int, text: String, kindColumn: Int?, role: String,
        _ check: inout RowCheck
    ) -> Endpoint? {
        var index = takeNameIndex()
        defer { names = index }
        if let cached = index.cache[text] { return .existing(cached) }
        switch index.resolver.resolve(text, bulk: true) {
        case .found(let found):
            let actor = actorIndex(for: index.targets[found.position], &index)
            index.cache[text] = actor
            if actors[Int(actor)].id != text {
                let how = index.resolver.matchesExactly(text) ? "a name or alias" : "words of its name"
                report.names.append(
                    CSVImportReport.Conversion(
                        location: location(record, column, check), text: text, result: actors[Int(actor)].id,
                        reason: "\(how) of '\(actors[Int(actor)].name)'"))
            }
            return .existing(actor)
        case .ambiguous(let candidates):
            let list = candidates.prefix(6).map { candidate -> String in
                let actor = actorRecord(for: index.targets[candidate.position])
                return "\(actor.id) (\(actor.name))"
            }
            problem(
                record, column, "\(role) '\(text)' could be any of \(candidates.count) actors",
                hint: "it names " + list.joined(separator: ", ") + (candidates.count > list.count ? ", …" : "")
                    + "; write the id of the one meant", &check)
            return nil
        case .notFound:
            guard
                let kind = newActorKind(
                    record, kindColumn: kindColumn, role: role, actor: text, in: column,
                    hint: "give a \(role)_kind column, pass --default-kind, or list it in --actors", &check)
            else { return nil }
            let id = Self.slug(text, taken: { actorIDs.find($0) != nil || index.knownIDs.contains($0) })
            return .new(ActorRecord(id: id, name: text, kind: kind))
        }
    }

    private func actorRecord(for target: ImportNameIndex.Target) -> ActorRecord {
        switch target {
        case .actor(let position): return actors[Int(position)]
        case .known(let position): return options.knownActors[position]
        }
    }

    /// The import's actor for a resolver target: a graph actor is added the first time a row names it.
    private mutating func actorIndex(for target: ImportNameIndex.Target, _ index: inout ImportNameIndex) -> UInt32 {
        switch target {
        case .actor(let position): return position
        case .known(let position): return knownActorIndex(position, &index)
        }
    }

    /// The import's actor for a graph actor (``CSVImportOptions/knownActors``), added the first time it is needed.
    mutating func knownActorIndex(_ position: Int, _ index: inout ImportNameIndex) -> UInt32 {
        if let added = index.knownAdded[position] { return added }
        let actor = options.knownActors[position]
        let added = UInt32(actors.count)
        _ = actorIDs.insert(actor.id)
        actors.append(actor)
        actorLines.append(nil)
        knownActorPositions.append(Int(added))
        index.knownAdded[position] = added
        return added
    }

    /// Records a new actor made from a name, so later rows resolve to it.
    mutating func adoptNewActor(_ position: UInt32, text: String, location: SourceLocation) {
        var index = takeNameIndex()
        defer { names = index }
        let actor = actors[Int(position)]
        index.resolver.add(actor)
        index.targets.append(.actor(position))
        index.cache[text] = position
        newActorLocations[Int(position)] = location
        report.newActors.append(
            CSVImportReport.Conversion(
                location: location, text: text, result: actor.id, reason: "new \(actor.kind.rawValue)"))
    }

    /// An id from a name, as `sources add` makes one from a file name (``SourceCatalogue/slug(_:)``: `Türkiye` →
    /// `turkiye`, `U.S.` → `u-s`); `actor` when nothing usable is left; `-2`, `-3`… when taken.
    static func slug(_ name: String, taken: (String) -> Bool) -> String {
        let base = SourceCatalogue.slug(name).map { String($0.prefix(Identifier.maximumLength - 8)) } ?? "actor"
        if !taken(base) { return base }
        var suffix = 2
        while taken("\(base)-\(suffix)") { suffix += 1 }
        return "\(base)-\(suffix)"
    }

    /// Columns matched loosely: a field with no column of its exact name takes a column whose folded header is
    /// the field's or one of its ``CSVColumnMapping/synonyms``.
    mutating func matchLoosely(
        _ names: [String], fields: [String], columns: [String: String], positions: inout [String: Int]
    ) {
        let prefix = fields == CSVColumnMapping.actorFields ? "actor." : ""
        var byFolded: [String: Int] = [:]
        for (position, name) in names.enumerated() where byFolded[CSVColumnMapping.folded(name)] == nil {
            byFolded[CSVColumnMapping.folded(name)] = position
        }
        var used = Set(positions.values)
        for field in fields where positions[field] == nil {
            let wanted = [columns[field] ?? field] + (CSVColumnMapping.synonyms[prefix + field] ?? [])
            for candidate in wanted {
                guard let position = byFolded[CSVColumnMapping.folded(candidate)], !used.contains(position) else {
                    continue
                }
                positions[field] = position
                used.insert(position)
                report.columns.append(CSVImportReport.ColumnMatch(column: names[position], field: prefix + field))
                break
            }
        }
    }
}
