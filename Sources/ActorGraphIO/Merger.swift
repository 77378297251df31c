import ActorGraph

/// Cross-file checks: duplicate ids (naming both places), references, sources against their texts.
struct Merger {
    var diagnostics: [Diagnostic]
    var requireSources = false

    /// The graph of all files, checked together; problems go to ``diagnostics``.
    mutating func merge(_ files: [ParsedGraphFile], sourceTexts: (any GraphLoader.SourceTexts)?) -> RelationGraph {
        let declared = files.compactMap(\.relationTypes)
        var builder = GraphBuilder(vocabulary: vocabulary(declared))
        let catalogued = files.flatMap(\.sources)
        let sources = addSources(catalogued, to: &builder, sourceTexts: sourceTexts)
        checkEvidence(of: catalogued, known: sources.locations, verifying: sourceTexts != nil)
        checkStubs(files.flatMap(\.stubs), against: catalogued)
        let bodies =
            sourceTexts == nil ? [:] : Dictionary(catalogued.map { ($0.record.id, $0.record) }) { first, _ in first }
        let actors = files.flatMap(\.actors)
        addActors(actors, to: &builder)
        let context = RelationContext(
            actors: actors, resolver: LazyResolver(actors.map(\.record)), sources: sources, bodies: bodies,
            declaresTypes: !declared.isEmpty)
        checkCountries(context, builder)
        var relationLocations: [String: SourceLocation] = [:]
        for relation in files.flatMap(\.relations) {
            addRelation(relation, context, to: &builder, relationLocations: &relationLocations)
        }
        if files.count(where: { !$0.relations.isEmpty }) > 1 { warnCrossFileDuplicates(files, vocabulary: builder.vocabulary) }
        return builder.build()
    }

    /// One relation stated in two files — the same ends (in either order when the type is undirected), type, date,
    /// status and claimant — as when an `extract` draft and an imported spreadsheet overlap: a warning at the later
    /// one, naming the first. Repeats within one file are left alone (two sources' accounts may be kept apart there).
    ///
    /// - Complexity: O(relations) expected.
    private mutating func warnCrossFileDuplicates(_ files: [ParsedGraphFile], vocabulary: RelationVocabulary) {
        struct Key: Hashable {
            var from: String, to: String, type: String, date: EDTFDate?, status: RelationStatus, claimedBy: String?
        }
        var first: [Key: SourceLocation] = [:]
        for file in files {
            var here: [Key: SourceLocation] = [:]
            for relation in file.relations {
                var ends = [relation.from, relation.to]
                if vocabulary[relation.type]?.directed == false { ends.sort() }
                let key = Key(
                    from: ends[0], to: ends[1], type: relation.type, date: relation.date, status: relation.details.status,
                    claimedBy: relation.details.claimedBy)
                if let earlier = first[key] {
                    let name = relation.details.id.map { "relation '\($0)'" } ?? "a relation"
                    let date = relation.date.map { ", \($0)" } ?? ""
                    diagnostics.append(
                        Diagnostic(
                            relation.location,
                            "\(name) (\(relation.from) -\(relation.type)- \(relation.to)\(date)) is also in \(earlier)",
                            hint: "the same relation twice, in two files (an extract draft and an import often overlap): keep one, with both citations",
                            severity: .warning))
                } else if here[key] == nil {
                    here[key] = relation.location
                }
            }
            first.merge(here) { earlier, _ in earlier }
        }
    }

    /// What the relation checks look things up in.
    private struct RelationContext {
        let actors: [ParsedGraphFile.Actor]
        /// Only an unknown actor's hint needs it: built on the first one (a valid file builds none).
        let resolver: LazyResolver
        let sources: (locations: [String: SourceLocation], lines: [String: Int])
        /// The catalogued sources whose body is checked (when texts are verified), by id.
        let bodies: [String: SourceDocument]
        let declaresTypes: Bool
    }

