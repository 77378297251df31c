import CGraphviz

/// Renders DOT text with the Graphviz C library, in this process.
///
/// Ownership: every C handle (context, graph, layout, output buffer) lives in one locked call
/// and is freed by a `defer` placed right after it is acquired, so frees run in reverse order on
/// every path and always under the lock. Owner classes with `deinit` (GRDB's `Statement`) were
/// not used because a `deinit` may run after the lock is released. The handles are
/// `UnsafeMutablePointer`s, which are not `Sendable`, so none can leave the locked call.
///
/// Calls are serialised by a process-wide lock, so the renderer can be shared freely, but
/// renders never run in parallel. Each render uses a fresh Graphviz context, so nothing one
/// render leaves behind in the context can change the bytes of the next.
///
/// Graphviz 2.42/2.43 crashes on some small inputs (for example `concentrate=true` with parallel
/// edges). Render untrusted or user-shaped DOT with `IsolatedRenderer`, which runs this renderer
/// in a child process; use this type directly for DOT you generated and know to be safe.
public struct GraphvizRenderer: Sendable {
    /// Attributes that make Graphviz read files named in the input (`image`, `shapefile`) or
    /// choose the directories it reads from. ActorGraph never writes them, so DOT that declares
    /// them did not come from us and is refused rather than rendered.
    static let fileReadingAttributes = ["image", "shapefile", "imagepath", "fontpath"]

    public init() {}

    /// Lays out `dot` with `layout` and returns the output in `format`.
    ///
    /// - Throws: `GraphvizError` with the failing stage and Graphviz's message. DOT containing
    ///   a NUL character, file-reading attributes or HTML labels with `<IMG>` is refused at the
    ///   parse stage.
    /// - Complexity: Graphviz's layout cost; `dot` is roughly quadratic in the edge count in
    ///   practice, and the lock makes concurrent callers wait their turn.
    public func render(dot: String, layout: GraphvizLayout, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        try render(dot: dot, layout: layout, format: format, willBegin: { _ in })
    }

    /// `render` with a hook called before each stage, so a worker can tell its parent which
    /// stage was running if Graphviz crashes.
    func render(
        dot: String,
        layout: GraphvizLayout,
        format: GraphvizFormat,
        willBegin: (GraphvizError.Stage) -> Void
    ) throws(GraphvizError) -> [UInt8] {
        try GraphvizLibrary.withLock { () throws(GraphvizError) -> [UInt8] in
            try renderLocked(dot: dot, layout: layout, format: format, willBegin: willBegin)
        }
    }

    /// The render itself. Must be called inside `GraphvizLibrary.withLock`.
    func renderLocked(
        dot: String,
        layout: GraphvizLayout,
        format: GraphvizFormat,
        willBegin: (GraphvizError.Stage) -> Void
    ) throws(GraphvizError) -> [UInt8] {
        willBegin(.parse)
        try Self.checkNoNUL(dot)
        let context = try GraphvizLibrary.step(.layout, fallbackMessage: "could not create a Graphviz context") {
            gvContext()
        }
        defer { gvFreeContext(context) }

        let graph = try Self.read(dot)
        defer { agclose(graph) }
        try Self.checkPolicy(graph)

        willBegin(.layout)
        _ = try GraphvizLibrary.step(.layout, fallbackMessage: "the \(layout.rawValue) layout failed") {
            gvLayout(context, graph, layout.rawValue) == 0 ? () : nil
        }
        // Only after a successful layout: gvFreeLayout after a failed gvLayout double-frees in
        // 2.42/2.43. Registered here, so it runs before agclose. A `dot` layout's rank lists are
        // repaired first: 2.42/2.43 leave one dangling after a labelled flat edge (see the shim).
        defer {
            if layout == .dot { _ = cgraphviz_repair_dot_rank_lists(graph) }
            gvFreeLayout(context, graph)
        }

        willBegin(.render)
        GraphvizLibrary.resetMessages()
        return try Self.renderData(context: context, graph: graph, format: format)
    }

    /// The only place that knows `gvRenderData`'s length parameter type: `unsigned int *` up to
    /// Graphviz 2.4x, `size_t *` in later releases.
    private static func renderData(
        context: OpaquePointer,
        graph: UnsafeMutablePointer<Agraph_t>,
        format: GraphvizFormat
    ) throws(GraphvizError) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.rawValue, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        let errorCount = agerrors()
        guard status == 0, errorCount == 0, let data else {
            let message = GraphvizLibrary.collectedMessages()
            throw GraphvizError(
                stage: .render,
                message: message.isEmpty ? "rendering to \(format.rawValue) failed" : message
            )
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// Parses DOT; the caller owns the graph and must `agclose` it. Must hold the lock.
    static func read(_ dot: String) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        try GraphvizLibrary.step(.parse, fallbackMessage: "the text contains no graph") {
            agmemread(dot)
        }
    }

    /// A Swift String can hold NUL, but C reads it as the end of the text: Graphviz would
    /// silently render only the part before it.
    static func checkNoNUL(_ dot: String) throws(GraphvizError) {
        if dot.utf8.contains(0) {
            throw GraphvizError(stage: .parse, message: "the DOT text contains a NUL character")
        }
    }

    /// Refuses graphs that would make Graphviz read files. Must hold the lock.
    static func checkPolicy(_ graph: UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) {
        for kind in [AGRAPH, AGNODE, AGEDGE] {
            for name in fileReadingAttributes where attributeSymbol(in: graph, kind: kind, name: name) != nil {
                throw GraphvizError(
                    stage: .parse,
                    message: "the DOT declares the '\(name)' attribute, which reads files; it is not rendered"
                )
            }
        }
        if GraphInspector.containsHTMLImage(graph) {
            throw GraphvizError(
                stage: .parse,
                message: "the DOT has an HTML label with <IMG>, which reads files; it is not rendered"
            )
        }
    }
}
