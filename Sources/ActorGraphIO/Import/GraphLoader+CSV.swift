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
        let stem = url.deletingPathExtension().lastPathComponent
        let candidate = url.deletingLastPathComponent().appendingPathComponent("\(stem).actors.\(url.pathExtension)").path
        return FileManager.default.fileExists(atPath: candidate) ? (edgeList.hasPrefix("/") ? candidate : relative(candidate, like: edgeList)) : nil
    }

    private static func relative(_ absolute: String, like original: String) -> String {
        let folder = (original as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// Loads graph files or a folder (``load(_:)``), or a CSV/TSV edge list with its optional actor list.
    ///
    /// For an edge list the source catalogue is read as for graph files (when found) and citations are checked
    /// against it; `actorsPath` defaults to ``defaultActorList(for:)``.
    public static func loadAllowingEdgeLists(
        _ options: GraphLoadOptions, actorsPath: String? = nil, importOptions: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> LoadedGraph {
        guard isEdgeList(options.graphPath) else { return try load(options) }
        let fileManager = FileManager.default
        func read(_ path: String, what: String) throws(DiagnosticsError) -> [UInt8] {
            guard let data = fileManager.contents(atPath: path) else {
                throw DiagnosticsError([
                    Diagnostic(SourceLocation(file: path, line: 0, column: 0), "cannot read the \(what)")
                ])
            }
            return [UInt8](data)
        }
        let edges = try read(options.graphPath, what: "edge list")
        let actorList = actorsPath ?? defaultActorList(for: options.graphPath)
        let actors = try actorList.map { path throws(DiagnosticsError) in (path, try read(path, what: "actor list")) }
        var csvOptions = importOptions
        if options.graphPath.lowercased().hasSuffix(".tsv") { csvOptions.separator = 0x09 }
        var catalogue = options.cataloguePath
        if catalogue == nil {
            let folder = (options.graphPath as NSString).deletingLastPathComponent
            let parent = ((folder.isEmpty ? "." : folder) as NSString).deletingLastPathComponent
            let candidates = [(parent as NSString).appendingPathComponent("seeds/sources.yaml"), "seeds/sources.yaml"]
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
