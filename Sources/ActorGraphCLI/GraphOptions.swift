import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

/// Where the graph comes from: shared by every command that reads one.
public struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: "A graph file, a folder of graph files, or a CSV/TSV edge list.")
    public var graph: String = "graphs"

    @Option(name: .long, help: "The source catalogue (default: seeds/sources.yaml beside the graph folder, or here).")
    public var catalogue: String?

    @Option(name: .long, help: "Folder of source texts; verifies hashes and cited line ranges.")
    public var sources: String?

    @Option(help: "With a CSV/TSV --graph: its actor list (default: NAME.actors.csv beside it, if present).")
    public var graphActors: String?

    public init() {}

    /// Loads the graph, or prints every problem to standard error and fails with status 1.
    public func load() throws -> LoadedGraph {
        do {
            // A command runs once: a snapshot is mapped and only the pages its answer needs are read; `check` reads
            // and checks every byte instead (Check.swift).
            var options = GraphLoadOptions(graphPath: graph, cataloguePath: catalogue, sourcesDirectory: sources)
            (options.snapshotAccess, options.snapshotCheck) = (.mapped, .lengths)
            return try GraphLoader.load(options, actorsPath: graphActors)
        } catch {
            throw CommandFailure(Self.failureMessage(error.diagnostics, what: "the graph", notShown: error.notShown), status: ExitStatus.failure)
        }
    }

    /// Every diagnostic, then a count line saying nothing was loaded; `notShown` problems were left out of the list.
    static func failureMessage(_ diagnostics: [Diagnostic], what: String, notShown: Int = 0) -> String {
        let count = DiagnosticsError(diagnostics, notShown: notShown).total
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(count) error\(count == 1 ? "" : "s") in \(what); nothing was loaded."
    }
}

extension LoadedGraph {
    /// The files a command read, which no output may overwrite.
    var inputFiles: [String] { files + (cataloguePath.map { [$0] } ?? []) }
}
