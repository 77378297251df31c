import ActorGraph
import Testing

@Suite("Relation graph storage")
struct RelationGraphTests {
    private func smallGraph() throws -> RelationGraph {
        var builder = GraphBuilder(vocabulary: .builtIn)
        let ussr = try builder.addActor(ActorRecord(id: "ussr", name: "Soviet Union", kind: .state, aliases: ["USSR"]))
        let russia = try builder.addActor(ActorRecord(id: "russia", name: "Russia", kind: .state))
        let taliban = try builder.addActor(ActorRecord(id: "taliban", name: "Taliban", kind: .group))
        let kabulov = try builder.addActor(ActorRecord(id: "kabulov", name: "Zamir Kabulov", kind: .official))
        let types = builder.vocabulary
        func type(_ name: String) throws -> RelationTypeIndex { try #require(types.index(named: name)) }
        try builder.addRelation(
            from: ussr, to: russia, type: try type("predecessor_of"), date: try EDTFDate.parse("1991-12").get())
        try builder.addRelation(
            from: russia, to: taliban, type: try type("meets"), date: try EDTFDate.parse("2021-08-17").get(),
            details: RelationDetails(id: "first-meeting", note: "A meeting.", citations: [Citation(source: "s", lines: 3...4)]))
        try builder.addRelation(from: kabulov, to: russia, type: try type("represents"), date: try EDTFDate.parse("2017/..").get())
        try builder.addRelation(from: russia, to: taliban, type: try type("designates_terrorist"), date: nil)
        return builder.build()
    }

    @Test func adjacencyListsEachRelationOnceEachWay() throws {
        let graph = try smallGraph()
        let russia = try #require(graph.actorIndex(id: "russia"))
        let outgoing = graph.outgoing(russia).map { graph.outRelations[$0].position }
        let incoming = graph.incoming(russia).map { graph.inRelations[$0].position }
        #expect(outgoing == [1, 3])
        #expect(incoming == [0, 2])
        #expect(graph.outgoing(russia).map { graph[graph.outNeighbors[$0]].id } == ["taliban", "taliban"])
        #expect(graph.incoming(russia).map { graph[graph.inNeighbors[$0]].id } == ["ussr", "kabulov"])
        #expect(graph.degree(of: russia) == 4)
        #expect(graph.relations(of: russia).map(\.position) == [1, 3, 0, 2])
    }

    @Test func idsAreExplicitOrPositional() throws {
        let graph = try smallGraph()
        #expect(graph.id(of: RelationIndex(1)) == "first-meeting")
        #expect(graph.id(of: RelationIndex(0)) == "r1")
        #expect(graph.relationIndex(id: "first-meeting") == RelationIndex(1))
        #expect(graph.relationIndex(id: "r3") == RelationIndex(2))
        // r2 is the explicit 'first-meeting'; its positional name does not resolve.
        #expect(graph.relationIndex(id: "r2") == nil)
        #expect(graph.relationIndex(id: "r9") == nil)
    }

    @Test func datesComeBackAsWritten() throws {
        let graph = try smallGraph()
        #expect(graph.date(of: RelationIndex(0))?.description == "1991-12")
        #expect(graph.date(of: RelationIndex(2))?.description == "2017/..")
        #expect(graph.date(of: RelationIndex(3)) == nil)
        #expect(graph.span(of: RelationIndex(3)) == nil)
        #expect(graph.details(of: RelationIndex(0)) == .empty)
        #expect(graph.details(of: RelationIndex(1)).citations.first?.shortDescription == "s L3-4")
    }

    @Test func duplicateActorsAreRefused() throws {
        var builder = GraphBuilder(vocabulary: .builtIn)
        try builder.addActor(ActorRecord(id: "a", name: "A", kind: .state))
        #expect(throws: GraphBuildError.duplicateActor(id: "a")) {
            try builder.addActor(ActorRecord(id: "a", name: "Again", kind: .group))
        }
        #expect(builder.actorIndex(id: "a") == ActorIndex(0))
    }

    @Test("packed dates reproduce every EDTF form", arguments: [
        "2021", "2021-08", "2021-08-17", "1979/1989", "2022-03/..", "../2001", "2022-03/", "/2001", "2021~/2022?",
        "2021-08-17%", "1999-12/2000-01-15",
    ])
    func packedDates(_ text: String) throws {
        var builder = GraphBuilder(vocabulary: .builtIn)
        let a = try builder.addActor(ActorRecord(id: "a", name: "A", kind: .state))
        let b = try builder.addActor(ActorRecord(id: "b", name: "B", kind: .state))
        let date = try EDTFDate.parse(text).get()
        try builder.addRelation(from: a, to: b, type: RelationTypeIndex(0), date: date)
        let graph = builder.build()
        #expect(graph.date(of: RelationIndex(0)) == date)
        #expect(graph.span(of: RelationIndex(0)) == date.span)
    }

