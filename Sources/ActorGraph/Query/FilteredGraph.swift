/// A graph seen through a ``RelationFilter``: a zero-copy view whose steps skip what the filter refuses.
///
/// Building the view precomputes one boolean per relation type (and, only when a grade filter is set, one per
/// relation), so the check made for every step of a search is a handful of array loads. For work that searches one
/// view many times, ``indexed()`` computes the relation test once, as a bit per adjacency slot.
public struct FilteredGraph: Traversable, Sendable {
    public let graph: RelationGraph
    public let filter: RelationFilter
    /// Actors exempt from the kind filter: the ones the query names.
    public let namedActors: [ActorIndex]
    private let typeAllowed: [Bool]
    /// Whether some type is refused: when none is, a step reads no type.
    private let checksTypes: Bool
    private let kindAllowed: [Bool]
    private let checksKinds: Bool
    private let avoidedBits: [UInt64]
    private let gradeAdmitted: [Bool]
    private let hasTime: Bool
    /// The bounds a step's time test compares, `[lo, hi]` against the possible days when the filter includes
    /// possibly active relations, else against the definite days.
    private let timeUsesPossibleDays: Bool
    private let keepsUndated: Bool
    private let lo: Int32
    private let hi: Int32
    private let followsOnlyForward: Bool
    /// When not empty (see ``indexed()``), whether ``allows(_:)`` holds for each adjacency slot's relation, laid out
    /// as the graph's symmetric slot bits, so a scan skips refused slots 64 at a time.
    private var admittedSlots = AdjacencySlotBits()
    /// Whether ``allows(_:)`` can refuse anything, and whether ``admits(_:)`` can: one test per step each when a
    /// part of the filter is unset, where testing the parts' own flags cost several loads a step.
    private let testsRelations: Bool
    private let testsActors: Bool

    /// - Complexity: O(types + actors / 64) to build; O(relations × citations) more when a grade, status or
    ///   sources filter is set.
    public init(_ graph: RelationGraph, filter: RelationFilter = RelationFilter(), namedActors: [ActorIndex] = []) {
        self.graph = graph
        self.filter = filter
        self.namedActors = namedActors
        let types = graph.vocabulary.all
        typeAllowed = types.indices.map { position in
            let index = RelationTypeIndex(UInt16(position))
            if let allowed = filter.types, !allowed.contains(index) { return false }
            if filter.excludedTypes.contains(index) { return false }
            if let categories = filter.categories, !categories.contains(types[position].category) { return false }
            return true
        }
        checksTypes = typeAllowed.contains(false)
        kindAllowed = ActorKind.allCases.map { filter.kinds?.contains($0) ?? true }
        checksKinds = filter.kinds != nil
        if filter.avoided.isEmpty {
            avoidedBits = []
        } else {
            var bits = [UInt64](repeating: 0, count: (graph.actorCount + 63) / 64)
            for actor in filter.avoided where actor.position < graph.actorCount {
                bits[actor.position >> 6] |= 1 << UInt64(actor.position & 63)
            }
            avoidedBits = bits
        }
        if filter.testsEvidence {
            gradeAdmitted = graph.relationIndices.map { filter.admitsEvidence(of: $0, in: graph) }
        } else {
            gradeAdmitted = []
        }
        if let window = filter.time.window {
            hasTime = true
            // One day inside the ends of time: real dates never reach them, and an undated relation's empty span
            // (start Int32.max, end Int32.min) then overlaps no window, even an open one.
            lo = max(window.lo, TimeSpan.beginningOfTime + 1)
            hi = min(window.hi, TimeSpan.endOfTime - 1)
        } else {
            hasTime = false
            (lo, hi) = (0, 0)
        }
        timeUsesPossibleDays = filter.includePossible
        keepsUndated = filter.includeUndated
        followsOnlyForward = filter.directed
        testsRelations = checksTypes || !gradeAdmitted.isEmpty || hasTime
        testsActors = !avoidedBits.isEmpty || checksKinds
    }

    public var actorCount: Int { graph.actorCount }
    public var isSymmetric: Bool { !followsOnlyForward }

    /// Whether the filter refuses relations by type, evidence (grade, status, sources) or time (not only by direction
    /// or actor).
    public var refusesRelations: Bool { testsRelations }

    /// Whether ``indexed()`` has computed the admitted-slot bits.
    public var isIndexed: Bool { !admittedSlots.isEmpty }

