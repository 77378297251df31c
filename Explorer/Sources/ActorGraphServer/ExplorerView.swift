import ActorGraph
import ActorGraphIO
import HTTPTypes

/// What a chart shows for a ``ViewRequest``: the actors, the links (parallel relations bundled) and notices, as
/// `/api/view` returns them and `/api/chart.svg` draws them, link for link in the same order.
struct ExplorerView: Sendable {
    /// One drawn line: a bundle of parallel relations, or one relation.
    struct Link: Sendable {
        let number: Int
        let source: ActorIndex
        let target: ActorIndex
        let relations: [RelationIndex]
        /// Whether every relation of the link is only possibly active under the time filter.
        let possibly: Bool
        /// The hop number (from 1) when the link is on the found path.
        let hop: Int?

        var svgID: String { "link-\(number)" }
    }

    let actors: [ActorIndex]
    let focus: Set<ActorIndex>
    let links: [Link]
    let notices: [String]
    /// Relations the time filter keeps only possibly, left out because `possibly` is off.
    let possiblyOmitted: Int
    let onPath: Set<RelationIndex>

    /// The most relations a view returns; beyond it the view asks for a focus.
    static let relationLimit = 2000

    init(_ request: ViewRequest, graph: RelationGraph, relationLimit: Int = Self.relationLimit) {
        let view = FilteredGraph(graph, filter: request.filter, namedActors: Self.named(request))
        var notices: [String] = []
        var actors: [ActorIndex]
        var relations: [RelationIndex]
        var matches: [RelationIndex: TimeMatch]
        var hops: [RelationIndex: Int] = [:]
        if let ends = request.pathEnds {
            let found = Self.path(request, view: view, from: ends.from, to: ends.to)
            for (number, path) in found.enumerated() {
                for (position, hop) in path.hops.enumerated() {
                    for relation in hop where hops[relation] == nil { hops[relation] = number == 0 ? position + 1 : 0 }
                }
            }
            if found.isEmpty {
                let diagnosis = PathDiagnosis(graph, filter: request.filter, from: ends.from, to: ends.to)
                notices.append(QueryJSON.noPathReason(graph, from: ends.from, to: ends.to, diagnosis))
            }
            relations = hops.keys.sorted()
            matches = Dictionary(uniqueKeysWithValues: relations.compactMap { relation in
                view.match(relation).map { (relation, $0) }
            })
            var seen = Set<ActorIndex>()
            actors = []
            for actor in [ends.from] + relations.flatMap({ [graph.source(of: $0), graph.target(of: $0)] }) + [ends.to]
            where seen.insert(actor).inserted {
                actors.append(actor)
            }
            if !request.focus.isEmpty {
                let around = GraphSelection(view: view, centers: request.focus, depth: request.depth, keepIsolated: false)
                for actor in around.actors where seen.insert(actor).inserted { actors.append(actor) }
                for relation in around.relations where hops[relation] == nil {
                    relations.append(relation)
                    matches[relation] = around.matches[relation]
                }
                relations.sort()
            }
        } else {
            let selection = GraphSelection(
                view: view, centers: request.focus, depth: request.depth,
                keepIsolated: request.isWholeGraph)
            actors = selection.actors
            relations = selection.relations
            matches = selection.matches
        }
        if let only = request.only {
            actors = actors.filter { only.contains($0) || request.focus.contains($0) }
            relations = relations.filter { only.contains(graph.source(of: $0)) && only.contains(graph.target(of: $0)) }
        }
        if relations.count > relationLimit {
            notices.append(
                "The view holds \(relations.count) relations, more than the \(relationLimit) a view shows: "
                    + "focus on an actor, find a path, or narrow the time window or the filters.")
            relations = []
            actors = request.focus
        }
        self.actors = actors
        self.focus = Set(request.focus)
        self.onPath = Set(hops.keys)
        self.links = Self.bundle(relations, graph: graph, by: request.bundling, matches: matches, hops: hops)
        self.possiblyOmitted = Self.possiblyOmitted(request, graph: graph, kept: relations.count)
        self.notices = notices
    }

    private static func named(_ request: ViewRequest) -> [ActorIndex] {
        request.focus + (request.pathEnds.map { [$0.from, $0.to] } ?? [])
    }

    /// The paths `pathMode` asks for, through the same finders as `actorgraph path`.
    static func path(_ request: ViewRequest, view: FilteredGraph, from: ActorIndex, to: ActorIndex) -> [Path] {
        let reading: TemporalReading = view.filter.includePossible ? .lenient : .definite
        switch request.pathMode {
        case .shortest:
            return PathFinder(view).shortestPath(from: from, to: to, maxLength: Int.max).map { [$0] } ?? []
        case .k:
            return PathFinder(view).kShortestPaths(from: from, to: to, k: request.k, maxLength: Int.max).paths
        case .earliest, .latest, .fastest:
            let problem: TemporalProblem =
                request.pathMode == .earliest ? .earliest : request.pathMode == .latest ? .latest : .fastest
            return TemporalPathFinder(view, reading: reading).path(problem, from: from, to: to).map { [$0.path] } ?? []
        }
    }

    /// Links in the order of their first relation; a bundle holds the relations between one pair of actors (and of
    /// one type with `bundle=type`).
    private static func bundle(
        _ relations: [RelationIndex], graph: RelationGraph, by bundling: ViewRequest.Bundling,
        matches: [RelationIndex: TimeMatch], hops: [RelationIndex: Int]
    ) -> [Link] {
        struct Key: Hashable {
            let low: ActorIndex
            let high: ActorIndex
            let type: Int
            let relation: Int
        }
        var order: [Key] = []
        var groups: [Key: [RelationIndex]] = [:]
        for relation in relations {
            let source = graph.source(of: relation)
            let target = graph.target(of: relation)
            let key = Key(
                low: min(source, target), high: max(source, target),
                type: bundling == .type ? graph.typeIndex(of: relation).position : -1,
                relation: bundling == .none ? relation.position : -1)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(relation)
        }
        return order.enumerated().map { number, key in
            let members = groups[key] ?? []
            let first = members[0]
            let hop = members.compactMap { hops[$0] }.filter { $0 > 0 }.min()
            return Link(
                number: number, source: graph.source(of: first), target: graph.target(of: first), relations: members,
                possibly: members.allSatisfy { matches[$0] == .possibly }, hop: hop)
        }
    }

    private static func possiblyOmitted(_ request: ViewRequest, graph: RelationGraph, kept: Int) -> Int {
        guard request.timeFiltered, !request.filter.includePossible, request.pathEnds == nil else { return 0 }
        var lenient = request
        lenient.filter.includePossible = true
        let view = FilteredGraph(graph, filter: lenient.filter, namedActors: request.focus)
        let selection = GraphSelection(view: view, centers: request.focus, depth: request.depth, keepIsolated: false)
        let matching = selection.relations.filter { relation in
            guard let only = request.only else { return true }
            return only.contains(graph.source(of: relation)) && only.contains(graph.target(of: relation))
        }
        return max(0, matching.count - kept)
    }
}
