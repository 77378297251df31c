import ActorGraph

/// Seeded random multigraphs for property tests: few actors, parallel relations, self-relations, directed and
/// symmetric types in several categories, every EDTF date form, grades and undated relations.
public enum RandomGraphs {
    /// Four types: two directed, two symmetric, in four categories.
    public static let vocabulary = RelationVocabulary([
        RelationType(name: "supports", directed: true, category: .affiliation, inverse: "supported by"),
        RelationType(name: "meets", directed: false, category: .diplomatic),
        RelationType(name: "sanctions", directed: true, category: .legal, inverse: "sanctioned by"),
        RelationType(name: "fights", directed: false, category: .conflict, allowsSelf: true),
    ])

    public struct Parameters: Sendable {
        public var actors: ClosedRange<Int> = 2...8
        public var relations: ClosedRange<Int> = 0...14
        /// Share of relations without a date.
        public var undatedShare = 0.15
        public var selfRelationShare = 0.04
        /// Years dates are drawn from.
        public var years: ClosedRange<Int> = 2000...2004
        public init() {}
    }

    public static func multigraph(seed: UInt64, _ parameters: Parameters = Parameters()) -> RelationGraph {
        var random = SeededRandom(seed: seed)
        var builder = GraphBuilder(vocabulary: vocabulary)
        for source in randomSources(seed: seed) { try? builder.addSource(source) }
        let actorCount = random.int(parameters.actors)
        for position in 0..<actorCount {
            let kind = ActorKind.allCases[random.int(0...2)]
            _ = try? builder.addActor(ActorRecord(id: "a\(position)", name: "Actor \(position)", kind: kind))
        }
        let relationCount = random.int(parameters.relations)
        for position in 0..<relationCount {
            let source = random.int(0...(actorCount - 1))
            var target = random.int(0...(actorCount - 1))
            if source == target && !random.chance(parameters.selfRelationShare * Double(actorCount)) {
                target = (source + 1 + random.int(0...(actorCount - 2))) % actorCount
            }
            let type = RelationTypeIndex(UInt16(random.int(0...3)))
            var date = random.chance(parameters.undatedShare) ? nil : randomDate(&random, years: parameters.years)
            // One date in ten qualified (`?`, `~`, `%`), from a stream of its own so the other draws stay as they were.
            var qualifying = SeededRandom(seed: (seed ^ (UInt64(0x0F) << 48)) &+ UInt64(position))
            if let written = date, qualifying.chance(0.1) {
                date = qualified(written, EDTFDate.Qualifiers(rawValue: UInt8(qualifying.int(1...3))))
            }
            var details = RelationDetails(id: "r\(position + 1)")
            details.citations = [Citation(source: "s\(random.int(1...3))", lines: 1...random.int(1...5))]
            if random.chance(0.6) { details.grade = randomGrade(&random) }
            addEvidence(seed: seed &+ UInt64(position), to: &details)
            _ = try? builder.addRelation(
                from: ActorIndex(source), to: ActorIndex(target), type: type, date: date, details: details)
        }
        return builder.build()
    }

    public static func randomGrade(_ random: inout SeededRandom) -> AdmiraltyGrade? {
        let letters = ["A", "B", "C", "D", "E", "F"]
        return AdmiraltyGrade("\(letters[random.int(0...5)])\(random.int(1...6))")
    }

    /// `date` with `qualifiers` on its first bound.
    public static func qualified(_ date: EDTFDate, _ qualifiers: EDTFDate.Qualifiers) -> EDTFDate {
        func mark(_ bound: EDTFDate.Bound) -> EDTFDate.Bound {
            EDTFDate.Bound(first: bound.first, precision: bound.precision, qualifiers: qualifiers)
        }
        switch date.form {
        case .point(let bound): return EDTFDate(.point(mark(bound)))
        case .interval(.bound(let start), let end): return EDTFDate(.interval(start: .bound(mark(start)), end: end))
        case .interval(let start, .bound(let end)): return EDTFDate(.interval(start: start, end: .bound(mark(end))))
        case .interval: return date
        }
    }

    /// A bound at a random precision inside `years`.
    public static func randomBound(_ random: inout SeededRandom, years: ClosedRange<Int>) -> EDTFDate.Bound {
        let year = random.int(years)
        let month = random.int(1...12)
        let day = random.int(1...CalendarDay.daysIn(month: month, year: year))
        let precision = random.int(0...2)
        let first: CalendarDay?
        switch precision {
        case 0: first = CalendarDay(year: year, month: 1, day: 1)
        case 1: first = CalendarDay(year: year, month: month, day: 1)
        default: first = CalendarDay(year: year, month: month, day: day)
        }
        let day0 = first ?? CalendarDay(dayNumber: 0)
        return EDTFDate.Bound(first: day0, precision: precision == 0 ? .year : precision == 1 ? .month : .day)
    }

