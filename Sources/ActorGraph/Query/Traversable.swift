/// The one capability the query algorithms need from a graph: the steps a path may take from or into an actor.
///
/// Breadth-first search, Yen's k shortest paths, path enumeration, neighbourhoods and Brandes' betweenness are
/// written against this protocol, so they run unchanged on a whole ``RelationGraph`` (every relation, both ways)
/// or on a ``FilteredGraph`` (filters checked during the search).
public protocol Traversable {
    var actorCount: Int { get }
    /// Whether every step `a → b` is matched by a step `b → a` (no direction is followed).
    var isSymmetric: Bool { get }
    /// Calls `body(neighbor, relation)` for every step a path may take from `actor`: one call per relation, so
    /// parallel relations to the same neighbour give several calls.
    func forEachStep(from actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void)
    /// Calls `body(neighbor, relation)` for every step `neighbor → actor` a path may take.
    func forEachStep(into actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void)
    /// Whether the view lets a search use `actor` at all (kind and avoided-actor filters).
    func includes(_ actor: ActorIndex) -> Bool
    /// The days the relation certainly and possibly covers, `nil` when undated.
    func span(of relation: RelationIndex) -> TimeSpan?
}

extension Traversable {
    /// The distinct actors one step from `actor`, in index order.
    ///
    /// - Complexity: O(d log d) for degree d.
    public func successors(of actor: ActorIndex) -> [ActorIndex] {
        var result: [ActorIndex] = []
        forEachStep(from: actor) { neighbor, _ in result.append(neighbor) }
        return Self.sortedUnique(result)
    }

    /// The distinct actors one step before `actor`, in index order.
    public func predecessors(of actor: ActorIndex) -> [ActorIndex] {
        var result: [ActorIndex] = []
        forEachStep(into: actor) { neighbor, _ in result.append(neighbor) }
        return Self.sortedUnique(result)
    }

    /// The relations a path may follow from `from` to `to`, in relation order: one hop of a ``Path``.
    public func relations(from: ActorIndex, to: ActorIndex) -> [RelationIndex] {
        var result: [RelationIndex] = []
        forEachStep(from: from) { neighbor, relation in
            if neighbor == to { result.append(relation) }
        }
        return Self.sortedUnique(result)
    }

    /// The path through `actors`, each hop holding every parallel relation the view allows, or `nil` when some
    /// consecutive pair is not joined.
    public func path(through actors: [ActorIndex]) -> Path? {
        guard !actors.isEmpty else { return nil }
        var hops: [[RelationIndex]] = []
        hops.reserveCapacity(actors.count - 1)
        for position in actors.indices.dropLast() {
            let hop = relations(from: actors[position], to: actors[position + 1])
            if hop.isEmpty { return nil }
            hops.append(hop)
        }
        return Path(actors: actors, hops: hops)
    }

    static func sortedUnique<T: Comparable>(_ items: [T]) -> [T] {
        guard items.count > 1 else { return items }
        let sorted = items.sorted()
        var result = [sorted[0]]
        for item in sorted.dropFirst() where item != result[result.count - 1] { result.append(item) }
        return result
    }
}

/// The whole graph, unfiltered: every relation is a link both ways.
extension RelationGraph: Traversable {
    public var isSymmetric: Bool { true }

    public func includes(_ actor: ActorIndex) -> Bool { true }

    public func forEachStep(from actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        for slot in outgoing(actor) { body(outNeighbors[slot], outRelations[slot]) }
        for slot in incoming(actor) where inNeighbors[slot] != actor { body(inNeighbors[slot], inRelations[slot]) }
    }

    public func forEachStep(into actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        forEachStep(from: actor, body)
    }
}
