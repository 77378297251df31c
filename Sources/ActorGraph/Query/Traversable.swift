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
    /// Calls `body(neighbor, relation)` for every step `neighbor → actor` a path may take: exactly the steps
    /// `forEachStep(from: neighbor)` reports that reach `actor`. Searches from both ends rely on this mirror.
    func forEachStep(into actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void)
    /// ``forEachStep(from:_:)`` without the steps to a neighbour for which `skipped` is `true`: a search passes
    /// "already visited", so that a view whose own test of a step costs memory reads (a ``FilteredGraph`` reading
    /// a relation's type and dates at scattered positions) tests only the steps the search would use.
    func forEachStep(
        from actor: ActorIndex, unless skipped: (ActorIndex) -> Bool, _ body: (ActorIndex, RelationIndex) -> Void)
    /// ``forEachStep(into:_:)`` without the steps from a neighbour for which `skipped` is `true`.
    func forEachStep(
        into actor: ActorIndex, unless skipped: (ActorIndex) -> Bool, _ body: (ActorIndex, RelationIndex) -> Void)
    /// At least the number of steps `forEachStep(from:)` or `forEachStep(into:)` examines for `actor` (a filter may
    /// refuse some), so that work joining two actors can start from the cheaper one; `Int.max` when unknown.
    func stepBound(of actor: ActorIndex) -> Int
    /// Whether the view lets a search use `actor` at all (kind and avoided-actor filters).
    func includes(_ actor: ActorIndex) -> Bool
    /// The days the relation certainly and possibly covers, `nil` when undated.
    func span(of relation: RelationIndex) -> TimeSpan?
}

extension Traversable {
    /// Tests `skipped` after the view's own test of each step: right for views whose test is cheap.
    @inline(__always)
    public func forEachStep(
        from actor: ActorIndex, unless skipped: (ActorIndex) -> Bool, _ body: (ActorIndex, RelationIndex) -> Void
    ) {
        forEachStep(from: actor) { neighbor, relation in
            if !skipped(neighbor) { body(neighbor, relation) }
        }
    }

    @inline(__always)
    public func forEachStep(
        into actor: ActorIndex, unless skipped: (ActorIndex) -> Bool, _ body: (ActorIndex, RelationIndex) -> Void
    ) {
        forEachStep(into: actor) { neighbor, relation in
            if !skipped(neighbor) { body(neighbor, relation) }
        }
    }

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

    /// No bound: joining two actors scans the steps from the first.
    public func stepBound(of actor: ActorIndex) -> Int { Int.max }

    /// The relations a path may follow from `from` to `to`, in relation order: one hop of a ``Path``.
    ///
    /// Scans the steps into `to` instead of those from `from` when `to` has fewer (a path's hop from a hub to a
    /// leaf) and the view includes both ends, which is when the two scans agree (``forEachStep(into:_:)``
    /// mirrors ``forEachStep(from:_:)``; a view may refuse steps into an actor it does not include).
    ///
    /// - Complexity: O(min(d(from), d(to))) when the view bounds its steps, else O(d(from)), plus the sort of the
    ///   hop's relations.
    public func relations(from: ActorIndex, to: ActorIndex) -> [RelationIndex] {
        let result =
            stepBound(of: to) < stepBound(of: from) && includes(from) && includes(to)
            ? relationsScanningInto(to, from: from) : relationsScanningFrom(from, to: to)
        return RelationOrder.sortedUnique(result)
    }

    // The two scans of `relations(from:to:)`, each out of line and small, so the view's `forEachStep` and the closure
    // are inlined into it (in one function holding both they were called through closure thunks per step).
    @inline(never)
    func relationsScanningInto(_ to: ActorIndex, from: ActorIndex) -> [RelationIndex] {
        var result: [RelationIndex] = []
        forEachStep(into: to, unless: { $0 != from }) { neighbor, relation in
            if neighbor == from { result.append(relation) }
        }
        return result
    }

    @inline(never)
    func relationsScanningFrom(_ from: ActorIndex, to: ActorIndex) -> [RelationIndex] {
        var result: [RelationIndex] = []
        forEachStep(from: from, unless: { $0 != to }) { neighbor, relation in
            if neighbor == to { result.append(relation) }
        }
        return result
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

    public func stepBound(of actor: ActorIndex) -> Int { degree(of: actor) }

    public func forEachStep(from actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        for slot in outgoing(actor) {
            let (neighbor, relation) = outStep(slot)
            body(neighbor, relation)
        }
        for slot in incoming(actor) {
            let (neighbor, relation) = inStep(slot)
            if neighbor != actor { body(neighbor, relation) }
        }
    }

    public func forEachStep(into actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        forEachStep(from: actor, body)
    }
}
