/// Why a ``GraphBuilder`` refused an element.
public enum GraphBuildError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateActor(id: String)
    case duplicateSource(id: String)
    case duplicateRelation(id: String)
    case tooManyActors
    case tooManyRelations

    public var description: String {
        switch self {
        case .duplicateActor(let id): return "actor id '\(id)' is defined twice"
        case .duplicateSource(let id): return "source id '\(id)' is defined twice"
        case .duplicateRelation(let id): return "relation id '\(id)' is defined twice"
        case .tooManyActors: return "a graph holds at most \(UInt32.max - 1) actors"
        case .tooManyRelations: return "a graph holds at most \(UInt32.max - 1) relations"
        }
    }
}

/// Collects actors and relations, then freezes them into an immutable ``RelationGraph``.
///
/// Endpoints are resolved by the caller (``actorIndex(id:)``), so checking references and reporting them with a
/// position stays with the reader that knows the positions.
public struct GraphBuilder: Sendable {
    public let vocabulary: RelationVocabulary
    private var sources: [SourceDocument] = []
    private var sourceIDs: Set<String> = []
    private var actors: [ActorRecord] = []
    private var actorIndexByID: [String: ActorIndex] = [:]
    private var relationSource: [ActorIndex] = []
    private var relationTarget: [ActorIndex] = []
    private var relationType: [RelationTypeIndex] = []
    private var spans: [TimeSpan] = []
    private var dateShape: [UInt16] = []
    /// Empty while no relation has details (bulk data); else one slot per relation, `UInt32.max` for none.
    private var detailSlot: [UInt32] = []
    private var details: [RelationDetails] = []
    private var relationIndexByExplicitID: [String: RelationIndex] = [:]

    public init(vocabulary: RelationVocabulary) {
        self.vocabulary = vocabulary
    }

    public var actorCount: Int { actors.count }
    public var relationCount: Int { relationSource.count }

    /// Reserves room so that loading a large data set does not regrow the arrays.
    public mutating func reserveCapacity(actors actorCount: Int, relations relationCount: Int) {
        actors.reserveCapacity(actorCount)
        actorIndexByID.reserveCapacity(actorCount)
        relationSource.reserveCapacity(relationCount)
        relationTarget.reserveCapacity(relationCount)
        relationType.reserveCapacity(relationCount)
        spans.reserveCapacity(relationCount)
        dateShape.reserveCapacity(relationCount)
    }

    public mutating func addSource(_ source: SourceDocument) throws(GraphBuildError) {
        guard sourceIDs.insert(source.id).inserted else { throw .duplicateSource(id: source.id) }
        sources.append(source)
    }

    public func hasSource(id: String) -> Bool { sourceIDs.contains(id) }

    @discardableResult
    public mutating func addActor(_ actor: ActorRecord) throws(GraphBuildError) -> ActorIndex {
        guard actors.count < Int(UInt32.max - 1) else { throw .tooManyActors }
        let index = ActorIndex(actors.count)
        guard actorIndexByID[actor.id] == nil else { throw .duplicateActor(id: actor.id) }
        actorIndexByID[actor.id] = index
        actors.append(actor)
        return index
    }

    /// Adds actors in order, with the same result as ``addActor(_:)`` for each; nothing is added when it throws.
    /// Into an empty builder the array is taken as it is, and each id is hashed once.
    ///
    /// - Complexity: O(actors).
    public mutating func addActors(_ records: [ActorRecord]) throws(GraphBuildError) {
        guard actors.count + records.count < Int(UInt32.max - 1) else { throw .tooManyActors }
        let first = actors.count
        var added: [String: ActorIndex] = [:]
        added.reserveCapacity(records.count)
        for (offset, record) in records.enumerated() {
            if added.updateValue(ActorIndex(first + offset), forKey: record.id) != nil
                || (first > 0 && actorIndexByID[record.id] != nil)
            {
                throw .duplicateActor(id: record.id)
            }
        }
        if first == 0 {
            actorIndexByID = added
            actors = records
        } else {
            actorIndexByID.merge(added) { old, _ in old }
            actors.append(contentsOf: records)
        }
    }

    public func actorIndex(id: String) -> ActorIndex? { actorIndexByID[id] }

    public func actor(_ index: ActorIndex) -> ActorRecord { actors[index.position] }

    /// Adds a relation. `details` with an explicit `id` make that id resolvable; `nil` details cost nothing.
    @discardableResult
    public mutating func addRelation(
        from source: ActorIndex, to target: ActorIndex, type: RelationTypeIndex, date: EDTFDate?,
        details relationDetails: RelationDetails? = nil
    ) throws(GraphBuildError) -> RelationIndex {
        guard relationSource.count < Int(UInt32.max - 1) else { throw .tooManyRelations }
        let index = RelationIndex(relationSource.count)
        if let id = relationDetails?.id {
            guard relationIndexByExplicitID[id] == nil else { throw .duplicateRelation(id: id) }
            relationIndexByExplicitID[id] = index
        }
        relationSource.append(source)
        relationTarget.append(target)
        relationType.append(type)
        spans.append(date?.span ?? RelationGraph.undatedSpan)
        dateShape.append(PackedDate.pack(date))
        if let relationDetails, relationDetails != .empty {
            fillDetailSlots(upTo: index.position)
            detailSlot.append(UInt32(details.count))
            details.append(relationDetails)
        } else if !details.isEmpty {
            detailSlot.append(UInt32.max)
        }
        return index
    }

