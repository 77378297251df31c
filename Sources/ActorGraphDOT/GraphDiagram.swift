import ActorGraph

/// What to draw: actors and relations chosen by a query, with the parts to stress or fade.
public struct DiagramSelection: Sendable {
    /// Actors in drawing order; every endpoint of `relations` must be among them.
    public var actors: [ActorIndex]
    public var relations: [RelationIndex]
    /// Relations drawn bold (a path over its neighbourhood).
    public var highlighted: Set<RelationIndex>
    /// Actors and relations drawn faded (the neighbourhood behind a path).
    public var fadedActors: Set<ActorIndex>
    public var fadedRelations: Set<RelationIndex>
    /// Relations a time filter kept only as *possibly* active; labelled so.
    public var possiblyActive: Set<RelationIndex>

    public init(
        actors: [ActorIndex], relations: [RelationIndex], highlighted: Set<RelationIndex> = [],
        fadedActors: Set<ActorIndex> = [], fadedRelations: Set<RelationIndex> = [],
        possiblyActive: Set<RelationIndex> = []
    ) {
        self.actors = actors
        self.relations = relations
        self.highlighted = highlighted
        self.fadedActors = fadedActors
        self.fadedRelations = fadedRelations
        self.possiblyActive = possiblyActive
    }

    /// Every actor and relation of the graph.
    public static func whole(_ graph: RelationGraph) -> DiagramSelection {
        DiagramSelection(actors: Array(graph.actorIndices), relations: Array(graph.relationIndices))
    }
}

public enum DiagramClustering: String, CaseIterable, Sendable {
    case none, kind, country
}

/// How much effort Graphviz may spend: `comfortable` draws carefully; `degraded` bounds crossing minimisation
/// and network simplex and draws straight edges, for selections between the comfortable size and the limit.
public enum DiagramProfile: String, Sendable {
    case comfortable, degraded
}

public struct DiagramOptions: Sendable {
    public var labels: Bool
    public var legend: Bool
    public var rankDirection: DOTRankDirection
    public var clustering: DiagramClustering
    public var title: String?
    public var profile: DiagramProfile

    public init(
        labels: Bool = true, legend: Bool = false, rankDirection: DOTRankDirection = .leftToRight,
        clustering: DiagramClustering = .none, title: String? = nil, profile: DiagramProfile = .comfortable
    ) {
        self.labels = labels
        self.legend = legend
        self.rankDirection = rankDirection
        self.clustering = clustering
        self.title = title
        self.profile = profile
    }
}

/// ActorGraph's visual language: actor kind → shape and fill; relation category → colour and line style;
/// symmetric relations without arrowheads; edge labels "type · date"; tooltips with notes and citations.
public enum VisualLanguage {
    public struct KindStyle: Sendable {
        public let shape: DOTShape
        public let fill: DOTColor
        public let border: DOTColor
        public let styles: [DOTStyle]
    }

    public struct CategoryStyle: Sendable {
        public let color: DOTColor
        public let line: DOTStyle
        public let penwidth: Double
    }

    public static func style(of kind: ActorKind) -> KindStyle {
        switch kind {
        case .state:
            return KindStyle(shape: .box, fill: .rgb(red: 0xDB, green: 0xE9, blue: 0xF6), border: .rgb(red: 0x2B, green: 0x5C, blue: 0x8A), styles: [.rounded, .filled])
        case .group:
            return KindStyle(shape: .ellipse, fill: .rgb(red: 0xFD, green: 0xE9, blue: 0xD0), border: .rgb(red: 0xB3, green: 0x66, blue: 0x1E), styles: [.filled])
        case .official:
            return KindStyle(shape: .note, fill: .rgb(red: 0xE3, green: 0xF1, blue: 0xDC), border: .rgb(red: 0x3D, green: 0x7A, blue: 0x2C), styles: [.filled])
        }
    }

