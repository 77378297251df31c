import ActorGraph

/// Collects a timeline's pinned nodes and edges, row by row, packing each row's items into lanes so that no
/// two items (with their labels) overlap.
struct TimelineBuilder {
    let graph: RelationGraph
    let labels: Bool
    var nodes: [DOTNode] = []
    var edges: [DOTEdge] = []

    init(graph: RelationGraph, labels: Bool) {
        self.graph = graph
        self.labels = labels
    }

    private mutating func node(_ attributes: DOTAttributes) -> DOTNodeID {
        let id = DOTNodeID(nodes.count)
        nodes.append(DOTNode(id, attributes))
        return id
    }

    private mutating func point(x: Double, y: Double) -> DOTNodeID {
        node([.shape(.point), .width(0.01), .height(0.01), .style([.invis]), .pinnedPosition(x: x, y: y)])
    }

    /// Draws one row below `top` and returns the y of its bottom.
    mutating func addRow(title: String, items: [TimelineChart.Item], top: Double) -> Double {
        var laneEnds: [Double] = []
        var placed: [(TimelineChart.Item, Int)] = []
        for item in items.sorted(by: { ($0.start, $0.relation) < ($1.start, $1.relation) }) {
            let lane = laneEnds.firstIndex { $0 < item.start - 0.05 } ?? laneEnds.count
            if lane == laneEnds.count { laneEnds.append(0) }
            laneEnds[lane] = item.reach
            placed.append((item, lane))
        }
        let height = Double(max(laneEnds.count, 1)) * TimelineChart.laneHeight
        let titleWidth = TimelineChart.Item.textWidth(title) * 11 / 9
        _ = node([
            .label(title), .shape(.plaintext), .fontsize(11), .fontname(VisualLanguage.boldFont),
            .pinnedPosition(x: -0.25 - titleWidth / 2, y: top - TimelineChart.laneHeight / 2),
        ])
        for (item, lane) in placed {
            draw(item, y: top - (Double(lane) + 0.5) * TimelineChart.laneHeight)
        }
        // A faint rule under the row.
        let left = point(x: -0.25 - titleWidth, y: top - height)
        let right = point(x: laneEnds.max() ?? 0, y: top - height)
        edges.append(DOTEdge(from: left, to: right, [.color(.rgb(red: 0xE2, green: 0xE2, blue: 0xE2)), .penwidth(0.5)]))
        return top - height
    }

    private mutating func draw(_ item: TimelineChart.Item, y: Double) {
        let relation = item.relation
        let type = graph.type(of: relation)
        let status = graph.details(of: relation).status
        var color = VisualLanguage.style(of: type.category).color
        if item.possibly { color = VisualLanguage.pale(color) }
        let identity: DOTAttributes = [
            .id("relation-\(graph.id(of: relation))"),
            .class("event category-\(type.category.rawValue) status-\(status.rawValue)" + (item.possibly ? " possibly" : "")),
            .tooltip(GraphDiagram.relationLine(graph, relation, possibly: item.possibly)),
        ]
        if item.isPoint {
            var attributes = identity
            attributes.set(.label(""))
            attributes.set(.shape(.circle))
            attributes.set(.width(0.16))
            attributes.set(.fixedsize(true))
            attributes.set(.style([.filled, VisualLanguage.line(for: status)]))
            attributes.set(.fillcolor(status == .reported ? color : .named("white")))
            attributes.set(.color(color))
            attributes.set(.penwidth(1.5))
            attributes.set(.pinnedPosition(x: item.start, y: y))
            _ = node(attributes)
        } else {
            let tail = point(x: item.start, y: y)
            let head = point(x: item.end, y: y)
            var attributes = identity
            attributes.set(.color(color))
            attributes.set(.penwidth(4))
            attributes.set(.style([VisualLanguage.line(for: status)]))
            attributes.set(.dir(item.startUnknown ? .both : .forward))
            attributes.set(.arrowhead(item.ongoing ? .normal : item.endUnknown ? .odot : .none))
            if item.startUnknown { attributes.set(.arrowtail(.odot)) }
            edges.append(DOTEdge(from: tail, to: head, attributes))
        }
        if !item.label.isEmpty {
            let width = TimelineChart.Item.textWidth(item.label)
            _ = node([
                .label(item.label), .shape(.plaintext), .fontcolor(color), .fontsize(9), .height(0.2),
                .margin(0), .pinnedPosition(x: item.start + 0.12 + width / 2, y: y + 0.13),
            ])
        }
    }

    /// The axis line, a tick and year under each year start (every few years when crowded), and a break mark
    /// over each squeezed run of empty years.
    mutating func addAxis(_ axis: TimelineAxis, y: Double) {
        let left = point(x: axis.start, y: y)
        let right = point(x: axis.end, y: y)
        edges.append(DOTEdge(from: left, to: right, [.color(.named("gray40")), .penwidth(1)]))
        let plain = axis.segments.filter { !$0.isBreak }
        let step = plain.first.map { $0.width < 0.5 ? 5 : 1 } ?? 1
        for segment in axis.segments {
            if segment.isBreak {
                _ = node([
                    .label("≈ \(segment.firstYear)–\(segment.lastYear)"), .shape(.plaintext), .fontsize(8),
                    .fontcolor(.named("gray40")), .pinnedPosition(x: segment.x + segment.width / 2, y: y - 0.2),
                ])
                continue
            }
            guard segment.firstYear % step == 0 || segment.x == 0 else { continue }
            _ = node([.label(""), .shape(.point), .width(0.04), .color(.named("gray40")), .pinnedPosition(x: segment.x, y: y)])
            _ = node([
                .label("\(segment.firstYear)"), .shape(.plaintext), .fontsize(9), .fontcolor(.named("gray30")),
                .pinnedPosition(x: segment.x + segment.width / 2, y: y - 0.2),
            ])
        }
    }
}