    /// Gives the relations before `count` their "no details" slot, when the first details arrive.
    private mutating func fillDetailSlots(upTo count: Int) {
        if detailSlot.count < count {
            detailSlot.reserveCapacity(relationSource.capacity)
            detailSlot.append(contentsOf: repeatElement(UInt32.max, count: count - detailSlot.count))
        }
    }

    /// Adds relations given as columns, in order — what bulk loaders produce — with the same result as calling
    /// ``addRelation(from:to:type:date:details:)`` for each. Dates repeat in bulk data, so each relation names its
    /// date by position in `dates` (`-1`: undated) and each distinct date is converted once; `details` lists the
    /// relations that have some, by position in the columns, in increasing order.
    ///
    /// Nothing is added when it throws.
    ///
    /// - Complexity: O(relations + dates + details).
    public mutating func addRelations(
        sources: [ActorIndex], targets: [ActorIndex], types: [RelationTypeIndex], dateIndices: [Int32],
        dates: [EDTFDate], details relationDetails: [(position: Int, details: RelationDetails)] = []
    ) throws(GraphBuildError) {
        try addRelations(
            sources: sources, targets: targets, types: types, dateIndices: dateIndices,
            dateSpans: dates.map(\.span), shapes: dates.map { PackedDate.pack($0) }, details: relationDetails)
    }

    /// ``addRelations(sources:targets:types:dateIndices:dates:details:)`` with each distinct date as stored, as a
    /// snapshot holds them: nothing to convert.
    public mutating func addRelations(
        sources: [ActorIndex], targets: [ActorIndex], types: [RelationTypeIndex], dateIndices: [Int32],
        storedDates: [StoredDate], details relationDetails: [(position: Int, details: RelationDetails)] = []
    ) throws(GraphBuildError) {
        try addRelations(
            sources: sources, targets: targets, types: types, dateIndices: dateIndices,
            dateSpans: storedDates.map(\.span), shapes: storedDates.map(\.shape), details: relationDetails)
    }

    private mutating func addRelations(
        sources: [ActorIndex], targets: [ActorIndex], types: [RelationTypeIndex], dateIndices: [Int32],
        dateSpans: [TimeSpan], shapes: [UInt16], details relationDetails: [(position: Int, details: RelationDetails)]
    ) throws(GraphBuildError) {
        let count = sources.count
        precondition(targets.count == count && types.count == count && dateIndices.count == count)
        guard relationSource.count + count < Int(UInt32.max - 1) else { throw .tooManyRelations }
        let first = relationSource.count
        var newIDs: [String: RelationIndex] = [:]
        for entry in relationDetails {
            guard let id = entry.details.id else { continue }
            guard relationIndexByExplicitID[id] == nil, newIDs[id] == nil else { throw .duplicateRelation(id: id) }
            newIDs[id] = RelationIndex(first + entry.position)
        }
        relationIndexByExplicitID.merge(newIDs) { old, _ in old }
        // Into an empty builder the columns are taken as they are (shared, copied only if either side writes).
        if first == 0 {
            relationSource = sources
            relationTarget = targets
            relationType = types
        } else {
            relationSource.append(contentsOf: sources)
            relationTarget.append(contentsOf: targets)
            relationType.append(contentsOf: types)
        }
        // Bulk appends, one column at a time: per-element appends cost several times as much at tens of millions
        // of relations.
        spans.append(contentsOf: dateIndices.lazy.map { $0 < 0 ? RelationGraph.undatedSpan : dateSpans[Int($0)] })
        dateShape.append(contentsOf: dateIndices.lazy.map { $0 < 0 ? 0 : shapes[Int($0)] })
        let hasDetails = relationDetails.contains { $0.details != .empty }
        if details.isEmpty && !hasDetails { return }
        fillDetailSlots(upTo: first)
        detailSlot.reserveCapacity(first + count)
        var next = 0
        for position in 0..<count {
            if next < relationDetails.count, relationDetails[next].position == position {
                let value = relationDetails[next].details
                next += 1
                if value != .empty {
                    detailSlot.append(UInt32(details.count))
                    details.append(value)
                    continue
                }
            }
            detailSlot.append(UInt32.max)
        }
    }

    /// Freezes the graph, building both adjacency arrays.
    ///
    /// - Complexity: O(actors + relations).
    public func build() -> RelationGraph {
        RelationGraph(
            vocabulary: vocabulary, sources: sources, actors: actors,
            relationSource: relationSource, relationTarget: relationTarget, relationType: relationType,
            spans: spans, dateShape: dateShape,
            detailSlot: detailSlot, details: details, relationIndexByExplicitID: relationIndexByExplicitID)
    }
}
