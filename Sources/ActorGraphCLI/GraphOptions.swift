import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

/// Where the graph comes from: shared by every command that reads one.
public struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: "A graph file or a folder of graph files.")
    public var graph: String = "graphs"

    @Option(name: .long, help: "The source catalogue (default: seeds/sources.yaml beside the graph folder, or here).")
    public var catalogue: String?

    @Option(name: .long, help: "Folder of source texts; verifies hashes and cited line ranges.")
    public var sources: String?

    public init() {}

    /// Loads the graph, or prints every problem to standard error and fails with status 1.
    public func load() throws -> LoadedGraph {
        do {
            return try GraphLoader.load(
                GraphLoadOptions(graphPath: graph, cataloguePath: catalogue, sourcesDirectory: sources))
        } catch {
            let count = error.diagnostics.count
            throw CommandFailure(
                error.description + "\n\(count) error\(count == 1 ? "" : "s") in the graph; nothing was loaded.",
                status: ExitStatus.failure)
        }
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
    private let resolver: ActorResolver

    public init(_ graph: RelationGraph) {
        self.graph = graph
        self.resolver = ActorResolver(graph: graph)
    }

    public func resolve(_ text: String, role: String = "actor") throws -> ActorIndex {
        switch resolver.resolve(text) {
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

/// Writes to standard output without Foundation's buffering surprises.
public enum Output {
    public static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
