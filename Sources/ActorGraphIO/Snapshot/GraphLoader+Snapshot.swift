import ActorGraph

extension GraphLoader {
    /// Whether a `--graph` path names a binary snapshot (`actorgraph compile`).
    public static func isSnapshot(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".\(GraphSnapshot.fileExtension)")
    }

    /// Loads a snapshot written by `actorgraph compile`: its arrays used where they lie, mapped or read
    /// (``GraphLoadOptions/snapshotAccess``, ``GraphSnapshot``).
    /// A file that cannot be read, is truncated or corrupted is one diagnostic naming the file.
    public static func loadSnapshot(_ options: GraphLoadOptions) throws(DiagnosticsError) -> LoadedGraph {
        let path = options.graphPath
        func failure(_ message: String, hint: String? = nil) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 0, column: 0), message, hint: hint)])
        }
        guard let result = GraphSnapshot.read(path: path, access: options.snapshotAccess, check: options.snapshotCheck) else { throw failure("cannot read the snapshot") }
        switch result {
        case .success(let graph):
            return LoadedGraph(graph: graph, files: [path], cataloguePath: nil, verifiedSources: false)
        case .failure(let error):
            throw failure(
                "not a usable snapshot: \(error.description)",
                hint: "compile it again: actorgraph compile GRAPH -o \(path)")
        }
    }
}
