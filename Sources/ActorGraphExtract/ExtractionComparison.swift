/// How a text's candidates compare with the relations a graph already cites from that text: the recall of
/// (actor pair, cited line) and the share of candidates that match a relation.
public struct ExtractionComparison: Sendable {
    /// One relation's citation of the text: its id, its two actors, the cited lines.
    public struct Reference: Hashable, Sendable {
        public var relation: String
        public var from: String
        public var to: String
        public var lines: ClosedRange<Int>

        public init(relation: String, from: String, to: String, lines: ClosedRange<Int>) {
            (self.relation, self.from, self.to, self.lines) = (relation, from, to, lines)
        }
    }

    /// Distinct (unordered pair, cited range) items of the graph, and which of them a candidate found.
    public var references: [Reference]
    public var found: [Reference]
    /// For each candidate (in order), the relations it matches.
    public var matches: [[String]]

    public var recall: Double { references.isEmpty ? 0 : Double(found.count) / Double(references.count) }
    public var precision: Double {
        matches.isEmpty ? 0 : Double(matches.filter { !$0.isEmpty }.count) / Double(matches.count)
    }

    /// A candidate matches a reference when it joins the same two actors (either order) and its lines meet the
    /// cited range widened by `slack` lines on each side.
    ///
    /// - Complexity: O(candidates · references).
    public init(candidates: [Candidate], references: [Reference], slack: Int = 1) {
        var distinct: [Reference] = []
        var keys = Set<String>()
        for reference in references {
            let pair = [reference.from, reference.to].sorted()
            if keys.insert("\(pair[0])|\(pair[1])|\(reference.lines)").inserted { distinct.append(reference) }
        }
        self.references = distinct
        func joins(_ candidate: Candidate, _ reference: Reference) -> Bool {
            guard case .actor(let a) = candidate.from.target, case .actor(let b) = candidate.to.target else { return false }
            let sameEnds = (a == reference.from && b == reference.to) || (a == reference.to && b == reference.from)
            return sameEnds && candidate.lines.lowerBound <= reference.lines.upperBound + slack
                && candidate.lines.upperBound >= reference.lines.lowerBound - slack
        }
        matches = candidates.map { candidate in
            var ids: [String] = []
            for reference in references where joins(candidate, reference) && !ids.contains(reference.relation) {
                ids.append(reference.relation)
            }
            return ids
        }
        found = distinct.filter { reference in candidates.contains { joins($0, reference) } }
    }
}
