import ActorGraph
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
    /// How a snapshot's bytes are held: read into memory (the default: safe for a long-lived process) or mapped (a
    /// one-shot query, which then reads only the pages it needs).
    public var snapshotAccess: SnapshotAccess = .copied
    /// How much of a snapshot is checked before use: everything by default; a query of a mapped snapshot checks
    /// lengths and checksums and clamps what it reads (``StorageCheck``).
    public var snapshotCheck: StorageCheck = .everything

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

/// The one way into a graph: reads what `--graph` names — graph files (one, or a folder of them), a CSV/TSV edge
/// list, or a binary snapshot — checks it, and builds the graph, or reports every problem.
public enum GraphLoader {
    /// Loads a snapshot (`.agraph`, ``loadSnapshot(_:)``), a CSV/TSV edge list with its optional actor list
    /// (``loadEdgeList(_:actorsPath:importOptions:)``), or graph files (``loadGraphFiles(_:)``), by the path's form.
    ///
    /// - Throws: ``DiagnosticsError`` with every problem of every file, sorted by file and position.
    public static func load(
        _ options: GraphLoadOptions, actorsPath: String? = nil, importOptions: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> LoadedGraph {
        if isSnapshot(options.graphPath) { return try loadSnapshot(options) }
        if isEdgeList(options.graphPath) {
            return try loadEdgeList(options, actorsPath: actorsPath, importOptions: importOptions)
        }
        return try loadGraphFiles(options)
    }

    /// The former name of ``load(_:actorsPath:importOptions:)``, kept for callers written before it.
    public static func loadAllowingEdgeLists(
        _ options: GraphLoadOptions, actorsPath: String? = nil, importOptions: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> LoadedGraph {
        try load(options, actorsPath: actorsPath, importOptions: importOptions)
    }

    /// Loads graph files: one file, or every `.yaml`/`.yml` file of a folder, with the source catalogue.
    public static func loadGraphFiles(_ options: GraphLoadOptions) throws(DiagnosticsError) -> LoadedGraph {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.graphPath, isDirectory: &isFolder) else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: options.graphPath, line: 0, column: 0), "no graph file or folder here",
                    hint:
                        "pass --graph with a graph file or a folder of them (the default is 'graphs' in the current directory)"
                )
            ])
        }
        var paths: [String]
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: options.graphPath)) ?? []
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
            do throws(DiagnosticsError) {
                inputs.append((path, try read(path, "file")))
            } catch {
                problems += error.diagnostics
            }
        }
        let catalogue = options.cataloguePath ?? defaultCatalogue(near: options.graphPath)
        var catalogueInput: (name: String, bytes: [UInt8])?
        if let catalogue {
            do throws(DiagnosticsError) {
                catalogueInput = (
                    catalogue, try read(catalogue, "source catalogue", hint: "check the --catalogue path")
                )
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        let texts = options.sourcesDirectory.map { FolderTexts(folder: $0) }
        var warnings: [Diagnostic] = []
        let graph = try load(
            files: inputs, catalogue: catalogueInput, sourceTexts: texts, requireSources: options.requireSources,
            warnings: &warnings)
        var loaded = LoadedGraph(graph: graph, files: paths, cataloguePath: catalogue, verifiedSources: texts != nil)
        loaded.warnings = warnings
        return loaded
    }

    /// The source catalogue that goes with a graph when none is named — the one rule for every input: the
    /// `seeds/sources.yaml` beside the folder holding the graph (beside the folder itself when `graphPath` is one),
    /// else `seeds/sources.yaml` in the current directory; `nil` when neither exists. Named relative to the current
    /// directory when below it, as users type paths.
    public static func defaultCatalogue(near graphPath: String) -> String? {
        // URL rather than NSString path methods: swift-corelibs-foundation's NSString crashes on some relative
        // paths (a bare file name) in `deletingLastPathComponent`.
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: graphPath, isDirectory: &isFolder)
        let graph = URL(fileURLWithPath: graphPath).standardizedFileURL
        let folder = exists && isFolder.boolValue ? graph : graph.deletingLastPathComponent()
        let beside = folder.deletingLastPathComponent().appendingPathComponent("seeds/sources.yaml").path
        let candidates = [beside, "seeds/sources.yaml"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }.map { candidate in
            let here = FileManager.default.currentDirectoryPath + "/"
            return candidate.hasPrefix(here) ? String(candidate.dropFirst(here.count)) : candidate
        }
    }

    /// Reads a whole input file with ``FileBytes``, the one reader of every input; when it cannot, the diagnostic
    /// names the file, what it was and why (`"cannot read the \(what): \(failure)"`).
    public static func read(_ path: String, _ what: String, hint: String? = nil) throws(DiagnosticsError) -> [UInt8] {
        switch FileBytes.contents(path) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: path, line: 0, column: 0), "cannot read the \(what): \(failure)", hint: hint)
            ])
        }
    }

    /// The source catalogue's documents, read from `path` (checked as a catalogue file).
    public static func catalogueSources(_ path: String) throws(DiagnosticsError) -> [SourceDocument] {
        let bytes = try read(path, "source catalogue", hint: "check the --catalogue path")
        return try load(files: [], catalogue: (path, bytes), sourceTexts: nil).sources
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
            files: files, catalogue: catalogue, sourceTexts: sourceTexts, requireSources: requireSources,
            warnings: &warnings)
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
                        "the source catalogue may hold only 'sources'",
                        hint: "move actors and relations into a graph file"))
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
