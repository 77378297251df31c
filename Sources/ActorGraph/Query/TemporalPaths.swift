/// The four minimum temporal path problems of Wu et al., "Path Problems in Temporal Graphs", PVLDB 7(9), 2014.
public enum TemporalProblem: String, CaseIterable, Hashable, Sendable {
    /// Arrive as early as possible.
    case earliest
    /// Leave as late as possible and still arrive.
    case latest
    /// Least time between leaving and arriving.
    case fastest
    /// Fewest relations among time-respecting paths.
    case shortest
}

/// How relation dates, known only to their precision, are ordered along a time-respecting path.
///
/// A relation's start is some day in `possibleStart...definiteStart`. In Wu et al.'s model each relation becomes
/// temporal edges `(u, v, t, λ)` that leave `u` at `t` and reach `v` at `t + λ`; the next edge must leave no
/// earlier than the previous one arrives.
public enum TemporalReading: Hashable, Sendable {
    /// Each relation certainly starts no earlier than the one before it: `definiteStart(previous) ≤
    /// possibleStart(next)`. Edge: `t = possibleStart`, `t + λ = definiteStart`.
    case definite
    /// Lenient: the earliest possible starts do not decrease: `possibleStart(previous) ≤ possibleStart(next)`.
    /// Edge: `t = possibleStart`, `λ = 0`. Every path it accepts is possibly time-respecting.
    case lenient
}

/// A time-respecting path: one relation per hop, with its departure and arrival in day numbers.
public struct TemporalPath: Hashable, Sendable {
    public let actors: [ActorIndex]
    /// `relations[i]` joins `actors[i]` and `actors[i + 1]`.
    public let relations: [RelationIndex]
    /// `t` of the first edge (may be ``TimeSpan/beginningOfTime`` for an open start).
    public let departure: Int32
    /// `t + λ` of the last edge.
    public let arrival: Int32
    /// `.definitely` when each relation certainly starts no earlier than the one before; else `.possibly`.
    public let certainty: TimeMatch

    public var length: Int { relations.count }
    /// Days from departure to arrival.
    public var duration: Int64 { Int64(arrival) - Int64(departure) }
    /// The same hops as a ``Path`` (one relation each).
    public var path: Path { Path(actors: actors, hops: relations.map { [$0] }) }
}

/// Wu et al.'s one-pass algorithms over the view's relations sorted by time (no enumeration).
///
/// Undated relations take no part (they cannot be ordered). Every step the view allows becomes one temporal
/// edge, so undirected links give an edge each way and filters apply as everywhere else.
///
/// On a million relations building the stream and one pass take seconds, so both watch a ``StopSignal`` when given
/// one: building checks it between actors and between its two sorts (a sort itself is not interrupted), a pass at
/// every group of edges that leave at the same time.
public struct TemporalPathFinder<View: Traversable> {
    public let view: View
    public let reading: TemporalReading
    private let stop: StopSignal?
    private let edgeSource: [ActorIndex]
    private let edgeTarget: [ActorIndex]
    private let edgeRelation: [RelationIndex]
    private let departure: [Int32]
    private let arrival: [Int32]
    /// Edge positions by departure, then arrival, then position.
    private let byDeparture: [Int32]
    /// Edge positions by arrival descending, then departure descending.
    private let byArrivalDescending: [Int32]

    /// - Complexity: O(actors + relations · log relations) to build the sorted edge stream.
    public init(_ view: View, reading: TemporalReading) {
        // Without a signal nothing stops it.
        try! self.init(view, reading: reading, stop: nil)
    }

    /// The finder, built under `stop`, which its ``path(_:from:to:)`` passes also watch. Throws how many of the
    /// actors were read (`done` of `total`) when `stop` ends the building.
    public init(_ view: View, reading: TemporalReading, stop: StopSignal?) throws(QueryStopped) {
        self.view = view
        self.reading = reading
        self.stop = stop
        var source: [ActorIndex] = []
        var target: [ActorIndex] = []
        var relationOf: [RelationIndex] = []
        var leave: [Int32] = []
        var reach: [Int32] = []
        for position in 0..<view.actorCount {
            let actor = ActorIndex(position)
            guard view.includes(actor) else { continue }
            if position & 1023 == 0, let stop, stop.isRaised {
                throw QueryStopped(done: position, total: view.actorCount)
            }
            view.forEachStep(from: actor) { neighbor, relation in
                guard let span = view.span(of: relation) else { return }
                source.append(actor)
                target.append(neighbor)
                relationOf.append(relation)
                leave.append(span.possibleStart)
                reach.append(reading == .definite ? max(span.possibleStart, span.definiteStart) : span.possibleStart)
            }
        }
        edgeSource = source
        edgeTarget = target
        edgeRelation = relationOf
        departure = leave
        arrival = reach
        let positions = (0..<Int32(source.count))
        byDeparture = positions.sorted { left, right in
            let l = Int(left), r = Int(right)
            if leave[l] != leave[r] { return leave[l] < leave[r] }
            if reach[l] != reach[r] { return reach[l] < reach[r] }
            return left < right
        }
        if let stop, stop.isRaised { throw QueryStopped(done: view.actorCount, total: view.actorCount) }
        byArrivalDescending = positions.sorted { left, right in
            let l = Int(left), r = Int(right)
            if reach[l] != reach[r] { return reach[l] > reach[r] }
            if leave[l] != leave[r] { return leave[l] > leave[r] }
            return left < right
        }
    }

