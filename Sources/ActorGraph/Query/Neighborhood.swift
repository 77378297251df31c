/// An actor's ego network: the actors within a number of steps, each with the relations that bring it in.
public struct Neighborhood: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public let actor: ActorIndex
        /// Steps from the centre (1 for a direct neighbour).
        public let distance: Int
        /// The relations that join the actor to members one step closer to the centre (or to the centre), in
        /// relation order.
        public let via: [RelationIndex]
    }

    public let center: ActorIndex
    public let depth: Int
    /// Members by distance, then actor order.
    public let members: [Member]
    /// `true` when the `limit` left members out.
    public let truncated: Bool

    /// The ego network of `center` within `depth` steps of `view`, keeping at most `limit` members (the closest).
    ///
    /// - Complexity: O(size of the ball plus the degrees of its members); with a reused workspace nothing is
    ///   proportional to the whole graph.
    public init<View: Traversable>(
        _ view: View, center: ActorIndex, depth: Int, limit: Int = Int.max, workspace: SearchWorkspace? = nil
    ) {
        let workspace = workspace.flatMap { $0.capacity == view.actorCount ? $0 : nil }
            ?? SearchWorkspace(actorCount: view.actorCount)
        let epoch = workspace.nextEpoch()
        workspace.forwardStamp[center.position] = epoch
        workspace.forwardDistance[center.position] = 0
        var layers: [[ActorIndex]] = []
        var frontier = [center]
        var found = 0
        var level: Int32 = 0
        while !frontier.isEmpty && Int(level) < depth && found <= limit {
            level += 1
            var next: [ActorIndex] = []
            for actor in frontier {
                view.forEachStep(from: actor) { neighbor, _ in
                    let position = neighbor.position
                    guard workspace.forwardStamp[position] != epoch else { return }
                    workspace.forwardStamp[position] = epoch
                    workspace.forwardDistance[position] = level
                    next.append(neighbor)
                }
            }
            next.sort()
            layers.append(next)
            found += next.count
            frontier = next
        }
        var members: [Member] = []
        var truncated = false
        outer: for (offset, layer) in layers.enumerated() {
            let distance = Int32(offset + 1)
            for actor in layer {
                if members.count == limit {
                    truncated = true
                    break outer
                }
                var via: [RelationIndex] = []
                view.forEachStep(into: actor) { neighbor, relation in
                    if workspace.forwardStamp[neighbor.position] == epoch
                        && workspace.forwardDistance[neighbor.position] == distance - 1
                    {
                        via.append(relation)
                    }
                }
                members.append(Member(actor: actor, distance: Int(distance), via: View.sortedUnique(via)))
            }
        }
        self.center = center
        self.depth = depth
        self.members = members
        self.truncated = truncated
    }
}