    /// This view with the answer of its relation test (type, grade, time) computed for every relation at once, for
    /// work that runs many searches on one view — many query pairs as of one day, betweenness, the k shortest
    /// paths. The answers are kept as one bit per adjacency slot in each direction (1/4 byte per relation), filled
    /// from a bit per relation that is dropped afterwards. A scan then walks an actor's slots through their bits,
    /// skipping refused slots 64 at a time without reading their relation, type or dates, and tests "already
    /// visited" only for admitted ones; the view's answers do not change. Not a filtered copy: the adjacency is the
    /// graph's. Returns the view unchanged when the filter refuses no relation by type, grade or time.
    ///
    /// - Complexity: O(relations): one sequential pass over the types and dates, one over each adjacency.
    public func indexed() -> FilteredGraph {
        guard refusesRelations, admittedSlots.isEmpty, graph.relationCount > 0 else { return self }
        let bits = AdjacencySlotBits.relationBits(count: graph.relationCount) { allows(RelationIndex($0)) }
        var copy = self
        copy.admittedSlots = AdjacencySlotBits(relationBits: bits, of: graph)
        return copy
    }

    /// The first slot at or after `slot` and before `end` whose bits allow it (`end` if none): admitted by the
    /// filter when `admitted`, of a symmetric type when `symmetric`; in the outgoing adjacency, or with `base`
    /// `graph.slotBitBase` the incoming one.
    @inline(__always)
    private func nextSlot(_ slot: Int, _ end: Int, base: Int, admitted: Bool, symmetric: Bool) -> Int {
        var position = base + slot
        let last = base + end
        while position < last {
            var word = UInt64.max
            if admitted { word &= admittedSlots.words[position >> 6] }
            if symmetric { word &= graph.symmetricSlots.words[position >> 6] }
            word >>= UInt64(position & 63)
            if word != 0 { return min(position + word.trailingZeroBitCount, last) - base }
            position = (position | 63) + 1
        }
        return end
    }

