/// Why two actors are not connected under a filter.
public struct PathDiagnosis: Hashable, Sendable {
    /// Filter parts that, dropped one at a time, each give a connection.
    public let blockingComponents: [RelationFilter.Component]
    /// Whether the two actors are connected at all in the unfiltered graph (both ways, any length).
    public let connectedWithoutFilters: Bool

    /// One search per active filter part, plus one unfiltered: cheap next to the question it answers.
    ///
    /// - Complexity: O(c · (actors + relations)) for c active filter parts.
    public init(
        _ graph: RelationGraph, filter: RelationFilter, from: ActorIndex, to: ActorIndex, maxLength: Int = Int.max,
        workspace: SearchWorkspace? = nil
    ) {
        let workspace = workspace ?? SearchWorkspace(actorCount: graph.actorCount)
        var blocking: [RelationFilter.Component] = []
        for component in filter.activeComponents {
            let view = FilteredGraph(graph, filter: filter.removing(component), namedActors: [from, to])
            if PathFinder(view, workspace: workspace).distance(from: from, to: to, maxLength: maxLength) != nil {
                blocking.append(component)
            }
        }
        blockingComponents = blocking
        connectedWithoutFilters = PathFinder(graph, workspace: workspace).distance(from: from, to: to) != nil
    }
}