    /// Issue 2's bound (under 64 bytes per relation on a million relations: types, dates, both adjacencies) and
    /// issue 7's (48).
    @Test func bulkActorsMatchOneAtATimeAndRefuseDuplicates() throws {
        let records = (0..<50).map { ActorRecord(id: "a\($0)", name: "Actor \($0)", kind: .group) }
        var bulk = GraphBuilder(vocabulary: .builtIn)
        try bulk.addActors(Array(records[0..<20]))
        try bulk.addActors(Array(records[20...]))
        var single = GraphBuilder(vocabulary: .builtIn)
        for record in records { try single.addActor(record) }
        #expect(bulk.build().actors == single.build().actors)
        for (position, record) in records.enumerated() {
            #expect(bulk.actorIndex(id: record.id) == ActorIndex(position))
        }
        // A duplicate inside the batch, or of an actor already added, adds nothing.
        let again = ActorRecord(id: "a3", name: "Again", kind: .state)
        #expect(throws: GraphBuildError.duplicateActor(id: "a3")) { try bulk.addActors([again]) }
        var fresh = GraphBuilder(vocabulary: .builtIn)
        #expect(throws: GraphBuildError.duplicateActor(id: "x")) {
            try fresh.addActors([ActorRecord(id: "x", name: "X", kind: .state), ActorRecord(id: "x", name: "Y", kind: .state)])
        }
        #expect(fresh.actorCount == 0 && bulk.actorCount == 50)
    }

    @Test func detailsArrivingLateKeepEveryRelationsSlot() throws {
        // Relations without details first (no slot array yet), then one with details, in both entry points.
        for bulk in [false, true] {
            var builder = GraphBuilder(vocabulary: .builtIn)
            try builder.addActors([ActorRecord(id: "a", name: "A", kind: .state), ActorRecord(id: "b", name: "B", kind: .state)])
            let (a, b) = (ActorIndex(0), ActorIndex(1))
            let type = try #require(builder.vocabulary.index(named: "meets"))
            let noted = RelationDetails(id: "late", note: "Noted.")
            if bulk {
                try builder.addRelations(
                    sources: [a, b, a], targets: [b, a, b], types: [type, type, type], dateIndices: [-1, -1, -1],
                    dates: [], details: [])
                try builder.addRelations(
                    sources: [a, b], targets: [b, a], types: [type, type], dateIndices: [-1, -1], dates: [],
                    details: [(position: 1, details: noted)])
            } else {
                for (from, to) in [(a, b), (b, a), (a, b), (a, b)] {
                    try builder.addRelation(from: from, to: to, type: type, date: nil)
                }
                try builder.addRelation(from: b, to: a, type: type, date: nil, details: noted)
            }
            let graph = builder.build()
            #expect(graph.relationCount == 5)
            for position in 0..<4 { #expect(graph.details(of: RelationIndex(position)) == .empty, "bulk \(bulk)") }
            #expect(graph.details(of: RelationIndex(4)) == noted, "bulk \(bulk)")
            #expect(graph.relationIndex(id: "late") == RelationIndex(4), "bulk \(bulk)")
            #expect(graph.id(of: RelationIndex(2)) == "r3", "bulk \(bulk)")
        }
    }

    @Test func onlyTheMeetingIsSymmetric() throws {
        let graph = try smallGraph()
        // Of predecessor_of, meets, represents and designates_terrorist, only `meets` goes both ways.
        #expect(graph.relationIndices.filter { graph.isSymmetric($0) }.map { graph.id(of: $0) } == ["first-meeting"])
    }

    /// Both adjacencies (built on two threads at this size) list each actor's relations in relation order, with
    /// the other ends as neighbours, and every relation once each way.
    @Test func largeAdjacenciesAreExactBothWays() {
        let graph = SyntheticGraph.generate(actors: 20_000, relations: 300_000, seed: 5)
        #expect(graph.relationCount >= 1 << 18)
        var outSeen = 0, inSeen = 0
        for actor in graph.actorIndices {
            let outgoing = graph.outgoing(actor).map { graph.outRelations[$0] }
            #expect(outgoing == outgoing.sorted() && outgoing.allSatisfy { graph.source(of: $0) == actor })
            #expect(graph.outgoing(actor).allSatisfy { graph.outNeighbors[$0] == graph.target(of: graph.outRelations[$0]) })
            let incoming = graph.incoming(actor).map { graph.inRelations[$0] }
            #expect(incoming == incoming.sorted() && incoming.allSatisfy { graph.target(of: $0) == actor })
            #expect(graph.incoming(actor).allSatisfy { graph.inNeighbors[$0] == graph.source(of: graph.inRelations[$0]) })
            outSeen += outgoing.count
            inSeen += incoming.count
        }
        #expect(outSeen == graph.relationCount && inSeen == graph.relationCount)
    }

    @Test func aMillionRelationsFitIn64BytesEach() throws {
        var builder = GraphBuilder(vocabulary: .builtIn)
        let actorCount = 100_000
        let relationCount = 1_000_000
        builder.reserveCapacity(actors: actorCount, relations: relationCount)
        for position in 0..<actorCount {
            try builder.addActor(ActorRecord(id: "a\(position)", name: "Actor \(position)", kind: .state))
        }
        let date = try EDTFDate.parse("2001/2010").get()
        var state: UInt64 = 42
        for _ in 0..<relationCount {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let from = Int(state >> 33) % actorCount
            let to = Int(state >> 13) % actorCount
            try builder.addRelation(
                from: ActorIndex(from), to: ActorIndex(to), type: RelationTypeIndex(UInt16(state % 20)), date: date)
        }
        let graph = builder.build()
        #expect(graph.relationCount == relationCount)
        // 44 bytes per relation, 1/4 byte of symmetric-type slot bits and 2 × 4 bytes of offsets per actor (0.8 here);
        // no details side table. An upper bound only: a smaller layout is welcome.
        #expect(graph.bytesPerRelation < 48)
    }
}

