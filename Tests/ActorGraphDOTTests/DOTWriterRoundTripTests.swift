import ActorGraphTestSupport
import Foundation
import FoundationXML
import Graphviz
import Testing

@testable import ActorGraphDOT

/// These tests read the writer's output back with Graphviz's own parser (libcgraph, in process)
/// and renderer, so "the escaping is right" is checked against Graphviz 2.43, not against us.

private let renderer = GraphvizRenderer()

/// What libcgraph's lexer stores for the inside of a quoted string: `\"` becomes `"`,
/// backslash-newline disappears, everything else (including `\\`) is kept as written.
private func dotLexerValue(_ quotedInside: String) -> String {
    var result = ""
    var scalars = quotedInside.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        guard scalar == "\\" else {
            result.unicodeScalars.append(scalar)
            continue
        }
        switch scalars.next() {
        case "\""?: result += "\""
        case "\\"?: result += "\\\\"
        case "\n"?: continue
        case let other?: result.unicodeScalars.append(contentsOf: ["\\", other])
        case nil: result += "\\"
        }
    }
    return result
}

/// What a person sees for a stored plain label: escString (`\\` → `\`, `\n` → line break) and
/// then entity decoding of `&amp;` (the only entity we write).
private func displayedText(_ stored: String) -> String {
    var result = ""
    var scalars = stored.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        guard scalar == "\\" else {
            result.unicodeScalars.append(scalar)
            continue
        }
        switch scalars.next() {
        case "\\"?: result += "\\"
        case "n"?: result += "\n"
        case let other?: result.unicodeScalars.append(contentsOf: ["\\", other])
        case nil: break
        }
    }
    return result.replacingOccurrences(of: "&amp;", with: "&")
}

/// What we intend a label to show: line breaks unified, XML-forbidden characters gone.
private func intendedText(_ text: String) -> String {
    var result = ""
    for character in text {
        if character.isNewline {
            result += "\n"
            continue
        }
        var kept = String.UnicodeScalarView()
        for scalar in character.unicodeScalars where scalar == "\t" || !DOTEscaping.isForbiddenInXML(scalar) {
            kept.append(scalar)
        }
        result += String(kept)
    }
    return result
}

private let fragments = [
    "\"", "\\", "{", "}", "<", ">", "&", "&amp;", "&lt;", "&#65;", "\n", "\r\n", "\t", " ", "[", "]", "=", ";",
    ",", "->", "--", "#", "//", "/*", "*/", "\\N", "\\G", "\\E", "\\L", "\\l", "\\r", "\\T", "\\H", "\\n", "\\\"",
    "node", "strict", "graph", "ж", "Талибан", "e\u{301}", "🇷🇺", "中文", "\u{1}", "\u{0}", "\u{FFFF}", "x", "1abc",
]

private func randomLabel(using generator: inout SeededRandom) -> String {
    let count = generator.int(0...12)
    return (0..<count).map { _ in generator.element(of: fragments) }.joined()
}

@Test func aDocumentReadsBackWithTheSameStructure() throws {
    let document = DOTDocument(
        name: "node",
        graphAttributes: [.rankdir(.leftToRight)],
        nodes: [
            DOTNode(DOTNodeID(0), [.label("strict")]), DOTNode(DOTNodeID(1), [.label("a\\")]),
            DOTNode(DOTNodeID(2), [.label("subgraph")]),
        ],
        edges: [
            DOTEdge(from: DOTNodeID(0), to: DOTNodeID(1), [.label("first")]),
            DOTEdge(from: DOTNodeID(0), to: DOTNodeID(1), [.label("parallel")]),
            DOTEdge(from: DOTNodeID(1), to: DOTNodeID(2)),
        ],
        clusters: [DOTCluster(index: 0, attributes: [.label("edge")], nodes: [DOTNodeID(0), DOTNodeID(2)])],
        sameRankGroups: [[DOTNodeID(1), DOTNodeID(2)]]
    )
    let summary = try renderer.parse(dot: document.text)
    #expect(summary.name == "node")
    #expect(summary.isDirected)
    #expect(!summary.isStrict)
    #expect(summary.attributes["rankdir"] == "LR")
    #expect(summary.nodes.map(\.name) == ["n0", "n1", "n2"])
    #expect(summary.nodes.map { $0.attributes["label"] } == ["strict", #"a\\"#, "subgraph"])
    #expect(summary.edges.map { "\($0.tail)->\($0.head)" } == ["n0->n1", "n0->n1", "n1->n2"])
    #expect(summary.edges.map { $0.attributes["label"] ?? "" } == ["first", "parallel", ""])
    let cluster = try #require(summary.subgraphs.first { $0.name == "cluster_0" })
    #expect(cluster.nodeNames == ["n0", "n2"])
    #expect(cluster.attributes["label"] == "edge")
    let rankGroup = try #require(summary.subgraphs.first { $0.attributes["rank"] == "same" })
    #expect(rankGroup.nodeNames == ["n1", "n2"])
}

