import ActorGraph

/// Draws a ``LinkChart`` in ActorGraph's visual language: shape and fill by actor kind, colour by relation
/// category, line style by status (claimed dashed, denied dotted, possibly-active pale), a bundle's width by
/// its size, paths in their own colours with numbered hops.
struct ChartDrawing {
    let chart: LinkChart
    private var graph: RelationGraph { chart.graph }
    private var request: ChartRequest { chart.request }

    init(_ chart: LinkChart) { self.chart = chart }

    var document: DOTDocument {
        var nodeIDs: [ActorIndex: DOTNodeID] = [:]
        var nodes: [DOTNode] = []
        for actor in chart.actors where nodeIDs[actor] == nil {
            let id = DOTNodeID(nodes.count)
            nodeIDs[actor] = id
            nodes.append(DOTNode(id, actorAttributes(actor)))
        }
        var edges: [DOTEdge] = []
        for (number, link) in chart.links.enumerated() {
            guard let tail = nodeIDs[link.tail], let head = nodeIDs[link.head] else { continue }
            edges.append(DOTEdge(from: tail, to: head, linkAttributes(link, number: number)))
        }
        return DOTDocument(
            name: "ActorGraph", isDirected: true, graphAttributes: graphAttributes,
            nodeDefaults: GraphDiagram.nodeDefaults, edgeDefaults: GraphDiagram.edgeDefaults, nodes: nodes,
            edges: edges,
            clusters: GraphDiagram.clusters(graph, chart.actors, nodeIDs: nodeIDs, by: request.clustering))
    }

    private var graphAttributes: DOTAttributes {
        var attributes: DOTAttributes = [
            .rankdir(request.rankDirection), .fontname(VisualLanguage.font), .bgcolor(.named("white")), .pad(0.3),
            .nodesep(0.35), .ranksep(0.6), .overlap(.remove), .splines(request.edgeRouting), .labelloc(.bottom),
            .labeljust(.left),
        ]
        if let page = request.page {
            // Tighter spacing first, then Graphviz compresses and scales what is left onto the page.
            attributes.set(.nodesep(0.15))
            attributes.set(.ranksep(0.35))
            attributes.set(.size(width: page.inches.width, height: page.inches.height))
            attributes.set(.ratio(.compress))
            // PDF and PostScript add a half-inch margin of their own around `size`; the page's margin is in `inches`.
            attributes.set(.margin(0))
        }
        if request.profile == .degraded {
            attributes.set(.mclimit(0.2))
            attributes.set(.nslimit(1))
            attributes.set(.nslimit1(1))
            // Straight lines only without labels: with labels, dot bends them at detached label points.
            if !request.labels { attributes.set(.splines(.line)) }
        }
        let caption = ChartCaption(chart)
        if request.legend {
            attributes.set(.tableLabel(caption.table))
        } else if let text = caption.text {
            attributes.set(.label(text))
            attributes.set(.fontsize(12))
        }
        return attributes
    }

    // MARK: Actors

    private func actorAttributes(_ actor: ActorIndex) -> DOTAttributes {
        let record = graph[actor]
        let style = VisualLanguage.style(of: record.kind)
        let faded = chart.fadedActors.contains(actor)
        var attributes: DOTAttributes = [
            .id("actor-\(record.id)"), .class("actor kind-\(record.kind.rawValue)"), .label(record.name),
            .tooltip(GraphDiagram.actorTooltip(record)), .shape(style.shape), .style(style.styles),
            .color(faded ? VisualLanguage.faded : style.border),
            .fillcolor(faded ? VisualLanguage.fadedFill : style.fill),
        ]
        if faded { attributes.set(.fontcolor(VisualLanguage.fadedText)) }
        if chart.emphasizedActors.contains(actor) {
            attributes.set(.class("actor kind-\(record.kind.rawValue) emphasized"))
            attributes.set(.penwidth(3))
            attributes.set(.fontname(VisualLanguage.boldFont))
            attributes.set(.fontsize(13))
        }
        return attributes
    }

    // MARK: Links

    private func linkAttributes(_ link: ChartLink, number: Int) -> DOTAttributes {
        let category = link.dominantCategory(in: graph)
        let status = link.status(in: graph)
        let style = VisualLanguage.style(of: category)
        var classes = "link category-\(category.rawValue) status-\(status.rawValue)"
        if link.isPossiblyActive { classes += " possibly" }
        if !link.pathSteps.isEmpty { classes += " path" }
        var color = style.color
        var width = style.penwidth + VisualLanguage.bundleWidth(link.relations.count)
        if let step = link.pathSteps.first {
            color = VisualLanguage.pathColor(step.path)
            width = 3.5
        }
        if link.faded { color = VisualLanguage.faded }
        if link.isPossiblyActive { color = VisualLanguage.pale(color) }
        var attributes: DOTAttributes = [
            .id("link-\(number)"), .class(classes), .tooltip(tooltip(link)), .style([VisualLanguage.line(for: status)]),
            .color(color), .penwidth(width), .dir(link.direction(in: graph)),
        ]
        if link.direction(in: graph) == .back { attributes.set(.arrowtail(.normal)) }
        if let label = label(link) {
            attributes.set(.label(label))
            attributes.set(.fontcolor(link.faded ? VisualLanguage.fadedText : color))
        }
        return attributes
    }

    /// Hop numbers (always on a path), then the relation's type and date or the bundle's count and years.
    private func label(_ link: ChartLink) -> String? {
        var parts: [String] = []
        if !link.pathSteps.isEmpty {
            let single = (request.paths?.paths.count ?? 1) == 1
            parts.append(link.pathSteps.map { single ? "\($0.hop)" : "\($0.path).\($0.hop)" }.joined(separator: ", "))
        }
        if request.labels {
            if let times = hopTimes(link) {
                parts.append(GraphDiagram.relationLabel(graph, link.relations[0], dated: false) + " · " + times)
            } else {
                parts.append(GraphDiagram.linkLabel(graph, link.relations, bundledByType: request.bundle == .type))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// "departs D · arrives A" for a time-respecting path's hop (one date when they are the same day).
    private func hopTimes(_ link: ChartLink) -> String? {
        guard let step = link.pathSteps.first, let paths = request.paths?.paths, step.path <= paths.count,
            let times = paths[step.path - 1].times, step.hop <= times.count
        else { return nil }
        let time = times[step.hop - 1]
        let departure = ChartCaption.day(time.departure)
        if time.departure == time.arrival { return departure }
        return "departs \(departure), arrives \(ChartCaption.day(time.arrival))"
    }

    /// One line per relation: date, reading, status, citations.
    private func tooltip(_ link: ChartLink) -> String {
        let names = "\(graph[link.tail].name) – \(graph[link.head].name)"
        var lines: [String] = []
        if link.relations.count > 1 { lines.append("\(names): \(link.relations.count) relations") }
        for relation in link.relations {
            lines.append(GraphDiagram.relationLine(graph, relation, possibly: link.possiblyActive.contains(relation)))
        }
        return lines.joined(separator: "\n")
    }
}
