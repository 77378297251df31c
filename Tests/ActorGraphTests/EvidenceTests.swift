import ActorGraph
import ActorGraphTestSupport
import Testing

/// A fixture with a catalogue: `article` (B), `digest` restating it (E), `rumour` restating the digest (F), an
/// independent `wire` (C), and `opinion` without a grade.
private func evidenceGraph() -> RelationGraph {
    var builder = GraphBuilder(vocabulary: RandomGraphs.vocabulary)
    func source(_ id: String, _ reliability: SourceReliability?, derivedFrom: [String] = []) -> SourceDocument {
        var document = SourceDocument(
            id: id, file: "\(id).txt", title: id, language: "en", sha256: String(repeating: "0", count: 64), lines: 50,
            summary: "Test.")
        document.reliability = reliability
        document.derivedFrom = derivedFrom
        return document
    }
    for document in [
        source("article", .b), source("digest", .e, derivedFrom: ["article"]),
        source("rumour", .f, derivedFrom: ["digest"]), source("wire", .c), source("opinion", nil),
    ] {
        try? builder.addSource(document)
    }
    for position in 0..<3 { _ = try? builder.addActor(ActorRecord(id: "a\(position)", name: "A\(position)", kind: .state)) }
    func add(_ id: String, _ sources: [String], status: RelationStatus = .reported, grade: String? = nil, date: String? = nil) {
        var details = RelationDetails(id: id, note: id, status: status)
        details.citations = sources.map { Citation(source: $0, lines: 1...1) }
        details.grade = grade.flatMap(AdmiraltyGrade.init)
        let parsed = date.flatMap { try? EDTFDate.parse($0).get() }
        _ = try? builder.addRelation(
            from: ActorIndex(0), to: ActorIndex(1), type: RelationTypeIndex(UInt16(1)), date: parsed, details: details)
    }
    add("digest-with-article", ["article", "digest"])  // r0: one independent source (the digest restates it)
    add("article-and-wire", ["article", "wire", "wire"])  // r1: two independent, wire cited twice
    add("chain", ["rumour", "article"])  // r2: the rumour restates the article through the digest
    add("claimed-alone", ["wire"], status: .claimed)  // r3
    add("denied-two", ["wire", "article"], status: .denied)  // r4
    add("stated", ["wire"], grade: "A1")  // r5: a written grade wins
    add("ungraded-source", ["opinion"])  // r6: no reliability, no derived grade
    add("uncertain-year", ["wire"], date: "2025?")  // r7
    add("approximate-day", ["wire"], date: "2021-08-17~")  // r8
    add("plain-year", ["wire"], date: "2025")  // r9
    return builder.build()
}

@Suite("Evidence: independent sources, derived grades, status and source filters")
struct EvidenceTests {
    let graph = evidenceGraph()

    func evidence(_ position: Int) -> RelationEvidence { graph.evidence(of: RelationIndex(position)) }

    @Test func independentSourcesDropRestatements() {
        #expect(evidence(0).citedSources == ["article", "digest"])
        #expect(evidence(0).derivedSources == ["digest"])
        #expect(evidence(0).independentSources == 1)
        #expect(evidence(1).independentSources == 2)
        #expect(evidence(1).citedSources == ["article", "wire"])
        // Derived through a chain: rumour -> digest -> article.
        #expect(evidence(2).derivedSources == ["rumour"])
        #expect(evidence(2).independentSources == 1)
        #expect(graph.restatedSources(of: "rumour") == ["digest", "article"])
    }

    @Test func derivedGradesFollowTheDocumentedTable() {
        #expect(evidence(0).grade?.description == "B2")  // reported, one independent (the article)
        #expect(evidence(0).gradeIsDerived)
        #expect(evidence(1).grade?.description == "B1")  // reported, two independent: best letter B
        #expect(evidence(2).grade?.description == "B2")
        #expect(evidence(3).grade?.description == "C4")  // claimed, one
        #expect(evidence(4).grade?.description == "B4")  // denied, two
        #expect(evidence(5).grade?.description == "A1")  // stated
        #expect(!evidence(5).gradeIsDerived)
        #expect(evidence(5).derivedGrade?.description == "C2")
        #expect(evidence(6).grade == nil)
        let table: [(RelationStatus, Int, Int)] = [
            (.reported, 2, 1), (.reported, 1, 2), (.claimed, 3, 3), (.claimed, 1, 4), (.denied, 2, 4), (.denied, 1, 5),
            (.reported, 0, 6), (.denied, 0, 6),
        ]
        for (status, sources, credibility) in table {
            #expect(RelationEvidence.credibility(status: status, independentSources: sources) == credibility)
        }
    }