@Test func everyLayoutRendersTheWritersOutput() throws {
    let document = DOTDocument(
        graphAttributes: [.splines(.curved), .overlap(.remove), .nodesep(0.3)],
        nodeDefaults: [.shape(.box), .style([.rounded, .filled]), .fillcolor(.named("lightyellow"))],
        nodes: (0..<5).map { DOTNode(DOTNodeID($0), [.label("Actor \($0)"), .tooltip("t \($0)")]) },
        edges: (0..<4).map { DOTEdge(from: DOTNodeID($0), to: DOTNodeID($0 + 1), [.weight(3), .minlen(1)]) },
        clusters: [DOTCluster(index: 0, attributes: [.label("C")], nodes: [DOTNodeID(0), DOTNodeID(1)])]
    )
    for layout in GraphvizLayout.allCases {
        let svg = try renderer.render(dot: document.text, layout: layout, format: .svg)
        #expect(!svg.isEmpty)
    }
}

/// 500 seeded labels of quotes, backslashes, braces, entities, line breaks, escString sequences
/// and non-ASCII: libcgraph must store exactly what the lexer model predicts for our escaped text,
/// and that stored escString must show as the text we meant.
@Test func fuzzedLabelsRoundTripThroughLibcgraph() throws {
    var generator = SeededRandom(seed: 20_240_601)
    let labels = (0..<500).map { _ in randomLabel(using: &generator) }
    let document = DOTDocument(
        nodes: labels.indices.map { DOTNode(DOTNodeID($0), [.label(labels[$0]), .tooltip(labels[$0])]) },
        edges: labels.indices.dropFirst().map {
            DOTEdge(from: DOTNodeID($0 - 1), to: DOTNodeID($0), [.label(labels[$0])])
        }
    )
    let summary = try renderer.parse(dot: document.text)
    #expect(summary.nodes.count == labels.count)
    #expect(summary.edges.count == labels.count - 1)
    for (index, label) in labels.enumerated() {
        let escaped = DOTEscaping.escapedText(label)
        let node = summary.nodes[index]
        #expect(node.name == "n\(index)")
        // Empty values equal the declared default ("") and so are not reported.
        #expect((node.attributes["label"] ?? "") == dotLexerValue(escaped), "label \(index): \(label.debugDescription)")
        #expect((node.attributes["tooltip"] ?? "") == dotLexerValue(escaped))
        #expect(displayedText(node.attributes["label"] ?? "") == intendedText(label), "label \(index)")
        if index > 0 {
            #expect((summary.edges[index - 1].attributes["label"] ?? "") == dotLexerValue(escaped))
        }
    }
}

/// The same labels, rendered: the SVG must parse, and each node's text lines must be the label's
/// lines (Graphviz drops empty lines and writes repeated spaces as no-break spaces).
@Test func fuzzedLabelsShowLiterallyInSVG() throws {
    var generator = SeededRandom(seed: 7)
    let labels = (0..<60).map { _ in randomLabel(using: &generator) }
    let document = DOTDocument(
        nodes: labels.indices.map { DOTNode(DOTNodeID($0), [.id("node-\($0)"), .label(labels[$0])]) }
    )
    let svg = try renderer.render(dot: document.text, layout: .dot, format: .svg)
    let root = try #require(try XMLDocument(data: Data(svg)).rootElement())
    var linesByNode: [String: [String]] = [:]
    func collect(_ element: XMLElement, node: String?) {
        let id = (element.attributes ?? []).first { $0.name == "id" }?.stringValue
        let current = id?.hasPrefix("node-") == true ? id : node
        if element.name == "text", let current {
            let line = (element.stringValue ?? "").replacingOccurrences(of: "\u{A0}", with: " ")
            linesByNode[current, default: []].append(line)
        }
        for child in element.children ?? [] {
            if let child = child as? XMLElement { collect(child, node: current) }
        }
    }
    collect(root, node: nil)
    for (index, label) in labels.enumerated() {
        let expected = intendedText(label).split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0) }
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        let shown = (linesByNode["node-\(index)"] ?? []).filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        #expect(shown == expected, "label \(index): \(label.debugDescription)")
    }
}

@Test func cappedStringsParseWhereverTheyFall() throws {
    let long = String(repeating: "Талибан & \"x\" \\", count: 2_000)
    let document = DOTDocument(
        name: long,
        nodes: (0..<40).map { DOTNode(DOTNodeID($0), [.label(long), .tooltip(long), .id("\($0)" + long)]) },
        edges: (1..<40).map { DOTEdge(from: DOTNodeID($0 - 1), to: DOTNodeID($0), [.label(long)]) },
        clusters: [DOTCluster(index: 0, attributes: [.label(long)], nodes: [DOTNodeID(0)])]
    )
    let summary = try renderer.parse(dot: document.text)
    #expect(summary.nodes.count == 40)
    #expect(summary.nodes.allSatisfy { ($0.attributes["label"] ?? "").hasSuffix("…") })
}
