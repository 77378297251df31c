import ActorGraph

/// A link chart chosen and bundled from a ``ChartRequest``: the actors, the links between them, what is
/// stressed or faded, and the DOT document that draws it.
///
/// SVG element ids are stable for the explorer, which maps clicks by them (Graphviz copies DOT `id` and
/// `class` into its SVG): an actor is `actor-<actor id>` with class `actor kind-<kind>`; link `n` (its place
/// in ``links``) is `link-<n>` with class `link category-<category> status-<status>`, plus `possibly` when a
/// time filter kept it only as possibly active, and `path` when it lies on a path.
public struct LinkChart: Sendable {
    public let graph: RelationGraph
    public private(set) var request: ChartRequest
    /// Drawn actors, in graph order (path actors first along their path in a path chart).
    public let actors: [ActorIndex]
    /// Drawn links; `links[n]` is the SVG element `link-<n>`.
    public let links: [ChartLink]
    /// Actors drawn faded (a path chart's context).
    public let fadedActors: Set<ActorIndex>
    /// Actors drawn emphasised (the focus, or a path's actors).
    public let emphasizedActors: Set<ActorIndex>
    /// What the selection had to leave out, in sentences for the user (e.g. a cut context).
    public let notes: [String]

    /// Every drawn relation, in graph order.
    public var relations: [RelationIndex] { links.flatMap(\.relations).sorted() }

    /// Selects and bundles what `request` asks for.
    ///
    /// - Complexity: O(actors + relations) of the graph for the whole graph, otherwise the size of the
    ///   neighbourhoods searched, plus sorting the drawn relations.
    public init(_ graph: RelationGraph, _ request: ChartRequest) {
        self.graph = graph
        self.request = request
        let selection = ChartSelection(graph, request)
        self.actors = selection.actors
        self.fadedActors = selection.fadedActors
        self.emphasizedActors = selection.emphasizedActors
        self.notes = selection.notes
        self.links = ChartLink.bundle(graph, selection: selection, mode: request.bundle)
    }

    /// The relations `request` selects, in selection order, without bundling them into links: what a chart of it
    /// would draw, for a histogram of the view or to see that a view is too large before bundling it (bundling a
    /// million relations costs seconds; this is one pass).
    public static func selectedRelations(_ graph: RelationGraph, _ request: ChartRequest) -> [RelationIndex] {
        ChartSelection(graph, request).relations
    }

    /// The same selection drawn with another profile (what a chart selects does not depend on its profile, so a
    /// caller that sizes the profile to the number of links need not select twice).
    public func drawn(with profile: DiagramProfile) -> LinkChart {
        var copy = self
        copy.request.profile = profile
        return copy
    }

    /// The chart as DOT.
    public var document: DOTDocument { ChartDrawing(self).document }
}

/// One drawn line: one relation, or a bundle of parallel relations between the same two actors.
public struct ChartLink: Hashable, Sendable {
    /// The link's ends as drawn: `tail` is the first-drawn end.
    public let tail: ActorIndex
    public let head: ActorIndex
    /// The bundled relations in time order (undated last), then graph order.
    public let relations: [RelationIndex]
    /// The (path number, hop number) places of this link on the chart's paths, both from 1.
    public let pathSteps: [PathStep]
    /// Relations a time filter kept only as possibly active.
    public let possiblyActive: Set<RelationIndex>
    public let faded: Bool

    public struct PathStep: Hashable, Sendable {
        public let path: Int
        public let hop: Int

        public init(path: Int, hop: Int) {
            self.path = path
            self.hop = hop
        }
    }
}

/// The actors and relations a request selects, with their roles.
struct ChartSelection {
    var actors: [ActorIndex] = []
    var relations: [RelationIndex] = []
    var fadedActors: Set<ActorIndex> = []
    var fadedRelations: Set<RelationIndex> = []
    var emphasizedActors: Set<ActorIndex> = []
    var possiblyActive: Set<RelationIndex> = []
    /// Per relation on a path: its (path, hop) places.
    var pathSteps: [RelationIndex: [ChartLink.PathStep]] = [:]
    /// Per path step: the actor the hop leaves and the one it reaches, so a path reads in its own direction.
    var hopEnds: [ChartLink.PathStep: (from: ActorIndex, to: ActorIndex)] = [:]
    var notes: [String] = []

    init(_ graph: RelationGraph, _ request: ChartRequest) {
        let named = request.focus + (request.paths?.paths.flatMap { [$0.actors.first, $0.actors.last] }.compactMap { $0 } ?? [])
        let view = FilteredGraph(graph, filter: request.filter, namedActors: named)
        if let paths = request.paths {
            selectPaths(graph, view, paths, request: request)
        } else if !request.focus.isEmpty {
            selectFocus(graph, view, request)
        } else {
            selectWhole(graph, view, request)
        }
    }

