import ActorGraph

/// How a timeline groups its relations into rows.
public enum TimelineRows: String, CaseIterable, Hashable, Sendable {
    /// One row per pair of actors.
    case pair
    /// One row per relation category.
    case category
}

/// What a timeline chart shows: relations (from ``Timeline/entries``) and how to draw them.
public struct TimelineRequest: Hashable, Sendable {
    public var entries: [MatchedRelation]
    public var rows: TimelineRows
    public var labels: Bool
    public var legend: Bool
    /// Drawn above the chart; `nil` or `""` for none.
    public var caption: String?

    public init(
        entries: [MatchedRelation], rows: TimelineRows = .pair, labels: Bool = true, legend: Bool = false,
        caption: String? = nil
    ) {
        self.entries = entries
        self.rows = rows
        self.labels = labels
        self.legend = legend
        self.caption = caption
    }
}

/// Relations on a real time axis: a dated point as a dot, an interval as a bar from start to end, an open end
/// as an arrow running off the axis, an unknown start as a bar from the axis start with an open circle; undated
/// relations in a lane of their own. Every node is pinned (`pos="x,y!"`), so lay it out with `neato`.
public struct TimelineChart {
    let graph: RelationGraph
    let request: TimelineRequest

    public init(_ graph: RelationGraph, _ request: TimelineRequest) {
        self.graph = graph
        self.request = request
    }

    /// One drawn relation: where it starts and ends on the axis and how its ends look.
    struct Item {
        let relation: RelationIndex
        let possibly: Bool
        var start: Double
        var end: Double
        let isPoint: Bool
        let startUnknown: Bool
        let ongoing: Bool
        var endUnknown = false
        let label: String
        /// Rightmost inch the item (with its label) takes, for packing lanes.
        var reach: Double { max(end, start + (label.isEmpty ? 0.15 : Self.textWidth(label) + 0.2)) }

        static func textWidth(_ text: String) -> Double { Double(text.count) * 9 * 0.55 / 72 }
    }

    static let laneHeight = 0.42
    static let rowGap = 0.2

    public var document: DOTDocument {
        let dated = request.entries.filter { graph.span(of: $0.relation) != nil }
        let undated = request.entries.filter { graph.span(of: $0.relation) == nil }
        var days: [Int32] = []
        for entry in dated {
            guard let span = graph.span(of: entry.relation) else { continue }
            days += [span.possibleStart, span.possibleEnd].filter { $0 != TimeSpan.beginningOfTime && $0 != TimeSpan.endOfTime }
        }
        let axis = TimelineAxis(days: days.isEmpty ? [0] : days)
        var builder = TimelineBuilder(graph: graph, labels: request.labels)
        var y = 0.0
        for (title, entries) in rows(dated) {
            let items = entries.map { item($0, axis: axis) }
            y = builder.addRow(title: title, items: items, top: y) - Self.rowGap
        }
        if !undated.isEmpty {
            var x = 0.0
            let items = undated.map { entry -> Item in
                let label = request.labels ? eventLabel(entry.relation) : ""
                defer { x += max(0.4, Item.textWidth(label) + 0.4) }
                return Item(
                    relation: entry.relation, possibly: entry.match == .possibly, start: x, end: x, isPoint: true,
                    startUnknown: false, ongoing: false, label: label)
            }
            y = builder.addRow(title: "undated", items: items, top: y) - Self.rowGap
        }
        if !dated.isEmpty { builder.addAxis(axis, y: y - 0.1) }
        var attributes: DOTAttributes = [
            .fontname(VisualLanguage.font), .bgcolor(.named("white")), .pad(0.3), .splines(.line), .overlap(.keep),
            .labelloc(.top), .labeljust(.left),
        ]
        if request.legend {
            attributes.set(.tableLabel(legend))
        } else if let caption = request.caption, !caption.isEmpty {
            attributes.set(.label(caption))
            attributes.set(.fontsize(13))
        }
        return DOTDocument(
            name: "ActorGraph timeline", isDirected: true, graphAttributes: attributes,
            nodeDefaults: [.fontname(VisualLanguage.font), .fontsize(9)],
            edgeDefaults: [.fontname(VisualLanguage.font), .fontsize(9), .arrowhead(.none)],
            nodes: builder.nodes, edges: builder.edges)
    }

