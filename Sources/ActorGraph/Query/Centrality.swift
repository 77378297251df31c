/// Who is central in a (filtered) graph: degree, betweenness (Brandes) and PageRank.
public enum CentralityMeasure: String, CaseIterable, Hashable, Sendable {
    case degree, betweenness, pagerank
}

/// One actor's score.
public struct CentralityScore: Hashable, Sendable {
    public let actor: ActorIndex
    public let value: Double
    /// A 0...1 reading of the value: betweenness divided by the number of pairs; for degree, which counts parallel
    /// relations and so has no upper bound in a multigraph, the share of the other actors it is tied to (distinct
    /// neighbours ÷ (actors − 1)); PageRank is already a share.
    public let normalized: Double
}

public enum Centrality {
    /// Scores for every actor the view includes, indexed by actor position (0 for excluded actors).
    public static func scores<View: Traversable>(_ view: View, measure: CentralityMeasure) -> [Double] {
        switch measure {
        case .degree: return degree(view)
        case .betweenness: return betweenness(view)
        case .pagerank: return pageRank(view)
        }
    }

    /// ``scores(_:measure:)`` that stops when `stop` is raised (checked once per betweenness source and per
    /// PageRank round), throwing how far it came. Betweenness searches from `pivots` only when given
    /// (``betweenness(_:sources:stop:)``); the other measures ignore them.
    public static func scores<View: Traversable>(
        _ view: View, measure: CentralityMeasure, stop: StopSignal?, pivots: [ActorIndex]? = nil
    ) throws(QueryStopped) -> [Double] {
        switch measure {
        case .degree: return degree(view)
        case .betweenness: return try betweenness(view, sources: pivots, stop: stop)
        case .pagerank: return try pageRank(view, stop: stop)
        }
    }

    /// The `top` highest scores, ties by actor order.
    public static func top<View: Traversable>(_ view: View, measure: CentralityMeasure, top: Int) -> [CentralityScore] {
        ranked(view, measure: measure, values: scores(view, measure: measure), top: top)
    }

    /// ``top(_:measure:top:)`` that stops when `stop` is raised; betweenness estimated from `pivots` when given.
    public static func top<View: Traversable>(
        _ view: View, measure: CentralityMeasure, top: Int, stop: StopSignal?, pivots: [ActorIndex]? = nil
    ) throws(QueryStopped) -> [CentralityScore] {
        ranked(view, measure: measure, values: try scores(view, measure: measure, stop: stop, pivots: pivots), top: top)
    }

    private static func ranked<View: Traversable>(
        _ view: View, measure: CentralityMeasure, values: [Double], top: Int
    ) -> [CentralityScore] {
        let included = (0..<view.actorCount).filter { view.includes(ActorIndex($0)) }
        let count = Double(included.count)
        let scale: Double
        switch measure {
        case .degree: scale = count > 1 ? 1 / (count - 1) : 0
        case .betweenness:
            let pairs = (count - 1) * (count - 2) / (view.isSymmetric ? 2 : 1)
            scale = pairs > 0 ? 1 / pairs : 0
        case .pagerank: scale = 1
        }
        let ranked = included.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        return ranked.prefix(max(0, top)).map {
            let actor = ActorIndex($0)
            let reading = measure == .degree ? Double(distinctNeighbors(view, of: actor)) : values[$0]
            return CentralityScore(actor: actor, value: values[$0], normalized: reading * scale)
        }
    }

    /// The number of other actors `actor` has an allowed relation with, whatever the direction.
    ///
    /// - Complexity: O(relations at the actor · log of that).
    public static func distinctNeighbors<View: Traversable>(_ view: View, of actor: ActorIndex) -> Int {
        var neighbors: [ActorIndex] = []
        view.forEachStep(from: actor) { neighbor, _ in if neighbor != actor { neighbors.append(neighbor) } }
        if !view.isSymmetric {
            view.forEachStep(into: actor) { neighbor, _ in if neighbor != actor { neighbors.append(neighbor) } }
        }
        return Set(neighbors).count
    }