    /// Number of temporal edges in the stream.
    public var edgeCount: Int { edgeSource.count }

    /// The best path for `problem`, or `nil` when no time-respecting path joins the two actors.
    ///
    /// - Complexity: O(actors + edges) for earliest and latest; O(actors + edges · p) for fastest and shortest,
    ///   where p bounds the non-dominated pairs kept per actor.
    /// - Throws: how many of the edges the pass had read (`done` of ``edgeCount``) when the finder's
    ///   ``StopSignal`` ended it; never without one.
    public func path(_ problem: TemporalProblem, from: ActorIndex, to: ActorIndex) throws(QueryStopped) -> TemporalPath? {
        guard from != to else { return nil }
        switch problem {
        case .earliest: return try earliestArrival(from: from, to: to)
        case .latest: return try latestDeparture(from: from, to: to)
        case .fastest: return try paretoSearch(from: from, to: to, fastest: true)
        case .shortest: return try paretoSearch(from: from, to: to, fastest: false)
        }
    }

    /// Runs `body` over the groups of `order` with equal `key`, repeating a group while `body` reports a change
    /// that a zero-duration edge may propagate inside the group. Checks the ``StopSignal`` before each group.
    private func forEachGroup(_ order: [Int32], key: [Int32], _ body: (ArraySlice<Int32>) -> Bool) throws(QueryStopped) {
        var start = 0
        while start < order.count {
            if let stop, stop.isRaised { throw QueryStopped(done: start, total: order.count) }
            let value = key[Int(order[start])]
            var end = start + 1
            while end < order.count && key[Int(order[end])] == value { end += 1 }
            let group = order[start..<end]
            let instantaneous = group.contains { departure[Int($0)] == arrival[Int($0)] }
            while body(group) && instantaneous {}
            start = end
        }
    }

    private func earliestArrival(from: ActorIndex, to: ActorIndex) throws(QueryStopped) -> TemporalPath? {
        var arrivalAt = [Int64](repeating: Int64.max, count: view.actorCount)
        var parent = [Int32](repeating: -1, count: view.actorCount)
        arrivalAt[from.position] = Int64(Int32.min) - 1
        try forEachGroup(byDeparture, key: departure) { group in
            var changed = false
            for edge in group {
                let e = Int(edge)
                let u = edgeSource[e].position, v = edgeTarget[e].position
                guard v != from.position, arrivalAt[u] <= Int64(departure[e]), Int64(arrival[e]) < arrivalAt[v] else {
                    continue
                }
                arrivalAt[v] = Int64(arrival[e])
                parent[v] = edge
                changed = true
            }
            return changed
        }
        guard parent[to.position] >= 0 else { return nil }
        var edges: [Int] = []
        var cursor = to.position
        while cursor != from.position {
            let edge = Int(parent[cursor])
            edges.append(edge)
            cursor = edgeSource[edge].position
            if edges.count > view.actorCount { return nil }
        }
        return makePath(edges.reversed())
    }

    private func latestDeparture(from: ActorIndex, to: ActorIndex) throws(QueryStopped) -> TemporalPath? {
        var departureAt = [Int64](repeating: Int64.min, count: view.actorCount)
        var child = [Int32](repeating: -1, count: view.actorCount)
        departureAt[to.position] = Int64(Int32.max) + 1
        try forEachGroup(byArrivalDescending, key: arrival) { group in
            var changed = false
            for edge in group {
                let e = Int(edge)
                let u = edgeSource[e].position, v = edgeTarget[e].position
                guard u != to.position, Int64(arrival[e]) <= departureAt[v], Int64(departure[e]) > departureAt[u] else {
                    continue
                }
                departureAt[u] = Int64(departure[e])
                child[u] = edge
                changed = true
            }
            return changed
        }
        guard child[from.position] >= 0 else { return nil }
        var edges: [Int] = []
        var cursor = from.position
        while cursor != to.position {
            let edge = Int(child[cursor])
            edges.append(edge)
            cursor = edgeTarget[edge].position
            if edges.count > view.actorCount { return nil }
        }
        return makePath(edges)
    }

