import ActorGraph
import ActorGraphIO

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