    /// The number of relations the view allows at each actor (parallel relations each count; a relation with
    /// itself counts once; direction does not matter).
    ///
    /// - Complexity: O(actors + relations).
    public static func degree<View: Traversable>(_ view: View) -> [Double] {
        var result = [Double](repeating: 0, count: view.actorCount)
        for position in 0..<view.actorCount {
            let actor = ActorIndex(position)
            guard view.includes(actor) else { continue }
            var relations: [RelationIndex] = []
            view.forEachStep(from: actor) { _, relation in relations.append(relation) }
            if !view.isSymmetric { view.forEachStep(into: actor) { _, relation in relations.append(relation) } }
            result[position] = Double(View.sortedUnique(relations).count)
        }
        return result
    }

    /// Betweenness by Brandes' algorithm (2001): for each actor, the sum over pairs (s, t) of the share of
    /// shortest s–t paths that pass through it. Paths are sequences of actors (parallel relations are one link),
    /// as in `path`. In a symmetric view each unordered pair counts once.
    ///
    /// - Complexity: O(actors · (actors + relations)) time, O(actors + relations) space.
    public static func betweenness<View: Traversable>(_ view: View) -> [Double] {
        // Without a signal nothing stops it.
        (try? betweenness(view, stop: nil)) ?? []
    }

    /// Betweenness that checks `stop` before each source's search and reports each finished source to the bound
    /// ``ProgressReporting/reporter`` (job `betweenness`, in sources).
    public static func betweenness<View: Traversable>(_ view: View, stop: StopSignal?) throws(QueryStopped) -> [Double] {
        try betweenness(view, sources: nil, stop: stop)
    }

    /// The `count` actors of the view a sampled betweenness searches from: drawn uniformly without replacement by
    /// ``SplitMix64`` from `seed` (the same actors for the same view and seed on every machine), in actor order;
    /// every actor of the view when `count` reaches their number.
    public static func pivots<View: Traversable>(_ view: View, count: Int, seed: UInt64) -> [ActorIndex] {
        var actors = (0..<view.actorCount).map { ActorIndex($0) }.filter { view.includes($0) }
        guard count < actors.count else { return actors }
        var random = SplitMix64(state: seed)
        // A partial Fisher-Yates shuffle: the first `count` places hold a uniform sample.
        for place in 0..<max(0, count) {
            actors.swapAt(place, place + Int(random.next() % UInt64(actors.count - place)))
        }
        return actors.prefix(max(0, count)).sorted()
    }

