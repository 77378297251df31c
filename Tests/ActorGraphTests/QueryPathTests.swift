import ActorGraph
import Testing

/// A small hand-made graph where every answer can be worked out on paper.
enum QueryFixture {
    static let vocabulary = RelationVocabulary([
        RelationType(name: "represents", directed: true, category: .role, inverse: "represented by"),
        RelationType(name: "fights", directed: false, category: .conflict),
        RelationType(name: "allied_with", directed: false, category: .affiliation),
        RelationType(name: "designates_terrorist", directed: true, category: .legal, inverse: "designated terrorist by"),
        RelationType(name: "cooperates_on_security", directed: false, category: .security),
        RelationType(name: "meets", directed: false, category: .diplomatic),
    ])

    /// Built with `try`: a fixture that dropped a relation it could not add would weaken every test quietly.
    static let graph: RelationGraph = {
        do {
            return try makeGraph()
        } catch {
            preconditionFailure("the query fixture does not build: \(error)")
        }
    }()

    static func makeGraph() throws -> RelationGraph {
        var builder = GraphBuilder(vocabulary: vocabulary)
        for (id, kind) in [("putin", ActorKind.official), ("russia", .state), ("taliban", .group),
            ("al-qaeda", .group), ("usa", .state), ("kabulov", .official)]
        {
            try builder.addActor(ActorRecord(id: id, name: id, kind: kind))
        }
        func add(_ id: String, _ from: String, _ type: String, _ to: String, _ date: String?, grade: String? = nil)
            throws
        {
            let parsed = try date.map { try EDTFDate.parse($0).get() }
            let source = try #require(builder.actorIndex(id: from))
            let target = try #require(builder.actorIndex(id: to))
            let typeIndex = try #require(vocabulary.index(named: type))
            try builder.addRelation(
                from: source, to: target, type: typeIndex, date: parsed,
                details: RelationDetails(id: id, citations: [Citation(source: "src", lines: 1...2)],
                    grade: try grade.map { try #require(AdmiraltyGrade($0)) }))
        }
        try add("putin-2001", "putin", "represents", "russia", "2001")
        try add("putin-2021", "putin", "represents", "russia", "2021-08")
        try add("russia-fights-taliban", "russia", "fights", "taliban", "1999/2001", grade: "B2")
        try add("taliban-allied-al-qaeda", "taliban", "allied_with", "al-qaeda", "1999/2001", grade: "C3")
        try add("russia-bans-al-qaeda", "russia", "designates_terrorist", "al-qaeda", nil)
        try add("usa-fights-taliban", "usa", "fights", "taliban", "2001")
        try add("russia-usa-2001", "russia", "cooperates_on_security", "usa", "2001")
        try add("kabulov-russia", "kabulov", "represents", "russia", "2017/..")
        try add("taliban-meets-al-qaeda", "taliban", "meets", "al-qaeda", "2001-10")
        return builder.build()
    }

    static func actor(_ id: String) -> ActorIndex {
        graph.actorIndex(id: id) ?? ActorIndex(UInt32.max)
    }

    static func relation(_ id: String) -> RelationIndex {
        graph.relationIndex(id: id) ?? RelationIndex(UInt32.max)
    }

    static func ids(_ path: Path?) -> [String] { path?.actors.map { graph[$0].id } ?? [] }

    static func view(_ filter: RelationFilter = RelationFilter(), _ named: String...) -> FilteredGraph {
        FilteredGraph(graph, filter: filter, namedActors: named.map(actor))
    }

    static func day(_ text: String) -> Int32 { (try? CalendarDay.parse(text).get())?.dayNumber ?? 0 }
}

@Suite("Query paths on a hand-made graph")
struct QueryPathTests {
    typealias F = QueryFixture

    @Test func fixtureHoldsEveryActorAndRelation() {
        #expect(QueryFixture.graph.actorCount == 6)
        #expect(QueryFixture.graph.relationCount == 9)
    }

    @Test func shortestPathGroupsParallelRelations() throws {
        let path = try #require(PathFinder(F.view()).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda")))
        #expect(F.ids(path) == ["putin", "russia", "al-qaeda"])
        #expect(path.length == 2)
        #expect(path.hops[0] == [F.relation("putin-2001"), F.relation("putin-2021")])
        #expect(path.hops[1] == [F.relation("russia-bans-al-qaeda")])
        #expect(path.relations.count == 3)
    }

    @Test func unfilteredGraphAndEmptyFilterAgree() {
        let whole = PathFinder(F.graph).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))
        let filtered = PathFinder(F.view()).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))
        #expect(whole == filtered)
    }

    @Test func filtersApplyDuringTheSearchSoALongerPathIsFound() {
        var filter = RelationFilter(time: .at(first: F.day("2001-06-01"), last: F.day("2001-06-01")))
        // Only definite matches: Putin's 2001 role (dated to the year) is only possibly active on that day.
        #expect(PathFinder(F.view(filter, "putin", "al-qaeda")).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda")) == nil)
        filter.includePossible = true
        let path = PathFinder(F.view(filter, "putin", "al-qaeda")).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))
        // The undated ban is left out; the war and the alliance make a longer path.
        #expect(F.ids(path) == ["putin", "russia", "taliban", "al-qaeda"])
        #expect(path?.hops[0] == [F.relation("putin-2001")])
        #expect(path?.hops[2] == [F.relation("taliban-allied-al-qaeda")])
        filter.includeUndated = true
        #expect(F.ids(PathFinder(F.view(filter)).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda")))
            == ["putin", "russia", "al-qaeda"])
    }

    @Test func typeCategoryGradeAndKindFilters() {
        var filter = RelationFilter()
        filter.excludedTypes = [F.vocabulary.index(named: "designates_terrorist")!]
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))?.length == 3)
        filter = RelationFilter()
        filter.categories = [.role, .legal]
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))?.length == 2)
        filter.categories = [.role, .conflict]
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda")) == nil)
        filter = RelationFilter()
        filter.minimumGrade = AdmiraltyGrade("B2")
        filter.gradedOnly = true
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("russia"), to: F.actor("taliban"))?.length == 1)
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("russia"), to: F.actor("al-qaeda")) == nil)
        filter.minimumGrade = AdmiraltyGrade("C3")
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("russia"), to: F.actor("al-qaeda"))?.length == 2)
        filter = RelationFilter()
        filter.kinds = [.group]
        // Russia (a state) may not stand between Putin and al-Qaeda.
        #expect(PathFinder(F.view(filter, "putin", "al-qaeda")).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda")) == nil)
        filter.kinds = [.state]
        #expect(PathFinder(F.view(filter, "putin", "al-qaeda")).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))?.length == 2)
        // Named actors are exempt from the kind filter.
        filter.kinds = [.group]
        #expect(PathFinder(F.view(filter, "russia", "al-qaeda")).shortestPath(from: F.actor("russia"), to: F.actor("al-qaeda"))?.length == 1)
    }

    @Test func avoidedActorsAndDirection() {
        var filter = RelationFilter()
        filter.avoided = [F.actor("russia")]
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda")) == nil)
        filter = RelationFilter()
        filter.avoided = [F.actor("taliban")]
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("usa"), to: F.actor("al-qaeda"))?.length == 2)
        filter = RelationFilter()
        filter.directed = true
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("putin"), to: F.actor("al-qaeda"))?.length == 2)
        // Backwards along "represents" is not allowed; symmetric types still go both ways.
        #expect(PathFinder(F.view(filter)).shortestPath(from: F.actor("al-qaeda"), to: F.actor("putin")) == nil)
        #expect(F.ids(PathFinder(F.view(filter)).shortestPath(from: F.actor("al-qaeda"), to: F.actor("russia")))
            == ["al-qaeda", "taliban", "russia"])
    }

    @Test func diagnosisNamesTheFilterThatCutTheLastConnection() {
        var filter = RelationFilter()
        filter.directed = true
        filter.categories = [.role, .legal, .conflict, .affiliation]
        let diagnosis = PathDiagnosis(F.graph, filter: filter, from: F.actor("al-qaeda"), to: F.actor("putin"))
        #expect(diagnosis.blockingComponents == [.directed])
        #expect(diagnosis.connectedWithoutFilters)
        filter = RelationFilter()
        filter.avoided = [F.actor("russia")]
        filter.kinds = [.group]
        let both = PathDiagnosis(F.graph, filter: filter, from: F.actor("putin"), to: F.actor("al-qaeda"))
        #expect(both.blockingComponents == [])
        #expect(both.connectedWithoutFilters)
    }

    @Test func kShortestAllShortestAndAllPaths() {
        let finder = PathFinder(F.view())
        let putin = F.actor("putin"), alQaeda = F.actor("al-qaeda")
        let yen = finder.kShortestPaths(from: putin, to: alQaeda, k: 3)
        #expect(yen.paths.map(F.ids) == [
            ["putin", "russia", "al-qaeda"], ["putin", "russia", "taliban", "al-qaeda"],
            ["putin", "russia", "usa", "taliban", "al-qaeda"],
        ])
        #expect(!yen.truncated)
        // Parallel relations do not make separate paths.
        #expect(yen.paths[1].hops[2] == [F.relation("taliban-allied-al-qaeda"), F.relation("taliban-meets-al-qaeda")])
        let two = finder.kShortestPaths(from: putin, to: alQaeda, k: 2)
        #expect(two.paths.count == 2 && two.truncated)
        #expect(finder.kShortestPaths(from: putin, to: alQaeda, k: 5, maxLength: 3).paths.count == 2)
        #expect(finder.allShortestPaths(from: F.actor("usa"), to: alQaeda, limit: 10).paths.map(F.ids)
            == [["usa", "russia", "al-qaeda"], ["usa", "taliban", "al-qaeda"]])
        let acyclic = finder.allPaths(from: putin, to: alQaeda, mode: .acyclic, maxLength: 10, limit: 100)
        #expect(acyclic.paths.map(\.length) == [2, 3, 4])
        let trails = finder.allPaths(from: putin, to: alQaeda, mode: .trail, maxLength: 5, limit: 100)
        #expect(Set(trails.paths.map(F.ids)) == [
            ["putin", "russia", "al-qaeda"], ["putin", "russia", "taliban", "al-qaeda"],
            ["putin", "russia", "usa", "taliban", "al-qaeda"],
            ["putin", "russia", "taliban", "usa", "russia", "al-qaeda"],
            ["putin", "russia", "usa", "taliban", "russia", "al-qaeda"],
        ])
        #expect(trails.paths.count == 5)
        let walks = finder.allPaths(from: putin, to: alQaeda, mode: .walk, maxLength: 4, limit: 3)
        #expect(walks.truncated && walks.paths.count == 3)
        #expect(walks.paths.map(\.length) == [2, 3, 4])
    }

    @Test func workspaceIsReusedAcrossQueries() {
        let workspace = SearchWorkspace(actorCount: F.graph.actorCount)
        for _ in 0..<1000 {
            let finder = PathFinder(F.view(), workspace: workspace)
            #expect(finder.distance(from: F.actor("kabulov"), to: F.actor("al-qaeda")) == 2)
            #expect(finder.distance(from: F.actor("kabulov"), to: F.actor("kabulov")) == 0)
        }
    }
}