    /// Any date form: a point, a closed interval, open or unknown start or end.
    public static func randomDate(_ random: inout SeededRandom, years: ClosedRange<Int>) -> EDTFDate {
        let first = randomBound(&random, years: years)
        switch random.int(0...9) {
        case 0...3:
            return EDTFDate(.point(first))
        case 4...6:
            var second = randomBound(&random, years: years)
            if second.last < first.first { second = first }
            return EDTFDate(.interval(start: .bound(first), end: .bound(second)))
        case 7:
            return EDTFDate(.interval(start: .bound(first), end: random.chance(0.5) ? .open : .unknown))
        default:
            return EDTFDate(.interval(start: random.chance(0.5) ? .open : .unknown, end: .bound(first)))
        }
    }

    /// A random filter over `graph`: any mix of time, types, categories, kinds, avoided actors, direction, grade.
    public static func filter(seed: UInt64, for graph: RelationGraph, years: ClosedRange<Int> = 2000...2004)
        -> RelationFilter
    {
        var random = SeededRandom(seed: seed ^ 0xF117E2)
        var filter = RelationFilter()
        switch random.int(0...5) {
        case 0:
            let bound = randomBound(&random, years: years)
            filter.time = .at(first: bound.first.dayNumber, last: bound.last.dayNumber)
        case 1:
            let a = randomBound(&random, years: years)
            let b = randomBound(&random, years: years)
            let (low, high) = a.first <= b.first ? (a, b) : (b, a)
            filter.time = .between(
                first: random.chance(0.2) ? nil : low.first.dayNumber,
                last: random.chance(0.2) ? nil : max(high.last.dayNumber, low.first.dayNumber))
        case 2:
            filter.time = .until(last: randomBound(&random, years: years).last.dayNumber)
        default:
            break
        }
        filter.includePossible = random.chance(0.5)
        filter.includeUndated = random.chance(0.3)
        if random.chance(0.25) {
            filter.types = Set((0..<4).filter { _ in random.chance(0.6) }.map { RelationTypeIndex(UInt16($0)) })
        }
        if random.chance(0.2) { filter.excludedTypes = [RelationTypeIndex(UInt16(random.int(0...3)))] }
        if random.chance(0.2) {
            filter.categories = Set(RelationCategory.allCases.filter { _ in random.chance(0.5) })
        }
        if random.chance(0.2) { filter.kinds = Set(ActorKind.allCases.filter { _ in random.chance(0.6) }) }
        if random.chance(0.2), graph.actorCount > 0 {
            filter.avoided = [ActorIndex(random.int(0...(graph.actorCount - 1)))]
        }
        filter.directed = random.chance(0.4)
        if random.chance(0.2) {
            filter.minimumGrade = randomGrade(&random)
            filter.gradedOnly = random.chance(0.3)
        }
        // Drawn from their own stream, so the draws above stay those of graphs made before these parts existed.
        var evidence = SeededRandom(seed: seed ^ 0x57A7_0505)
        if evidence.chance(0.2) { filter.statuses = Set(RelationStatus.allCases.filter { _ in evidence.chance(0.5) }) }
        if evidence.chance(0.2) { filter.minimumSources = evidence.int(1...3) }
        return filter
    }

    /// The catalogue of a random graph: sources `s1`…`s3`, each graded or not, `s2` restating `s1` or `s3` restating
    /// `s2` (so chains occur) now and then.
    public static func randomSources(seed: UInt64) -> [SourceDocument] {
        var random = SeededRandom(seed: seed ^ (UInt64(0x50) << 40))
        return (1...3).map { number in
            var source = SourceDocument(
                id: "s\(number)", file: "s\(number).txt", title: "S\(number)", language: "en",
                sha256: String(repeating: "0", count: 64), lines: 5, summary: "Random.")
            if random.chance(0.75) { source.reliability = SourceReliability.allCases[random.int(0...5)] }
            if number > 1, random.chance(0.4) { source.derivedFrom = ["s\(number - 1)"] }
            return source
        }
    }

    /// A random status (mostly reported) and one to three citations of `s1`…`s3`, drawn from a stream of their own.
    static func addEvidence(seed: UInt64, to details: inout RelationDetails) {
        var random = SeededRandom(seed: seed ^ 0xE51D_E4CE)
        let roll = random.int(0...9)
        details.status = roll < 7 ? .reported : roll < 9 ? .claimed : .denied
        if details.status != .reported && random.chance(0.5) { details.claimedBy = "someone" }
        for _ in 0..<random.int(0...2) {
            details.citations.append(Citation(source: "s\(random.int(1...3))", lines: 1...random.int(1...5)))
        }
    }
}
