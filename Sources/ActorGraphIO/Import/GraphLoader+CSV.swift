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
        companion(of: edgeList, suffix: "actors.\(URL(fileURLWithPath: edgeList).pathExtension)")
    }

    /// The source list that goes with an edge list when no catalogue is named: `NAME.sources.yaml` beside
    /// `NAME.csv` (what `actorgraph export --format csv -o NAME.csv --sources-file NAME.sources.yaml` writes: every
    /// source of the graph, also those its graph files declared themselves), if it exists. It is a catalogue file,
    /// and is read instead of the default one (``defaultCatalogue(near:)``), so the edge list reads back with the
    /// same citations from any working directory.
    public static func defaultSourceList(for edgeList: String) -> String? {
        companion(of: edgeList, suffix: "sources.yaml")
    }

    /// `NAME.SUFFIX` in the edge list's folder, if it exists. The path stays as relative as the one given, so
    /// messages name it the way the user wrote it.
    private static func companion(of edgeList: String, suffix: String) -> String? {
        let name = "\(URL(fileURLWithPath: edgeList).deletingPathExtension().lastPathComponent).\(suffix)"
        let candidate: String
        if let slash = edgeList.lastIndex(of: "/") {
            candidate = String(edgeList[...slash]) + name
        } else {
            candidate = name
        }
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Loads a CSV/TSV edge list with its optional actor list. The source catalogue is the named one, else the edge
    /// list's own source list (``defaultSourceList(for:)``), else found as for graph files (``defaultCatalogue(near:)``);
    /// citations are checked against it; `actorsPath` defaults to
    /// ``defaultActorList(for:)``; relation types come from the file's `category` and `directed` columns when it
    /// has them (``CSVImportOptions/typesFromFile``), else from the built-in vocabulary.
    public static func loadEdgeList(
        _ options: GraphLoadOptions, actorsPath: String? = nil, importOptions: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> LoadedGraph {
        let edges = try read(options.graphPath, "edge list")
        let actorList = actorsPath ?? defaultActorList(for: options.graphPath)
        let actors = try actorList.map { path throws(DiagnosticsError) in (path, try read(path, "actor list")) }
        var csvOptions = importOptions
        if options.graphPath.lowercased().hasSuffix(".tsv") { csvOptions.separator = 0x09 }
        csvOptions.typesFromFile = true
        let catalogue =
            options.cataloguePath ?? defaultSourceList(for: options.graphPath) ?? defaultCatalogue(near: options.graphPath)
        if let catalogue, csvOptions.sources.isEmpty {
            csvOptions.sources = try catalogueSources(catalogue)
        }
        let result = try CSVEdgeImporter.load(edges: (options.graphPath, edges), actors: actors, options: csvOptions)
        return LoadedGraph(
            graph: result.graph, files: [options.graphPath] + (actorList.map { [$0] } ?? []), cataloguePath: catalogue,
            verifiedSources: false)
    }
}