@Suite("Query temporal paths, neighbourhoods, timelines, diff, centrality")
struct QueryOtherTests {
    typealias F = QueryFixture

    @Test func temporalPathsOnTheFixture() throws {
        let putin = F.actor("putin"), alQaeda = F.actor("al-qaeda")
        let definite = TemporalPathFinder(F.view(), reading: .definite)
        // Putin's 2001 role ends its certain start only on 2001-12-31; nothing certainly follows it.
        for problem in TemporalProblem.allCases { #expect(try definite.path(problem, from: putin, to: alQaeda) == nil) }
        let lenient = TemporalPathFinder(F.view(), reading: .lenient)
        let shortest = try #require(try lenient.path(.shortest, from: putin, to: alQaeda))
        #expect(shortest.actors.map { F.graph[$0].id } == ["putin", "russia", "usa", "taliban", "al-qaeda"])
        #expect(shortest.relations == ["putin-2001", "russia-usa-2001", "usa-fights-taliban", "taliban-meets-al-qaeda"].map(F.relation))
        #expect(shortest.departure == F.day("2001-01-01"))
        #expect(shortest.arrival == F.day("2001-10-01"))
        #expect(shortest.certainty == .possibly)
        #expect(try lenient.path(.earliest, from: putin, to: alQaeda)?.arrival == F.day("2001-10-01"))
        // From al-Qaeda to Putin: the alliance and the war both began some time in 1999, so only the lenient
        // reading orders them.
        #expect(try definite.path(.shortest, from: alQaeda, to: putin) == nil)
        let back = try #require(try lenient.path(.shortest, from: alQaeda, to: putin))
        #expect(back.length == 3)
        #expect(Array(back.relations.prefix(2)) == ["taliban-allied-al-qaeda", "russia-fights-taliban"].map(F.relation))
        #expect(back.certainty == .possibly)
        #expect(back.departure == F.day("1999-01-01"))
    }

    @Test func neighbourhoodWithVia() {
        let ego = Neighborhood(F.view(), center: F.actor("putin"), depth: 2)
        #expect(ego.members.map { F.graph[$0.actor].id } == ["russia", "taliban", "al-qaeda", "usa", "kabulov"])
        #expect(ego.members.map(\.distance) == [1, 2, 2, 2, 2])
        #expect(ego.members[0].via == [F.relation("putin-2001"), F.relation("putin-2021")])
        #expect(ego.members[2].via == [F.relation("russia-bans-al-qaeda")])
        let cut = Neighborhood(F.view(), center: F.actor("putin"), depth: 2, limit: 2)
        #expect(cut.members.count == 2 && cut.truncated)
        #expect(Neighborhood(F.view(), center: F.actor("putin"), depth: 1).members.count == 1)
    }

    @Test func timelineBetweenTwoActorsInDateOrder() {
        let entries = Timeline.entries(F.view(), actor: F.actor("taliban"), other: F.actor("al-qaeda"))
        #expect(entries.map(\.relation) == [F.relation("taliban-allied-al-qaeda"), F.relation("taliban-meets-al-qaeda")])
        let russia = Timeline.entries(F.view(), actor: F.actor("russia"))
        #expect(russia.last?.relation == F.relation("russia-bans-al-qaeda"))
        #expect(russia.last?.match == .undated)
        var filter = RelationFilter(time: .at(first: F.day("2001-06-01"), last: F.day("2001-06-01")))
        filter.includePossible = true
        let at2001 = Timeline.entries(F.view(filter), actor: F.actor("russia"))
        #expect(at2001.map(\.relation) == ["russia-fights-taliban", "putin-2001", "russia-usa-2001"].map(F.relation))
        // The war ends some time in 2001: only possibly still going in June.
        #expect(at2001.map(\.match) == [.possibly, .possibly, .possibly])
    }

    @Test func diffBetweenTwoDates() {
        let from = (F.day("2000-06-01"), F.day("2000-06-01"))
        let to = (F.day("2021-08-20"), F.day("2021-08-20"))
        let definite = TimeDiff(F.view(), from: from, to: to, includePossible: false)
        #expect(definite.added.map(\.relation) == [F.relation("kabulov-russia")])
        #expect(definite.removed.map(\.relation) == [F.relation("russia-fights-taliban"), F.relation("taliban-allied-al-qaeda")])
        let possible = TimeDiff(F.view(), from: from, to: to, includePossible: true)
        #expect(possible.added.map(\.relation) == [F.relation("kabulov-russia"), F.relation("putin-2021")])
        #expect(possible.added.map(\.match) == [.definitely, .possibly])
    }

    @Test func centralityOnTheFixture() {
        let betweenness = Centrality.top(F.view(), measure: .betweenness, top: 2)
        #expect(betweenness.map { F.graph[$0.actor].id } == ["russia", "taliban"])
        // Russia joins Putin to 4 actors and Kabulov to 3 (7 pairs) and is on one of the two shortest
        // al-Qaeda–USA paths (half a pair).
        #expect(betweenness[0].value == 7.5)
        #expect(betweenness[1].value == 0.5)
        let degree = Centrality.top(F.view(), measure: .degree, top: 1)
        #expect(degree.first.map { F.graph[$0.actor].id } == "russia" && degree.first?.value == 6)
        let rank = Centrality.scores(F.view(), measure: .pagerank)
        #expect(abs(rank.reduce(0, +) - 1) < 1e-9)
        #expect(rank.max() == rank[F.actor("russia").position])
    }
}
