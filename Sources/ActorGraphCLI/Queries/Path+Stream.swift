import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand.PathCommand {
    /// Runs a plain path query under a ``QueryWatch``, printing each path as the search finds it (text or JSON), so
    /// a long listing shows its first paths at once and memory does not grow with `--limit`. Stopped by `--timeout`
    /// or Ctrl-C, it closes what it printed (the JSON still parses) with a mark that it is incomplete, then fails
    /// with ``ExitStatus/timedOut`` or 128 + the signal. Progress (paths found, rate) goes to standard error when
    /// it is a terminal and standard output is not.
    func stream(_ query: PathQuery, report: PathReport, from start: ActorIndex, to end: ActorIndex) throws {
        let watch = QueryWatch(timeout: limits.timeout)
        defer { watch.finish() }
        var printer = PathPrinter(report: report, from: start, to: end, json: format == .json)
        var ticker = isatty(1) == 0 ? ProgressTicker("path", total: nil, unit: .paths, stride: 1) : nil
        let ending = query.stream(report.view, from: start, to: end, stop: watch.signal) { path in
            printer.add(path)
            ticker?.tick()
        }
        ticker?.finish()
        let leftOut = ending.stopped ? nil : query.leftOut(report.view, from: start, to: end, stop: watch.signal)
        let cause = watch.cause
        let diagnosis = ending.count == 0 && cause == nil ? query.diagnosis(report.view, from: start, to: end) : nil
        printer.finish(
            ending, leftOut: leftOut, diagnosis: diagnosis,
            stoppedBy: cause.map { (QueryWatch.kind($0), watch.describe($0)) })
        if cause != nil {
            let progress = "\(TerminalProgress.grouped(ending.count)) path\(ending.count == 1 ? " was" : "s were") printed"
            throw watch.failure(
                "path", progress: progress, outcome: "the output is marked incomplete; more paths may exist",
                hint: "lower --max-length or --limit, or narrow the search with filters (--types, --between, --avoid)")
        }
        if ending.count == 0 { throw ExitCode(ExitStatus.noResult) }
    }
}

/// Prints a streamed path answer in the shapes ``PathReport`` and ``QueryJSON/path(_:view:timeFiltered:)`` give a
/// whole one: the same text and the same JSON when the search finished, plus a mark when it was stopped.
struct PathPrinter {
    var report: PathReport
    let from: ActorIndex
    let to: ActorIndex
    let json: Bool
    private var object: StreamedJSONObject?
    /// Text: the last path found, held back until the next shows whether it is the only one (its header differs).
    private var pending: ActorGraph.Path?
    private var printed = 0

    init(report: PathReport, from: ActorIndex, to: ActorIndex, json: Bool) {
        self.report = report
        self.from = from
        self.to = to
        self.json = json
        if json {
            var object = StreamedJSONObject { Output.write($0, styled: false) }
            object.member("from", .string(report.graph[from].id))
            object.member("to", .string(report.graph[to].id))
            object.openArray("paths")
            self.object = object
        }
    }

    mutating func add(_ path: ActorGraph.Path) {
        if json {
            object?.element(QueryJSON.path(path, view: report.view, timeFiltered: report.timeFiltered))
            return
        }
        if let pending { printNumbered(pending) }
        pending = path
    }

    private mutating func printNumbered(_ path: ActorGraph.Path) {
        printed += 1
        let lines = ["Path \(printed) (\(PathReport.size(of: path))):"] + report.hopLines(path)
        Output.write(lines.joined(separator: "\n") + "\n", styled: true)
    }

    /// Closes the answer: the held-back path, the notices, and `stoppedBy` (e.g. "--timeout 5 after 5 s") when the
    /// search did not finish.
    mutating func finish(
        _ ending: PathQuery.StreamEnd, leftOut: LeftOut?, diagnosis: PathDiagnosis?, stoppedBy: (kind: String, text: String)?
    ) {
        report.leftOut = leftOut
        if json { return finishJSON(ending, diagnosis: diagnosis, stoppedBy: stoppedBy) }
        if let pending, printed == 0, !ending.truncated, stoppedBy == nil {
            // The only path: the header names both ends, as a whole answer's does.
            Output.write(report.paths(PathSearchResult(paths: [pending], truncated: false), from: from, to: to,
                diagnosis: nil), styled: true)
            return
        }
        if let pending { printNumbered(pending) }
        var lines: [String] = []
        if ending.count == 0, stoppedBy == nil {
            Output.write(report.paths(PathSearchResult(paths: [], truncated: false), from: from, to: to,
                diagnosis: diagnosis), styled: true)
            return
        }
        if ending.truncated {
            lines.append("(more paths exist: the first \(ending.count) are shown; raise --limit or --shortest)")
        }
        if let stoppedBy {
            lines.append("(incomplete: the search was stopped by \(stoppedBy.text); \(TerminalProgress.grouped(ending.count)) "
                + "path\(ending.count == 1 ? " is" : "s are") shown and more may exist)")
        }
        if let notice = QueryPresentation.leftOutNotice(leftOut) { lines.append(notice) }
        if !lines.isEmpty { Output.write(lines.joined(separator: "\n") + "\n", styled: true) }
    }

    private mutating func finishJSON(
        _ ending: PathQuery.StreamEnd, diagnosis: PathDiagnosis?, stoppedBy: (kind: String, text: String)?
    ) {
        guard var object else { return }
        object.closeArray()
        object.member("truncated", .bool(ending.truncated))
        object.member("left_out", QueryJSON.leftOut(report.leftOut))
        if let diagnosis {
            object.member("reason", .string(QueryJSON.noPathReason(report.graph, from: from, to: to, diagnosis)))
        }
        if let stoppedBy {
            object.member("complete", .bool(false))
            object.member("stopped_by", .string(stoppedBy.kind))
        }
        object.close()
        self.object = nil
    }
}
