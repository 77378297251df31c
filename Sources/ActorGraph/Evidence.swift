/// A source's reliability on the Admiralty scale (docs/FORMAT.md): `A` completely reliable … `E` unreliable,
/// `F` cannot be judged.
public enum SourceReliability: String, CaseIterable, Hashable, Sendable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    /// 0 for `A` … 5 for `F`, as ``AdmiraltyGrade/reliabilityRank``.
    public var rank: UInt8 { UInt8(Self.allCases.firstIndex(of: self) ?? 5) }

    public static func < (lhs: SourceReliability, rhs: SourceReliability) -> Bool { lhs.rank < rhs.rank }
}

/// How much a relation deserves to be believed, and why: its status, the sources it cites and which of them are
/// independent, and its Admiralty grade — written by hand, or derived from the catalogue by the rule of
/// docs/FORMAT.md ("Grades").
public struct RelationEvidence: Hashable, Sendable {
    public var status: RelationStatus
    public var claimedBy: String?
    /// The distinct sources the relation cites for itself (not those cited for its date only), in citation order.
    public var citedSources: [String]
    /// The cited sources that restate another cited one (`derived_from`, followed transitively): not independent.
    public var derivedSources: [String]
    /// The grade written in the graph file: the relation's own, else its best citation grade.
    public var statedGrade: AdmiraltyGrade?
    /// The grade the catalogue implies: the best reliability of the independent sources, and the credibility of
    /// ``credibility(status:independentSources:)``; `nil` when no independent source has a reliability.
    public var derivedGrade: AdmiraltyGrade?

    /// Cited sources less those derived from another cited one.
    public var independentSources: Int { citedSources.count - derivedSources.count }

    /// The grade in effect: the stated one, else the derived one.
    public var grade: AdmiraltyGrade? { statedGrade ?? derivedGrade }

    /// Whether ``grade`` is the derived one (no grade is written for the relation or its citations).
    public var gradeIsDerived: Bool { statedGrade == nil && derivedGrade != nil }

    /// The information credibility (1–6) that status and independent corroboration imply: `reported` 1 with two or
    /// more independent sources, else 2; `claimed` 3, else 4; `denied` 4, else 5; 6 (cannot be judged) without
    /// any source.
    public static func credibility(status: RelationStatus, independentSources: Int) -> Int {
        guard independentSources > 0 else { return 6 }
        let corroborated = independentSources >= 2
        switch status {
        case .reported: return corroborated ? 1 : 2
        case .claimed: return corroborated ? 3 : 4
        case .denied: return corroborated ? 4 : 5
        }
    }
}

extension RelationGraph {
    /// The evidence for `relation`: its cited sources, which of them are independent, and its grade.
    ///
    /// A cited source is *derived* when one of the sources it restates (its catalogue `derived_from`, followed
    /// transitively) is cited too; sources missing from the catalogue count as independent.
    ///
    /// - Complexity: O(citations × depth of the `derived_from` chains).
    public func evidence(of relation: RelationIndex) -> RelationEvidence {
        let details = details(of: relation)
        var cited: [String] = []
        for citation in details.citations where !citation.forDate && !cited.contains(citation.source) {
            cited.append(citation.source)
        }
        let derived = cited.filter { id in
            let origins = restatedSources(of: id)
            return cited.contains { $0 != id && origins.contains($0) }
        }
        var evidence = RelationEvidence(
            status: details.status, claimedBy: details.claimedBy, citedSources: cited, derivedSources: derived,
            statedGrade: details.effectiveGrade, derivedGrade: nil)
        let independent = cited.filter { !derived.contains($0) }
        if let best = independent.compactMap({ source(id: $0)?.reliability }).min(),
            let grade = AdmiraltyGrade(
                best.rawValue
                    + String(
                        RelationEvidence.credibility(status: details.status, independentSources: independent.count)))
        {
            evidence.derivedGrade = grade
        }
        return evidence
    }

    /// Every source `id` restates, directly or through others (`derived_from` followed transitively, cycles cut).
    public func restatedSources(of id: String) -> Set<String> {
        var found: Set<String> = []
        var pending = source(id: id)?.derivedFrom ?? []
        while let next = pending.popLast() {
            guard next != id, found.insert(next).inserted else { continue }
            pending += source(id: next)?.derivedFrom ?? []
        }
        return found
    }
}
