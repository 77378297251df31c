import ActorGraph

/// Plain re-statements of searches whose answer is more than a length: which shortest path among equals, members in
/// which order. The optimised searches must return exactly these answers, not merely answers as short.
public enum ReferenceSearch {
    /// The actors of the shortest path `PathFinder.shortestPath` returns, by the algorithm it used before it stopped
    /// at the first join: bidirectional BFS over plain arrays that grows the smaller frontier (the forward one on a
    /// tie), finishes every level it starts, and keeps the first join of least total length.
    public static func shortestActors<View: Traversable>(_ view: View, from source: ActorIndex, to target: ActorIndex)
        -> [ActorIndex]?
    {
        if source == target { return [source] }
        let unvisited = -1
        var forwardDistance = [Int](repeating: unvisited, count: view.actorCount)
        var backwardDistance = forwardDistance
        var forwardParent = [ActorIndex?](repeating: nil, count: view.actorCount)
        var backwardParent = forwardParent
        forwardDistance[source.position] = 0
        backwardDistance[target.position] = 0
        var forwardFrontier = [source], backwardFrontier = [target]
        var forwardDepth = 0, backwardDepth = 0
        var best = Int.max
        var meeting = source
        while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty {
            var next: [ActorIndex] = []
            if forwardFrontier.count <= backwardFrontier.count {
                forwardDepth += 1
                for actor in forwardFrontier {
                    view.forEachStep(from: actor) { neighbor, _ in
                        guard forwardDistance[neighbor.position] == unvisited else { return }
                        forwardDistance[neighbor.position] = forwardDepth
                        forwardParent[neighbor.position] = actor
                        next.append(neighbor)
                        if backwardDistance[neighbor.position] != unvisited
                            && forwardDepth + backwardDistance[neighbor.position] < best
                        {
                            best = forwardDepth + backwardDistance[neighbor.position]
                            meeting = neighbor
                        }
                    }
                }
                forwardFrontier = next
            } else {
                backwardDepth += 1
                for actor in backwardFrontier {
                    view.forEachStep(into: actor) { neighbor, _ in
                        guard backwardDistance[neighbor.position] == unvisited else { return }
                        backwardDistance[neighbor.position] = backwardDepth
                        backwardParent[neighbor.position] = actor
                        next.append(neighbor)
                        if forwardDistance[neighbor.position] != unvisited
                            && backwardDepth + forwardDistance[neighbor.position] < best
                        {
                            best = backwardDepth + forwardDistance[neighbor.position]
                            meeting = neighbor
                        }
                    }
                }
                backwardFrontier = next
            }
            if best != Int.max {
                var actors = [meeting]
                while let parent = forwardParent[actors[actors.count - 1].position] { actors.append(parent) }
                actors.reverse()
                while let parent = backwardParent[actors[actors.count - 1].position] { actors.append(parent) }
                return actors
            }
        }
        return nil
    }
}
