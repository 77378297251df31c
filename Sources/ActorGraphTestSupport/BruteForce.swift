import ActorGraph

/// Slow, obviously correct answers to the query questions, computed straight from the relation list and the
/// EDTF date forms without the query engine's views, searches or sorted edge streams.
public enum BruteForce {
    // MARK: Filter semantics

    /// The date's extremes from its EDTF form: earliest and latest start, earliest and latest end (a point date
    /// is one unknown day, so start = end). Open ends are ±infinity.
    public static func extremes(_ date: EDTFDate) -> (minStart: Int64, maxStart: Int64, minEnd: Int64, maxEnd: Int64) {
        let minusInfinity = Int64.min, plusInfinity = Int64.max
        switch date.form {
        case .point(let bound):
            return (Int64(bound.first.dayNumber), Int64(bound.last.dayNumber), Int64(bound.first.dayNumber),
                Int64(bound.last.dayNumber))
        case .interval(let start, let end):
            var maxEnd = plusInfinity
            if case .bound(let bound) = end { maxEnd = Int64(bound.last.dayNumber) }
            var minStart = minusInfinity
            var maxStart = minusInfinity
            switch start {
            case .bound(let bound):
                minStart = Int64(bound.first.dayNumber)
                maxStart = Int64(bound.last.dayNumber)
            case .open: break
            case .unknown: maxStart = maxEnd  // it began at the latest when it ended
            }
            var minEnd = plusInfinity
            switch end {
            case .bound(let bound): minEnd = Int64(bound.first.dayNumber)
            case .open: break
            case .unknown: minEnd = minStart  // it may have ended right after it began
            }
            return (minStart, maxStart, minEnd, maxEnd)
        }
    }

    /// The three-valued time answer: does every / some reading of the date overlap the window?
    public static func timeMatch(_ date: EDTFDate?, _ condition: TimeCondition, includePossible: Bool,
        includeUndated: Bool) -> TimeMatch?
    {
        guard let date else { return condition == .none || includeUndated ? .undated : nil }
        let window: (Int64, Int64)
        switch condition {
        case .none: return .definitely
        case .at(let first, let last): window = (Int64(first), Int64(last))
        case .between(let first, let last):
            window = (first.map { Int64($0) } ?? Int64.min, last.map { Int64($0) } ?? Int64.max)
        case .until(let last): window = (Int64.min, Int64(last))
        }
        let e = extremes(date)
        if !isQualified(date) && e.maxStart <= window.1 && e.minEnd >= window.0 { return .definitely }
        if includePossible && e.minStart <= window.1 && e.maxEnd >= window.0 { return .possibly }
        return nil
    }

    /// Whether the filter keeps the relation, from names, categories, effective grade and date form.
    public static func admits(_ graph: RelationGraph, _ filter: RelationFilter, _ relation: RelationIndex) -> TimeMatch? {
        let typeIndex = graph.typeIndex(of: relation)
        if let types = filter.types, !types.contains(typeIndex) { return nil }
        if filter.excludedTypes.contains(typeIndex) { return nil }
        if let categories = filter.categories, !categories.contains(graph.type(of: relation).category) { return nil }
        let details = graph.details(of: relation)
        if let statuses = filter.statuses, !statuses.contains(details.status) { return nil }
        if independentSources(graph, relation) < filter.minimumSources { return nil }
        if filter.minimumGrade != nil || filter.gradedOnly {
            if let grade = details.effectiveGrade ?? derivedGrade(graph, relation) {
                if let minimum = filter.minimumGrade,
                    !(grade.reliabilityRank <= minimum.reliabilityRank && grade.credibilityRank <= minimum.credibilityRank)
                {
                    return nil
                }
            } else if filter.gradedOnly {
                return nil
            }
        }
        return timeMatch(graph.date(of: relation), filter.time, includePossible: filter.includePossible,
            includeUndated: filter.includeUndated)
    }

    /// Whether any written bound of the date carries `?`, `~` or `%`, read from its text.
    public static func isQualified(_ date: EDTFDate) -> Bool {
        date.description.contains { $0 == "?" || $0 == "~" || $0 == "%" }
    }