    /// The declared types, or the built-in ones when no file declares any.
    private mutating func vocabulary(_ declared: [[ParsedGraphFile.TypeDefinition]]) -> RelationVocabulary {
        guard !declared.isEmpty else { return .builtIn }
        var vocabulary = RelationVocabulary()
        var typeLocations: [String: SourceLocation] = [:]
        for definition in declared.joined() {
            if let first = typeLocations[definition.type.name] {
                diagnostics.append(
                    Diagnostic(
                        definition.location,
                        "relation type '\(definition.type.name)' is defined twice (first at \(first))",
                        hint: "keep one definition"))
                continue
            }
            typeLocations[definition.type.name] = definition.location
            vocabulary.add(definition.type)
        }
        return vocabulary
    }

    /// Adds each source once (verified against its text when texts are given); returns where each is defined and
    /// its line count.
    private mutating func addSources(
        _ sources: [ParsedGraphFile.Source], to builder: inout GraphBuilder, sourceTexts: (any GraphLoader.SourceTexts)?
    ) -> (locations: [String: SourceLocation], lines: [String: Int]) {
        var sourceLocations: [String: SourceLocation] = [:]
        var sourceLines: [String: Int] = [:]
        var records: [String: SourceDocument] = [:]
        for source in sources {
            // A graph file may restate a source exactly as the catalogue (or another file) has it: a YAML export
            // carries its sources so that it reads back anywhere, beside its catalogue too.
            if records[source.record.id] == source.record { continue }
            if let first = sourceLocations[source.record.id] {
                diagnostics.append(
                    Diagnostic(
                        source.location, "source id '\(source.record.id)' is defined twice (first at \(first))",
                        hint: "give each source its own id"))
                continue
            }
            sourceLocations[source.record.id] = source.location
            records[source.record.id] = source.record
            sourceLines[source.record.id] = source.record.lines
            if let texts = sourceTexts { verify(source, against: texts, lines: &sourceLines) }
            try? builder.addSource(source.record)
        }
        return (sourceLocations, sourceLines)
    }

    /// A stub stands for a text not catalogued yet: one with the id of an entry, or naming the same file (by its last
    /// path component, as `sources add` finds the stub it completes), repeats a text the catalogue already holds.
    private mutating func checkStubs(_ stubs: [ParsedGraphFile.Stub], against sources: [ParsedGraphFile.Source]) {
        func base(_ path: String) -> Substring { path.split(separator: "/").last ?? Substring(path) }
        var stubLocations: [String: SourceLocation] = [:]
        for stub in stubs {
            if let entry = sources.first(where: { $0.record.id == stub.id }) {
                diagnostics.append(
                    Diagnostic(
                        stub.location, "the stub '\(stub.id)' has the id of the catalogue entry at \(entry.location)",
                        hint: "the entry already catalogues a text under this id: cite it and delete the stub, or give the "
                            + "stub an id of its own"))
            } else if let entry = sources.first(where: { base($0.record.file) == base(stub.file) }) {
                diagnostics.append(
                    Diagnostic(
                        stub.fileLocation,
                        "the stub '\(stub.id)' names the file '\(stub.file)', which the entry '\(entry.record.id)' at "
                            + "\(entry.location) already catalogues",
                        hint: "cite '\(entry.record.id)' instead and delete the stub (a document cell may name the entry by "
                            + "id, file or title)"))
            } else if let first = stubLocations[stub.id] {
                diagnostics.append(
                    Diagnostic(
                        stub.location, "the stub id '\(stub.id)' is used twice (first at \(first))",
                        hint: "delete one of the two stubs, or give each its own id"))
            } else {
                stubLocations[stub.id] = stub.location
            }
        }
    }

    private mutating func addActors(_ actors: [ParsedGraphFile.Actor], to builder: inout GraphBuilder) {
        var actorLocations: [String: SourceLocation] = [:]
        for actor in actors {
            if let first = actorLocations[actor.record.id] {
                diagnostics.append(
                    Diagnostic(
                        actor.location, "actor id '\(actor.record.id)' is defined twice (first at \(first))",
                        hint: "give each actor its own id, or merge the two entries"))
                continue
            }
            actorLocations[actor.record.id] = actor.location
            _ = try? builder.addActor(actor.record)
        }
    }

