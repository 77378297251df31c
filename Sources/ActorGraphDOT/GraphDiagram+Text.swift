import ActorGraph

/// The words on a chart: labels, tooltips and the years of a bundle.
extension GraphDiagram {
    /// Name, kind, aliases and description.
    static func actorTooltip(_ record: ActorRecord) -> String {
        var tooltip = "\(record.name) (\(record.kind.rawValue)"
        if let subkind = record.subkind { tooltip += ", \(subkind)" }
        tooltip += ")"
        if !record.aliases.isEmpty { tooltip += "\nAlso: " + record.aliases.joined(separator: ", ") }
        if let description = record.description { tooltip += "\n" + description }
        return tooltip
    }

    /// `type · date` (just the type when `dated` is false or the relation is undated).
    static func relationLabel(_ graph: RelationGraph, _ relation: RelationIndex, dated: Bool = true) -> String {
        var label = graph.type(of: relation).label
        if dated, let date = graph.date(of: relation) { label += " · \(date)" }
        return label
    }

    /// One relation's label, or a bundle's "23 relations · 1979–2025" ("meets ×5 · 2017–2023" by type).
    static func linkLabel(_ graph: RelationGraph, _ relations: [RelationIndex], bundledByType: Bool) -> String {
        guard relations.count > 1 else { return relations.first.map { relationLabel(graph, $0) } ?? "" }
        var label = bundledByType ? "\(graph.type(of: relations[0]).label) ×\(relations.count)" : "\(relations.count) relations"
        if let years = years(graph, relations) { label += " · " + years }
        return label
    }

    /// "1979–2025" from the earliest known start to the latest known end; `nil` when none is dated.
    static func years(_ graph: RelationGraph, _ relations: [RelationIndex]) -> String? {
        var first: Int32?
        var last: Int32?
        for relation in relations {
            guard let span = graph.span(of: relation) else { continue }
            for day in [span.possibleStart, span.possibleEnd]
            where day != TimeSpan.beginningOfTime && day != TimeSpan.endOfTime {
                first = min(first ?? day, day)
                last = max(last ?? day, day)
            }
        }
        guard let first, let last else { return nil }
        let firstYear = CalendarDay(dayNumber: first).components.year
        let lastYear = CalendarDay(dayNumber: last).components.year
        return firstYear == lastYear ? "\(firstYear)" : "\(firstYear)–\(lastYear)"
    }

    /// One tooltip line: "2021-08-17 · Russia —meets→ Taliban · claimed by X · possibly active · Sources: …".
    static func relationLine(_ graph: RelationGraph, _ relation: RelationIndex, possibly: Bool) -> String {
        let type = graph.type(of: relation)
        let details = graph.details(of: relation)
        let arrow = type.directed ? "→" : "—"
        var parts = [
            graph.date(of: relation)?.description ?? "undated",
            "\(graph[graph.source(of: relation)].name) —\(type.label)\(arrow) \(graph[graph.target(of: relation)].name)",
            details.status.rawValue + (details.status == .reported ? "" : details.claimedBy.map { " by \($0)" } ?? ""),
        ]
        if possibly { parts.append("possibly active") }
        if !details.citations.isEmpty {
            parts.append("Sources: " + details.citations.map(\.shortDescription).joined(separator: "; "))
        }
        return parts.joined(separator: " · ")
    }
}
