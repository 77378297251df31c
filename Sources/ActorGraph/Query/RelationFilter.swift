/// What a query may use: which relations (types, categories, time, grade) and which actors (kinds, avoided
/// actors), and whether relations are followed only in their direction.
///
/// A filter is a description; ``FilteredGraph`` binds it to a graph and checks it while a search runs, so no
/// filtered copy of the graph is ever built.
public struct RelationFilter: Hashable, Sendable {
    public var time: TimeCondition = .none
    /// Keep relations the time condition holds for only possibly (marked ``TimeMatch/possibly``).
    public var includePossible = false
    /// Keep undated relations even when a time condition is given (marked ``TimeMatch/undated``).
    public var includeUndated = false
    /// Only these types; `nil` allows every type.
    public var types: Set<RelationTypeIndex>?
    public var excludedTypes: Set<RelationTypeIndex> = []
    /// Only types of these categories; `nil` allows every category.
    public var categories: Set<RelationCategory>?
    /// The kinds an actor must have to be used, except the actors the query names (path ends, the ego…);
    /// `nil` allows every kind.
    public var kinds: Set<ActorKind>?
    /// Actors no answer may pass through or reach (the actors a query names are exempt).
    public var avoided: Set<ActorIndex> = []
    /// Follow directed relations only from source to target (symmetric types still go both ways).
    public var directed = false
    /// Keep only relations graded at least this well on both Admiralty axes; ungraded ones stay unless
    /// ``gradedOnly``.
    public var minimumGrade: AdmiraltyGrade?
    public var gradedOnly = false
    /// Only relations of these statuses; `nil` allows every status.
    public var statuses: Set<RelationStatus>?
    /// Only relations citing at least this many independent sources (``RelationEvidence/independentSources``).
    public var minimumSources = 0

    public init() {}

    public init(time: TimeCondition) { self.time = time }

    /// The parts of a filter, used to explain which one cut a connection.
    public enum Component: String, CaseIterable, Hashable, Sendable {
        case time, types, categories, kinds, avoided, directed, grade, status, sources
    }

    /// The components that are set.
    public var activeComponents: [Component] {
        Component.allCases.filter { component in
            switch component {
            case .time: return time != .none
            case .types: return types != nil || !excludedTypes.isEmpty
            case .categories: return categories != nil
            case .kinds: return kinds != nil
            case .avoided: return !avoided.isEmpty
            case .directed: return directed
            case .grade: return minimumGrade != nil || gradedOnly
            case .status: return statuses != nil
            case .sources: return minimumSources > 0
            }
        }
    }

    /// This filter without `component`.
    public func removing(_ component: Component) -> RelationFilter {
        var copy = self
        switch component {
        case .time: copy.time = .none
        case .types:
            copy.types = nil
            copy.excludedTypes = []
        case .categories: copy.categories = nil
        case .kinds: copy.kinds = nil
        case .avoided: copy.avoided = []
        case .directed: copy.directed = false
        case .grade:
            copy.minimumGrade = nil
            copy.gradedOnly = false
        case .status: copy.statuses = nil
        case .sources: copy.minimumSources = 0
        }
        return copy
    }
}
