import ActorGraph

/// The caption (the question, the date or window, the filters) and the legend, drawn together as the graph's
/// own label so they stay one piece, outside the drawing, in every layout.
public struct ChartCaption {
    let chart: LinkChart
    var graph: RelationGraph { chart.graph }
    var request: ChartRequest { chart.request }

    public init(_ chart: LinkChart) { self.chart = chart }

    /// The caption text, or `nil` when the request asked for none.
    var text: String? {
        if let caption = request.caption { return caption.isEmpty ? nil : caption }
        var lines = [question]
        let filters = Self.filterDescription(graph, request.filter)
        var counts = Self.count(chart.actors.count, "actor") + " · " + Self.count(chart.relations.count, "relation")
        if chart.links.count != chart.relations.count { counts += " in " + Self.count(chart.links.count, "link") }
        lines.append((filters + [counts]).joined(separator: " · "))
        if !request.hidden.isEmpty {
            lines.append("Hidden: " + request.hidden.sorted().map { graph[$0].name }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// "Whole graph", "Focus: Russia, 2 steps", "Path: Putin → al-Qaeda".
    private var question: String {
        if let paths = request.paths, let first = paths.paths.first, let start = first.actors.first,
            let end = first.actors.last
        {
            var text = "\(paths.question ?? (paths.paths.count == 1 ? "Path" : "\(paths.paths.count) paths")): "
            text += "\(graph[start].name) → \(graph[end].name)"
            if let times = first.times, let departure = times.first?.departure, let arrival = times.last?.arrival {
                text += ", departs \(Self.day(departure)), arrives \(Self.day(arrival))"
            }
            if paths.context > 0 { text += " · with \(paths.context)-step context (faded)" }
            return text
        }
        if !request.focus.isEmpty {
            var text = "Focus: " + request.focus.map { graph[$0].name }.joined(separator: ", ")
            text += request.directOnly ? " · direct ties only" : " · \(request.depth) step\(request.depth == 1 ? "" : "s")"
            return text
        }
        return "Whole graph"
    }

    /// The filter in words: "at 2023", "types: meets, supports", "avoiding Russia", "grade ≥ B2".
    public static func filterDescription(_ graph: RelationGraph, _ filter: RelationFilter) -> [String] {
        var parts: [String] = []
        switch filter.time {
        case .none: break
        case .at(let first, let last): parts.append("at " + period(first, last))
        case .between(let first, let last):
            parts.append("between \(first.map(day) ?? "open") and \(last.map(day) ?? "open")")
        case .until(let last): parts.append("begun by \(day(last))")
        }
        if filter.time != .none && filter.includePossible { parts.append("possibly active included") }
        if filter.time != .none && filter.includeUndated { parts.append("undated included") }
        if let types = filter.types {
            parts.append("types: " + types.sorted().map { graph.vocabulary[$0].label }.joined(separator: ", "))
        }
        if !filter.excludedTypes.isEmpty {
            parts.append("without: " + filter.excludedTypes.sorted().map { graph.vocabulary[$0].label }.joined(separator: ", "))
        }
        if let categories = filter.categories {
            parts.append("categories: " + categories.sorted().map(\.rawValue).joined(separator: ", "))
        }
        if let kinds = filter.kinds {
            parts.append("kinds: " + ActorKind.allCases.filter { kinds.contains($0) }.map(\.rawValue).joined(separator: ", "))
        }
        if !filter.avoided.isEmpty {
            parts.append("avoiding " + filter.avoided.sorted().map { graph[$0].name }.joined(separator: ", "))
        }
        if filter.directed { parts.append("following directions") }
        if let grade = filter.minimumGrade { parts.append("grade ≥ \(grade)") }
        if filter.gradedOnly { parts.append("graded sources only") }
        return parts
    }

    /// "1 relation", "3 relations".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// A day number as `YYYY-MM-DD`, or "open" at either end of time.
    static func day(_ number: Int32) -> String {
        if number == TimeSpan.beginningOfTime || number == TimeSpan.endOfTime { return "open" }
        return CalendarDay(dayNumber: number).description
    }

    /// `first...last` as the year or month it spans when it is exactly one, else as two days.
    private static func period(_ first: Int32, _ last: Int32) -> String {
        let start = CalendarDay(dayNumber: first).components
        let end = CalendarDay(dayNumber: last).components
        if first == last { return day(first) }
        if start.month == 1, start.day == 1, end.month == 12, end.day == 31, start.year == end.year { return "\(start.year)" }
        if start.year == end.year, start.month == end.month, start.day == 1,
            CalendarDay(dayNumber: last + 1).components.day == 1
        {
            return String(day(first).prefix(7))
        }
        return "\(day(first))…\(day(last))"
    }
}
