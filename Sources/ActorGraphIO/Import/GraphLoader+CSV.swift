import ActorGraph
import Foundation

extension GraphLoader {
    /// Whether a `--graph` path names a CSV or TSV edge list rather than graph files.
    public static func isEdgeList(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv")
    }

    /// The actor list that goes with an edge list when none is named: `NAME.actors.csv` beside `NAME.csv`
    /// (what `actorgraph export --format csv -o NAME.csv --actors-file NAME.actors.csv` writes), if it exists.
    public static func defaultActorList(for edgeList: String) -> String? {
        let url = URL(fileURLWithPath: edgeList)
        let name = "\(url.deletingPathExtension().lastPathComponent).actors.\(url.pathExtension)"
        // Keep the path as relative as the one given, so messages name it the way the user wrote it.
        let candidate: String
        if let slash = edgeList.lastIndex(of: "/") {
            candidate = String(edgeList[...slash]) + name
        } else {
            candidate = name
        }
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Loads graph files or a folder (``load(_:)``), a CSV/TSV edge list with its optional actor list, or a binary
    /// snapshot (`.agraph`, ``loadSnapshot(_:)``).
    ///
    /// For an edge list the source catalogue is read as for graph files (when found) and citations are checked
    /// against it; `actorsPath` defaults to ``defaultActorList(for:)``; relation types come from the file's
    /// `category` and `directed` columns when it has them (``CSVImportOptions/typesFromFile``), else from the
    /// built-in vocabulary.
    public static func loadAllowingEdgeLists(
        _ options: GraphLoadOptions, actorsPath: String? = nil, importOptions: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> LoadedGraph {
        if isSnapshot(options.graphPath) { return try loadSnapshot(options) }
        guard isEdgeList(options.graphPath) else { return try load(options) }
        let fileManager = FileManager.default
        func read(_ path: String, what: String) throws(DiagnosticsError) -> [UInt8] {
            switch FileBytes.contents(path) {
            case .success(let bytes): return bytes
            case .failure(let failure):
                throw DiagnosticsError([
                    Diagnostic(SourceLocation(file: path, line: 0, column: 0), "cannot read the \(what): \(failure)")
                ])
            }
        }
        let edges = try read(options.graphPath, what: "edge list")
        let actorList = actorsPath ?? defaultActorList(for: options.graphPath)
        let actors = try actorList.map { path throws(DiagnosticsError) in (path, try read(path, what: "actor list")) }
        var csvOptions = importOptions
        if options.graphPath.lowercased().hasSuffix(".tsv") { csvOptions.separator = 0x09 }
        csvOptions.typesFromFile = true
        var catalogue = options.cataloguePath
        if catalogue == nil {
            // As for graph files: seeds/ beside the folder holding the input, then in the current directory.
            let parent = URL(fileURLWithPath: options.graphPath).deletingLastPathComponent().deletingLastPathComponent()
            let candidates = [parent.appendingPathComponent("seeds/sources.yaml").path, "seeds/sources.yaml"]
            catalogue = candidates.first { fileManager.fileExists(atPath: $0) }
        }
        if let catalogue, csvOptions.sources.isEmpty {
            let bytes = try read(catalogue, what: "source catalogue")
            csvOptions.sources = try load(files: [], catalogue: (catalogue, bytes), sourceTexts: nil).sources
        }
        let result = try CSVEdgeImporter.load(edges: (options.graphPath, edges), actors: actors, options: csvOptions)
        return LoadedGraph(
            graph: result.graph, files: [options.graphPath] + (actorList.map { [$0] } ?? []), cataloguePath: catalogue,
            verifiedSources: false)
    }
}
