import Testing

@testable import ActorGraph

@Suite("Synthetic scale-free generator")
struct SyntheticGraphTests {
    @Test func sameSeedSameGraphDifferentSeedDifferentGraph() {
        let first = SyntheticGraph.generate(actors: 500, relations: 3_000, seed: 11)
        let second = SyntheticGraph.generate(actors: 500, relations: 3_000, seed: 11)
        let other = SyntheticGraph.generate(actors: 500, relations: 3_000, seed: 12)
        #expect(first.actors == second.actors)
        #expect(first.relationSource == second.relationSource && first.relationTarget == second.relationTarget)
        #expect(first.relationType == second.relationType)
        #expect(first.relationIndices.map { first.date(of: $0) } == second.relationIndices.map { second.date(of: $0) })
        #expect(first.relationSource != other.relationSource || first.relationTarget != other.relationTarget)
    }

    /// Pinned values: a change to the generator or its random source changes these, and every benchmark figure
    /// recorded with the old output with them.
    @Test func outputIsPinned() {
        var random = SyntheticRandom(seed: 0)
        #expect((0..<3).map { _ in random.next() } == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        let graph = SyntheticGraph.generate(actors: 10, relations: 20, seed: 1)
        #expect(graph.actors.prefix(3).map(\.name) == ["Antolo Mito", "Irnoir Anbami", "Rogul Alliance"])
        #expect(graph.relationIndices.prefix(4).map { graph.date(of: $0)?.description ?? "-" } == ["1957/2024", "1981/..", "2003/..", "1962-11-24/.."])
        #expect(graph.relationIndices.prefix(4).map { "\(graph.source(of: $0).rawValue)-\(graph.target(of: $0).rawValue)" } == ["1-0", "1-0", "2-0", "2-0"])
    }

    @Test func exactCountsNoSelfRelationsValidIds() {
        for (actors, relations) in [(2, 1), (3, 0), (10, 9), (10, 100), (1_000, 5_000), (5, 1_000)] {
            let graph = SyntheticGraph.generate(actors: actors, relations: relations, seed: 1)
            #expect(graph.actorCount == actors)
            #expect(graph.relationCount == relations)
            #expect(graph.relationIndices.allSatisfy { graph.source(of: $0) != graph.target(of: $0) })
            #expect(graph.actors.allSatisfy { Identifier.problem(with: $0.id) == nil && !$0.name.isEmpty })
        }
    }

    @Test func degreesAreHeavyTailed() {
        let graph = SyntheticGraph.generate(actors: 10_000, relations: 50_000, seed: 2)
        let degrees = graph.actorIndices.map { graph.degree(of: $0) }.sorted()
        let mean = Double(degrees.reduce(0, +)) / Double(degrees.count)
        let maximum = degrees.last ?? 0
        let median = degrees[degrees.count / 2]
        // A uniform random graph of this density has a maximum degree near 25; preferential attachment gives hubs.
        #expect(Double(maximum) > 20 * mean)
        #expect(Double(median) < mean)
    }

    @Test func dateMixMatchesTheDocumentation() {
        let graph = SyntheticGraph.generate(actors: 2_000, relations: 40_000, seed: 3)
        var undated = 0, point = 0, closed = 0, openEnded = 0
        var precisions: [EDTFDate.Precision: Int] = [:]
        let earliest = CalendarDay(year: 1950, month: 1, day: 1)?.dayNumber ?? 0
        let latest = CalendarDay(year: 2025, month: 12, day: 31)?.dayNumber ?? 0
        for relation in graph.relationIndices {
            guard let date = graph.date(of: relation) else {
                undated += 1
                continue
            }
            // Every date parses back from its text to itself.
            #expect((try? EDTFDate.parse(date.description).get()) == date)
            switch date.form {
            case .point(let bound):
                point += 1
                precisions[bound.precision, default: 0] += 1
            case .interval(.bound(let start), .bound):
                closed += 1
                precisions[start.precision, default: 0] += 1
            case .interval:
                openEnded += 1
            }
            let span = date.span
            #expect(span.possibleStart == TimeSpan.beginningOfTime || span.possibleStart >= earliest)
            #expect(span.possibleEnd == TimeSpan.endOfTime || span.possibleEnd <= latest)
        }
        let total = Double(graph.relationCount)
        #expect(abs(Double(openEnded) / total - 0.60) < 0.02)
        #expect(abs(Double(closed) / total - 0.20) < 0.02)
        #expect(abs(Double(point) / total - 0.15) < 0.02)
        #expect(abs(Double(undated) / total - 0.05) < 0.01)
        #expect(precisions.count == 3 && precisions.values.allSatisfy { $0 > graph.relationCount / 10 })
    }

    @Test func boundedDrawsAreUniform() {
        var random = SyntheticRandom(seed: 4)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[random.below(7)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }
}
