/// A part of a graph chosen by filters and an optional neighbourhood.
public struct GraphSelection: Sendable {
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
    public init(view: FilteredGraph, centers: [ActorIndex], depth: Int, keepIsolated: Bool) {
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
