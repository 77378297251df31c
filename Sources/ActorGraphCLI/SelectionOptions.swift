import ActorGraph
import ArgumentParser

/// Which part of the graph a command works on: every query filter, and optionally the neighbourhood of some
/// actors (`--focus A --depth N`). Shared by `render` and `export`.
public struct SelectionOptions: ParsableArguments {
    @Option(help: "Only the neighbourhood of this actor (id, name or alias); repeatable.")
    public var focus: [String] = []

    @Option(help: "With --focus, how many steps out to go.")
    public var depth: Int = 1

    @OptionGroup public var filters: QueryFilterOptions

    public init() {}

    /// The most steps `--depth` accepts: beyond a few steps a neighbourhood is most of any real graph.
    static let maximumDepth = 10

    public func validate() throws {
        if depth < 0 || depth > Self.maximumDepth {
            throw ValidationError("--depth must be between 0 and \(Self.maximumDepth)")
        }
        if focus.isEmpty && depth != 1 { throw ValidationError("--depth needs --focus") }
    }

    /// True when nothing narrows the graph.
    public var selectsEverything: Bool { focus.isEmpty && !filters.narrows }

    /// The chosen actors and relations (relations in graph order, each with how surely a time filter kept it).
    public func select(in graph: RelationGraph, named extra: [ActorIndex] = []) throws -> GraphSelection {
        let references = ActorReferences(graph)
        let centers = try focus.map { try references.resolve($0, role: "focus actor") }
        let named = centers + extra
        let filter = try filters.filter(for: graph, named: named)
        let view = FilteredGraph(graph, filter: filter, namedActors: named)
        return GraphSelection(view: view, centers: centers, depth: depth, keepIsolated: selectsEverything)
    }
}

extension QueryFilterOptions {
    /// Whether any filter option is given.
    var narrows: Bool { hasTimeOption || directed || relations.narrows }
}
