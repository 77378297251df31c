import ActorGraph
import ActorGraphIO
import ArgumentParser

extension CentralityMeasure: ExpressibleByArgument {}

extension ActorGraphCommand {
    struct CentralCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "central",
            abstract: "Rank actors by centrality: degree, betweenness (who brokers connections) or PageRank.",
            discussion: """
                Betweenness is Brandes' algorithm over the links between actors (parallel relations count once), \
                as paths are counted by `path`. The filters decide which relations and actors take part.

                Example:
                  actorgraph central --measure betweenness --top 5 --between 2021..
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Option(help: "The measure.")
        var measure: CentralityMeasure = .betweenness

        @Option(help: "How many actors to list.")
        var top: Int = 10

        @OptionGroup var filters: QueryFilterOptions

        @OptionGroup var limits: QueryTimeoutOptions

        @Option(
            help: ArgumentHelp(
                "Estimate betweenness from K source actors drawn at random (--seed) instead of all: about K/actors of the time.",
                valueName: "K"))
        var sample: Int?

        @Option(help: "Seed of --sample's draw: the same seed draws the same sources.")
        var seed: Int = 1

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func validate() throws {
            if top < 1 { throw ValidationError("--top must be at least 1") }
            if let sample {
                if sample < 1 { throw ValidationError("--sample must be at least 1") }
                if seed < 0 { throw ValidationError("--seed must be 0 or more") }
                if measure != .betweenness {
                    throw ValidationError("--sample estimates betweenness; \(measure.rawValue) is computed whole (leave out --sample)")
                }
            }
        }

        func run() throws {
            _ = try filters.timeCondition()
            let graph = try graphOptions.load().graph
            let filter = try filters.filter(for: graph, named: [])
            // Betweenness and PageRank traverse every relation many times: the admitted-relation bits pay back
            // their one pass at once.
            let view = FilteredGraph(graph, filter: filter).indexed()
            // A sample as large as the view's actors is every actor: the exact answer, said as such.
            let pivots = sample.map { Centrality.pivots(view, count: $0, seed: UInt64(seed)) }
            let included = (0..<view.actorCount).count { view.includes(ActorIndex($0)) }
            let sampled = pivots.flatMap { pivots in
                pivots.count < included ? Sampled(sources: pivots.count, of: included, seed: seed) : nil
            }
            let scores = try Self.ranking(view, measure: measure, top: top, timeout: limits.timeout, pivots: pivots)
            // The ranking reads every admitted relation: what the time filter left out is every relation the lenient
            // filter admits between admitted actors.
            let leftOut = QueryPresentation.leftOut(view) { lenient in
                graph.relationIndices.filter { relation in
                    lenient.match(relation) != nil && lenient.admits(graph.source(of: relation))
                        && lenient.admits(graph.target(of: relation))
                }
            }
            Output.write(
                Self.render(scores, graph: graph, measure: measure, leftOut: leftOut, sampled: sampled, format: format),
                styled: format == .text)
        }

        /// How a sampled betweenness was drawn: `sources` of the view's `of` actors, by `seed`.
        struct Sampled {
            let sources: Int
            let of: Int
            let seed: Int
        }

        /// The ranking under a ``QueryWatch``: progress on a terminal, stopped by `--timeout` or Ctrl-C with how
        /// far it came (betweenness counts its sources, one search each) and, for the deadline, how long the rest
        /// would take at the rate so far.
        static func ranking(
            _ view: FilteredGraph, measure: CentralityMeasure, top: Int, timeout: Double?, pivots: [ActorIndex]? = nil
        ) throws -> [CentralityScore] {
            let watch = QueryWatch(timeout: timeout)
            defer { watch.finish() }
            do {
                if measure == .betweenness { try announceEstimate(view, pivots: pivots, watch: watch) }
                return try Centrality.top(view, measure: measure, top: top, stop: watch.signal, pivots: pivots)
            } catch let stopped {
                let progress: String
                var estimate: Double?
                if let total = stopped.total {
                    progress = "\(TerminalProgress.grouped(stopped.done)) of \(TerminalProgress.grouped(total)) sources were done"
                    if stopped.done > 0 { estimate = watch.elapsed * Double(total - stopped.done) / Double(stopped.done) }
                } else {
                    progress = "\(stopped.done) of at most 1000 rounds were done"
                }
                throw watch.failure(
                    "central --measure \(measure.rawValue)", progress: progress, estimate: estimate,
                    outcome: "nothing was printed",
                    hint: "narrow the graph with filters (--types, --between, --kinds)")
            }
        }

        static func render(_ scores: [CentralityScore], graph: RelationGraph, measure: CentralityMeasure,
            leftOut: LeftOut? = nil, sampled: Sampled? = nil, format: TextOrJSON) -> String
        {
            switch format {
            case .json:
                var members: [(String, JSONValue)] = [
                    ("measure", .string(measure.rawValue)),
                    ("actors", .array(scores.enumerated().map { rank, score in
                        .object([
                            ("rank", .int(rank + 1)), ("actor", GraphJSON.actor(graph, score.actor)),
                            ("score", .double(score.value)), ("normalized", .double(score.normalized)),
                        ])
                    })),
                    ("left_out", QueryPresentation.leftOutJSON(leftOut)),
                ]
                if let sampled {
                    members.append(
                        ("sample", .object([
                            ("sources", .int(sampled.sources)), ("of", .int(sampled.of)),
                            ("seed", .int(sampled.seed)),
                        ])))
                }
                return JSONValue.object(members).pretty()
            case .text:
                let rows = scores.enumerated().map { rank, score in
                    [
                        "\(rank + 1)", graph[score.actor].name, graph[score.actor].kind.rawValue,
                        format6(score.value), format6(score.normalized),
                    ]
                }
                let estimated = sampled.map {
                    "(estimated from \(TerminalProgress.grouped($0.sources)) of \(TerminalProgress.grouped($0.of)) actors "
                        + "as sources, --seed \($0.seed): approximate scores; leave out --sample for the exact ones)\n"
                }
                return Presentation.table(header: ["RANK", "ACTOR", "KIND", measure.rawValue.uppercased(), "NORMALIZED"], rows: rows)
                    + (estimated ?? "") + (QueryPresentation.leftOutNotice(leftOut).map { $0 + "\n" } ?? "")
            }
        }

        /// Up to six decimals, trailing zeros dropped.
        static func format6(_ value: Double) -> String {
            let scaled = (value * 1_000_000).rounded() / 1_000_000
            if scaled == scaled.rounded() { return String(Int(scaled)) }
            return String(scaled)
        }
    }
}
