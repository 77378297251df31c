import ActorGraph

/// How relations read in text output, shared by every command.
public enum Presentation {
    /// `2021-08-17`, `1979/1989`, or `undated`.
    public static func date(_ graph: RelationGraph, _ relation: RelationIndex) -> String {
        graph.date(of: relation)?.description ?? "undated"
    }

    /// `[src L12-14; other L3]`, or `[unsourced]` for a sketch not yet cited.
    public static func citations(_ graph: RelationGraph, _ relation: RelationIndex) -> String {
        let citations = graph.details(of: relation).citations
        if citations.isEmpty { return "[unsourced]" }
        return "[" + citations.map(\.shortDescription).joined(separator: "; ") + "]"
    }

    /// One hop read from `start`'s side: `Zamir Kabulov —represents→ Russia`, or backwards with the inverse label
    /// (`Russia —represented by→ Zamir Kabulov`); symmetric types read `A —meets— B`.
    public static func hop(_ graph: RelationGraph, _ relation: RelationIndex, from start: ActorIndex) -> String {
        let type = graph.type(of: relation)
        let source = graph.source(of: relation)
        let target = graph.target(of: relation)
        let other = start == source ? target : source
        let first = graph[start].name
        let second = graph[other].name
        if !type.directed { return "\(first) —\(type.label)— \(second)" }
        if start == source { return "\(first) —\(type.label)→ \(second)" }
        return "\(first) —\(type.inverseLabel)→ \(second)"
    }

    /// A full line for a relation read from `start`: hop, date in parentheses, citations, and its evidence.
    public static func line(_ graph: RelationGraph, _ relation: RelationIndex, from start: ActorIndex) -> String {
        "\(hop(graph, relation, from: start)) (\(date(graph, relation)))  \(citations(graph, relation))  "
            + "{\(evidence(graph, relation))}"
    }

    /// What every text output says of a relation's evidence, in one form:
    /// `denied, claimed by usa; grade C5 (derived); 1 source` (docs/QUERIES.md, "Evidence in every answer").
    public static func evidence(_ graph: RelationGraph, _ relation: RelationIndex) -> String {
        let evidence = graph.evidence(of: relation)
        return "\(status(evidence)); \(grade(evidence)); \(sources(evidence))"
    }

    /// `reported`, `claimed by X`, `denied, claimed by X` (`claimed`, `denied` when nobody is named).
    public static func status(_ evidence: RelationEvidence) -> String {
        switch evidence.status {
        case .reported: return "reported"
        case .claimed: return "claimed" + (evidence.claimedBy.map { " by \($0)" } ?? "")
        case .denied: return "denied" + (evidence.claimedBy.map { ", claimed by \($0)" } ?? "")
        }
    }

    /// `grade B2`, `grade C4 (derived)` or `ungraded`.
    public static func grade(_ evidence: RelationEvidence) -> String {
        guard let grade = evidence.grade else { return "ungraded" }
        return "grade \(grade)" + (evidence.gradeIsDerived ? " (derived)" : "")
    }

    /// `1 source`, `2 independent sources`, `3 sources, 2 independent`, `no source`.
    public static func sources(_ evidence: RelationEvidence) -> String {
        let cited = evidence.citedSources.count
        let independent = evidence.independentSources
        if cited == 0 { return "no source" }
        if cited == 1 { return "1 source" }
        if independent == cited { return "\(cited) independent sources" }
        return "\(cited) sources, \(independent) independent"
    }

    /// Pads `text` on the right to `width` characters.
    public static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A plain text table: a header, a rule, and the rows, columns padded to their widest cell.
    public static func table(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
        }
        func render(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : padded(cell, widths[column])
            }.joined(separator: "  ")
        }
        var output = render(header) + "\n" + render(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { output += render(row) + "\n" }
        return output
    }
}
