import ActorGraph
import ActorGraphDOT
import Dispatch
import Graphviz
import Synchronization
import HTTPTypes

/// Draws a view as SVG: the DOT of ``GraphDiagram`` with the explorer's ids and classes, laid out by the isolated
/// Graphviz worker; renders wait in a bounded queue, each under a deadline, and a worker crash is an error, not a
/// dead server.
public final class ChartRenderer: Sendable {
    public struct Limits: Sendable {
        /// Renders running at once (each is a worker process).
        public var concurrent: Int
        /// Renders waiting beyond those; more are refused with 503.
        public var waiting: Int
        /// Wall-clock limit of one render's worker.
        public var deadline: Duration
        /// The most relations a chart draws (Graphviz `dot` with labels, as `render`'s budget).
        public var relations: Int

        public init(concurrent: Int = 2, waiting: Int = 16, deadline: Duration = .seconds(10), relations: Int = 600) {
            self.concurrent = concurrent
            self.waiting = waiting
            self.deadline = deadline
            self.relations = relations
        }
    }

    let worker: (executable: String, arguments: [String])
    let limits: Limits
    private let state = Mutex<(running: Int, waiting: [CheckedContinuation<Bool, Never>])>((0, []))

    public init(workerExecutable: String, workerArguments: [String], limits: Limits = Limits()) {
        self.worker = (workerExecutable, workerArguments)
        self.limits = limits
    }

    /// The DOT for `view`: actors as `actor-<id>` with `actor kind-<kind>`, links as `link-<n>` with
    /// `link category-<c> status-<s>` (and `possibly`, `path`), bundles labelled with their count and dates.
    static func document(_ view: ExplorerView, graph: RelationGraph, labels: Bool) -> DOTDocument {
        let representatives = view.links.map { $0.relations[0] }
        let highlighted = Set(view.links.filter { $0.hop != nil || view.onPath.contains($0.relations[0]) }.map { $0.relations[0] })
        let selection = DiagramSelection(
            actors: view.actors, relations: representatives, highlighted: highlighted,
            possiblyActive: Set(view.links.filter(\.possibly).map { $0.relations[0] }))
        let profile: DiagramProfile = view.links.count <= 150 ? .comfortable : .degraded
        var document = GraphDiagram.document(graph, selection, options: DiagramOptions(labels: labels, profile: profile))
        for position in document.nodes.indices where position < view.actors.count {
            let actor = graph[view.actors[position]]
            var classes = "actor kind-\(actor.kind.rawValue)"
            if view.focus.contains(view.actors[position]) { classes += " focus" }
            document.nodes[position].attributes.set(.class(classes))
        }
        for (position, link) in view.links.enumerated() where position < document.edges.count {
            var classes = "link category-\(ExplorerView.category(link, graph)) status-\(ExplorerView.status(link, graph))"
            if link.possibly { classes += " possibly" }
            if let hop = link.hop { classes += " path hop-\(hop)" }
            document.edges[position].attributes.set(.id(link.svgID))
            document.edges[position].attributes.set(.class(classes))
            if link.relations.count > 1 {
                let (first, last) = ExplorerView.dateRange(link.relations, graph)
                let range = [first, last].compactMap { $0.map { String($0.prefix(4)) } }
                let dates = range.isEmpty ? "" : " " + (range.first == range.last ? range[0] : range.joined(separator: "–"))
                let text = "\(link.relations.count) relations\(dates)"
                document.edges[position].attributes.set(.tooltip(text))
                if labels { document.edges[position].attributes.set(.label(text)) }
            } else if let hop = link.hop, labels {
                let relation = link.relations[0]
                let date = graph.date(of: relation)?.description ?? "undated"
                document.edges[position].attributes.set(.label("\(hop). \(graph.type(of: relation).label) (\(date))"))
            }
        }
        return document
    }

    /// Renders `dot` (SVG unless `format` says otherwise), after waiting for a free worker slot.
    ///
    /// - Throws: ``APIError`` 503 when the queue is full, 502 when the worker fails (crash, deadline, Graphviz error).
    func render(_ dot: String, format: GraphvizFormat = .svg) async throws(APIError) -> [UInt8] {
        try await acquire()
        defer { release() }
        let renderer = IsolatedRenderer(
            workerExecutable: worker.executable, workerArguments: worker.arguments, timeout: limits.deadline,
            addressSpaceLimitBytes: 2 << 30, cpuSeconds: max(1, Int(limits.deadline.components.seconds) + 1),
            outputLimitBytes: 64 << 20)
        let result: Result<[UInt8], GraphvizError> = await withCheckedContinuation { continuation in
            // The worker call blocks its thread until the child exits: keep it off the server's event loops.
            DispatchQueue.global().async {
                do throws(GraphvizError) {
                    continuation.resume(returning: .success(try renderer.render(dot: dot, layout: .dot, format: format)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .success(let bytes): return bytes
        case .failure(let error): throw APIError(.badGateway, "the chart could not be drawn: " + error.message)
        }
    }

    private func acquire() async throws(APIError) {
        let admitted: Bool = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let decision = state.withLock { state -> Bool? in
                if state.running < limits.concurrent {
                    state.running += 1
                    return true
                }
                guard state.waiting.count < limits.waiting else { return false }
                state.waiting.append(continuation)
                return nil
            }
            if let decision { continuation.resume(returning: decision) }
        }
        guard admitted else {
            throw APIError(
                .serviceUnavailable,
                "\(limits.concurrent + limits.waiting) charts are being drawn or waiting; try again in a moment")
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()  // the slot passes to the next waiter
        }
        next?.resume(returning: true)
    }
}
