import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

/// Loading for the exchange commands: graph files as every command loads them, or a CSV/TSV edge list.
// TODO(lead): once GraphOptions.load() calls GraphLoader.loadAllowingEdgeLists, every command accepts
// `--graph edges.csv` and this helper reduces to that call.
enum ExchangeLoading {
    static func load(_ options: GraphOptions, actorList: String?, defaultKind: ActorKind? = nil) throws -> LoadedGraph {
        guard GraphLoader.isEdgeList(options.graph) else { return try options.load() }
        var importOptions = CSVImportOptions()
        importOptions.defaultKind = defaultKind
        do {
            return try GraphLoader.loadAllowingEdgeLists(
                GraphLoadOptions(graphPath: options.graph, cataloguePath: options.catalogue, sourcesDirectory: nil),
                actorsPath: actorList, importOptions: importOptions)
        } catch {
            throw CommandFailure(failureMessage(error.diagnostics, what: "the graph"), status: ExitStatus.failure)
        }
    }

    static func failureMessage(_ diagnostics: [Diagnostic], what: String) -> String {
        let count = diagnostics.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(count) error\(count == 1 ? "" : "s") in \(what); nothing was loaded."
    }

    /// Writes `body`'s output to `path` atomically, or to standard output when `path` is `nil` or `-`.
    static func write(to path: String?, protecting inputs: [String], _ body: (ExportOutput) throws -> Void) throws {
        guard let path, path != "-" else {
            let output = ExportOutput()
            try body(output)
            FileHandle.standardOutput.write(Data(output.bytes))
            return
        }
        let group = AtomicFileGroup(protecting: inputs)
        do {
            let output = try group.create(path)
            try body(output)
            try group.commit()
        } catch let failure as AtomicFileGroup.Failure {
            throw CommandFailure("error: \(failure)", status: ExitStatus.writeFailure)
        }
    }
}

extension ActorKind {
    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
