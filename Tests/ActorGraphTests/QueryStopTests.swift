import ActorGraph
import ActorGraphTestSupport
import Synchronization
import Testing

/// The long queries stop when their ``StopSignal`` is raised (issue 17, item 12), say how far they came, and
/// answer as before when it is not; a streamed path answer is the one the collecting search gives.
@Suite("Stopping long queries")
struct QueryStopTests {
    /// A complete graph: paths between two actors explode with the length.
    static func complete(_ count: Int) -> RelationGraph {
        do {
            var builder = GraphBuilder(vocabulary: .builtIn)
            for index in 0..<count { try builder.addActor(ActorRecord(id: "a\(index)", name: "A\(index)", kind: .group)) }
            guard let meets = RelationVocabulary.builtIn.index(named: "meets") else { preconditionFailure("no meets") }
            for first in 0..<count {
                for second in (first + 1)..<count {
                    try builder.addRelation(from: ActorIndex(first), to: ActorIndex(second), type: meets, date: nil)
                }
            }
            return builder.build()
        } catch {
            preconditionFailure("the complete graph does not build: \(error)")
        }
    }

    /// Raises `signal` when the job reports `after` items done; records what it was told.
    final class Raiser: ProgressReporter {
        let signal: StopSignal
        let after: Int
        let updates = Mutex<[Int]>([])
        init(_ signal: StopSignal, after: Int) {
            self.signal = signal
            self.after = after
        }
        func start(_ job: String, total: Int?, unit: ProgressUnit) {}
        func update(_ done: Int) {
            updates.withLock { $0.append(done) }
            if done == after { signal.raise() }
        }
        func finish() {}
    }

    /// How far `body` came when it threw ``QueryStopped`` with `raiser` as the progress reporter; `nil` when it
    /// finished or threw anything else.
    static func stopped(reporting raiser: Raiser, _ body: () throws -> Void) -> QueryStopped? {
        ProgressReporting.$reporter.withValue(raiser) { () -> QueryStopped? in
            do {
                try body()
                return nil
            } catch let stopped as QueryStopped {
                return stopped
            } catch { return nil }
        }
    }

    @Test func betweennessStopsAtTheNextSourceAndSaysHowFar() throws {
        let graph = Self.complete(12)
        let signal = StopSignal()
        let raiser = Raiser(signal, after: 5)
        let stopped = Self.stopped(reporting: raiser) { _ = try Centrality.betweenness(graph, stop: signal) }
        #expect(stopped == QueryStopped(done: 5, total: 12))
        // One update per finished source, so a display can count them.
        #expect(raiser.updates.withLock { $0 } == [1, 2, 3, 4, 5])
    }

    @Test func aRaisedSignalStopsBeforeAnyWork() {
        let graph = Self.complete(6)
        let signal = StopSignal()
        signal.raise()
        #expect(throws: QueryStopped(done: 0, total: 6)) { try Centrality.betweenness(graph, stop: signal) }
        #expect(throws: QueryStopped(done: 0, total: nil)) { try Centrality.pageRank(graph, stop: signal) }
        #expect(throws: QueryStopped.self) { try Centrality.top(graph, measure: .betweenness, top: 3, stop: signal) }
        // Degree is one pass: nothing to stop.
        #expect((try? Centrality.scores(graph, measure: .degree, stop: signal)) == Centrality.degree(graph))
    }

    @Test func anUnraisedSignalChangesNoScore() throws {
        try forEachSeed(0..<200) { seed in
            let graph = RandomGraphs.multigraph(seed: seed)
            let view = FilteredGraph(graph, filter: RandomGraphs.filter(seed: seed, for: graph))
            for measure in CentralityMeasure.allCases {
                let watched = try Centrality.scores(view, measure: measure, stop: StopSignal())
                #expect(watched == Centrality.scores(view, measure: measure), "seed \(seed) \(measure)")
            }
        }
    }

    @Test func enumerationStopsWithinItsCheckInterval() {
        let graph = Self.complete(12)
        let signal = StopSignal()
        var iterator = PathFinder(graph).paths(from: ActorIndex(0), to: ActorIndex(11), mode: .acyclic, maxLength: 11, stop: signal)
            .makeIterator()
        var found = 0
        while iterator.next() != nil {
            found += 1
            if found == 10 { signal.raise() }
            // Hundreds of millions of paths exist: only a stop ends this loop early.
            if found > 10_000 { break }
        }
        let wasStopped = iterator.wasStopped
        #expect(wasStopped)
        #expect(found >= 10 && found <= 10 + 1024)
    }

    @Test func kShortestStopsBetweenSpurSearches() {
        let graph = Self.complete(8)
        let signal = StopSignal()
        signal.raise()
        let result = PathFinder(graph).kShortestPaths(from: ActorIndex(0), to: ActorIndex(7), k: 50, stop: signal)
        #expect(result.stopped)
        #expect(result.paths.count == 1)
        let whole = PathFinder(graph).kShortestPaths(from: ActorIndex(0), to: ActorIndex(7), k: 50, stop: StopSignal())
        #expect(!whole.stopped && whole.paths.count == 50 && whole.truncated)
    }

    /// Every selector's stream hands over exactly what the collecting searches of ``PathFinder`` return.
    @Test func streamedPathsAreTheCollectedOnes() throws {
        try forEachSeed(0..<300) { seed in
            let graph = RandomGraphs.multigraph(seed: seed)
            guard let (from, to) = QueryStopTests.pair(graph, seed: seed) else { return }
            let view = FilteredGraph(graph, filter: RandomGraphs.filter(seed: seed, for: graph), namedActors: [from, to])
            let finder = PathFinder(view)
            let limit = 1 + Int(seed % 7)
            let cases: [(PathQuery, PathSearchResult)] = [
                (PathQuery(.all, mode: .trail, maxLength: 4, limit: limit),
                 finder.allPaths(from: from, to: to, mode: .trail, maxLength: 4, limit: limit)),
                (PathQuery(.all, limit: limit), finder.allPaths(from: from, to: to, mode: .acyclic, maxLength: 6, limit: limit)),
                (PathQuery(.allShortest, limit: limit), finder.allShortestPaths(from: from, to: to, limit: limit)),
                (PathQuery(.kShortest(3), limit: limit), finder.kShortestPaths(from: from, to: to, k: min(3, limit))),
                (PathQuery(.kShortest(3), mode: .walk, maxLength: 3, limit: limit),
                 finder.allPaths(from: from, to: to, mode: .walk, maxLength: 3, limit: min(3, limit))),
                (PathQuery(.shortest), PathSearchResult(paths: finder.shortestPath(from: from, to: to).map { [$0] } ?? [], truncated: false)),
            ]
            for (query, expected) in cases {
                var streamed: [Path] = []
                let ending = query.stream(view, from: from, to: to, stop: StopSignal()) { streamed.append($0) }
                #expect(streamed == expected.paths, "seed \(seed) \(query)")
                #expect(ending == PathQuery.StreamEnd(count: expected.paths.count, truncated: expected.truncated, stopped: false),
                    "seed \(seed) \(query)")
            }
        }
    }

    static func pair(_ graph: RelationGraph, seed: UInt64) -> (ActorIndex, ActorIndex)? {
        guard graph.actorCount >= 2 else { return nil }
        var random = SeededRandom(seed: seed ^ 0x5709)
        let from = random.int(0...(graph.actorCount - 1))
        let offset = random.int(1...(graph.actorCount - 1))
        return (ActorIndex(from), ActorIndex((from + offset) % graph.actorCount))
    }
}