    /// An actor's `country` must name a state.
    private mutating func checkCountries(_ context: RelationContext, _ builder: GraphBuilder) {
        for actor in context.actors {
            guard let country = actor.record.country, let location = actor.countryLocation else { continue }
            if let index = builder.actorIndex(id: country) {
                if builder.actor(index).kind != .state {
                    diagnostics.append(
                        Diagnostic(
                            location,
                            "'country' of '\(actor.record.id)' is '\(country)', which is a \(builder.actor(index).kind.rawValue), not a state"
                        ))
                }
            } else {
                diagnostics.append(unknownActor(country, at: location, field: "country", context))
            }
        }
    }

    /// Checks one relation against the actors, types, ids and sources, and adds it when nothing is wrong.
    private mutating func addRelation(
        _ relation: ParsedGraphFile.Relation, _ context: RelationContext, to builder: inout GraphBuilder,
        relationLocations: inout [String: SourceLocation]
    ) {
        var valid = true
        let from = builder.actorIndex(id: relation.from)
        let to = builder.actorIndex(id: relation.to)
        if from == nil {
            diagnostics.append(unknownActor(relation.from, at: relation.fromLocation, field: "from", context))
            valid = false
        }
        if to == nil {
            diagnostics.append(unknownActor(relation.to, at: relation.toLocation, field: "to", context))
            valid = false
        }
        let vocabulary = builder.vocabulary
        let typeIndex = vocabulary.index(named: relation.type)
        if typeIndex == nil {
            let suggestion = NearestName.nearest(relation.type, among: vocabulary.names)
            diagnostics.append(
                Diagnostic(
                    relation.typeLocation, "unknown relation type '\(relation.type)'",
                    hint: suggestion.map { "did you mean '\($0)'?" }
                        ?? (context.declaresTypes
                            ? "declare it under 'relation_types'"
                            : "declare it under 'relation_types', or use a built-in type (actorgraph types)")))
            valid = false
        }
        if let typeIndex, let from, from == to, !vocabulary[typeIndex].allowsSelf {
            diagnostics.append(
                Diagnostic(
                    relation.toLocation, "a '\(relation.type)' relation cannot join '\(relation.from)' to itself",
                    hint: "the type forbids self-relations; set 'self: true' on the type if this is intended"))
            valid = false
        }
        if let id = relation.details.id, let location = relation.idLocation {
            if let first = relationLocations[id] {
                diagnostics.append(
                    Diagnostic(
                        location, "relation id '\(id)' is defined twice (first at \(first))",
                        hint: "give each relation its own id"))
                valid = false
            } else {
                relationLocations[id] = location
            }
        }
        if let claimedBy = relation.details.claimedBy, let location = relation.claimedByLocation,
            Identifier.problem(with: claimedBy) == nil, builder.actorIndex(id: claimedBy) == nil,
            !claimedBy.contains(" "), claimedBy != "author"
        {
            // An id-like word that is no actor is most likely a typo; free text with spaces is a person's words.
            diagnostics.append(
                unknownActor(
                    claimedBy, at: location, field: "claimed_by", context,
                    extraHint: "write an actor id, 'author', or a description with spaces such as 'a Western diplomat'")
            )
        }
        if requireSources { requireEvidence(relation) }
        checkCitations(relation, context)
        guard valid, let from, let to, let typeIndex else { return }
        _ = try? builder.addRelation(
            from: from, to: to, type: typeIndex, date: relation.date, details: relation.details)
    }

    /// `--require-sources`: a sketch (no citation, or no note) is an error at the relation.
    private mutating func requireEvidence(_ relation: ParsedGraphFile.Relation) {
        let what = "relation \(relation.from) -\(relation.type)- \(relation.to)"
        if relation.details.citations.isEmpty {
            diagnostics.append(
                Diagnostic(
                    relation.location, "\(what) cites no source (unsourced)",
                    hint: "cite the document and lines that state it: sources: [{source: ID, lines: \"12-14\"}]"))
        }
        if relation.details.note == nil {
            diagnostics.append(
                Diagnostic(relation.location, "\(what) has no note", hint: "add 'note:' with one sentence in your own words"))
        }
    }