    func admitted(_ filter: RelationFilter) -> [Int] {
        let view = FilteredGraph(graph, filter: filter)
        return graph.relationIndices.filter { view.match($0) != nil }.map(\.position)
    }

    @Test func statusAndSourceFiltersAreExact() {
        var filter = RelationFilter()
        filter.statuses = [.claimed, .denied]
        #expect(admitted(filter) == [3, 4])
        filter.statuses = [.reported]
        #expect(admitted(filter) == [0, 1, 2, 5, 6, 7, 8, 9])
        filter = RelationFilter()
        filter.minimumSources = 2
        #expect(admitted(filter) == [1, 4])
        filter.statuses = [.reported]
        #expect(admitted(filter) == [1])
        // --min-grade reads the derived grade: B2 passes, C2 (plain wire) passes, C4 does not, ungraded stays.
        filter = RelationFilter()
        filter.minimumGrade = AdmiraltyGrade("C2")
        #expect(admitted(filter) == [0, 1, 2, 5, 6, 7, 8, 9])
        filter.gradedOnly = true
        #expect(admitted(filter) == [0, 1, 2, 5, 7, 8, 9])
        #expect(filter.activeComponents == [.grade])
        filter.minimumSources = 1
        filter.statuses = [.reported]
        #expect(filter.activeComponents == [.grade, .status, .sources])
        #expect(filter.removing(.sources).minimumSources == 0)
        #expect(filter.removing(.status).statuses == nil)
    }

    @Test func qualifiedDatesAreNeverDefinitelyActive() {
        let year2025 = TimeCondition.at(first: CalendarDay(year: 2025, month: 1, day: 1)?.dayNumber ?? 0,
            last: CalendarDay(year: 2025, month: 12, day: 31)?.dayNumber ?? 0)
        var filter = RelationFilter(time: year2025)
        #expect(admitted(filter) == [9])  // `2025` definitely; `2025?` not
        filter.includePossible = true
        let view = FilteredGraph(graph, filter: filter)
        #expect(view.match(RelationIndex(7)) == .possibly)
        #expect(view.match(RelationIndex(9)) == .definitely)
        let day = CalendarDay(year: 2021, month: 8, day: 17)?.dayNumber ?? 0
        let approximate = FilteredGraph(graph, filter: RelationFilter(time: .at(first: day, last: day)))
        #expect(approximate.match(RelationIndex(8)) == nil)
        #expect(TimeCondition.at(first: day, last: day).match(graph.span(of: RelationIndex(8)) ?? RelationGraph.emptySpanForTests) == .possibly)
        // An open window does not make a qualified date definite either.
        #expect(TimeCondition.between(first: nil, last: nil).match(graph.span(of: RelationIndex(7)) ?? RelationGraph.emptySpanForTests) == .possibly)
        // The date still reads back as written.
        #expect(graph.date(of: RelationIndex(7))?.description == "2025?")
        #expect(graph.date(of: RelationIndex(8))?.description == "2021-08-17~")
    }

    @Test func leftOutCountsWhatTheTimeFilterThinned() {
        let year2025 = TimeCondition.at(first: CalendarDay(year: 2025, month: 1, day: 1)?.dayNumber ?? 0,
            last: CalendarDay(year: 2025, month: 12, day: 31)?.dayNumber ?? 0)
        let view = FilteredGraph(graph, filter: RelationFilter(time: year2025))
        guard let lenient = view.filter.lenient else {
            Issue.record("a time filter without --possibly has a lenient form")
            return
        }
        let answer = Timeline.entries(FilteredGraph(graph, filter: lenient)).map(\.relation)
        // r7 (2025?) is possibly active; r0-r6 are undated; r8 (2021) is not active at all; r9 is kept.
        #expect(view.leftOut(answer) == LeftOut(possibly: 1, undated: 7))
        var both = view.filter
        both.includePossible = true
        both.includeUndated = true
        #expect(both.lenient == nil)
        #expect(RelationFilter().lenient == nil)
    }
}