    /// Every admitted relation among admitted, unhidden actors; isolated actors only when nothing narrows.
    private mutating func selectWhole(_ graph: RelationGraph, _ view: FilteredGraph, _ request: ChartRequest) {
        let keepIsolated = request.filter == RelationFilter() && request.hidden.isEmpty && request.only == nil
        var touched = [Bool](repeating: false, count: graph.actorCount)
        for relation in graph.relationIndices {
            let source = graph.source(of: relation)
            let target = graph.target(of: relation)
            guard !request.leavesOut(source), !request.leavesOut(target), view.admits(source),
                view.admits(target), let match = view.match(relation)
            else { continue }
            add(relation, match: match)
            touched[source.position] = true
            touched[target.position] = true
        }
        actors = graph.actorIndices.filter { actor in
            touched[actor.position] || (keepIsolated && view.admits(actor))
        }
    }

    /// The focus actors' neighbourhood within `depth` steps, or only their own ties with `directOnly`.
    private mutating func selectFocus(_ graph: RelationGraph, _ view: FilteredGraph, _ request: ChartRequest) {
        let focus = Set(request.focus)
        var inside = [Bool](repeating: false, count: graph.actorCount)
        var members: [ActorIndex] = []
        for center in request.focus {
            if !inside[center.position] { members.append(center) }
            inside[center.position] = true
            for member in Neighborhood(view, center: center, depth: request.depth).members
            where !request.leavesOut(member.actor) && !inside[member.actor.position] {
                inside[member.actor.position] = true
                members.append(member.actor)
            }
        }
        // The relations among the actors inside, in graph order: each is an outgoing relation of its source, so
        // reading the inside actors' outgoing relations finds every one once without a pass over the whole graph.
        var among: [RelationIndex] = []
        for actor in members {
            for relation in graph.outgoingRelations(of: actor) where inside[graph.target(of: relation).position] {
                among.append(relation)
            }
        }
        among.sort()
        var touched = Set(request.focus)
        for relation in among {
            let source = graph.source(of: relation)
            let target = graph.target(of: relation)
            if request.directOnly && !focus.contains(source) && !focus.contains(target) { continue }
            guard let match = view.match(relation) else { continue }
            add(relation, match: match)
            touched.insert(source)
            touched.insert(target)
        }
        actors = touched.sorted()
        emphasizedActors = focus
    }

    /// The paths' relations, then `context` steps of faded neighbourhood around their actors, cut to the limit.
    private mutating func selectPaths(
        _ graph: RelationGraph, _ view: FilteredGraph, _ paths: ChartPaths, request: ChartRequest
    ) {
        var pathActors: [ActorIndex] = []
        for (pathNumber, path) in paths.paths.enumerated() {
            for actor in path.actors where !pathActors.contains(actor) { pathActors.append(actor) }
            for (hopNumber, hop) in path.hops.enumerated() where hopNumber + 1 < path.actors.count {
                let step = ChartLink.PathStep(path: pathNumber + 1, hop: hopNumber + 1)
                hopEnds[step] = (path.actors[hopNumber], path.actors[hopNumber + 1])
                for relation in hop {
                    if pathSteps[relation] == nil { add(relation, match: view.match(relation) ?? .definitely) }
                    pathSteps[relation, default: []].append(step)
                }
            }
        }
        emphasizedActors = Set(pathActors)
        var contextActors: [ActorIndex] = []
        if paths.context > 0 {
            var inside = Set(pathActors)
            for actor in pathActors {
                for member in Neighborhood(view, center: actor, depth: paths.context).members
                where !inside.contains(member.actor) && !request.leavesOut(member.actor) {
                    inside.insert(member.actor)
                    contextActors.append(member.actor)
                }
            }
            var context: [(RelationIndex, TimeMatch)] = []
            for relation in graph.relationIndices where pathSteps[relation] == nil {
                guard inside.contains(graph.source(of: relation)), inside.contains(graph.target(of: relation)),
                    let match = view.match(relation)
                else { continue }
                context.append((relation, match))
            }
            let room = max(0, request.contextLimit - relations.count)
            if context.count > room {
                notes.append("the paths' neighbourhood has \(context.count) relations; drawing the first \(room)")
                context = Array(context.prefix(room))
            }
            var kept = Set(pathActors)
            for (relation, match) in context {
                add(relation, match: match)
                fadedRelations.insert(relation)
                kept.insert(graph.source(of: relation))
                kept.insert(graph.target(of: relation))
            }
            contextActors = contextActors.filter { kept.contains($0) }
        }
        fadedActors = Set(contextActors)
        actors = pathActors + contextActors.sorted()
    }

    private mutating func add(_ relation: RelationIndex, match: TimeMatch) {
        relations.append(relation)
        if match == .possibly { possiblyActive.insert(relation) }
    }
}
