import ActorGraph
import Crypto
import Foundation

/// Where to read a graph from.
public struct GraphLoadOptions: Sendable {
    /// A graph file or a folder of them.
    public var graphPath: String
    /// The source catalogue. `nil` looks for `seeds/sources.yaml` beside the graph folder, then in the current
    /// directory; a missing catalogue is not an error (graph files may carry their own `sources`).
    public var cataloguePath: String?
    /// The folder holding the source texts; when given, hashes, line counts and cited ranges are verified.
    public var sourcesDirectory: String?
    /// Refuse sketches: every relation must cite a source and carry a note (`check --require-sources`).
    public var requireSources: Bool

    public init(
        graphPath: String = "graphs", cataloguePath: String? = nil, sourcesDirectory: String? = nil,
        requireSources: Bool = false
    ) {
        self.graphPath = graphPath
        self.cataloguePath = cataloguePath
        self.sourcesDirectory = sourcesDirectory
        self.requireSources = requireSources
    }
}

/// A graph read from files, with what was read.
public struct LoadedGraph: Sendable {
    public let graph: RelationGraph
    public let files: [String]
    public let cataloguePath: String?
    /// Whether the source texts were verified (`--sources` given).
    public let verifiedSources: Bool
    /// Problems that do not stop loading (a publication date read from outside a source's body), sorted.
    public var warnings: [Diagnostic] = []
}