    /// Whether the relation passes the type, grade and time parts of the filter, and how surely for time.
    /// Without a time condition dated relations answer `.definitely` and undated ones `.undated`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func match(_ relation: RelationIndex) -> TimeMatch? {
        let position = relation.position
        guard typeAllowed[graph.typeIndex(of: relation).position] else { return nil }
        if !gradeAdmitted.isEmpty && !gradeAdmitted[position] { return nil }
        guard hasTime else { return graph.dateShape[position] & PackedDate.hasDate != 0 ? .definitely : .undated }
        // An undated relation's span is empty (start after end), so it overlaps no window: the date shape is read
        // only when nothing matched, to tell undated from out of range.
        let span = graph.spans[position]
        if span.definiteStart <= hi && span.definiteEnd >= lo { return .definitely }
        if filter.includePossible && span.possibleStart <= hi && span.possibleEnd >= lo {
            return .possibly
        }
        if filter.includeUndated && graph.dateShape[position] & PackedDate.hasDate == 0 { return .undated }
        return nil
    }

    /// Whether a search may reach `actor`: the actors the query names always; others when not avoided and of
    /// an allowed kind.
    @inline(__always)
    public func admits(_ actor: ActorIndex) -> Bool {
        guard testsActors else { return true }
        let position = actor.position
        if !avoidedBits.isEmpty && avoidedBits[position >> 6] & (1 << UInt64(position & 63)) != 0 {
            return namedActors.contains(actor)
        }
        if checksKinds && !kindAllowed[kindPosition(graph.actors.kinds[position])] {
            return namedActors.contains(actor)
        }
        return true
    }

    @inline(__always)
    private func kindPosition(_ kind: ActorKind) -> Int {
        switch kind {
        case .state: return 0
        case .group: return 1
        case .official: return 2
        }
    }

    public func includes(_ actor: ActorIndex) -> Bool { admits(actor) }

    /// The unfiltered degree: the steps a scan of `actor` examines before the filter refuses any.
    public func stepBound(of actor: ActorIndex) -> Int { graph.degree(of: actor) }

    public func span(of relation: RelationIndex) -> TimeSpan? { graph.span(of: relation) }

    /// Whether the relation may be followed from target to source.
    @inline(__always)
    private func followsBackwards(_ relation: RelationIndex) -> Bool {
        !followsOnlyForward || graph.isSymmetric(relation)
    }

    /// Whether a search may follow `relation`: `match(relation) != nil`, reading as few of the relation-indexed
    /// arrays as it can, since each read is at a scattered position (a cache miss on a large graph). Types only when
    /// the filter refuses some; no date without a time condition; with one, the window test on two day numbers
    /// first, so the date shape is read only for the relations that pass it — unless undated relations are kept,
    /// when the shape decides first. With ``RelationFilter/includePossible`` one test on the possible days stands
    /// for both of ``match(_:)``'s, as ``TimeSpan`` keeps the definite days inside the possible ones
    /// (`possibleStart ≤ definiteStart`, `definiteEnd ≤ possibleEnd`), so a definite overlap is a possible one.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func allows(_ relation: RelationIndex) -> Bool {
        guard testsRelations else { return true }
        let position = relation.position
        if checksTypes && !typeAllowed[graph.typeIndex(of: relation).position] { return false }
        if !gradeAdmitted.isEmpty && !gradeAdmitted[position] { return false }
        guard hasTime else { return true }
        if keepsUndated && graph.dateShape[position] & PackedDate.hasDate == 0 { return true }
        let span = graph.spans[position]
        // Undated relations have an empty span, so no separate date-shape read is needed here.
        return timeUsesPossibleDays
            ? span.possibleStart <= hi && span.possibleEnd >= lo
            : span.definiteStart <= hi && span.definiteEnd >= lo
    }

    /// - Complexity: O(degree of `actor`).
    @inline(__always)
    public func forEachStep(from actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        forEachStep(from: actor, unless: { _ in false }, body)
    }

    /// - Complexity: O(degree of `actor`).
    @inline(__always)
    public func forEachStep(into actor: ActorIndex, _ body: (ActorIndex, RelationIndex) -> Void) {
        forEachStep(into: actor, unless: { _ in false }, body)
    }

    /// Asks `skipped` before reading a relation's dates, so a search's visited neighbours cost no such read. Without
    /// a time condition the relation's test reads at most its type and comes first; an ``indexed()`` view visits the
    /// admitted slots only.
    ///
    /// - Complexity: O(degree of `actor`).
    @inline(__always)
    public func forEachStep(
        from actor: ActorIndex, unless skipped: (ActorIndex) -> Bool, _ body: (ActorIndex, RelationIndex) -> Void
    ) {
        scan(actor, alongFirst: true, unless: skipped, body)
    }

    /// - Complexity: O(degree of `actor`).
    @inline(__always)
    public func forEachStep(
        into actor: ActorIndex, unless skipped: (ActorIndex) -> Bool, _ body: (ActorIndex, RelationIndex) -> Void
    ) {
        // Undirected, the steps into an actor are the steps from it.
        scan(actor, alongFirst: !followsOnlyForward, unless: skipped, body)
    }

    /// The one loop behind both `forEachStep`s, so that a search's closures are inlined at one call site. First the
    /// relations followed along their direction — from `actor`'s outgoing slots when `alongFirst`, else into it from
    /// its incoming ones — then those followed against it, which a directed view allows only for symmetric types
    /// (skipping the others on the graph's slot bits, 64 at a time); a self-relation, in both lists, is reported once.
    /// An indexed view skips refused slots the same way.
    @inline(__always)
    private func scan(
        _ actor: ActorIndex, alongFirst: Bool, unless skipped: (ActorIndex) -> Bool,
        _ body: (ActorIndex, RelationIndex) -> Void
    ) {
        // Indexed: only the admitted slots are visited, so the relation needs no test. Otherwise the relation's
        // test comes first when it reads nothing (no time condition), else after "already visited".
        let indexed = !admittedSlots.isEmpty
        let relationFirst = !hasTime
        // Two passes of one loop (one call site for `body`, which the compiler then inlines): the slots followed
        // along the relation's direction, then those followed against it. The arrays are chosen per slot, not bound
        // to locals: a local copy of an array costs a retain and a release per actor expanded.
        for pass in 0..<2 {
            let isAlong = pass == 0
            let usesOut = isAlong == alongFirst
            let slots = usesOut ? graph.outgoing(actor) : graph.incoming(actor)
            let base = usesOut ? 0 : graph.slotBitBase
            // Against the relations' direction a directed view follows symmetric types only: their slot bits say which.
            let symmetricOnly = !isAlong && followsOnlyForward
            let usesBits = indexed || symmetricOnly
            var slot = slots.lowerBound
            while true {
                if usesBits {
                    slot = nextSlot(slot, slots.upperBound, base: base, admitted: indexed, symmetric: symmetricOnly)
                }
                guard slot < slots.upperBound else { break }
                let (neighbor, relation) = usesOut ? graph.outStep(slot) : graph.inStep(slot)
                slot += 1
                // A self-relation is in both lists: taken along its direction only.
                if !isAlong && neighbor == actor { continue }
                if indexed {
                    if skipped(neighbor) { continue }
                } else if relationFirst {
                    if !allows(relation) || skipped(neighbor) { continue }
                } else {
                    if skipped(neighbor) || !allows(relation) { continue }
                }
                if admits(neighbor) { body(neighbor, relation) }
            }
        }
    }

    /// Whether `relation` may be followed from `actor` (one of its ends) to its other end under this view.
    public func canFollow(_ relation: RelationIndex, from actor: ActorIndex) -> Bool {
        let source = graph.source(of: relation)
        let target = graph.target(of: relation)
        guard match(relation) != nil else { return false }
        if actor == source { return admits(target) }
        if actor == target { return followsBackwards(relation) && admits(source) }
        return false
    }
}
