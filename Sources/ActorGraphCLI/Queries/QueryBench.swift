import ActorGraph
import ArgumentParser

extension ActorGraphCommand {
    /// Hidden: times the query engine on a synthetic graph (docs/PERFORMANCE.md, "Queries"). Not a test: it
    /// asserts nothing, it prints figures.
    struct QueryBenchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query-bench",
            abstract: "Time path and neighbourhood queries on a synthetic graph (for docs/PERFORMANCE.md).",
            shouldDisplay: false)

        @Option(help: "Actors in the synthetic graph.")
        var actors: Int = 1_000_000

        @Option(help: "Relations in the synthetic graph.")
        var relations: Int = 10_000_000

        @Option(help: "Seed of the graph and of the query pairs.")
        var seed: UInt64 = 1

        @Option(help: "Number of random actor pairs.")
        var pairs: Int = 200

        @Option(help: "The day for the --at measurement.")
        var at: String = "2010-06-01"

        func validate() throws {
            if actors < 2 || relations < 1 || pairs < 1 { throw ValidationError("need at least 2 actors, 1 relation, 1 pair") }
        }

        func run() throws {
            let clock = ContinuousClock()
            let buildStart = clock.now
            let graph = SyntheticGraph.generate(actors: actors, relations: relations, seed: seed)
            let buildTime = clock.now - buildStart
            Output.write("graph: \(graph.actorCount) actors, \(graph.relationCount) relations, seed \(seed), built in \(Self.milliseconds(buildTime)) ms\n")
            var random = SplitMix64(state: seed ^ 0x5EED)
            let queryPairs = (0..<pairs).map { _ -> (ActorIndex, ActorIndex) in
                let from = Int(random.next() % UInt64(graph.actorCount))
                var to = Int(random.next() % UInt64(graph.actorCount))
                if to == from { to = (to + 1) % graph.actorCount }
                return (ActorIndex(from), ActorIndex(to))
            }
            guard case .success(let atCondition) = TimeCondition.parseAt(at) else {
                throw CommandFailure("error: bad --at \(at)", status: ExitStatus.badFilter)
            }
            let workspace = SearchWorkspace(actorCount: graph.actorCount)
            let plain = FilteredGraph(graph)
            let dated = FilteredGraph(graph, filter: RelationFilter(time: atCondition))
            Output.write("query                          median ms     p99 ms   answered  mean size\n")
            measure("shortest path", queryPairs, clock) { from, to in
                PathFinder(plain, workspace: workspace).shortestPath(from: from, to: to)?.length
            }
            measure("shortest path --at \(at)", queryPairs, clock) { from, to in
                PathFinder(dated, workspace: workspace).shortestPath(from: from, to: to)?.length
            }
            let indexStart = clock.now
            let datedIndexed = dated.indexed()
            let indexTime = Self.milliseconds(clock.now - indexStart)
            measure("  indexed view (bits: \(Int(indexTime.rounded())) ms)", queryPairs, clock) { from, to in
                PathFinder(datedIndexed, workspace: workspace).shortestPath(from: from, to: to)?.length
            }
            measure("--shortest 5", queryPairs, clock) { from, to in
                let result = PathFinder(plain, workspace: workspace).kShortestPaths(from: from, to: to, k: 5)
                return result.paths.isEmpty ? nil : result.paths.count
            }
            measure("neighbors --depth 2", queryPairs, clock) { from, _ in
                Neighborhood(plain, center: from, depth: 2, workspace: workspace).members.count
            }
        }

        /// Runs `query` once per pair; prints the median and 99th percentile and how many pairs had an answer.
        func measure(_ name: String, _ pairs: [(ActorIndex, ActorIndex)], _ clock: ContinuousClock,
            _ query: (ActorIndex, ActorIndex) -> Int?)
        {
            var times: [Double] = []
            var answered = 0
            var total = 0
            for (from, to) in pairs {
                let start = clock.now
                let answer = query(from, to)
                times.append(Self.milliseconds(clock.now - start))
                if let answer {
                    answered += 1
                    total += answer
                }
            }
            times.sort()
            let median = times[times.count / 2]
            let p99 = times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)]
            let mean = answered == 0 ? 0 : Double(total) / Double(answered)
            Output.write(
                Presentation.padded(name, 30) + Self.column(median) + Self.column(p99)
                    + Presentation.padded("", 4) + Presentation.padded("\(answered)/\(pairs.count)", 9)
                    + Self.column(mean) + "\n")
        }

        static func milliseconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return Double(seconds) * 1000 + Double(attoseconds) / 1e15
        }

        static func column(_ value: Double) -> String {
            let text = String((value * 1000).rounded() / 1000)
            return String(repeating: " ", count: max(1, 11 - text.count)) + text
        }
    }
}
