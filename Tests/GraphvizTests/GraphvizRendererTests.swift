import Foundation
import FoundationXML
import Testing

@testable import Graphviz

private let renderer = GraphvizRenderer()

private let threeNodes = """
    digraph "G" {
        "n0" [label="Alpha"];
        "n1" [label="Beta"];
        "n2" [label="Gamma & Co"];
        "n0" -> "n1";
        "n1" -> "n2";
    }
    """

private let otherGraph = """
    graph "H" {
        "x" -- "y"; "y" -- "z"; "z" -- "x"; "z" -- "w";
    }
    """

/// Elements named `name` whose `class` attribute is `className`, anywhere below `element`.
private func elements(named name: String, className: String, in element: XMLElement) -> [XMLElement] {
    var found: [XMLElement] = []
    for child in element.children ?? [] {
        guard let child = child as? XMLElement else { continue }
        // `attribute(forName:)` finds nothing in a document with a default namespace (as SVG has)
        // in swift-corelibs-foundation, so the attributes are searched directly.
        let classes = (child.attributes ?? []).filter { $0.name == "class" }.compactMap(\.stringValue)
        if child.name == name, classes == [className] {
            found.append(child)
        }
        found += elements(named: name, className: className, in: child)
    }
    return found
}

@Test func svgParsesAsXMLWithOneGroupPerNode() throws {
    let bytes = try renderer.render(dot: threeNodes, layout: .dot, format: .svg)
    let document = try XMLDocument(data: Data(bytes))
    let root = try #require(document.rootElement())
    #expect(root.name == "svg")
    let nodes = elements(named: "g", className: "node", in: root)
    #expect(nodes.count == 3)
    #expect(elements(named: "g", className: "edge", in: root).count == 2)
    // The ampersand in the label arrives as text, escaped once by the SVG writer.
    #expect(root.stringValue?.contains("Gamma & Co") == true)
}

@Test func pngStartsWithThePNGSignature() throws {
    let bytes = try renderer.render(dot: threeNodes, layout: .dot, format: .png)
    #expect(bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
}

@Test func pdfStartsWithThePDFHeader() throws {
    let bytes = try renderer.render(dot: threeNodes, layout: .dot, format: .pdf)
    #expect(bytes.starts(with: Array("%PDF-".utf8)))
}

@Test func jsonHasTheNodesAndEdges() throws {
    let bytes = try renderer.render(dot: threeNodes, layout: .dot, format: .json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect((object["objects"] as? [Any])?.count == 3)
    #expect((object["edges"] as? [Any])?.count == 2)
}

@Test(arguments: GraphvizLayout.allCases)
func everyLayoutRendersSVG(layout: GraphvizLayout) throws {
    let bytes = try renderer.render(dot: threeNodes, layout: layout, format: .svg)
    #expect(String(decoding: bytes, as: UTF8.self).contains("</svg>"))
}

@Test func syntaxErrorIsAParseErrorWithGraphvizsMessage() {
    #expect {
        try renderer.render(dot: "digraph { a -> }", layout: .dot, format: .svg)
    } throws: { error in
        guard let error = error as? GraphvizError else { return false }
        return error.stage == .parse && error.cause == .graphviz && error.message.contains("syntax error")
            && error.description.hasPrefix("Graphviz could not read the DOT: ")
    }
}

@Test func aFailureDoesNotPoisonTheNextRender() throws {
    #expect(throws: GraphvizError.self) {
        try renderer.render(dot: "digraph { \"a\\\" -> b }", layout: .dot, format: .svg)
    }
    let bytes = try renderer.render(dot: threeNodes, layout: .dot, format: .svg)
    #expect(!bytes.isEmpty)
}

@Test func emptyTextIsAParseError() {
    #expect {
        try renderer.render(dot: "  \n", layout: .dot, format: .svg)
    } throws: { ($0 as? GraphvizError)?.stage == .parse }
}

@Test func textWithNULIsRefused() {
    #expect {
        try renderer.render(dot: "digraph { a }\u{0}digraph { b }", layout: .dot, format: .svg)
    } throws: { ($0 as? GraphvizError)?.message.contains("NUL") == true }
}

@Test(arguments: [
    #"digraph { a [image="/etc/passwd"] }"#,
    #"digraph { node [shapefile="/etc/passwd"]; a }"#,
    #"digraph { imagepath="/etc"; a }"#,
    #"digraph { a [label=<<TABLE><TR><TD><IMG SRC="/etc/passwd"/></TD></TR></TABLE>>] }"#,
    #"digraph { a -> b [label=<<img src="x.png"/>>] }"#,
])
func fileReadingInputIsRefused(dot: String) {
    #expect {
        try renderer.render(dot: dot, layout: .dot, format: .svg)
    } throws: { error in
        guard let error = error as? GraphvizError else { return false }
        return error.stage == .parse && error.message.contains("reads files")
    }
}

