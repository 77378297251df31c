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
            return try GraphLoader.load(
                GraphLoadOptions(graphPath: graph, cataloguePath: catalogue, sourcesDirectory: sources),
                actorsPath: graphActors)
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

/// `text` or `json`.
public enum TextOrJSON: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json
}

/// `table`, `json` or `csv`.
public enum TableFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, json, csv
}

extension ActorKind: ExpressibleByArgument {}
extension RelationCategory: ExpressibleByArgument {}

/// Resolves actor references typed on the command line, failing with status 2 and the candidates.
public struct ActorReferences {
    public let graph: RelationGraph
    private let lookup: ActorLookup

    public init(_ graph: RelationGraph) {
        self.graph = graph
        self.lookup = ActorLookup(graph)
    }

    public func resolve(_ text: String, role: String = "actor") throws -> ActorIndex {
        switch lookup.resolve(text) {
        case .found(let index):
            return index
        case .ambiguous(let candidates):
            let list = candidates.prefix(10).map { "  \(graph[$0].id)  \(graph[$0].name) (\(graph[$0].kind.rawValue))" }
            throw CommandFailure(
                "error: \(role) '\(text)' is ambiguous; it could be:\n" + list.joined(separator: "\n")
                    + "\nhint: give the id, e.g. '\(graph[candidates[0]].id)'",
                status: ExitStatus.badActorReference)
        case .notFound(let suggestions):
            var message = "error: no \(role) '\(text)' in the graph"
            if !suggestions.isEmpty {
                message += "\nhint: did you mean "
                    + suggestions.map { "'\(graph[$0].id)' (\(graph[$0].name))" }.joined(separator: " or ") + "?"
            } else {
                message += "\nhint: list actors with: actorgraph actors --match TEXT"
            }
            throw CommandFailure(message, status: ExitStatus.badActorReference)
        }
    }
}

/// Writes to standard output and error with `write(2)` (see ``StandardStreams``), and files atomically.
public enum Output {
    public static func write(_ text: String) {
        StandardStreams.send(text, to: 1)
    }

    public static func error(_ text: String) {
        StandardStreams.send(text.hasSuffix("\n") ? text : text + "\n", to: 2)
    }

    /// Writes `body`'s output to `path` atomically (temporary file, then rename), or to standard output when
    /// `path` is `nil` or `-`. Writing over one of `inputs` is refused; a failure leaves the target untouched.
    static func writeFile(to path: String?, protecting inputs: [String], _ body: (ExportOutput) throws -> Void) throws {
        guard let path, path != "-" else {
            let output = ExportOutput()
            try body(output)
            output.bytes.withUnsafeBytes { StandardStreams.send($0, to: 1) }
            return
        }
        try withoutActuallyEscaping(body) { body in try writeFiles([(path, body)], protecting: inputs) }
    }

    /// Writes several files all or nothing: every temporary first, then the renames.
    static func writeFiles(_ files: [(path: String, body: (ExportOutput) throws -> Void)], protecting inputs: [String]) throws {
        let group = AtomicFileGroup(protecting: inputs)
        do {
            for (path, body) in files { try body(try group.create(path)) }
            try group.commit()
        } catch let failure as AtomicFileGroup.Failure {
            throw CommandFailure("error: \(failure)", status: ExitStatus.writeFailure)
        }
    }
}

extension LoadedGraph {
    /// The files a command read, which no output may overwrite.
    var inputFiles: [String] { files + (cataloguePath.map { [$0] } ?? []) }
}