    /// Categories differ by colour and weight only: the line's pattern is kept for the status.
    public static func style(of category: RelationCategory) -> CategoryStyle {
        switch category {
        case .conflict: return CategoryStyle(color: .rgb(red: 0xC0, green: 0x39, blue: 0x2B), line: .solid, penwidth: 2)
        case .security: return CategoryStyle(color: .rgb(red: 0xD3, green: 0x54, blue: 0x00), line: .solid, penwidth: 1.6)
        case .diplomatic: return CategoryStyle(color: .rgb(red: 0x24, green: 0x71, blue: 0xA3), line: .solid, penwidth: 1.3)
        case .economic: return CategoryStyle(color: .rgb(red: 0x1E, green: 0x84, blue: 0x49), line: .solid, penwidth: 1.5)
        case .legal: return CategoryStyle(color: .rgb(red: 0x7D, green: 0x3C, blue: 0x98), line: .solid, penwidth: 1.3)
        case .affiliation: return CategoryStyle(color: .rgb(red: 0x56, green: 0x65, blue: 0x73), line: .solid, penwidth: 1.1)
        case .role: return CategoryStyle(color: .rgb(red: 0x17, green: 0xA5, blue: 0x89), line: .solid, penwidth: 1.2)
        case .statement: return CategoryStyle(color: .rgb(red: 0xB7, green: 0x95, blue: 0x0B), line: .solid, penwidth: 1.3)
        case .other: return CategoryStyle(color: .rgb(red: 0x99, green: 0x99, blue: 0x99), line: .solid, penwidth: 1)
        }
    }

    /// The line pattern of a status, the same in every chart: reported solid, claimed dashed, denied dotted.
    public static func line(for status: RelationStatus) -> DOTStyle {
        switch status {
        case .reported: return .solid
        case .claimed: return .dashed
        case .denied: return .dotted
        }
    }

    /// A lighter version of `color` (40 % opacity), for relations only possibly active in the time window.
    public static func pale(_ color: DOTColor) -> DOTColor {
        switch color {
        case .rgb(let red, let green, let blue), .rgba(let red, let green, let blue, _):
            return .rgba(red: red, green: green, blue: blue, alpha: 0x66)
        case .named: return .rgba(red: 0x99, green: 0x99, blue: 0x99, alpha: 0x66)
        }
    }

    /// Extra line width for a bundle of `count` relations: grows with the logarithm, so 23 is thick, not huge.
    public static func bundleWidth(_ count: Int) -> Double {
        guard count > 1 else { return 0 }
        var extra = 0.0
        var remaining = count
        while remaining > 1 {
            extra += 0.6
            remaining /= 2
        }
        return min(extra, 3)
    }

    /// Distinct colours for paths 1, 2, 3, … (repeating after eight).
    public static func pathColor(_ number: Int) -> DOTColor {
        let palette: [DOTColor] = [
            .rgb(red: 0x1F, green: 0x5F, blue: 0xBF), .rgb(red: 0xE0, green: 0x6C, blue: 0x00),
            .rgb(red: 0x8E, green: 0x44, blue: 0xAD), .rgb(red: 0x0E, green: 0x9F, blue: 0x6E),
            .rgb(red: 0xC0, green: 0x39, blue: 0x2B), .rgb(red: 0x2C, green: 0x3E, blue: 0x50),
            .rgb(red: 0xB7, green: 0x95, blue: 0x0B), .rgb(red: 0xD8, green: 0x1B, blue: 0x60),
        ]
        return palette[(max(number, 1) - 1) % palette.count]
    }

    static let faded = DOTColor.rgb(red: 0xC8, green: 0xC8, blue: 0xC8)
    static let fadedFill = DOTColor.rgb(red: 0xF4, green: 0xF4, blue: 0xF4)
    static let fadedText = DOTColor.rgb(red: 0x99, green: 0x99, blue: 0x99)
    static let font = "Helvetica"
    static let boldFont = "Helvetica-Bold"
}

