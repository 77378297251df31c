import ActorGraphDOT
import Graphviz

/// How many relations a layout engine lays out in reasonable time, measured on this project's reference machine
/// (2 cores, AMD EPYC, Graphviz 2.43) with random graphs of two relations per actor; figures and the command in
/// docs/PERFORMANCE.md ("Rendering budget").
///
/// `dot` is the steep one: labelled edges make its crossing minimisation and network simplex explode within a few
/// hundred relations at full quality; its degraded profile (`mclimit`, `nslimit`, straight edges) reaches about four
/// times further.
struct RenderBudget {
    /// Drawn at full quality up to this many relations.
    let comfortable: Int
    /// Drawn with the degraded profile up to this many; refused beyond.
    let limit: Int

    static func forLayout(_ layout: GraphvizLayout, labels: Bool) -> RenderBudget {
        switch layout {
        case .dot: return RenderBudget(comfortable: 150, limit: labels ? 600 : 1000)
        case .neato, .twopi: return RenderBudget(comfortable: 1000, limit: 1000)
        case .fdp: return RenderBudget(comfortable: 250, limit: 250)
        case .circo: return RenderBudget(comfortable: 150, limit: 150)
        case .sfdp: return RenderBudget(comfortable: 4000, limit: 4000)
        }
    }

    /// The profile for `relations` drawn lines (links of a chart, relations of a timeline), or a refusal naming
    /// the count, the limit and the ways out.
    func profile(for relations: Int, layout: GraphvizLayout, labels: Bool, noun: String = "links") throws -> DiagramProfile {
        if relations <= comfortable { return .comfortable }
        if relations <= limit { return .degraded }
        var ways = ["narrow the selection with --focus ACTOR --depth 1, --path, or filters (--at, --types, --categories)"]
        if layout != .sfdp { ways.append("use --layout sfdp (up to \(RenderBudget.forLayout(.sfdp, labels: labels).limit) relations)") }
        if labels, layout == .dot { ways.append("drop edge labels with --no-labels (up to \(RenderBudget.forLayout(.dot, labels: false).limit))") }
        throw CommandFailure(
            "error: the chart has \(relations) \(noun); the \(layout.rawValue) layout draws at most \(limit) in "
                + "reasonable time\nhint: " + ways.joined(separator: "; or "),
            status: ExitStatus.failure)
    }
}
