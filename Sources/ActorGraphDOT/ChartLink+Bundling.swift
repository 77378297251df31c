import ActorGraph

extension ChartLink {
    /// What makes two relations one link under a bundle mode.
    private struct Key: Hashable {
        let low: ActorIndex
        let high: ActorIndex
        let type: RelationTypeIndex?
        let relation: RelationIndex?
        /// Path relations never share a link with context relations: one is stressed, the other faded.
        let onPath: Bool
    }

    /// Groups the selection's relations into links: per relation, per pair, or per pair and type.
    ///
    /// Links come in the order of their first path step (a path chart's links read hop by hop), then of their
    /// lowest relation index, so the same selection always gives the same `link-<n>` ids.
    ///
    /// - Complexity: O(r log r) for r selected relations.
    static func bundle(_ graph: RelationGraph, selection: ChartSelection, mode: BundleMode) -> [ChartLink] {
        var groups: [Key: [RelationIndex]] = [:]
        for relation in selection.relations {
            let source = graph.source(of: relation)
            let target = graph.target(of: relation)
            let key = Key(
                low: min(source, target), high: max(source, target),
                type: mode == .type ? graph.typeIndex(of: relation) : nil,
                relation: mode == .none ? relation : nil, onPath: selection.pathSteps[relation] != nil)
            groups[key, default: []].append(relation)
        }
        let links = groups.values.map { members in
            link(graph, members: members, selection: selection)
        }
        return links.sorted { left, right in
            let leftStep = left.pathSteps.first.map { ($0.path, $0.hop) } ?? (Int.max, Int.max)
            let rightStep = right.pathSteps.first.map { ($0.path, $0.hop) } ?? (Int.max, Int.max)
            if leftStep != rightStep { return leftStep < rightStep }
            return (left.relations.min() ?? RelationIndex(0)) < (right.relations.min() ?? RelationIndex(0))
        }
    }

    private static func link(_ graph: RelationGraph, members: [RelationIndex], selection: ChartSelection) -> ChartLink {
        let ordered = members.sorted { left, right in
            let leftStart = graph.span(of: left)?.possibleStart ?? TimeSpan.endOfTime
            let rightStart = graph.span(of: right)?.possibleStart ?? TimeSpan.endOfTime
            if leftStart != rightStart { return leftStart < rightStart }
            return left < right
        }
        // Drawn from the source of the earliest directed relation, so a one-way bundle points its way.
        let first = ordered.first { !graph.isSymmetric($0) } ?? ordered[0]
        var steps: [PathStep] = []
        for relation in ordered {
            for step in selection.pathSteps[relation] ?? [] where !steps.contains(step) { steps.append(step) }
        }
        steps.sort { ($0.path, $0.hop) < ($1.path, $1.hop) }
        // A path's link is drawn from the actor its first hop leaves, whatever the relations' directions.
        let ends = steps.first.flatMap { selection.hopEnds[$0] } ?? (graph.source(of: first), graph.target(of: first))
        return ChartLink(
            tail: ends.0, head: ends.1, relations: ordered, pathSteps: steps,
            possiblyActive: Set(ordered.filter { selection.possiblyActive.contains($0) }),
            faded: ordered.allSatisfy { selection.fadedRelations.contains($0) })
    }
}

extension ChartLink {
    /// Which way the arrowheads point: none when every relation is symmetric, both when directed ones run
    /// each way, else from tail to head.
    func direction(in graph: RelationGraph) -> DOTDirection {
        var forward = false
        var backward = false
        for relation in relations where !graph.isSymmetric(relation) {
            if graph.source(of: relation) == tail { forward = true } else { backward = true }
        }
        switch (forward, backward) {
        case (true, true): return .both
        case (true, false): return .forward
        case (false, true): return .back
        case (false, false): return .none
        }
    }

    /// The category most of the relations have (the first in the vocabulary's order on a tie).
    public func dominantCategory(in graph: RelationGraph) -> RelationCategory {
        var counts: [RelationCategory: Int] = [:]
        for relation in relations { counts[graph.type(of: relation).category, default: 0] += 1 }
        return RelationCategory.allCases.max { left, right in
            let leftCount = counts[left] ?? 0
            let rightCount = counts[right] ?? 0
            return leftCount != rightCount ? leftCount < rightCount : left > right
        } ?? .other
    }

    /// The status the line shows: reported when any relation is reported, else claimed when any is, else denied.
    public func status(in graph: RelationGraph) -> RelationStatus {
        let statuses = Set(relations.map { graph.details(of: $0).status })
        if statuses.contains(.reported) { return .reported }
        if statuses.contains(.claimed) { return .claimed }
        return .denied
    }

    /// Whether the whole link is only possibly active under the time filter.
    public var isPossiblyActive: Bool { !relations.isEmpty && possiblyActive.count == relations.count }
}
