extension RelationFilter {
    /// Whether the filter tests a relation's evidence: its grade, status or independent sources.
    public var testsEvidence: Bool { minimumGrade != nil || gradedOnly || statuses != nil || minimumSources > 0 }

    /// Whether `relation`'s evidence passes the grade, status and sources parts of the filter. The grade is the one
    /// in effect (``RelationEvidence/grade``: stated, else derived); ungraded relations pass a minimum grade unless
    /// ``gradedOnly``.
    ///
    /// - Complexity: O(citations × depth of the sources' `derived_from` chains).
    public func admitsEvidence(of relation: RelationIndex, in graph: RelationGraph) -> Bool {
        if let statuses, !statuses.contains(graph.details(of: relation).status) { return false }
        guard minimumGrade != nil || gradedOnly || minimumSources > 0 else { return true }
        let evidence = graph.evidence(of: relation)
        if evidence.independentSources < minimumSources { return false }
        guard let grade = evidence.grade else { return !gradedOnly }
        return minimumGrade.map { grade.meets($0) } ?? true
    }

    /// This filter keeping what its time condition matches only possibly and undated relations, or `nil` when it
    /// already keeps both or has no time condition: the filter that answers "what did the time filter leave out?".
    public var lenient: RelationFilter? {
        guard time != .none, !includePossible || !includeUndated else { return nil }
        var copy = self
        copy.includePossible = true
        copy.includeUndated = true
        return copy
    }
}

/// How many relations an answer left out only because its time filter matches them possibly, or they are undated:
/// what `--possibly` and `--include-undated` would add (docs/QUERIES.md, "No silent thinning").
public struct LeftOut: Hashable, Sendable {
    public var possibly = 0
    public var undated = 0

    public init(possibly: Int = 0, undated: Int = 0) {
        self.possibly = possibly
        self.undated = undated
    }

    public var isEmpty: Bool { possibly == 0 && undated == 0 }
}

extension FilteredGraph {
    /// Counts the distinct relations among `relations` (the answer of the same query under ``RelationFilter/lenient``)
    /// that this view refuses only for their time: matched possibly, or undated.
    ///
    /// - Complexity: O(relations).
    public func leftOut(_ relations: some Sequence<RelationIndex>) -> LeftOut {
        var seen: Set<RelationIndex> = []
        var result = LeftOut()
        guard let window = filter.time.window else { return result }
        for relation in relations where seen.insert(relation).inserted && match(relation) == nil {
            guard let span = graph.span(of: relation) else {
                if !filter.includeUndated { result.undated += 1 }
                continue
            }
            if !filter.includePossible, TimeCondition.match(span, lo: window.lo, hi: window.hi) == .possibly {
                result.possibly += 1
            }
        }
        return result
    }
}