    /// Wu et al.'s fastest and shortest passes: each actor keeps the non-dominated pairs of (start, arrival) —
    /// or (hops, arrival) — of the paths reaching it, sorted by arrival, and every edge extends the best pair
    /// that has arrived by its departure.
    private func paretoSearch(from: ActorIndex, to: ActorIndex, fastest: Bool) throws(QueryStopped) -> TemporalPath? {
        // Pair pool: `value` is the start (fastest) or the hop count (shortest).
        var pairValue: [Int64] = []
        var pairArrival: [Int64] = []
        var pairEdge: [Int32] = []
        var pairPrevious: [Int32] = []
        var lists = [[Int32]](repeating: [], count: view.actorCount)
        try forEachGroup(byDeparture, key: departure) { group in
            var changed = false
            for edge in group {
                let e = Int(edge)
                let u = edgeSource[e].position, v = edgeTarget[e].position
                guard v != from.position else { continue }
                let t = Int64(departure[e])
                var value: Int64
                var previous: Int32 = -1
                if u == from.position {
                    value = fastest ? t : 0
                } else {
                    // The last pair arrived by t: the latest start (fastest) or fewest hops (shortest).
                    let list = lists[u]
                    var low = 0, high = list.count
                    while low < high {
                        let middle = (low + high) / 2
                        if pairArrival[Int(list[middle])] <= t { low = middle + 1 } else { high = middle }
                    }
                    guard low > 0 else { continue }
                    previous = list[low - 1]
                    value = pairValue[Int(previous)]
                }
                if !fastest { value += 1 }
                let reach = Int64(arrival[e])
                // Dominated when some pair arrives no later and is at least as good.
                var list = lists[v]
                if list.contains(where: { pairArrival[Int($0)] <= reach && better(pairValue[Int($0)], value, fastest) }) {
                    continue
                }
                list.removeAll { pairArrival[Int($0)] >= reach && better(value, pairValue[Int($0)], fastest) }
                let id = Int32(pairValue.count)
                pairValue.append(value)
                pairArrival.append(reach)
                pairEdge.append(edge)
                pairPrevious.append(previous)
                var position = list.count
                while position > 0 && pairArrival[Int(list[position - 1])] > reach { position -= 1 }
                list.insert(id, at: position)
                lists[v] = list
                changed = true
            }
            return changed
        }
        var best: Int32 = -1
        for id in lists[to.position] {
            guard best >= 0 else {
                best = id
                continue
            }
            let candidate = Int(id), current = Int(best)
            let improves: Bool
            if fastest {
                let span = pairArrival[candidate] - pairValue[candidate]
                let bestSpan = pairArrival[current] - pairValue[current]
                improves = span < bestSpan || (span == bestSpan && pairArrival[candidate] < pairArrival[current])
            } else {
                improves = pairValue[candidate] < pairValue[current]
                    || (pairValue[candidate] == pairValue[current] && pairArrival[candidate] < pairArrival[current])
            }
            if improves { best = id }
        }
        guard best >= 0 else { return nil }
        var edges: [Int] = []
        var cursor = best
        while cursor >= 0 {
            edges.append(Int(pairEdge[Int(cursor)]))
            cursor = pairPrevious[Int(cursor)]
            if edges.count > view.actorCount { return nil }
        }
        return makePath(edges.reversed())
    }

    /// Whether `a` is at least as good as `b`: a later start for fastest, fewer hops for shortest.
    @inline(__always)
    private func better(_ a: Int64, _ b: Int64, _ fastest: Bool) -> Bool { fastest ? a >= b : a <= b }

    private func makePath(_ edges: some Collection<Int>) -> TemporalPath? {
        guard let first = edges.first else { return nil }
        var actors = [edgeSource[first]]
        var relations: [RelationIndex] = []
        var lastArrival = arrival[first]
        for edge in edges {
            actors.append(edgeTarget[edge])
            relations.append(edgeRelation[edge])
            lastArrival = arrival[edge]
        }
        return TemporalPath(
            actors: actors, relations: relations, departure: departure[first], arrival: lastArrival,
            certainty: Self.certainty(of: relations, in: view) ?? .possibly)
    }

    /// `.definitely` when each relation certainly starts no earlier than the one before it, `.possibly` when some
    /// reading of the dates orders them, `nil` when none does (or a relation is undated).
    public static func certainty(of relations: [RelationIndex], in view: View) -> TimeMatch? {
        var definite = true
        var earliestSoFar = Int32.min
        var previous: TimeSpan?
        for relation in relations {
            guard let span = view.span(of: relation) else { return nil }
            if let previous, previous.definiteStart > span.possibleStart { definite = false }
            // Greedy: the earliest start this relation can take after the previous ones.
            earliestSoFar = max(earliestSoFar, span.possibleStart)
            if earliestSoFar > max(span.possibleStart, span.definiteStart) { return nil }
            previous = span
        }
        return definite ? .definitely : .possibly
    }
}
