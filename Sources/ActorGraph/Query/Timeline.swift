/// A relation picked by a query, with how surely the time condition holds for it.
public struct MatchedRelation: Hashable, Sendable {
    public let relation: RelationIndex
    public let match: TimeMatch

    public init(relation: RelationIndex, match: TimeMatch) {
        self.relation = relation
        self.match = match
    }
}

/// Relations in date order: of one actor, between two, or of the whole graph.
public enum Timeline {
    /// The relations the filter admits, in date order: earliest possible start, then latest possible end, then
    /// file order; undated relations last.
    ///
    /// - `actor` only: its relations (with `directed`, those it can follow: outgoing and symmetric ones).
    /// - `actor` and `other`: the relations joining the two (with `directed`, from `actor` to `other`).
    /// - neither: every relation whose two ends the filter admits.
    ///
    /// - Complexity: O(k log k) for the k relations considered (the actor's, or all).
    public static func entries(_ view: FilteredGraph, actor: ActorIndex? = nil, other: ActorIndex? = nil)
        -> [MatchedRelation]
    {
        let graph = view.graph
        var result: [MatchedRelation] = []
        if let actor {
            for relation in graph.relations(of: actor) {
                guard view.canFollow(relation, from: actor), let match = view.match(relation) else { continue }
                if let other {
                    let far = graph.source(of: relation) == actor ? graph.target(of: relation) : graph.source(of: relation)
                    guard far == other else { continue }
                }
                result.append(MatchedRelation(relation: relation, match: match))
            }
        } else {
            for relation in graph.relationIndices {
                guard let match = view.match(relation), view.admits(graph.source(of: relation)),
                    view.admits(graph.target(of: relation))
                else { continue }
                result.append(MatchedRelation(relation: relation, match: match))
            }
        }
        return ordered(graph, result)
    }

    /// Date order, undated last, ties in file order.
    public static func ordered(_ graph: RelationGraph, _ entries: [MatchedRelation]) -> [MatchedRelation] {
        entries.sorted { left, right in
            let leftKey = graph.span(of: left.relation).map { ($0.possibleStart, $0.possibleEnd) } ?? (Int32.max, Int32.max)
            let rightKey = graph.span(of: right.relation).map { ($0.possibleStart, $0.possibleEnd) } ?? (Int32.max, Int32.max)
            if leftKey != rightKey { return leftKey < rightKey }
            return left.relation < right.relation
        }
    }
}

/// What changed between two dates: relations active at one and not at the other.
public struct TimeDiff: Hashable, Sendable {
    /// Active at `to` and not at `from`.
    public let added: [MatchedRelation]
    /// Active at `from` and not at `to`.
    public let removed: [MatchedRelation]
    /// Relations possibly but not definitely active at both dates: they may have begun, ended, both or neither in
    /// between, so they are listed under neither (with `includePossible`; counted either way).
    public let uncertain: Int
    /// Possible changes left out because `includePossible` is off (counted; listed with it).
    public let possibleLeftOut: Int

    /// Compares the relations the view admits (its own time condition is ignored) at two windows.
    ///
    /// A relation is *added* definitely when it is definitely active at `to` and not even possibly active at
    /// `from`; possibly when it is definitely active at `to` and possibly at `from`, or possibly at `to` and not at
    /// `from` — kept only with `includePossible`. Removed is the mirror image. Possibly active at both dates is
    /// neither (``uncertain``), so no relation is both added and removed. Undated relations are never active.
    ///
    /// - Complexity: O(relations), or O(degree) with `actor`.
    public init(
        _ view: FilteredGraph, from: (lo: Int32, hi: Int32), to: (lo: Int32, hi: Int32), actor: ActorIndex? = nil,
        includePossible: Bool
    ) {
        let graph = view.graph
        var added: [MatchedRelation] = []
        var removed: [MatchedRelation] = []
        var uncertain = 0
        var possibleLeftOut = 0
        let candidates = actor.map { graph.relations(of: $0) } ?? Array(graph.relationIndices)
        for relation in candidates {
            guard let span = graph.span(of: relation), view.match(relation) != nil,
                view.admits(graph.source(of: relation)), view.admits(graph.target(of: relation))
            else { continue }
            if let actor, !view.canFollow(relation, from: actor) { continue }
            let atFrom = TimeCondition.match(span, lo: from.lo, hi: from.hi)
            let atTo = TimeCondition.match(span, lo: to.lo, hi: to.hi)
            if atFrom == .possibly && atTo == .possibly {
                uncertain += 1
                continue
            }
            if let change = Self.change(present: atTo, absent: atFrom) {
                if change == .definitely || includePossible {
                    added.append(MatchedRelation(relation: relation, match: change))
                } else {
                    possibleLeftOut += 1
                }
            } else if let change = Self.change(present: atFrom, absent: atTo) {
                if change == .definitely || includePossible {
                    removed.append(MatchedRelation(relation: relation, match: change))
                } else {
                    possibleLeftOut += 1
                }
            }
        }
        self.added = Timeline.ordered(graph, added)
        self.removed = Timeline.ordered(graph, removed)
        self.uncertain = uncertain
        self.possibleLeftOut = possibleLeftOut
    }

    /// Present at one date and absent at the other: definitely when definitely present and not even possibly
    /// present at the other; possibly when at least possibly present at one and not at the other, or definitely
    /// present at one and possibly at the other; `nil` when absent, definitely present at both, or possibly at both.
    static func change(present: TimeMatch?, absent: TimeMatch?) -> TimeMatch? {
        guard let present, absent != .definitely else { return nil }
        if present == .possibly && absent == .possibly { return nil }
        return present == .definitely && absent == nil ? .definitely : .possibly
    }
}