@Test func htmlLabelsWithoutImagesStillRender() throws {
    let bytes = try renderer.render(dot: "digraph { a [label=<<B>bold</B>>] }", layout: .dot, format: .svg)
    #expect(String(decoding: bytes, as: UTF8.self).contains("bold"))
}

/// Graphviz 2.42/2.43 keeps some layout state in globals; a fresh context per render must keep
/// one render's leftovers out of the next one's bytes.
@Test(arguments: GraphvizLayout.allCases)
func renderingAThenBThenAGivesIdenticalBytes(layout: GraphvizLayout) throws {
    let first = try renderer.render(dot: threeNodes, layout: layout, format: .svg)
    for otherLayout in GraphvizLayout.allCases {
        _ = try renderer.render(dot: otherGraph, layout: otherLayout, format: .svg)
    }
    _ = try? renderer.render(dot: "digraph { a -> }", layout: layout, format: .svg)
    let again = try renderer.render(dot: threeNodes, layout: layout, format: .svg)
    #expect(first == again)
}

@Test func concurrentRendersMatchSerialOnes() async throws {
    let inputs = [threeNodes, otherGraph]
    let serial = try inputs.map { try renderer.render(dot: $0, layout: .neato, format: .svg) }
    let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
        for round in 0..<16 {
            group.addTask {
                let index = round % inputs.count
                return (index, try renderer.render(dot: inputs[index], layout: .neato, format: .svg))
            }
        }
        var results: [(Int, [UInt8])] = []
        for try await result in group { results.append(result) }
        return results
    }
    #expect(parallel.count == 16)
    for (index, bytes) in parallel {
        #expect(bytes == serial[index])
    }
}

@Test func parseReportsNodesEdgesAttributesAndClusters() throws {
    let summary = try renderer.parse(
        dot: """
            digraph "G" {
                graph [rankdir="LR"];
                subgraph "cluster_a" { label="Group"; "n0"; "n1" }
                "n0" [label="A\\\\B \\"q\\""];
                "n1";
                "n0" -> "n1" [label="e"];
                "n1" -> "n0";
            }
            """
    )
    #expect(summary.name == "G")
    #expect(summary.isDirected)
    #expect(!summary.isStrict)
    #expect(summary.attributes["rankdir"] == "LR")
    #expect(summary.nodes.map(\.name) == ["n0", "n1"])
    // Only the DOT quote escape is undone; the escString backslashes stay for the layout.
    #expect(summary.nodes[0].attributes["label"] == #"A\\B "q""#)
    #expect(summary.edges.map { "\($0.tail)->\($0.head)" } == ["n0->n1", "n1->n0"])
    #expect(summary.edges[0].attributes == ["label": "e"])
    #expect(summary.subgraphs.map(\.name) == ["cluster_a"])
    #expect(summary.subgraphs.first?.nodeNames == ["n0", "n1"])
    #expect(summary.subgraphs.first?.attributes["label"] == "Group")
}

@Test func parseErrorsCarryGraphvizsMessage() {
    #expect {
        try renderer.parse(dot: "digraph { node -> b }")
    } throws: { error in
        guard let error = error as? GraphvizError else { return false }
        return error.stage == .parse && error.message.contains("syntax error")
    }
}

/// Issue 12: labelled edges that end up on one rank, beside a cluster. Graphviz 2.42/2.43's `dot` reallocates
/// the rank's node list for the label nodes and then frees the old block again in `gvFreeLayout` ("double free
/// detected"); the `dot` program only survives because it never frees its last layout. Without the repair
/// before `gvFreeLayout` this test aborts the whole test process.
@Test(arguments: GraphvizFormat.allCases)
func labelledFlatEdgesBesideAClusterRenderInProcess(format: GraphvizFormat) throws {
    let dot = """
        digraph G {
            rankdir="LR";
            subgraph "cluster_2" { "n15"; }
            "n7" -> "n2" [label="a"];
            "n0" -> "n34" [label="b"];
            "n0" -> "n15" [label="c"];
            "n4" -> "n15" [label="d"];
            "n15" -> "n4" [label="e"];
            "n0" -> "n4" [label="f"];
            "n0" -> "n6" [label="g"];
        }
        """
    for _ in 0..<3 {
        let bytes = try GraphvizRenderer().render(dot: dot, layout: .dot, format: format)
        #expect(!bytes.isEmpty)
    }
}
