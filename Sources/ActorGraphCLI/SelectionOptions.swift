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

/// A part of a graph chosen by filters and an optional neighbourhood.
public struct GraphSelection {
    public let view: FilteredGraph
    /// Actors in graph order.
    public let actors: [ActorIndex]
    /// Relations in graph order.
    public let relations: [RelationIndex]
    /// How surely the time filter kept each relation (all `.definitely`/`.undated` without a time filter).
    public let matches: [RelationIndex: TimeMatch]

    /// - Parameters:
    ///   - centers: when not empty, only actors within `depth` steps of one of them (through the filtered view)
    ///     and the relations among those actors.
    ///   - keepIsolated: keep actors without a selected relation (the whole, unfiltered graph).
    init(view: FilteredGraph, centers: [ActorIndex], depth: Int, keepIsolated: Bool) {
        self.view = view
        let graph = view.graph
        var inside: [Bool]
        if centers.isEmpty {
            inside = graph.actorIndices.map { view.admits($0) }
        } else {
            inside = [Bool](repeating: false, count: graph.actorCount)
            for center in centers {
                inside[center.position] = true
                for member in Neighborhood(view, center: center, depth: depth).members {
                    inside[member.actor.position] = true
                }
            }
        }
        var touched = [Bool](repeating: false, count: graph.actorCount)
        var relations: [RelationIndex] = []
        var matches: [RelationIndex: TimeMatch] = [:]
        for relation in graph.relationIndices {
            let source = graph.source(of: relation)
            let target = graph.target(of: relation)
            guard inside[source.position], inside[target.position], let match = view.match(relation) else { continue }
            relations.append(relation)
            matches[relation] = match
            touched[source.position] = true
            touched[target.position] = true
        }
        for center in centers { touched[center.position] = true }
        self.actors = graph.actorIndices.filter { inside[$0.position] && (keepIsolated || touched[$0.position]) }
        self.relations = relations
        self.matches = matches
    }

    /// Relations a time filter kept only as possibly active.
    public var possiblyActive: Set<RelationIndex> { Set(matches.filter { $0.value == .possibly }.keys) }
}

extension QueryFilterOptions {
    /// Whether any filter option is given.
    var narrows: Bool {
        hasTimeOption || types != nil || excludeTypes != nil || categories != nil || kinds != nil || !avoid.isEmpty
            || directed || minGrade != nil || gradedOnly
    }
}