/// Reads graph files and the catalogue, checks them together, and builds the graph — or reports every problem.
public enum GraphLoader {
    /// - Throws: ``DiagnosticsError`` with every problem of every file, sorted by file and position.
    public static func load(_ options: GraphLoadOptions) throws(DiagnosticsError) -> LoadedGraph {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: options.graphPath, isDirectory: &isFolder) else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: options.graphPath, line: 0, column: 0), "no graph file or folder here",
                    hint: "pass --graph with a graph file or a folder of them (the default is 'graphs' in the current directory)")
            ])
        }
        var paths: [String]
        if isFolder.boolValue {
            let names = (try? fileManager.contentsOfDirectory(atPath: options.graphPath)) ?? []
            paths = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
                (options.graphPath as NSString).appendingPathComponent($0)
            }
            if paths.isEmpty {
                throw DiagnosticsError([
                    Diagnostic(
                        SourceLocation(file: options.graphPath, line: 0, column: 0), "the folder holds no graph files",
                        hint: "graph files end in .yaml or .yml")
                ])
            }
        } else {
            paths = [options.graphPath]
        }
        var inputs: [(name: String, bytes: [UInt8])] = []
        var problems: [Diagnostic] = []
        for path in paths {
            switch FileBytes.contents(path) {
            case .success(let bytes): inputs.append((path, bytes))
            case .failure(let failure):
                problems.append(Diagnostic(SourceLocation(file: path, line: 0, column: 0), "cannot read the file: \(failure)"))
            }
        }
        let catalogue = options.cataloguePath ?? defaultCatalogue(for: options.graphPath, isFolder: isFolder.boolValue)
        var catalogueInput: (name: String, bytes: [UInt8])?
        if let catalogue {
            switch FileBytes.contents(catalogue) {
            case .success(let bytes): catalogueInput = (catalogue, bytes)
            case .failure(let failure):
                problems.append(
                    Diagnostic(
                        SourceLocation(file: catalogue, line: 0, column: 0), "cannot read the source catalogue: \(failure)",
                        hint: "check the --catalogue path"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        let texts = options.sourcesDirectory.map { FolderTexts(folder: $0) }
        var warnings: [Diagnostic] = []
        let graph = try load(files: inputs, catalogue: catalogueInput, sourceTexts: texts, requireSources: options.requireSources, warnings: &warnings)
        var loaded = LoadedGraph(graph: graph, files: paths, cataloguePath: catalogue, verifiedSources: texts != nil)
        loaded.warnings = warnings
        return loaded
    }

    private static func defaultCatalogue(for graphPath: String, isFolder: Bool) -> String? {
        // URL rather than NSString path methods: swift-corelibs-foundation's NSString crashes on some relative
        // paths (a bare file name) in `deletingLastPathComponent`.
        let graph = URL(fileURLWithPath: graphPath).standardizedFileURL
        let folder = isFolder ? graph : graph.deletingLastPathComponent()
        let beside = folder.deletingLastPathComponent().appendingPathComponent("seeds/sources.yaml").path
        let candidates = [beside, "seeds/sources.yaml"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }.map { candidate in
            // Name the catalogue relative to the working directory when it is below it, as users typed paths.
            let here = FileManager.default.currentDirectoryPath + "/"
            return candidate.hasPrefix(here) ? String(candidate.dropFirst(here.count)) : candidate
        }
    }

    /// Reads source texts by file name.
    public protocol SourceTexts {
        /// The bytes of the named text, or `nil` when it is missing; `location` names where to look.
        func bytes(of file: String) -> [UInt8]?
        var location: String { get }
    }

    struct FolderTexts: SourceTexts {
        let folder: String
        /// `nil` as well for a path whose symbolic links lead outside the folder.
        func bytes(of file: String) -> [UInt8]? {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let root = Self.resolved(folder), let resolved = Self.resolved(path), resolved.hasPrefix(root + "/")
            else { return nil }
            return FileBytes.read(resolved)
        }

        private static func resolved(_ path: String) -> String? {
            guard let pointer = realpath(path, nil) else { return nil }
            defer { free(pointer) }
            return String(cString: pointer)
        }
        var location: String { folder }
    }

    /// Loads from bytes in memory: what ``load(_:)`` does once the files are read. Public for tests and tools.
    public static func load(
        files: [(name: String, bytes: [UInt8])], catalogue: (name: String, bytes: [UInt8])?,
        sourceTexts: (any SourceTexts)?, requireSources: Bool = false
    ) throws(DiagnosticsError) -> RelationGraph {
        var warnings: [Diagnostic] = []
        return try load(
            files: files, catalogue: catalogue, sourceTexts: sourceTexts, requireSources: requireSources, warnings: &warnings)
    }

    /// As ``load(files:catalogue:sourceTexts:)``, handing back the warnings; errors and warnings are thrown together.
    public static func load(
        files: [(name: String, bytes: [UInt8])], catalogue: (name: String, bytes: [UInt8])?,
        sourceTexts: (any SourceTexts)?, requireSources: Bool = false, warnings: inout [Diagnostic]
    ) throws(DiagnosticsError) -> RelationGraph {
        var reader = SchemaReader()
        var parsed = files.map { ParsedGraphFile.read($0.bytes, name: $0.name, reader: &reader) }
        if let catalogue {
            let catalogueFile = ParsedGraphFile.read(catalogue.bytes, name: catalogue.name, reader: &reader)
            if catalogueFile.relationTypes != nil || !catalogueFile.actors.isEmpty || !catalogueFile.relations.isEmpty {
                reader.diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: catalogue.name, line: 1, column: 1),
                        "the source catalogue may hold only 'sources'", hint: "move actors and relations into a graph file"))
            }
            parsed.insert(catalogueFile, at: 0)
        }
        var merger = Merger(diagnostics: reader.diagnostics, requireSources: requireSources)
        let graph = merger.merge(parsed, sourceTexts: sourceTexts)
        if merger.diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(merger.diagnostics) }
        warnings = merger.diagnostics.sorted()
        return graph
    }
}

/// Cross-file checks: duplicate ids (naming both places), references, sources against their texts.
struct Merger {
    var diagnostics: [Diagnostic]
    var requireSources = false

