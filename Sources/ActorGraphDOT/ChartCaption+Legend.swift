import ActorGraph

/// The legend: one table, so it cannot fall apart in force layouts, with straight horizontal swatches.
extension ChartCaption {
    /// The caption's lines, then one row per legend section: kinds, categories, statuses, bundles and paths.
    ///
    /// Each section is one cell of coloured text runs: cells of a nested table spread out over the widest row.
    var table: DOTTable {
        var rows: [[DOTTableCell]] = []
        if let text {
            rows.append([DOTTableCell(text, pointSize: 12)])
        }
        for (title, entries) in legendSections where !entries.isEmpty {
            var runs = [DOTTextRun(title + "   ", color: Self.ink, bold: true)]
            for entry in entries { runs += entry + [DOTTextRun("     ")] }
            rows.append([DOTTableCell(runs: runs, pointSize: 9)])
        }
        return DOTTable(rows: rows, cellSpacing: 3)
    }

    /// A legend entry: a coloured sample, then what it means.
    static func entry(_ sample: String, _ color: DOTColor, _ meaning: String) -> [DOTTextRun] {
        [DOTTextRun(sample, color: color), DOTTextRun(" " + meaning, color: ink)]
    }

    static let ink = DOTColor.rgb(red: 0x33, green: 0x33, blue: 0x33)
    static let solidSwatch = "━━━━"
    static let dashedSwatch = "╺╸╺╸╺╸"
    static let dottedSwatch = "· · · · · ·"

    private var legendSections: [(String, [[DOTTextRun]])] {
        let kinds = Set(chart.actors.map { graph[$0].kind })
        let categories = Set(chart.links.map { $0.dominantCategory(in: graph) })
        var kindCells: [[DOTTextRun]] = []
        for kind in ActorKind.allCases where kinds.contains(kind) {
            let style = VisualLanguage.style(of: kind)
            kindCells.append(Self.entry("■", style.border, "\(kind.rawValue) (\(Self.shapeName(style.shape)))"))
        }
        var categoryCells: [[DOTTextRun]] = []
        for category in RelationCategory.allCases where categories.contains(category) {
            let color = VisualLanguage.style(of: category).color
            categoryCells.append(Self.entry(Self.solidSwatch, color, category.rawValue))
        }
        let gray = DOTColor.rgb(red: 0x55, green: 0x55, blue: 0x55)
        let statusCells: [[DOTTextRun]] = [
            Self.entry(Self.solidSwatch, gray, "reported"), Self.entry(Self.dashedSwatch, gray, "claimed"),
            Self.entry(Self.dottedSwatch, gray, "denied"),
            Self.entry(Self.solidSwatch, VisualLanguage.pale(gray), "possibly active in the time window"),
        ]
        var otherCells: [[DOTTextRun]] = []
        if request.bundle != .none {
            otherCells.append(
                Self.entry(
                    "━━━━━━", gray,
                    request.bundle == .type
                        ? "one line per pair and type: \"meets ×5 · 2017–2023\"; hover for each relation"
                        : "one line per pair: \"23 relations · 1979–2025\", thicker for more; hover for each relation"))
        }
        if let paths = request.paths {
            for number in 1...max(1, paths.paths.count) {
                let meaning = paths.paths.count == 1 ? "the path, hops numbered" : "path \(number): hops \(number).1, \(number).2, …"
                otherCells.append(Self.entry(Self.solidSwatch, VisualLanguage.pathColor(number), meaning))
            }
            if paths.context > 0 {
                otherCells.append(Self.entry(Self.solidSwatch, VisualLanguage.faded, "context (not on a path)"))
            }
        }
        return [("Actors", kindCells), ("Categories", categoryCells), ("Status", statusCells), ("Lines", otherCells)]
    }

    private static func shapeName(_ shape: DOTShape) -> String {
        switch shape {
        case .box: return "box"
        case .ellipse: return "oval"
        case .note: return "note"
        default: return shape.rawValue
        }
    }
}