    /// The cited source ids, each once, less those from which another cited one can be reached by following
    /// `derived_from` (a depth-first walk over the catalogue, per pair).
    public static func independentSources(_ graph: RelationGraph, _ relation: RelationIndex) -> Int {
        let cited = Array(Set(graph.details(of: relation).citations.map(\.source)))
        func reaches(_ from: String, _ target: String) -> Bool {
            var stack = [from]
            var seen: Set<String> = [from]
            while let next = stack.popLast() {
                for parent in graph.sources.first(where: { $0.id == next })?.derivedFrom ?? [] {
                    if parent == target { return true }
                    if seen.insert(parent).inserted { stack.append(parent) }
                }
            }
            return false
        }
        return cited.filter { source in !cited.contains { $0 != source && reaches(source, $0) } }.count
    }

    /// The grade FORMAT.md's table derives: the best reliability among the independent sources, the credibility
    /// from status and corroboration, spelled out case by case.
    public static func derivedGrade(_ graph: RelationGraph, _ relation: RelationIndex) -> AdmiraltyGrade? {
        let details = graph.details(of: relation)
        let cited = Array(Set(details.citations.map(\.source)))
        let independent = cited.filter { source in
            !cited.contains { other in
                other != source && graph.restatedSourcesByWalking(source).contains(other)
            }
        }
        let letters = independent.compactMap { id in graph.sources.first { $0.id == id }?.reliability?.rawValue }
        guard let letter = letters.min() else { return nil }
        let digit: Int
        switch (details.status, independent.count >= 2) {
        case (.reported, true): digit = 1
        case (.reported, false): digit = 2
        case (.claimed, true): digit = 3
        case (.claimed, false): digit = 4
        case (.denied, true): digit = 4
        case (.denied, false): digit = 5
        }
        return AdmiraltyGrade(letter + String(digit))
    }

    public static func actorAllowed(_ graph: RelationGraph, _ filter: RelationFilter, _ actor: ActorIndex,
        named: [ActorIndex]) -> Bool
    {
        if named.contains(actor) { return true }
        if filter.avoided.contains(actor) { return false }
        if let kinds = filter.kinds, !kinds.contains(graph[actor].kind), !named.contains(actor) { return false }
        return true
    }

    /// Every step `(from, to, relation)` the filter allows, from the relation list.
    public static func steps(_ graph: RelationGraph, _ filter: RelationFilter, named: [ActorIndex] = [])
        -> [(from: ActorIndex, to: ActorIndex, relation: RelationIndex)]
    {
        var result: [(ActorIndex, ActorIndex, RelationIndex)] = []
        for position in 0..<graph.relationCount {
            let relation = RelationIndex(position)
            guard admits(graph, filter, relation) != nil else { continue }
            let source = graph.source(of: relation), target = graph.target(of: relation)
            if actorAllowed(graph, filter, target, named: named) { result.append((source, target, relation)) }
            let backwards = !filter.directed || !graph.type(of: relation).directed
            if backwards && source != target && actorAllowed(graph, filter, source, named: named) {
                result.append((target, source, relation))
            }
        }
        return result.map { (from: $0.0, to: $0.1, relation: $0.2) }
    }

    /// Distinct successors per actor, in index order.
    public static func adjacency(_ graph: RelationGraph, _ filter: RelationFilter, named: [ActorIndex] = [])
        -> [[ActorIndex]]
    {
        var sets = [Set<ActorIndex>](repeating: [], count: graph.actorCount)
        for step in steps(graph, filter, named: named) { sets[step.from.position].insert(step.to) }
        return sets.map { $0.sorted() }
    }

    // MARK: Paths

    /// Every actor sequence from `from` to `to` of at most `maxLength` hops allowed by `mode`.
    public static func paths(_ adjacency: [[ActorIndex]], from: ActorIndex, to: ActorIndex, mode: PathMode,
        maxLength: Int) -> [[ActorIndex]]
    {
        var result: [[ActorIndex]] = []
        var path = [from]
        func linkKey(_ a: ActorIndex, _ b: ActorIndex) -> [ActorIndex] { a < b ? [a, b] : [b, a] }
        func extend() {
            let last = path[path.count - 1]
            if last == to { result.append(path) }
            if path.count - 1 == maxLength { return }
            if mode == .acyclic && last == to { return }
            for next in adjacency[last.position] {
                switch mode {
                case .acyclic: if path.contains(next) { continue }
                case .trail:
                    let key = linkKey(last, next)
                    var used = false
                    for position in 0..<(path.count - 1) where linkKey(path[position], path[position + 1]) == key {
                        used = true
                    }
                    if used { continue }
                case .walk: break
                }
                path.append(next)
                extend()
                path.removeLast()
            }
        }
        extend()
        return result
    }