/// Turns a selection of a ``RelationGraph`` into a ``DOTDocument`` in ActorGraph's visual language.
///
/// Node ids are generated from the selection order (`n0`, `n1`, …); names appear only in quoted labels.
/// The same graph and selection always give the same document.
public enum GraphDiagram {
    /// - Complexity: O(actors + relations) of the selection, plus sorting cluster members.
    public static func document(
        _ graph: RelationGraph, _ selection: DiagramSelection, options: DiagramOptions = DiagramOptions()
    ) -> DOTDocument {
        var nodeIDs: [ActorIndex: DOTNodeID] = [:]
        var nodes: [DOTNode] = []
        // The ends of highlighted relations: the actors of a path.
        let emphasized = Set(selection.highlighted.flatMap { [graph.source(of: $0), graph.target(of: $0)] })
        for actor in selection.actors where nodeIDs[actor] == nil {
            let id = DOTNodeID(nodes.count)
            nodeIDs[actor] = id
            var attributes = actorAttributes(graph, actor, faded: selection.fadedActors.contains(actor))
            if emphasized.contains(actor) { attributes.set(.penwidth(2.5)) }
            nodes.append(DOTNode(id, attributes))
        }
        var edges: [DOTEdge] = []
        for relation in selection.relations {
            guard let tail = nodeIDs[graph.source(of: relation)], let head = nodeIDs[graph.target(of: relation)] else {
                continue
            }
            edges.append(
                DOTEdge(
                    from: tail, to: head,
                    relationAttributes(
                        graph, relation, labels: options.labels, highlighted: selection.highlighted.contains(relation),
                        faded: selection.fadedRelations.contains(relation),
                        possibly: selection.possiblyActive.contains(relation))))
        }
        var clusters = clusters(graph, selection.actors, nodeIDs: nodeIDs, by: options.clustering)
        if options.legend {
            let categories = Set(selection.relations.map { graph.type(of: $0).category })
            let kinds = Set(selection.actors.map { graph[$0].kind })
            let legend = legend(kinds: kinds, categories: categories, firstID: nodes.count, clusterIndex: clusters.count)
            nodes += legend.nodes
            edges += legend.edges
            clusters.append(legend.cluster)
        }
        return DOTDocument(
            name: options.title ?? "ActorGraph", isDirected: true,
            graphAttributes: graphAttributes(options), nodeDefaults: nodeDefaults, edgeDefaults: edgeDefaults,
            nodes: nodes, edges: edges, clusters: clusters)
    }

    // MARK: Pieces

    static let nodeDefaults: DOTAttributes = [.fontname(VisualLanguage.font), .fontsize(11)]
    static let edgeDefaults: DOTAttributes = [.fontname(VisualLanguage.font), .fontsize(9)]

    static func graphAttributes(_ options: DiagramOptions) -> DOTAttributes {
        var attributes: DOTAttributes = [
            .rankdir(options.rankDirection), .fontname(VisualLanguage.font), .bgcolor(.named("white")), .pad(0.3),
            .nodesep(0.35), .ranksep(0.6),
        ]
        if let title = options.title {
            attributes.set(.label(title))
            attributes.set(.labelloc(.top))
            attributes.set(.fontsize(16))
        }
        if options.profile == .degraded {
            attributes.set(.mclimit(0.2))
            attributes.set(.nslimit(1))
            attributes.set(.nslimit1(1))
            attributes.set(.splines(.line))
        }
        return attributes
    }

    static func actorAttributes(_ graph: RelationGraph, _ actor: ActorIndex, faded: Bool) -> DOTAttributes {
        let record = graph[actor]
        let style = VisualLanguage.style(of: record.kind)
        var attributes: DOTAttributes = [
            .id("actor-\(record.id)"), .class("actor kind-\(record.kind.rawValue)"), .label(record.name),
            .tooltip(actorTooltip(record)), .shape(style.shape), .style(style.styles),
            .color(faded ? VisualLanguage.faded : style.border),
            .fillcolor(faded ? .rgb(red: 0xF4, green: 0xF4, blue: 0xF4) : style.fill),
        ]
        if faded { attributes.set(.fontcolor(VisualLanguage.fadedText)) }
        return attributes
    }

    /// `type · date`, with a marker for claims, denials and possibly-active relations.
    static func edgeLabel(_ graph: RelationGraph, _ relation: RelationIndex, possibly: Bool) -> String {
        var label = graph.type(of: relation).label
        if let date = graph.date(of: relation) { label += " · \(date)" }
        switch graph.details(of: relation).status {
        case .reported: break
        case .claimed: label += " (claimed)"
        case .denied: label += " (denied)"
        }
        if possibly { label += " (possibly)" }
        return label
    }

    /// The note, the reading with the date, the status and the citations.
    static func relationTooltip(_ graph: RelationGraph, _ relation: RelationIndex) -> String {
        let type = graph.type(of: relation)
        let details = graph.details(of: relation)
        let arrow = type.directed ? "→" : "—"
        var text = "\(graph[graph.source(of: relation)].name) —\(type.label)\(arrow) \(graph[graph.target(of: relation)].name)"
        text += " (\(graph.date(of: relation)?.description ?? "undated"))"
        if let note = details.note { text += "\n" + note }
        if details.status != .reported {
            text += "\nStatus: \(details.status.rawValue)" + (details.claimedBy.map { " by \($0)" } ?? "")
        }
        if !details.citations.isEmpty {
            text += "\nSources: " + details.citations.map(\.shortDescription).joined(separator: "; ")
        }
        return text
    }

