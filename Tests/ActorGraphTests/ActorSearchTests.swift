import ActorGraph
import ActorGraphTestSupport
import Testing

/// Type-ahead search and the time bar's histogram, against exact answers and brute force.
@Suite struct ActorSearchTests {
    static let actors = [
        ActorRecord(id: "kabul", name: "Kabul", kind: .state),
        ActorRecord(id: "kabulov", name: "Zamir Kabulov", kind: .official, aliases: ["Z. Kabulov"]),
        ActorRecord(id: "al-qaeda", name: "al-Qaeda", kind: .group, aliases: ["Al-Qáida", "AQ"]),
        ActorRecord(id: "sao-tome", name: "São Tomé", kind: .state),
        ActorRecord(id: "bakabul", name: "Bakabul Group", kind: .group),
    ]

    @Test func ranksWholeThenPrefixThenWordPrefixThenSubstring() {
        let search = ActorSearch(actors: Self.actors)
        let hits = search.search("KABUL", limit: 10)
        #expect(hits.map(\.actor) == [ActorIndex(0), ActorIndex(1), ActorIndex(4)])
        // The id "kabulov" is a prefix match, better than the word "Kabulov" in "Zamir Kabulov".
        #expect(hits.map(\.rank) == [.exact, .prefix, .substring])
        #expect(hits.map(\.matched) == ["kabul", "kabulov", "bakabul"])
        let word = search.search("tomé", limit: 10)
        #expect(word.map(\.rank) == [.wordPrefix])
        #expect(word.map(\.matched) == ["sao-tome"])
    }

    @Test func foldsDiacriticsAndPunctuation() {
        let search = ActorSearch(actors: Self.actors)
        #expect(search.search("al qaida", limit: 5).map(\.matched) == ["Al-Qáida"])
        #expect(search.search("sao tome", limit: 5).map(\.rank) == [.exact])
        #expect(search.search("  ", limit: 5).isEmpty)
        #expect(search.search("kabul", limit: 1).count == 1)
    }

    @Test func findsExactlyTheActorsBruteForceFinds() {
        var random = SeededRandom(seed: 11)
        let syllables = ["ka", "bul", "ov", "al", "qa", "ed", "é", "-", " ", "ta", "li", "ban"]
        func word() -> String { (0..<random.int(1...4)).map { _ in syllables[random.int(0...(syllables.count - 1))] }.joined() }
        let actors = (0..<300).map { position in
            ActorRecord(id: "a\(position)", name: word() + " " + word(), kind: .group, aliases: random.chance(0.5) ? [word()] : [])
        }
        let search = ActorSearch(actors: actors)
        for _ in 0..<200 {
            let query = word()
            let needle = ActorResolver.normalize(query)
            let expected = Set(
                actors.indices.filter { position in
                    !needle.isEmpty && ([actors[position].id, actors[position].name] + actors[position].aliases)
                        .contains { ActorResolver.normalize($0).contains(needle) }
                }.map { ActorIndex($0) })
            let hits = search.search(query, limit: 1000)
            #expect(Set(hits.map(\.actor)) == expected, "\(query)")
            #expect(hits.map(\.rank) == hits.map(\.rank).sorted(), "\(query)")
        }
    }

    @Test func histogramCountsEachRelationOnceInContiguousBins() throws {
        for seed in UInt64(1)...40 {
            let graph = RandomGraphs.multigraph(seed: seed)
            let histogram = DateHistogram(graph, relations: graph.relationIndices, bucket: seed % 2 == 0 ? .year : .month)
            let counted = histogram.bins.flatMap { $0.counts.map(\.count) }.reduce(0, +)
            #expect(counted + histogram.undated == graph.relationCount, "seed \(seed)")
            for (left, right) in zip(histogram.bins, histogram.bins.dropFirst()) {
                #expect(left.end.dayNumber + 1 == right.start.dayNumber, "seed \(seed)")
            }
            // Brute force: each dated relation in the bin holding its earliest possible day.
            for relation in graph.relationIndices {
                guard let span = graph.span(of: relation) else { continue }
                let day = span.possibleStart != TimeSpan.beginningOfTime ? span.possibleStart : span.possibleEnd
                let bin = try #require(histogram.bins.first { $0.start.dayNumber <= day && day <= $0.end.dayNumber })
                #expect(bin.counts.contains { $0.category == graph.type(of: relation).category }, "seed \(seed)")
            }
        }
    }
}
