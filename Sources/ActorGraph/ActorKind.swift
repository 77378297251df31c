/// What an actor is. The list is fixed: diagrams, filters and exports rely on it.
public enum ActorKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// A sovereign state or a former one (Russia, the USSR, Afghanistan).
    case state
    /// A collective actor that is not a state: a government, movement, armed or terrorist organisation,
    /// alliance, intergovernmental body or institution.
    case group
    /// A person, usually holding dated roles.
    case official

    public static func < (lhs: ActorKind, rhs: ActorKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// The family a relation type belongs to. Fixed, because every category has its own colour and line style.
public enum RelationCategory: String, CaseIterable, Sendable, Codable, Comparable {
    case diplomatic
    case economic
    case security
    case conflict
    case legal
    case affiliation
    case role
    case statement
    case other

    public static func < (lhs: RelationCategory, rhs: RelationCategory) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// How firmly a source states a relation.
public enum RelationStatus: String, CaseIterable, Sendable, Codable {
    /// The source reports it as fact.
    case reported
    /// Someone asserts it; the source does not establish it.
    case claimed
    /// It was asserted and the party concerned denies it.
    case denied
}
