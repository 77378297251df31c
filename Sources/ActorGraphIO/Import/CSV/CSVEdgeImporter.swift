import ActorGraph

/// Reads CSV/TSV edge lists (and optional actor lists) into a graph, checking every row and reporting every
/// problem as `FILE:LINE:COLUMN: error: …`.
///
/// Built for bulk: the file is parsed in place by ``CSVReader``, actor ids and type names are interned from their
/// bytes (a String is made only for an actor's first appearance), dates take a byte-level fast path, and a row
/// without notes, citations or attributes allocates nothing.
public enum CSVEdgeImporter {
    /// The most diagnostics kept; beyond it a last one counts the rest.
    public static let diagnosticLimit = 10_000

    public static func load(
        edges: (name: String, bytes: [UInt8]), actors: (name: String, bytes: [UInt8])? = nil,
        options: CSVImportOptions = CSVImportOptions()
    ) throws(DiagnosticsError) -> CSVImportResult {
        let result = try importing(edges: edges, actors: actors, options: options)
        FreedMemory.returnToTheSystem()
        return result
    }

    private static func importing(
        edges: (name: String, bytes: [UInt8]), actors: (name: String, bytes: [UInt8])?, options: CSVImportOptions
    ) throws(DiagnosticsError) -> CSVImportResult {
        var state = CSVImportState(options: options)
        if let actors {
            actors.bytes.withUnsafeBufferPointer { state.readActors($0, name: actors.name) }
        }
        if state.fatal.isEmpty {
            edges.bytes.withUnsafeBufferPointer { state.readEdges($0, name: edges.name) }
        }
        if !state.fatal.isEmpty { throw DiagnosticsError(state.fatal) }
        state.checkCountries()
        var problems = state.problems
        if state.droppedDiagnostics > 0, let last = problems.max() {
            problems.append(
                Diagnostic(
                    SourceLocation(file: last.location.file, line: last.location.line + 1, column: 0),
                    "\(state.droppedDiagnostics) more problems not shown"))
        }
        if !options.skipBadRows && !problems.isEmpty {
            var error = DiagnosticsError(problems)
            error.notShown = state.droppedDiagnostics
            throw error
        }
        if options.readsNames { state.findVariants() }
        let graph = state.build()
        var result = CSVImportResult(
            graph: graph, problems: DiagnosticsError(problems).diagnostics, skippedRows: state.skippedRows,
            rows: state.rows)
        result.report = state.report
        result.knownActorIndices = state.knownActorPositions.map { ActorIndex($0) }
        result.problemCount = state.problems.count + state.droppedDiagnostics
        return result
    }
}
