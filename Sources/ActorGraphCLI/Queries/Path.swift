import ActorGraph
import ActorGraphIO
import ArgumentParser

extension PathMode: ExpressibleByArgument {}
extension TemporalProblem: ExpressibleByArgument {}

extension ActorGraphCommand {
    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "Show how two actors are connected: the shortest path, the k shortest, or every path.",
            discussion: """
                Lengths count relations between actors; parallel relations between the same two actors are shown \
                together as one hop. Options follow ISO GQL's path selectors and modes. Filters are applied during \
                the search. Paths are printed as they are found (text and JSON); --timeout or Ctrl-C ends a long \
                listing with what was found marked incomplete. Exit status 3 when there is no path, 6 when \
                --timeout stopped the search. See docs/QUERIES.md.

                Examples:
                  actorgraph path putin al-qaeda
                  actorgraph path putin al-qaeda --shortest 3 --exclude-types designates_terrorist
                  actorgraph path russia taliban --all --max-length 3 --between 2021..
                  actorgraph path al-qaeda putin --time-respecting --temporal earliest --possibly
                """)

        @OptionGroup var graphOptions: GraphOptions

        @Argument(help: "Where the path starts: id, name or alias.")
        var from: String

        @Argument(help: "Where the path ends: id, name or alias.")
        var to: String

        /// `--shortest`, `--all-shortest`, `--all`, `--max-length`, `--mode`, `--limit`, `--time-respecting`,
        /// `--temporal` (shared with `render --path`, checked in its `validate()`).
        @OptionGroup var selector: PathSelectorOptions

        @OptionGroup var filters: QueryFilterOptions

        @OptionGroup var limits: QueryTimeoutOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let time = try filters.timeCondition()
            let graph = try graphOptions.load().graph
            let references = ActorReferences(graph)
            let start = try references.resolve(from, role: "FROM actor")
            let end = try references.resolve(to, role: "TO actor")
            if start == end {
                throw CommandFailure(
                    "error: FROM and TO are the same actor (\(QueryPresentation.actorLabel(graph, start)))",
                    status: ExitStatus.sameActor)
            }
            let filter = try filters.filter(for: graph, named: [start, end])
            let view = FilteredGraph(graph, filter: filter, namedActors: [start, end])
            guard selector.query.isTemporal else {
                let report = PathReport(graph: graph, view: view, timeFiltered: time != .none)
                return try stream(selector.query, report: report, from: start, to: end)
            }
            let answer = try temporalAnswer(view, from: start, to: end)
            let report = PathReport(graph: graph, view: view, timeFiltered: time != .none, leftOut: answer.leftOut)
            Output.write(report.write(answer, format: format), styled: format == .text)
            if answer.isEmpty { throw ExitCode(ExitStatus.noResult) }
        }
    }
}

extension ActorGraphCommand.PathCommand {
    /// A time-respecting path (one pass over the relations sorted by date: seconds on a million relations) under a
    /// ``QueryWatch``: `--timeout` or Ctrl-C stop it with nothing printed (one path, so nothing to stream).
    func temporalAnswer(_ view: FilteredGraph, from start: ActorIndex, to end: ActorIndex) throws -> PathAnswer {
        let watch = QueryWatch(timeout: limits.timeout)
        defer { watch.finish() }
        do {
            return try selector.query.answer(view, from: start, to: end, stop: watch.signal)
        } catch {
            throw watch.failure(
                "path --time-respecting", progress: nil, outcome: "nothing was printed",
                hint: "narrow the graph with filters (--types, --between, --kinds)")
        }
    }
}

/// Renders path answers as text or JSON (shapes in docs/QUERIES.md).
struct PathReport {
    let graph: RelationGraph
    let view: FilteredGraph
    let timeFiltered: Bool
    /// What the time filter left out of the answer.
    var leftOut: LeftOut?

    /// The answer as JSON (``QueryJSON/path(_:view:timeFiltered:)``, shared with the explorer) or text.
    func write(_ answer: PathAnswer, format: TextOrJSON) -> String {
        if format == .json { return QueryJSON.path(answer, view: view, timeFiltered: timeFiltered).pretty() }
        switch answer.found {
        case .paths(let result):
            return paths(result, from: answer.from, to: answer.to, diagnosis: answer.diagnosis)
        case .temporal(let found, let problem, let reading):
            return temporal(found, problem: problem, reading: reading, from: answer.from, to: answer.to)
        }
    }

    func paths(_ result: PathSearchResult, from: ActorIndex, to: ActorIndex, diagnosis: PathDiagnosis?) -> String {
        do {
            guard !result.paths.isEmpty else {
                let diagnosis = diagnosis ?? PathDiagnosis(graph, filter: view.filter, from: from, to: to)
                return QueryJSON.noPathReason(graph, from: from, to: to, diagnosis) + "\n"
                    + (QueryPresentation.leftOutNotice(leftOut).map { $0 + "\n" } ?? "")
            }
            var lines: [String] = []
            for (number, path) in result.paths.enumerated() {
                if result.paths.count > 1 || result.truncated {
                    lines.append("Path \(number + 1) (\(Self.size(of: path))):")
                } else {
                    lines.append("\(graph[from].name) to \(graph[to].name): \(Self.size(of: path))")
                }
                lines.append(contentsOf: hopLines(path))
            }
            if result.truncated {
                lines.append("(more paths exist: the first \(result.paths.count) are shown; raise --limit or --shortest)")
            }
            if let notice = QueryPresentation.leftOutNotice(leftOut) { lines.append(notice) }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// `2 steps, 3 relations` (or `1 step, 1 relation`): the header counts what the lines below it show.
    static func size(of path: ActorGraph.Path) -> String {
        let relations = path.hops.reduce(0) { $0 + $1.count }
        return "\(path.length) step\(path.length == 1 ? "" : "s"), \(relations) relation\(relations == 1 ? "" : "s")"
    }

    /// One line per relation; parallel relations of a hop are aligned under its number.
    func hopLines(_ path: ActorGraph.Path) -> [String] {
        var lines: [String] = []
        for (position, hop) in path.hops.enumerated() {
            let number = "\(position + 1). "
            for (offset, relation) in hop.enumerated() {
                let prefix = offset == 0 ? "  " + number : "  " + String(repeating: " ", count: number.count)
                lines.append(
                    prefix + Presentation.line(graph, relation, from: path.actors[position])
                        + QueryPresentation.mark(view.match(relation), timeFiltered: timeFiltered))
            }
        }
        return lines
    }

    func temporal(_ found: TemporalPath?, problem: TemporalProblem, reading: TemporalReading, from: ActorIndex,
        to: ActorIndex) -> String
    {
        let readingName = QueryJSON.readingName(reading)
        do {
            let notice = QueryPresentation.leftOutNotice(leftOut).map { $0 + "\n" } ?? ""
            guard let path = found else {
                return "No time-respecting path from \(graph[from].name) to \(graph[to].name) (\(readingName) reading"
                    + (reading == .definite ? "; --possibly compares earliest possible starts instead" : "") + ").\n"
                    + notice
            }
            var lines = [
                "\(graph[from].name) to \(graph[to].name): \(problem.rawValue) time-respecting path, "
                    + "\(Self.size(of: path.path)), "
                    + "\(QueryPresentation.day(path.departure)) to \(QueryPresentation.day(path.arrival)) "
                    + "(\(path.certainty) time-respecting)"
            ]
            lines.append(contentsOf: hopLines(path.path))
            return lines.joined(separator: "\n") + "\n" + notice
        }
    }
}