extension RelationGraph {
    static let emptySpanForTests = TimeSpan(possibleStart: 0, definiteStart: 0, definiteEnd: 0, possibleEnd: 0)
}

@Suite("Evidence properties against brute force")
struct EvidencePropertyTests {
    @Test func independentSourcesAndGradesMatchTheOracle() {
        for seed in UInt64(0)..<1_000 {
            let graph = RandomGraphs.multigraph(seed: seed)
            for relation in graph.relationIndices {
                let evidence = graph.evidence(of: relation)
                #expect(evidence.independentSources == BruteForce.independentSources(graph, relation), "seed \(seed)")
                #expect(evidence.derivedGrade == BruteForce.derivedGrade(graph, relation), "seed \(seed) \(relation)")
            }
        }
    }

    /// What the time filter left out of a timeline equals, by brute force, the relations the lenient filter admits
    /// and the strict one refuses, split by undated or not.
    @Test func leftOutMatchesTheOracle() {
        for seed in UInt64(0)..<1_000 {
            let graph = RandomGraphs.multigraph(seed: seed)
            let filter = RandomGraphs.filter(seed: seed, for: graph)
            let view = FilteredGraph(graph, filter: filter)
            guard let lenient = filter.lenient else {
                #expect(filter.time == .none || (filter.includePossible && filter.includeUndated))
                continue
            }
            let answer = Timeline.entries(FilteredGraph(graph, filter: lenient)).map(\.relation)
            var expected = LeftOut()
            for relation in graph.relationIndices {
                let admittedLeniently = BruteForce.admits(graph, lenient, relation) != nil
                    && BruteForce.actorAllowed(graph, lenient, graph.source(of: relation), named: [])
                    && BruteForce.actorAllowed(graph, lenient, graph.target(of: relation), named: [])
                guard admittedLeniently, BruteForce.admits(graph, filter, relation) == nil else { continue }
                if graph.date(of: relation) == nil { expected.undated += 1 } else { expected.possibly += 1 }
            }
            #expect(view.leftOut(answer) == expected, "seed \(seed)")
        }
    }

    /// `diff` lists no relation as both added and removed, and its lists agree with the oracle's reading of the
    /// table in docs/QUERIES.md.
    @Test func diffNeverListsARelationTwice() {
        for seed in UInt64(0)..<1_000 {
            let graph = RandomGraphs.multigraph(seed: seed)
            var random = SeededRandom(seed: seed ^ 0xD1FF)
            let first = RandomGraphs.randomBound(&random, years: 2000...2004)
            let second = RandomGraphs.randomBound(&random, years: 2000...2004)
            let from = (first.first.dayNumber, first.last.dayNumber)
            let to = (second.first.dayNumber, second.last.dayNumber)
            let view = FilteredGraph(graph)
            let diff = TimeDiff(view, from: (from.0, from.1), to: (to.0, to.1), includePossible: true)
            let added = Set(diff.added.map(\.relation))
            let removed = Set(diff.removed.map(\.relation))
            #expect(added.isDisjoint(with: removed), "seed \(seed)")
            var uncertain = 0
            for relation in graph.relationIndices {
                let date = graph.date(of: relation)
                let atFrom = BruteForce.timeMatch(date, .at(first: from.0, last: from.1), includePossible: true, includeUndated: false)
                let atTo = BruteForce.timeMatch(date, .at(first: to.0, last: to.1), includePossible: true, includeUndated: false)
                if atFrom == .possibly && atTo == .possibly { uncertain += 1 }
                let expectAdded = atTo != nil && atFrom != .definitely && !(atFrom == .possibly && atTo == .possibly)
                let expectRemoved = atFrom != nil && atTo != .definitely && !(atFrom == .possibly && atTo == .possibly)
                #expect(added.contains(relation) == expectAdded, "seed \(seed) \(relation) added")
                #expect(removed.contains(relation) == expectRemoved, "seed \(seed) \(relation) removed")
            }
            #expect(diff.uncertain == uncertain, "seed \(seed)")
            let strict = TimeDiff(view, from: (from.0, from.1), to: (to.0, to.1), includePossible: false)
            #expect(
                strict.possibleLeftOut == diff.added.filter { $0.match == .possibly }.count
                    + diff.removed.filter { $0.match == .possibly }.count, "seed \(seed)")
        }
    }
}
