/// Seeded, scale-free graphs for benchmarks, load tests and exchange round trips.
///
/// Structure: preferential attachment (Barabási–Albert with one unit of attractiveness per actor, so an actor
/// without relations can still be chosen). Actors arrive one by one; actor `i` brings its share of the relations
/// and attaches each to an earlier actor chosen with probability proportional to degree + 1. The direction is
/// then a coin toss, so in- and out-degrees are both heavy-tailed. No self-relations.
///
/// Content: the built-in vocabulary (25 types over every category), actor kinds about 15 % states, 45 % groups,
/// 40 % officials, and dates between 1950 and 2025: about 60 % open-ended intervals (`2003-04/..`, a few `../1999`
/// and `2011/`), 20 % closed intervals, 15 % single dates and 5 % undated, at day, month or year precision
/// (40/30/30 %), a few approximate (`~`) or uncertain (`?`). Relations carry no notes or citations, so a large
/// graph costs only ``RelationGraph``'s per-relation columns, without the details side table.
///
/// The same `(actors, relations, seed)` gives the same graph on every machine (see ``SyntheticRandom``).
public enum SyntheticGraph {
    /// The first and last years synthetic dates fall in.
    public static let years: ClosedRange<Int> = 1950...2025

    /// Generates a graph of `actors` actors and `relations` relations.
    ///
    /// - Precondition: `actors >= 0`, `relations >= 0`, and `actors >= 2` when `relations > 0`.
    /// - Complexity: O(actors + relations) time; memory about 60 bytes per relation while building.
    public static func generate(actors: Int, relations: Int, seed: UInt64) -> RelationGraph {
        precondition(actors >= 0 && relations >= 0, "counts cannot be negative")
        precondition(relations == 0 || actors >= 2, "relations need at least two actors")
        var random = SyntheticRandom(seed: seed)
        let vocabulary = RelationVocabulary.builtIn
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.reserveCapacity(actors: actors, relations: relations)
        var names = NameMaker()
        for position in 0..<actors {
            let kind = randomKind(&random)
            let record = ActorRecord(id: "a\(position + 1)", name: names.name(for: kind, random: &random), kind: kind)
            // Ids are unique by construction.
            _ = try? builder.addActor(record)
        }
        guard relations > 0 else { return builder.build() }

        // `endpoints` lists every actor once per relation it takes part in: a uniform pick from it is a pick
        // proportional to degree.
        var endpoints: [UInt32] = []
        endpoints.reserveCapacity(2 * relations)
        let typeCount = vocabulary.count
        var made = 0
        var progress = ProgressTicker("generating relations", total: relations, unit: .relations)
        defer { progress.finish() }
        for newcomer in 1..<actors {
            // Relations spread evenly over actors 1 ..< actors (actor 0 has no earlier actor to attach to).
            let due = Int((Double(newcomer) * Double(relations) / Double(actors - 1)).rounded(.down))
            let count = (newcomer == actors - 1 ? relations : min(due, relations)) - made
            guard count > 0 else { continue }
            let firstNewEndpoint = endpoints.count
            for _ in 0..<count {
                // Degree + 1 weighting: draw over the endpoint list plus one ticket per earlier actor.
                let ticket = random.below(firstNewEndpoint + newcomer)
                let other = ticket < firstNewEndpoint ? Int(endpoints[ticket]) : ticket - firstNewEndpoint
                var source = ActorIndex(newcomer)
                var target = ActorIndex(other)
                if random.chance(50) { swap(&source, &target) }
                let type = RelationTypeIndex(UInt16(random.below(typeCount)))
                let date = randomDate(&random)
                // The builder refuses only past 4 billion relations, which the 32-bit indices forbid anyway.
                _ = try? builder.addRelation(from: source, to: target, type: type, date: date)
                endpoints.append(UInt32(newcomer))
                endpoints.append(UInt32(other))
            }
            made += count
            progress.advance(to: made)
        }
        return builder.build()
    }

    private static func randomKind(_ random: inout SyntheticRandom) -> ActorKind {
        let roll = random.below(100)
        return roll < 15 ? .state : (roll < 60 ? .group : .official)
    }

    /// A date in ``years`` with the documented mix of shapes and precisions; `nil` for undated.
    static func randomDate(_ random: inout SyntheticRandom) -> EDTFDate? {
        let shape = random.below(100)
        if shape < 5 { return nil }
        let start = randomBound(&random, notBefore: nil)
        if shape < 20 { return EDTFDate(.point(start)) }
        if shape < 40 {
            return EDTFDate(.interval(start: .bound(start), end: .bound(randomBound(&random, notBefore: start.first))))
        }
        // Open-ended: mostly still running, some with an open start, some with an unknown end.
        let variant = random.below(10)
        if variant == 0 { return EDTFDate(.interval(start: .open, end: .bound(start))) }
        if variant == 1 { return EDTFDate(.interval(start: .bound(start), end: .unknown)) }
        return EDTFDate(.interval(start: .bound(start), end: .open))
    }

    /// A bound whose last day is not before `notBefore`, truncated to a random precision.
    private static func randomBound(_ random: inout SyntheticRandom, notBefore: CalendarDay?) -> EDTFDate.Bound {
        let firstDay = CalendarDay(year: years.lowerBound, month: 1, day: 1)?.dayNumber ?? 0
        let lastDay = CalendarDay(year: years.upperBound, month: 12, day: 31)?.dayNumber ?? 0
        let low = max(firstDay, notBefore?.dayNumber ?? firstDay)
        let day = CalendarDay(dayNumber: low + Int32(random.below(Int(lastDay - low) + 1)))
        let (year, month, _) = day.components
        let roll = random.below(100)
        var qualifiers: EDTFDate.Qualifiers = []
        let qualifierRoll = random.below(100)
        if qualifierRoll < 3 { qualifiers = .approximate } else if qualifierRoll < 5 { qualifiers = .uncertain }
        // Truncating keeps `day` inside the bound, so a later end never ends before its start.
        if roll < 40 { return EDTFDate.Bound(first: day, precision: .day, qualifiers: qualifiers) }
        if roll < 70, let first = CalendarDay(year: year, month: month, day: 1) {
            return EDTFDate.Bound(first: first, precision: .month, qualifiers: qualifiers)
        }
        let first = CalendarDay(year: year, month: 1, day: 1) ?? day
        return EDTFDate.Bound(first: first, precision: .year, qualifiers: qualifiers)
    }
}

/// Pronounceable made-up names, so exports look like data and exercise non-trivial text.
private struct NameMaker {
    static let syllables = [
        "ka", "ro", "mi", "ta", "su", "len", "dar", "vo", "zi", "bel", "ar", "to", "ne", "gul", "sha", "mar",
        "ri", "an", "os", "ve", "lo", "din", "ha", "qa", "ul", "tem", "ba", "ir", "no", "zav",
    ]
    static let groupWords = [
        "Front", "Council", "Movement", "Ministry", "Alliance", "Brigade", "Party", "Authority", "Union", "Bank",
    ]

    mutating func word(_ random: inout SyntheticRandom) -> String {
        var text = ""
        for _ in 0..<(2 + random.below(2)) { text += Self.syllables[random.below(Self.syllables.count)] }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    mutating func name(for kind: ActorKind, random: inout SyntheticRandom) -> String {
        switch kind {
        case .state: return word(&random) + (random.chance(30) ? "stan" : "ia")
        case .group: return word(&random) + " " + Self.groupWords[random.below(Self.groupWords.count)]
        case .official: return word(&random) + " " + word(&random)
        }
    }
}