    static func relationAttributes(
        _ graph: RelationGraph, _ relation: RelationIndex, labels: Bool, highlighted: Bool, faded: Bool, possibly: Bool
    ) -> DOTAttributes {
        let type = graph.type(of: relation)
        let style = VisualLanguage.style(of: type.category)
        var attributes: DOTAttributes = [
            .id("relation-\(graph.id(of: relation))"), .class("relation \(type.category.rawValue)"),
            .tooltip(relationTooltip(graph, relation)), .color(faded ? VisualLanguage.faded : style.color),
            .style([highlighted ? .bold : VisualLanguage.line(for: graph.details(of: relation).status)]), .penwidth(highlighted ? 3.5 : style.penwidth),
        ]
        if labels {
            attributes.set(.label(edgeLabel(graph, relation, possibly: possibly)))
            attributes.set(.fontcolor(faded ? VisualLanguage.fadedText : style.color))
        }
        if !type.directed {
            attributes.set(.dir(.none))
        }
        return attributes
    }

    static func clusters(
        _ graph: RelationGraph, _ actors: [ActorIndex], nodeIDs: [ActorIndex: DOTNodeID], by clustering: DiagramClustering
    ) -> [DOTCluster] {
        switch clustering {
        case .none:
            return []
        case .kind:
            return ActorKind.allCases.enumerated().compactMap { position, kind in
                let members = actors.filter { graph[$0].kind == kind }.compactMap { nodeIDs[$0] }
                guard !members.isEmpty else { return nil }
                return DOTCluster(
                    index: position, attributes: [.label(kind.rawValue + "s"), .style([.dashed]), .color(.named("gray60"))],
                    nodes: members.sorted())
            }
        case .country:
            // One cluster per state, holding the state and the actors whose country it is; others stay outside.
            var members: [ActorIndex: [DOTNodeID]] = [:]
            for actor in actors {
                guard let id = nodeIDs[actor] else { continue }
                let record = graph[actor]
                if let country = record.country, let state = graph.actorIndex(id: country), nodeIDs[state] != nil {
                    members[state, default: []].append(id)
                } else if record.kind == .state {
                    members[actor, default: []].append(id)
                }
            }
            return members.keys.sorted().enumerated().compactMap { position, state in
                guard let nodes = members[state], nodes.count > 1 else { return nil }
                return DOTCluster(
                    index: position, attributes: [.label(graph[state].name), .style([.dashed]), .color(.named("gray60"))],
                    nodes: nodes.sorted())
            }
        }
    }

    static func legend(kinds: Set<ActorKind>, categories: Set<RelationCategory>, firstID: Int, clusterIndex: Int) -> (
        nodes: [DOTNode], edges: [DOTEdge], cluster: DOTCluster
    ) {
        var nodes: [DOTNode] = []
        var edges: [DOTEdge] = []
        for kind in ActorKind.allCases where kinds.contains(kind) {
            let style = VisualLanguage.style(of: kind)
            nodes.append(
                DOTNode(
                    DOTNodeID(firstID + nodes.count),
                    [.id("legend-\(kind.rawValue)"), .label(kind.rawValue), .shape(style.shape), .style(style.styles),
                     .color(style.border), .fillcolor(style.fill), .fontsize(9)]))
        }
        for category in RelationCategory.allCases where categories.contains(category) {
            let style = VisualLanguage.style(of: category)
            let tail = DOTNodeID(firstID + nodes.count)
            let head = DOTNodeID(firstID + nodes.count + 1)
            nodes.append(DOTNode(tail, [.label(""), .shape(.point), .width(0.05), .color(.named("white"))]))
            nodes.append(DOTNode(head, [.label(category.rawValue), .shape(.plaintext), .fontsize(9)]))
            edges.append(
                DOTEdge(
                    from: tail, to: head,
                    [.color(style.color), .style([style.line]), .penwidth(style.penwidth), .arrowhead(.none)]))
        }
        let cluster = DOTCluster(
            index: clusterIndex,
            attributes: [.label("Legend"), .style([.rounded]), .color(.named("gray70")), .fontsize(10)],
            nodes: nodes.map(\.id))
        return (nodes, edges, cluster)
    }
}