    /// Rows in order of their first relation: by pair ("Russia – Taliban") or by category.
    private func rows(_ entries: [MatchedRelation]) -> [(String, [MatchedRelation])] {
        var order: [String] = []
        var members: [String: [MatchedRelation]] = [:]
        for entry in entries {
            let key: String
            switch request.rows {
            case .pair:
                let ends = [graph.source(of: entry.relation), graph.target(of: entry.relation)].sorted()
                key = ends.map { graph[$0].name }.joined(separator: " – ")
            case .category:
                key = graph.type(of: entry.relation).category.rawValue
            }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(entry)
        }
        if request.rows == .category {
            order.sort { (RelationCategory(rawValue: $0) ?? .other) < (RelationCategory(rawValue: $1) ?? .other) }
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    private func item(_ entry: MatchedRelation, axis: TimelineAxis) -> Item {
        let relation = entry.relation
        let label = request.labels ? eventLabel(relation) : ""
        let possibly = entry.match == .possibly
        guard let date = graph.date(of: relation), let span = graph.span(of: relation) else {
            return Item(
                relation: relation, possibly: possibly, start: 0, end: 0, isPoint: true, startUnknown: false,
                ongoing: false, label: label)
        }
        if case .point = date.form {
            let middle = axis.x(span.possibleStart) / 2 + axis.x(span.possibleEnd) / 2
            return Item(
                relation: relation, possibly: possibly, start: middle, end: middle, isPoint: true, startUnknown: false,
                ongoing: false, label: label)
        }
        let startKnown = span.possibleStart != TimeSpan.beginningOfTime
        let endKnown = span.possibleEnd != TimeSpan.endOfTime
        let start = startKnown ? axis.x(span.possibleStart) : axis.start
        var end = endKnown ? axis.x(span.possibleEnd) : axis.end
        var endUnknown = false
        if case .interval(_, .unknown) = date.form {
            end = min(axis.end, start + 0.5)
            endUnknown = true
        }
        return Item(
            relation: relation, possibly: possibly, start: start, end: max(end, start + 0.05), isPoint: false,
            startUnknown: !startKnown, ongoing: !endKnown && !endUnknown, endUnknown: endUnknown, label: label)
    }

    /// "Russia —meets→ Taliban · 2021-08-17" in category rows; "meets · 2021-08-17" in pair rows.
    private func eventLabel(_ relation: RelationIndex) -> String {
        let date = graph.date(of: relation)?.description ?? "undated"
        let type = graph.type(of: relation)
        if request.rows == .pair { return "\(type.label) · \(date)" }
        let arrow = type.directed ? "→" : "—"
        return "\(graph[graph.source(of: relation)].name) —\(type.label)\(arrow) \(graph[graph.target(of: relation)].name) · \(date)"
    }

    private var legend: DOTTable {
        var rows: [[DOTTableCell]] = []
        if let caption = request.caption, !caption.isEmpty { rows.append([DOTTableCell(caption, pointSize: 12)]) }
        let gray = DOTColor.rgb(red: 0x55, green: 0x55, blue: 0x55)
        var cells: [DOTTextRun] = []
        for category in RelationCategory.allCases
        where request.entries.contains(where: { graph.type(of: $0.relation).category == category }) {
            cells += ChartCaption.entry(ChartCaption.solidSwatch, VisualLanguage.style(of: category).color, category.rawValue)
            cells.append(DOTTextRun("     "))
        }
        let marks: [(String, String)] = [
            ("●", "dated event"), (ChartCaption.solidSwatch, "interval"), ("━━━▶", "still running"),
            ("○━━━", "start unknown"), ("━━━○", "end unknown"), (ChartCaption.dashedSwatch, "claimed"), (ChartCaption.dottedSwatch, "denied"),
            ("≈", "empty years squeezed"),
        ]
        var markCells: [DOTTextRun] = []
        for (mark, meaning) in marks {
            markCells += ChartCaption.entry(mark, gray, meaning)
            markCells.append(DOTTextRun("     "))
        }
        rows.append([DOTTableCell(runs: cells, pointSize: 9)])
        rows.append([DOTTableCell(runs: markCells, pointSize: 9)])
        return DOTTable(rows: rows, cellSpacing: 2)
    }
}