    mutating func merge(_ files: [ParsedGraphFile], sourceTexts: (any GraphLoader.SourceTexts)?) -> RelationGraph {
        // Vocabulary: the declared types, or the built-in ones when no file declares any.
        var vocabulary = RelationVocabulary()
        var typeLocations: [String: SourceLocation] = [:]
        let declared = files.compactMap(\.relationTypes)
        if declared.isEmpty {
            vocabulary = .builtIn
        } else {
            for definition in declared.joined() {
                if let first = typeLocations[definition.type.name] {
                    diagnostics.append(
                        Diagnostic(definition.location, "relation type '\(definition.type.name)' is defined twice (first at \(first))", hint: "keep one definition"))
                    continue
                }
                typeLocations[definition.type.name] = definition.location
                vocabulary.add(definition.type)
            }
        }
        var builder = GraphBuilder(vocabulary: vocabulary)

        // Sources.
        var sourceLocations: [String: SourceLocation] = [:]
        var sourceLines: [String: Int] = [:]
        for source in files.flatMap(\.sources) {
            if let first = sourceLocations[source.record.id] {
                diagnostics.append(
                    Diagnostic(source.location, "source id '\(source.record.id)' is defined twice (first at \(first))", hint: "give each source its own id"))
                continue
            }
            sourceLocations[source.record.id] = source.location
            sourceLines[source.record.id] = source.record.lines
            if let texts = sourceTexts { verify(source, against: texts, lines: &sourceLines) }
            try? builder.addSource(source.record)
        }
        let catalogued = files.flatMap(\.sources)
        checkEvidence(of: catalogued, known: sourceLocations, verifying: sourceTexts != nil)
        let bodies = sourceTexts == nil ? [:] : Dictionary(catalogued.map { ($0.record.id, $0.record) }) { first, _ in first }

        // Actors.
        var actorLocations: [String: SourceLocation] = [:]
        let allActors = files.flatMap(\.actors)
        for actor in allActors {
            if let first = actorLocations[actor.record.id] {
                diagnostics.append(
                    Diagnostic(actor.location, "actor id '\(actor.record.id)' is defined twice (first at \(first))", hint: "give each actor its own id, or merge the two entries"))
                continue
            }
            actorLocations[actor.record.id] = actor.location
            _ = try? builder.addActor(actor.record)
        }
        let resolver = ActorResolver(actors: allActors.map(\.record))
        for actor in allActors {
            guard let country = actor.record.country, let location = actor.countryLocation else { continue }
            if let index = builder.actorIndex(id: country) {
                if builder.actor(index).kind != .state {
                    diagnostics.append(
                        Diagnostic(location, "'country' of '\(actor.record.id)' is '\(country)', which is a \(builder.actor(index).kind.rawValue), not a state"))
                }
            } else {
                diagnostics.append(unknownActor(country, at: location, field: "country", resolver: resolver, actors: allActors))
            }
        }

        // Relations.
        var relationLocations: [String: SourceLocation] = [:]
        for relation in files.flatMap(\.relations) {
            var valid = true
            let from = builder.actorIndex(id: relation.from)
            let to = builder.actorIndex(id: relation.to)
            if from == nil {
                diagnostics.append(unknownActor(relation.from, at: relation.fromLocation, field: "from", resolver: resolver, actors: allActors))
                valid = false
            }
            if to == nil {
                diagnostics.append(unknownActor(relation.to, at: relation.toLocation, field: "to", resolver: resolver, actors: allActors))
                valid = false
            }
            let typeIndex = vocabulary.index(named: relation.type)
            if typeIndex == nil {
                let names = vocabulary.names
                let suggestion = SchemaReader.nearest(relation.type, among: names)
                diagnostics.append(
                    Diagnostic(
                        relation.typeLocation, "unknown relation type '\(relation.type)'",
                        hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? (declared.isEmpty
                                ? "declare it under 'relation_types', or use a built-in type (actorgraph types)"
                                : "declare it under 'relation_types'")))
                valid = false
            }
            if let typeIndex, let from, from == to, !vocabulary[typeIndex].allowsSelf {
                diagnostics.append(
                    Diagnostic(relation.toLocation, "a '\(relation.type)' relation cannot join '\(relation.from)' to itself", hint: "the type forbids self-relations; set 'self: true' on the type if this is intended"))
                valid = false
            }
            if let id = relation.details.id, let location = relation.idLocation {
                if let first = relationLocations[id] {
                    diagnostics.append(Diagnostic(location, "relation id '\(id)' is defined twice (first at \(first))", hint: "give each relation its own id"))
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
                    unknownActor(claimedBy, at: location, field: "claimed_by", resolver: resolver, actors: allActors,
                        extraHint: "write an actor id, 'author', or a description with spaces such as 'a Western diplomat'"))
            }
            if requireSources { requireEvidence(relation) }
            for located in relation.citations {
                let citation = located.citation
                guard let lines = sourceLines[citation.source] else {
                    let suggestion = SchemaReader.nearest(citation.source, among: Array(sourceLocations.keys).sorted())
                    diagnostics.append(
                        Diagnostic(
                            located.sourceLocation, "unknown source '\(citation.source)'",
                            hint: suggestion.map { "did you mean '\($0)'?" } ?? "add it to the catalogue (seeds/sources.yaml)"))
                    continue
                }
                if citation.lines.upperBound > lines {
                    diagnostics.append(
                        Diagnostic(
                            located.linesLocation,
                            "lines \(citation.linesText) lie outside source '\(citation.source)', which has \(lines) lines",
                            hint: "cite lines between 1 and \(lines)"))
                } else if let record = bodies[citation.source], !record.bodyContains(citation.lines) {
                    diagnostics.append(Self.outsideBody(citation, of: record, at: located.linesLocation))
                }
            }
            guard valid, let from, let to, let typeIndex else { continue }
            _ = try? builder.addRelation(from: from, to: to, type: typeIndex, date: relation.date, details: relation.details)
        }
        return builder.build()
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

    private func unknownActor(
        _ text: String, at location: SourceLocation, field: String, resolver: ActorResolver,
        actors: [ParsedGraphFile.Actor], extraHint: String? = nil
    ) -> Diagnostic {
        var hint: String?
        switch resolver.resolve(text) {
        case .found(let index):
            let actor = actors[index.position].record
            hint = "'\(text)' names actor '\(actor.id)' (\(actor.name)); graph files refer to actors by id"
        case .ambiguous(let indices):
            hint = "did you mean one of: " + indices.prefix(5).map { "'\(actors[$0.position].record.id)'" }.joined(separator: ", ") + "?"
        case .notFound(let suggestions):
            if !suggestions.isEmpty {
                hint = "did you mean " + suggestions.map {
                    "'\(actors[$0.position].record.id)' (\(actors[$0.position].record.name))"
                }.joined(separator: " or ") + "?"
            }
        }
        if let extraHint { hint = hint.map { "\($0); \(extraHint)" } ?? extraHint }
        return Diagnostic(location, "unknown actor '\(text)' in '\(field)'", hint: hint)
    }

    private mutating func verify(_ source: ParsedGraphFile.Source, against texts: any GraphLoader.SourceTexts, lines: inout [String: Int]) {
        let record = source.record
        guard let bytes = texts.bytes(of: record.file) else {
            diagnostics.append(
                Diagnostic(source.fileLocation, "source text '\(record.file)' is not in \(texts.location)", hint: "check the file name, or the --sources folder"))
            return
        }
        let measure = SourceMeasure(bytes)
        let digest = measure.sha256
        if digest != record.sha256 {
            diagnostics.append(
                Diagnostic(source.sha256Location, "sha256 of '\(record.file)' does not match: the file's is \(digest)", hint: "the text changed since it was catalogued; review the citations, then update 'sha256'"))
        }
        let actualLines = measure.lines
        if actualLines != record.lines {
            diagnostics.append(
                Diagnostic(source.linesLocation, "'\(record.file)' has \(actualLines) lines, not \(record.lines)", hint: "set 'lines: \(actualLines)'"))
            lines[record.id] = actualLines
        }
    }
}
