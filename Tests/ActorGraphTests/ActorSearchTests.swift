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

    /// The whole answer, in order and cut at the limit, against brute force: each actor's best key (the earliest of
    /// its id, name and aliases among the best-ranked), ordered by rank, name length, name and id. Many actors share
    /// a name length here, so the cut at the limit falls inside ties.
    @Test func answersInTheOrderAndCutBruteForceGives() {
        var random = SeededRandom(seed: 29)
        let syllables = ["ka", "bul", "ov", "al", "qa", "é", "-", " ", "ta", "li", "a"]
        func word() -> String { (0..<random.int(1...3)).map { _ in syllables[random.int(0...(syllables.count - 1))] }.joined() }
        let actors = (0..<400).map { position in
            ActorRecord(id: "x\(position)", name: word() + " " + word(), kind: .group, aliases: random.chance(0.5) ? [word(), word()] : [])
        }
        let search = ActorSearch(actors: actors)
        func rank(_ key: String, _ needle: String) -> ActorSearch.Rank? {
            let bytes = Array(key.utf8)
            let pattern = Array(needle.utf8)
            var best: ActorSearch.Rank?
            for start in 0...max(0, bytes.count - pattern.count) where start + pattern.count <= bytes.count {
                guard Array(bytes[start..<(start + pattern.count)]) == pattern else { continue }
                let found: ActorSearch.Rank =
                    start == 0 ? (pattern.count == bytes.count ? .exact : .prefix) : bytes[start - 1] == 0x20 ? .wordPrefix : .substring
                best = best.map { min($0, found) } ?? found
            }
            return best
        }
        for _ in 0..<150 {
            let query = word()
            let needle = ActorResolver.normalize(query)
            let limit = random.int(1...40)
            var expected: [(actor: Int, matched: String, rank: ActorSearch.Rank)] = []
            for (position, actor) in actors.enumerated() where !needle.isEmpty {
                var best: (matched: String, rank: ActorSearch.Rank)?
                for text in [actor.id, actor.name] + actor.aliases {
                    guard let found = rank(ActorResolver.normalize(text), needle) else { continue }
                    if best == nil || found < best!.rank { best = (text, found) }
                }
                if let best { expected.append((position, best.matched, best.rank)) }
            }
            expected.sort { left, right in
                let leftActor = actors[left.actor]
                let rightActor = actors[right.actor]
                if left.rank != right.rank { return left.rank < right.rank }
                if leftActor.name.count != rightActor.name.count { return leftActor.name.count < rightActor.name.count }
                if leftActor.name != rightActor.name { return leftActor.name < rightActor.name }
                return leftActor.id < rightActor.id
            }
            let hits = search.search(query, limit: limit)
            let cut = expected.prefix(limit)
            #expect(hits.map(\.actor.position) == cut.map(\.actor), "\(query) limit \(limit)")
            #expect(hits.map(\.matched) == cut.map(\.matched), "\(query) limit \(limit)")
            #expect(hits.map(\.rank) == cut.map(\.rank), "\(query) limit \(limit)")
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
