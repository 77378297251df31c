import CGraphviz
import Glibc

/// What Graphviz read from a DOT text: names and attribute values as libcgraph stores them.
///
/// Attribute values are the stored strings, before any layout-time processing: a label is the
/// escString with `\\`, `\n` and `\N` still spelled out, and only the DOT quoting (`\"`, and
/// backslash-newline) has been undone. Attributes equal to their declared default are left out.
public struct GraphvizGraphSummary: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var name: String
        public var attributes: [String: String]
    }

    public struct Edge: Sendable, Equatable {
        public var tail: String
        public var head: String
        public var attributes: [String: String]
    }

    public struct Subgraph: Sendable, Equatable {
        public var name: String
        /// Names of the nodes in the subgraph, its own subgraphs' nodes included.
        public var nodeNames: [String]
        public var attributes: [String: String]
        public var subgraphs: [Subgraph]
    }

    public var name: String
    public var isDirected: Bool
    public var isStrict: Bool
    public var attributes: [String: String]
    /// In creation order.
    public var nodes: [Node]
    /// Grouped by tail in node order, then in creation order.
    public var edges: [Edge]
    public var subgraphs: [Subgraph]
}

extension GraphvizRenderer {
    /// Parses `dot` with libcgraph, without layout, and reports what it read.
    ///
    /// Parsing does not run the layout engines that crash on hostile input, so this is safe to
    /// call in process. Useful to check that generated DOT reads back as intended.
    ///
    /// - Throws: `GraphvizError` with stage `.parse` and Graphviz's message.
    /// - Complexity: O(n + e) plus the parse.
    public func parse(dot: String) throws(GraphvizError) -> GraphvizGraphSummary {
        try Self.checkNoNUL(dot)
        return try GraphvizLibrary.withLock { () throws(GraphvizError) -> GraphvizGraphSummary in
            let graph = try Self.read(dot)
            defer { agclose(graph) }
            return GraphInspector.summary(of: graph)
        }
    }
}

/// Reads a parsed graph into Swift values. Every function must be called with the lock held.
enum GraphInspector {
    static func summary(of graph: UnsafeMutablePointer<Agraph_t>) -> GraphvizGraphSummary {
        var nodes: [GraphvizGraphSummary.Node] = []
        var edges: [GraphvizGraphSummary.Edge] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(.init(name: name(of: current), attributes: attributes(of: current, kind: AGNODE, in: graph)))
            var edge = agfstout(graph, current)
            while let currentEdge = edge {
                edges.append(
                    .init(
                        tail: cgraphviz_edge_tail(currentEdge).map(name(of:)) ?? "",
                        head: cgraphviz_edge_head(currentEdge).map(name(of:)) ?? "",
                        attributes: attributes(of: currentEdge, kind: AGEDGE, in: graph)
                    )
                )
                edge = agnxtout(graph, currentEdge)
            }
            node = agnxtnode(graph, current)
        }
        return GraphvizGraphSummary(
            name: name(of: graph),
            isDirected: agisdirected(graph) != 0,
            isStrict: agisstrict(graph) != 0,
            attributes: attributes(of: graph, kind: AGRAPH, in: graph, isRoot: true),
            nodes: nodes,
            edges: edges,
            subgraphs: subgraphs(of: graph, root: graph)
        )
    }

    private static func subgraphs(
        of graph: UnsafeMutablePointer<Agraph_t>,
        root: UnsafeMutablePointer<Agraph_t>
    ) -> [GraphvizGraphSummary.Subgraph] {
        var result: [GraphvizGraphSummary.Subgraph] = []
        var subgraph = agfstsubg(graph)
        while let current = subgraph {
            var nodeNames: [String] = []
            var node = agfstnode(current)
            while let currentNode = node {
                nodeNames.append(name(of: currentNode))
                node = agnxtnode(current, currentNode)
            }
            result.append(
                .init(
                    name: name(of: current),
                    nodeNames: nodeNames,
                    attributes: attributes(of: current, kind: AGRAPH, in: root),
                    subgraphs: subgraphs(of: current, root: root)
                )
            )
            subgraph = agnxtsubg(current)
        }
        return result
    }

    /// Whether any label in the graph is an HTML label containing an `<IMG>` element.
    static func containsHTMLImage(_ graph: UnsafeMutablePointer<Agraph_t>) -> Bool {
        let labelNames = ["label", "xlabel", "headlabel", "taillabel"]
        func check(_ object: UnsafeMutableRawPointer, kind: Int32) -> Bool {
            for name in labelNames {
                guard let symbol = attributeSymbol(in: graph, kind: kind, name: name),
                    let value = agxget(object, symbol),
                    aghtmlstr(value) != 0
                else { continue }
                if String(cString: value).lowercased().contains("<img") { return true }
            }
            return false
        }
        func checkGraph(_ subgraph: UnsafeMutablePointer<Agraph_t>) -> Bool {
            if check(UnsafeMutableRawPointer(subgraph), kind: AGRAPH) { return true }
            var child = agfstsubg(subgraph)
            while let current = child {
                if checkGraph(current) { return true }
                child = agnxtsubg(current)
            }
            return false
        }
        if checkGraph(graph) { return true }
        var node = agfstnode(graph)
        while let current = node {
            if check(UnsafeMutableRawPointer(current), kind: AGNODE) { return true }
            var edge = agfstout(graph, current)
            while let currentEdge = edge {
                if check(UnsafeMutableRawPointer(currentEdge), kind: AGEDGE) { return true }
                edge = agnxtout(graph, currentEdge)
            }
            node = agnxtnode(graph, current)
        }
        return false
    }

    private static func name<Object>(of object: UnsafeMutablePointer<Object>) -> String {
        agnameof(UnsafeMutableRawPointer(object)).map { String(cString: $0) } ?? ""
    }

    /// Attributes of `object` whose value differs from the declared default. On the root graph,
    /// `graph [a=b]` sets the default itself, so there every non-empty value counts.
    private static func attributes<Object>(
        of object: UnsafeMutablePointer<Object>,
        kind: Int32,
        in root: UnsafeMutablePointer<Agraph_t>,
        isRoot: Bool = false
    ) -> [String: String] {
        var result: [String: String] = [:]
        var symbol = agnxtattr(root, kind, nil)
        while let current = symbol {
            if let value = agxget(UnsafeMutableRawPointer(object), current), let key = current.pointee.name {
                let text = String(cString: value)
                let defaultText = isRoot ? "" : current.pointee.defval.map { String(cString: $0) } ?? ""
                if text != defaultText { result[String(cString: key)] = text }
            }
            symbol = agnxtattr(root, kind, current)
        }
        return result
    }
}