    /// Each citation must name a catalogued source and lie inside its lines.
    private mutating func checkCitations(_ relation: ParsedGraphFile.Relation, _ context: RelationContext) {
        for located in relation.citations {
            let citation = located.citation
            guard let lines = context.sources.lines[citation.source] else {
                let suggestion = NearestName.nearest(
                    citation.source, among: Array(context.sources.locations.keys).sorted())
                diagnostics.append(
                    Diagnostic(
                        located.sourceLocation, "unknown source '\(citation.source)'",
                        hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? "add it to the catalogue (seeds/sources.yaml)"))
                continue
            }
            if citation.lines.upperBound > lines {
                diagnostics.append(
                    Diagnostic(
                        located.linesLocation,
                        "lines \(citation.linesText) lie outside source '\(citation.source)', which has \(lines) lines",
                        hint: "cite lines between 1 and \(lines)"))
            } else if let record = context.bodies[citation.source], !record.bodyContains(citation.lines) {
                diagnostics.append(
                    Self.outsideBody(citation, of: record, relation: relation.details.id, at: located.linesLocation))
            }
        }
    }

    private func unknownActor(
        _ text: String, at location: SourceLocation, field: String, _ context: RelationContext, extraHint: String? = nil
    ) -> Diagnostic {
        let actors = context.actors
        var hint: String?
        switch context.resolver.resolver.resolve(text) {
        case .found(let index):
            let actor = actors[index.position].record
            hint = "'\(text)' names actor '\(actor.id)' (\(actor.name)); graph files refer to actors by id"
        case .ambiguous(let indices):
            hint =
                "did you mean one of: "
                + indices.prefix(5).map { "'\(actors[$0.position].record.id)'" }.joined(separator: ", ") + "?"
        case .notFound(let suggestions):
            if !suggestions.isEmpty {
                hint =
                    "did you mean "
                    + suggestions.map {
                        "'\(actors[$0.position].record.id)' (\(actors[$0.position].record.name))"
                    }.joined(separator: " or ") + "?"
            }
        }
        if let extraHint { hint = hint.map { "\($0); \(extraHint)" } ?? extraHint }
        return Diagnostic(location, "unknown actor '\(text)' in '\(field)'", hint: hint)
    }

    private mutating func verify(
        _ source: ParsedGraphFile.Source, against texts: any GraphLoader.SourceTexts, lines: inout [String: Int]
    ) {
        let record = source.record
        guard let bytes = texts.bytes(of: record.file) else {
            diagnostics.append(
                Diagnostic(
                    source.fileLocation, "source text '\(record.file)' is not in \(texts.location)",
                    hint: "check the file name, or the --sources folder"))
            return
        }
        let measure = SourceMeasure(bytes)
        let digest = measure.sha256
        if digest != record.sha256 {
            diagnostics.append(
                Diagnostic(
                    source.sha256Location, "sha256 of '\(record.file)' does not match: the file's is \(digest)",
                    hint: "the text changed since it was catalogued; review the citations, then update 'sha256'"))
        }
        let actualLines = measure.lines
        if actualLines != record.lines {
            diagnostics.append(
                Diagnostic(
                    source.linesLocation, "'\(record.file)' has \(actualLines) lines, not \(record.lines)",
                    hint: "set 'lines: \(actualLines)'"))
            lines[record.id] = actualLines
        }
    }
}

/// An ``ActorResolver`` made when first asked for: its folded-name index costs a Unicode fold of every actor's names,
/// about a twentieth of loading a valid 100,000-relation file, and only error hints use it.
private final class LazyResolver {
    private let actors: [ActorRecord]
    private(set) lazy var resolver = ActorResolver(actors: actors)

    init(_ actors: [ActorRecord]) { self.actors = actors }
}