    /// Betweenness from the searches of `sources` only (every actor of the view when `nil`), scaled by the view's
    /// actors over the sources: Brandes and Pich's estimator ("Centrality estimation in large networks", 2007), as
    /// networkx's `betweenness_centrality(k=)` and networkit's `EstimateBetweenness` compute it. With every actor as
    /// a source it is exact. Each search costs O(actors + relations), so k sources cost k/actors of the exact time.
    public static func betweenness<View: Traversable>(_ view: View, sources chosen: [ActorIndex]?, stop: StopSignal?)
        throws(QueryStopped) -> [Double]
    {
        let count = view.actorCount
        let everyActor = (0..<count).map { ActorIndex($0) }.filter { view.includes($0) }
        let searched = chosen.map { $0.filter { view.includes($0) } } ?? everyActor
        let sources = searched.count
        var ticker = ProgressTicker("betweenness", total: sources, unit: .sources, stride: 1)
        defer { ticker.finish() }
        var done = 0
        var centrality = [Double](repeating: 0, count: count)
        var distance = [Int32](repeating: -1, count: count)
        var paths = [Double](repeating: 0, count: count)
        var dependency = [Double](repeating: 0, count: count)
        var predecessors = [[ActorIndex]](repeating: [], count: count)
        var seenFrom = [Int32](repeating: -1, count: count)
        var order: [ActorIndex] = []
        var queue: [ActorIndex] = []
        for source in searched {
            let sourcePosition = source.position
            if let stop, stop.isRaised { throw QueryStopped(done: done, total: sources) }
            for actor in order {
                distance[actor.position] = -1
                paths[actor.position] = 0
                dependency[actor.position] = 0
                predecessors[actor.position].removeAll(keepingCapacity: true)
                seenFrom[actor.position] = -1
            }
            order.removeAll(keepingCapacity: true)
            queue.removeAll(keepingCapacity: true)
            distance[sourcePosition] = 0
            paths[sourcePosition] = 1
            queue.append(source)
            var head = 0
            while head < queue.count {
                let actor = queue[head]
                head += 1
                order.append(actor)
                let next = distance[actor.position] + 1
                view.forEachStep(from: actor) { neighbor, _ in
                    let position = neighbor.position
                    // Parallel relations are one link: count each neighbour once per actor.
                    guard seenFrom[position] != Int32(actor.position) else { return }
                    seenFrom[position] = Int32(actor.position)
                    if distance[position] < 0 {
                        distance[position] = next
                        queue.append(neighbor)
                    }
                    if distance[position] == next {
                        paths[position] += paths[actor.position]
                        predecessors[position].append(actor)
                    }
                }
            }
            for actor in order.reversed() {
                let position = actor.position
                for predecessor in predecessors[position] {
                    dependency[predecessor.position] += paths[predecessor.position] / paths[position]
                        * (1 + dependency[position])
                }
                if actor != source { centrality[position] += dependency[position] }
            }
            done += 1
            ticker.advance(to: done)
        }
        // Each unordered pair is counted from both ends in a symmetric view; a sample stands for every source.
        let scale = (view.isSymmetric ? 0.5 : 1) * (sources > 0 ? Double(everyActor.count) / Double(sources) : 1)
        if scale != 1 {
            for position in 0..<count { centrality[position] *= scale }
        }
        return centrality
    }

    /// PageRank with damping 0.85 by power iteration (until the L1 change is below 1e-12, at most 1000 rounds).
    /// Each allowed step is a link, so parallel relations weigh more; in a symmetric view every relation is a
    /// link both ways. The rank of actors without links is spread evenly.
    ///
    /// - Complexity: O(iterations · (actors + relations)).
    public static func pageRank<View: Traversable>(_ view: View, damping: Double = 0.85) -> [Double] {
        (try? pageRank(view, damping: damping, stop: nil)) ?? []
    }

    /// PageRank that checks `stop` before each round and reports each finished round to the bound
    /// ``ProgressReporting/reporter`` (job `pagerank`, in rounds, no total: it ends when it converges).
    public static func pageRank<View: Traversable>(_ view: View, damping: Double = 0.85, stop: StopSignal?)
        throws(QueryStopped) -> [Double]
    {
        let count = view.actorCount
        let included = (0..<count).filter { view.includes(ActorIndex($0)) }
        guard !included.isEmpty else { return [Double](repeating: 0, count: count) }
        var targets: [[ActorIndex]] = Array(repeating: [], count: count)
        for position in included {
            view.forEachStep(from: ActorIndex(position)) { neighbor, _ in targets[position].append(neighbor) }
        }
        let share = 1 / Double(included.count)
        var rank = [Double](repeating: 0, count: count)
        for position in included { rank[position] = share }
        var next = [Double](repeating: 0, count: count)
        var ticker = ProgressTicker("pagerank", total: nil, unit: .rounds, stride: 1)
        defer { ticker.finish() }
        for round in 0..<1000 {
            if let stop, stop.isRaised { throw QueryStopped(done: round, total: nil) }
            var dangling = 0.0
            for position in included where targets[position].isEmpty { dangling += rank[position] }
            let base = (1 - damping) * share + damping * dangling * share
            for position in included { next[position] = base }
            for position in included where !targets[position].isEmpty {
                let part = damping * rank[position] / Double(targets[position].count)
                for target in targets[position] { next[target.position] += part }
            }
            var change = 0.0
            for position in included { change += abs(next[position] - rank[position]) }
            swap(&rank, &next)
            ticker.tick()
            if change < 1e-12 { break }
        }
        return rank
    }
}