    /// Length of the shortest path, or `nil`.
    public static func shortestLength(_ adjacency: [[ActorIndex]], from: ActorIndex, to: ActorIndex) -> Int? {
        paths(adjacency, from: from, to: to, mode: .acyclic, maxLength: adjacency.count).map { $0.count - 1 }.min()
    }

    // MARK: Betweenness

    /// Betweenness from every shortest actor sequence between every ordered pair; halved when `symmetric`. With
    /// `sources`, only the pairs that start at one of them count (the sum a sampled betweenness scales up).
    public static func betweenness(
        _ adjacency: [[ActorIndex]], included: [Bool], symmetric: Bool, sources: Set<ActorIndex>? = nil
    ) -> [Double] {
        let count = adjacency.count
        var result = [Double](repeating: 0, count: count)
        for s in 0..<count where included[s] && (sources?.contains(ActorIndex(s)) ?? true) {
            for t in 0..<count where t != s && included[t] {
                let all = paths(adjacency, from: ActorIndex(s), to: ActorIndex(t), mode: .acyclic, maxLength: count)
                guard let shortest = all.map(\.count).min() else { continue }
                let best = all.filter { $0.count == shortest }
                for path in best {
                    for actor in path.dropFirst().dropLast() { result[actor.position] += 1 / Double(best.count) }
                }
            }
        }
        return symmetric ? result.map { $0 / 2 } : result
    }

    // MARK: Temporal paths

    /// Optima of the four temporal problems over every simple time-respecting path, `nil` when none exists.
    public struct TemporalOptima: Equatable, Sendable {
        public var earliestArrival: Int64
        public var latestDeparture: Int64
        public var fastestDuration: Int64
        public var fewestHops: Int
    }

    /// Departure and arrival of a relation's temporal edge under `reading`.
    public static func edgeTimes(_ span: TimeSpan, _ reading: TemporalReading) -> (departure: Int64, arrival: Int64) {
        (Int64(span.possibleStart), reading == .definite ? Int64(span.definiteStart) : Int64(span.possibleStart))
    }

    /// Whether consecutive relations respect time under `reading`.
    public static func respectsTime(_ spans: [TimeSpan], _ reading: TemporalReading) -> Bool {
        for position in spans.indices.dropFirst() {
            let previous = edgeTimes(spans[position - 1], reading)
            let next = edgeTimes(spans[position], reading)
            if next.departure < previous.arrival { return false }
        }
        return true
    }

    public static func temporalOptima(_ graph: RelationGraph, _ filter: RelationFilter, from: ActorIndex,
        to: ActorIndex, reading: TemporalReading) -> TemporalOptima?
    {
        var out = [[(ActorIndex, RelationIndex)]](repeating: [], count: graph.actorCount)
        for step in steps(graph, filter, named: [from, to]) where graph.span(of: step.relation) != nil {
            out[step.from.position].append((step.to, step.relation))
        }
        var best: TemporalOptima?
        var actors = [from]
        var spans: [TimeSpan] = []
        func extend() {
            let last = actors[actors.count - 1]
            if last == to && !spans.isEmpty {
                let departure = edgeTimes(spans[0], reading).departure
                let arrival = edgeTimes(spans[spans.count - 1], reading).arrival
                let candidate = TemporalOptima(
                    earliestArrival: arrival, latestDeparture: departure, fastestDuration: arrival - departure,
                    fewestHops: spans.count)
                if var current = best {
                    current.earliestArrival = min(current.earliestArrival, candidate.earliestArrival)
                    current.latestDeparture = max(current.latestDeparture, candidate.latestDeparture)
                    current.fastestDuration = min(current.fastestDuration, candidate.fastestDuration)
                    current.fewestHops = min(current.fewestHops, candidate.fewestHops)
                    best = current
                } else {
                    best = candidate
                }
                return
            }
            for (next, relation) in out[last.position] where !actors.contains(next) {
                guard let span = graph.span(of: relation) else { continue }
                spans.append(span)
                if respectsTime(spans, reading) {
                    actors.append(next)
                    extend()
                    actors.removeLast()
                }
                spans.removeLast()
            }
        }
        extend()
        return best
    }
}

extension RelationGraph {
    /// The sources reachable from `id` along `derived_from`, by a plain walk (the oracle's own, not the core's).
    fileprivate func restatedSourcesByWalking(_ id: String) -> Set<String> {
        var found: Set<String> = []
        var stack = [id]
        while let next = stack.popLast() {
            for parent in sources.first(where: { $0.id == next })?.derivedFrom ?? [] where found.insert(parent).inserted {
                stack.append(parent)
            }
        }
        return found
    }
}
