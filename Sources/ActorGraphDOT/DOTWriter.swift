/// A node id in a DOT document: `n0`, `n1`, … from an index the caller assigns.
///
/// Ids are generated, never taken from names: a bare `1abc` splits into two nodes and keywords
/// such as `node` are syntax errors, while names belong in quoted labels.
public struct DOTNodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int

    public init(_ index: Int) { self.index = index }

    public var description: String { "n\(index)" }

    public static func < (left: Self, right: Self) -> Bool { left.index < right.index }
}

public struct DOTNode: Sendable, Hashable {
    public var id: DOTNodeID
    public var attributes: DOTAttributes

    public init(_ id: DOTNodeID, _ attributes: DOTAttributes = []) {
        self.id = id
        self.attributes = attributes
    }
}

public struct DOTEdge: Sendable, Hashable {
    public var tail: DOTNodeID
    public var head: DOTNodeID
    public var attributes: DOTAttributes

    public init(from tail: DOTNodeID, to head: DOTNodeID, _ attributes: DOTAttributes = []) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// A cluster: a box around nodes, drawn by the `dot` and `fdp` layouts. Written as
/// `subgraph "cluster_<index>"`; its title goes in a `.label` attribute.
public struct DOTCluster: Sendable, Hashable {
    public var index: Int
    public var attributes: DOTAttributes
    public var nodes: [DOTNodeID]
    /// Nested clusters; Graphviz needs clusters to form a strict hierarchy.
    public var clusters: [DOTCluster]

    public init(index: Int, attributes: DOTAttributes = [], nodes: [DOTNodeID], clusters: [DOTCluster] = []) {
        self.index = index
        self.attributes = attributes
        self.nodes = nodes
        self.clusters = clusters
    }
}

/// A DOT graph, written deterministically.
///
/// Everything is quoted and escaped, attributes come in a fixed order, and the graph is never
/// `strict` (strict merges parallel edges and overwrites their attributes), so equal documents
/// give byte-identical text.
public struct DOTDocument: Sendable, Hashable {
    /// The graph's name, written quoted: it shows as the SVG title.
    public var name: String
    public var isDirected: Bool
    public var graphAttributes: DOTAttributes
    public var nodeDefaults: DOTAttributes
    public var edgeDefaults: DOTAttributes
    /// Written in this order, before clusters and edges, so each node's attributes are set once.
    public var nodes: [DOTNode]
    /// Written in this order, after everything else.
    public var edges: [DOTEdge]
    public var clusters: [DOTCluster]
    /// Groups of nodes kept on one rank by the `dot` layout (`rank=same`).
    public var sameRankGroups: [[DOTNodeID]]

    public init(
        name: String = "G",
        isDirected: Bool = true,
        graphAttributes: DOTAttributes = [],
        nodeDefaults: DOTAttributes = [],
        edgeDefaults: DOTAttributes = [],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        clusters: [DOTCluster] = [],
        sameRankGroups: [[DOTNodeID]] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.sameRankGroups = sameRankGroups
    }

    /// Streams the DOT text into `output`.
    ///
    /// - Complexity: O(size of the document), plus sorting each element's few attributes.
    public func write(to output: inout some TextOutputStream) {
        output.write(isDirected ? "digraph " : "graph ")
        output.write(Self.quoted(DOTEscaping.escapedText(name)))
        output.write(" {\n")
        writeDefaults("graph", graphAttributes, to: &output)
        writeDefaults("node", nodeDefaults, to: &output)
        writeDefaults("edge", edgeDefaults, to: &output)
        for node in nodes {
            output.write("    ")
            output.write(Self.quoted(node.id))
            Self.writeList(node.attributes, to: &output)
            output.write(";\n")
        }
        for cluster in clusters {
            Self.write(cluster, depth: 1, to: &output)
        }
        for group in sameRankGroups where !group.isEmpty {
            output.write("    { rank=\"same\";")
            for id in group {
                output.write(" ")
                output.write(Self.quoted(id))
                output.write(";")
            }
            output.write(" }\n")
        }
        let connector = isDirected ? " -> " : " -- "
        for edge in edges {
            output.write("    ")
            output.write(Self.quoted(edge.tail))
            output.write(connector)
            output.write(Self.quoted(edge.head))
            Self.writeList(edge.attributes, to: &output)
            output.write(";\n")
        }
        output.write("}\n")
    }

    /// The whole document as DOT text.
    public var text: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func writeDefaults(_ keyword: String, _ attributes: DOTAttributes, to output: inout some TextOutputStream) {
        guard !attributes.isEmpty else { return }
        output.write("    ")
        output.write(keyword)
        Self.writeList(attributes, to: &output)
        output.write(";\n")
    }

    private static func write(_ cluster: DOTCluster, depth: Int, to output: inout some TextOutputStream) {
        let indent = String(repeating: "    ", count: depth)
        output.write(indent)
        output.write("subgraph \"cluster_\(cluster.index)\" {\n")
        if !cluster.attributes.isEmpty {
            output.write(indent)
            output.write("    graph")
            writeList(cluster.attributes, to: &output)
            output.write(";\n")
        }
        for child in cluster.clusters {
            write(child, depth: depth + 1, to: &output)
        }
        for id in cluster.nodes {
            output.write(indent)
            output.write("    ")
            output.write(quoted(id))
            output.write(";\n")
        }
        output.write(indent)
        output.write("}\n")
    }

    /// ` [a="x", b="y"]`, or nothing when no attribute has a value to write.
    private static func writeList(_ attributes: DOTAttributes, to output: inout some TextOutputStream) {
        var first = true
        for attribute in attributes.ordered {
            guard let value = attribute.escapedValue else { continue }
            output.write(first ? " [" : ", ")
            first = false
            output.write(attribute.name.rawValue)
            output.write("=")
            if case .tableLabel = attribute {
                output.write("<\(value)>")
            } else {
                output.write(quoted(value))
            }
        }
        if !first { output.write("]") }
    }

    private static func quoted(_ id: DOTNodeID) -> String { "\"\(id)\"" }

    private static func quoted(_ escaped: String) -> String { "\"\(escaped)\"" }
}