@Suite("Actor lookup")
struct ActorResolverTests {
    private let actors = [
        ActorRecord(id: "kabulov", name: "Zamir Kabulov", kind: .official),
        ActorRecord(id: "ussr", name: "Soviet Union", kind: .state, aliases: ["USSR", "Union of Soviet Socialist Republics"]),
        ActorRecord(id: "russia", name: "Russia", kind: .state, aliases: ["Russian Federation"]),
        ActorRecord(id: "al-qaeda", name: "al-Qaeda", kind: .group, aliases: ["Al Qaida"]),
        ActorRecord(id: "zhirnov", name: "Dmitry Zhirnov", kind: .official),
        ActorRecord(id: "lavrov", name: "Sergey Lavrov", kind: .official),
        ActorRecord(id: "ministry-russia", name: "Ministry of Foreign Affairs of Russia", kind: .group),
        ActorRecord(id: "ministry-afghanistan", name: "Ministry of Foreign Affairs of Afghanistan", kind: .group),
        ActorRecord(id: "muttaqi", name: "Amir Khan Muttaqī", kind: .official),
    ]

    @Test("finds actors the way people type them", arguments: [
        ("kabulov", "kabulov"), ("Zamir Kabulov", "kabulov"), ("ZAMIR  kabulov", "kabulov"), ("USSR", "ussr"),
        ("Soviet Union", "ussr"), ("soviet-union", "ussr"), ("Russian Federation", "russia"), ("al qaeda", "al-qaeda"),
        ("AlQaeda", "al-qaeda"), ("al-qaida", "al-qaeda"), ("Zhirnov", "zhirnov"), ("dmitry", "zhirnov"),
        ("Muttaqi", "muttaqi"), ("Amir Khan Muttaqi", "muttaqi"),
    ])
    func finds(_ text: String, _ id: String) {
        let resolver = ActorResolver(actors: actors)
        guard case .found(let index) = resolver.resolve(text) else {
            Issue.record("'\(text)' did not resolve: \(resolver.resolve(text))")
            return
        }
        #expect(actors[index.position].id == id)
    }

    @Test func ambiguousReferencesListTheCandidates() {
        let resolver = ActorResolver(actors: actors)
        #expect(resolver.resolve("ministry of foreign affairs") == .ambiguous([ActorIndex(6), ActorIndex(7)]))
    }

    /// A whole id answers through the graph's id index without building the folded-name index; any other text
    /// builds it once and answers as ``ActorResolver`` does.
    @Test func lookupBuildsTheNameIndexOnlyWhenAnIdMisses() throws {
        var builder = GraphBuilder(vocabulary: .builtIn)
        try builder.addActors(actors)
        let graph = builder.build()
        let lookup = ActorLookup(graph)
        for (position, actor) in actors.enumerated() {
            #expect(lookup.resolve(actor.id) == .found(ActorIndex(position)))
        }
        #expect(!lookup.hasBuiltNameIndex)
        let resolver = ActorResolver(actors: actors)
        for text in ["Zamir Kabulov", "USSR", "ministry of foreign affairs", "kabulow", "xyzzy", "Kabulov"] {
            #expect(lookup.resolve(text) == resolver.resolve(text))
        }
        #expect(lookup.hasBuiltNameIndex)
    }

    @Test func unknownReferencesSuggestTheNearest() {
        let resolver = ActorResolver(actors: actors)
        #expect(resolver.resolve("kabulow") == .notFound(suggestions: [ActorIndex(0)]))
        #expect(resolver.resolve("lavorv") == .notFound(suggestions: [ActorIndex(5)]))
        #expect(resolver.resolve("xyzzy") == .notFound(suggestions: []))
    }
}
