import Testing

@testable import ActorGraphDOT

private func node(_ index: Int, _ attributes: DOTAttributes = []) -> DOTNode {
    DOTNode(DOTNodeID(index), attributes)
}

/// The line the writer produces for one node with `attributes`.
private func nodeLine(_ attributes: DOTAttributes) -> String {
    let text = DOTDocument(nodes: [node(0, attributes)]).text
    return String(text.split(separator: "\n")[1])
}

private func labelLine(_ label: String) -> String { nodeLine([.label(label)]) }

@Test func writesASmallDocumentExactly() {
    let document = DOTDocument(
        name: "G",
        graphAttributes: [.splines(.curved), .rankdir(.leftToRight)],
        nodeDefaults: [.fontname("Helvetica"), .shape(.box)],
        edgeDefaults: [.color(.rgb(red: 0x33, green: 0x66, blue: 0x99))],
        nodes: [node(0, [.tooltip("Russian Federation"), .label("Россия")]), node(1, [.label("Taliban")])],
        edges: [DOTEdge(from: DOTNodeID(0), to: DOTNodeID(1), [.weight(5), .label("supports")])],
        clusters: [DOTCluster(index: 0, attributes: [.label("States")], nodes: [DOTNodeID(0)])],
        sameRankGroups: [[DOTNodeID(0), DOTNodeID(1)]]
    )
    #expect(
        document.text == """
            digraph "G" {
                graph [rankdir="LR", splines="curved"];
                node [shape="box", fontname="Helvetica"];
                edge [color="#336699"];
                "n0" [label="Россия", tooltip="Russian Federation"];
                "n1" [label="Taliban"];
                subgraph "cluster_0" {
                    graph [label="States"];
                    "n0";
                }
                { rank="same"; "n0"; "n1"; }
                "n0" -> "n1" [label="supports", weight="5"];
            }

            """
    )
}

@Test func writesAnEmptyDocument() {
    #expect(DOTDocument().text == "digraph \"G\" {\n}\n")
}

@Test func undirectedGraphsUseTheUndirectedEdgeOperator() {
    let document = DOTDocument(isDirected: false, edges: [DOTEdge(from: DOTNodeID(2), to: DOTNodeID(3))])
    #expect(document.text == "graph \"G\" {\n    \"n2\" -- \"n3\";\n}\n")
}

@Test func nestedClustersAreIndented() {
    let inner = DOTCluster(index: 1, nodes: [DOTNodeID(1)])
    let outer = DOTCluster(
        index: 0, attributes: [.style([.filled, .rounded])], nodes: [DOTNodeID(0)], clusters: [inner]
    )
    #expect(
        DOTDocument(clusters: [outer]).text == """
            digraph "G" {
                subgraph "cluster_0" {
                    graph [style="filled,rounded"];
                    subgraph "cluster_1" {
                        "n1";
                    }
                    "n0";
                }
            }

            """
    )
}

@Test func streamingGivesTheSameBytesAsText() {
    struct Chunks: TextOutputStream {
        var chunks: [String] = []
        mutating func write(_ string: String) { chunks.append(string) }
    }
    let document = DOTDocument(nodes: [node(0, [.label("a")])], edges: [DOTEdge(from: DOTNodeID(0), to: DOTNodeID(0))])
    var stream = Chunks()
    document.write(to: &stream)
    #expect(stream.chunks.joined() == document.text)
    #expect(document.text == document.text)
}

@Test func attributesAreWrittenInDeclaredOrderWhateverTheInsertionOrder() {
    let forward: DOTAttributes = [.label("x"), .shape(.box), .fontsize(10), .color(.named("red"))]
    let backward: DOTAttributes = [.color(.named("red")), .fontsize(10), .shape(.box), .label("x")]
    #expect(nodeLine(forward) == nodeLine(backward))
    #expect(nodeLine(forward) == #"    "n0" [label="x", shape="box", color="red", fontsize="10"];"#)
}

@Test func aLaterAttributeReplacesAnEarlierOneOfTheSameName() {
    var attributes: DOTAttributes = [.label("first")]
    attributes.set(.label("second"))
    #expect(nodeLine(attributes) == #"    "n0" [label="second"];"#)
    attributes.remove(.label)
    #expect(nodeLine(attributes) == #"    "n0";"#)
}

@Test func nodeIDsAreGenerated() {
    #expect(DOTNodeID(0).description == "n0")
    #expect(DOTNodeID(42).description == "n42")
}

// MARK: - Escaping traps, one per test

@Test func aLabelEndingInABackslashKeepsItsClosingQuote() {
    #expect(labelLine(#"a\"#) == #"    "n0" [label="a\\"];"#)
}

@Test func quotesAreEscaped() {
    #expect(labelLine(#"say "hi""#) == #"    "n0" [label="say \"hi\""];"#)
}

@Test func backslashBeforeQuoteStaysTwoEscapes() {
    #expect(labelLine(#"\""#) == #"    "n0" [label="\\\""];"#)
}

@Test func lineBreaksBecomeEscStringNewlines() {
    #expect(labelLine("a\nb") == #"    "n0" [label="a\nb"];"#)
    #expect(labelLine("a\r\nb") == #"    "n0" [label="a\nb"];"#)
    #expect(labelLine("a\rb") == #"    "n0" [label="a\nb"];"#)
    #expect(labelLine("a\u{2028}b") == #"    "n0" [label="a\nb"];"#)
}

@Test(arguments: ["N", "G", "E", "L", "l", "r", "T", "H", "n"])
func escStringSequencesTypedByAUserStayLiteral(letter: String) {
    #expect(labelLine("\\" + letter) == "    \"n0\" [label=\"\\\\\(letter)\"];")
}

@Test func ampersandsAreWrittenAsEntitiesSoEntityTextSurvives() {
    #expect(labelLine("AT&T") == #"    "n0" [label="AT&amp;T"];"#)
    #expect(labelLine("&amp; &lt;b&gt;") == #"    "n0" [label="&amp;amp; &amp;lt;b&amp;gt;"];"#)
}

@Test func charactersXMLForbidsAreDropped() {
    #expect(labelLine("a\u{0}b\u{1}c\u{1B}d\u{FFFE}e\u{FFFF}f") == #"    "n0" [label="abcdef"];"#)
}

@Test func tabsAndOtherUnicodeAreKept() {
    #expect(labelLine("a\tб 🇷🇺 e\u{301}") == "    \"n0\" [label=\"a\tб 🇷🇺 e\u{301}\"];")
}

@Test func htmlLikeTextStaysAPlainQuotedLabel() {
    #expect(labelLine("<b>bold</b>") == #"    "n0" [label="<b>bold</b>"];"#)
}

@Test func textAtTheCapIsKeptWhole() {
    let text = String(repeating: "x", count: DOTEscaping.maximumQuotedBytes)
    #expect(DOTEscaping.escapedText(text) == text)
}

@Test func longTextIsCutWithAVisibleEllipsis() {
    let escaped = DOTEscaping.escapedText(String(repeating: "x", count: 20_000))
    #expect(escaped.utf8.count == DOTEscaping.maximumQuotedBytes)
    #expect(escaped.hasSuffix("…"))
    #expect(escaped.dropLast().allSatisfy { $0 == "x" })
}

@Test func theCutFallsOnACharacterBoundary() {
    let escaped = DOTEscaping.escapedText(String(repeating: "e\u{301}ж", count: 3_000))
    #expect(escaped.utf8.count <= DOTEscaping.maximumQuotedBytes)
    #expect(escaped.hasSuffix("…"))
    let body = escaped.dropLast()
    #expect(body.allSatisfy { $0 == "e\u{301}" || $0 == "ж" })
    #expect(body.unicodeScalars.first == "e")
}

@Test func theCutNeverSplitsAnEscape() {
    let escaped = DOTEscaping.escapedText(String(repeating: "\\", count: 10_000))
    let body = escaped.dropLast()
    #expect(escaped.hasSuffix("…"))
    #expect(body.count % 2 == 0)
    let ampersands = DOTEscaping.escapedText(String(repeating: "&", count: 10_000)).dropLast()
    #expect(ampersands.count % 5 == 0)
    #expect(ampersands.hasSuffix("&amp;"))
}

@Test func capsApplyToEveryQuotedString() {
    let long = String(repeating: "y", count: 50_000)
    let line = nodeLine([.label(long), .tooltip(long), .id(long)])
    #expect(line.utf8.count < 3 * DOTEscaping.maximumQuotedBytes + 100)
}

// MARK: - Keywords, names and strictness

@Test(arguments: ["node", "edge", "graph", "digraph", "subgraph", "strict", "NODE", "Strict"])
func keywordsStayQuoted(keyword: String) {
    let document = DOTDocument(name: keyword, nodes: [node(0, [.label(keyword), .id(keyword)])])
    #expect(document.text.hasPrefix("digraph \"\(keyword)\" {\n"))
    #expect(document.text.contains("[id=\"\(keyword)\", label=\"\(keyword)\"]"))
}

@Test func neverWritesStrict() {
    let document = DOTDocument(
        name: "strict",
        edges: [DOTEdge(from: DOTNodeID(0), to: DOTNodeID(1)), DOTEdge(from: DOTNodeID(0), to: DOTNodeID(1))]
    )
    #expect(document.text.hasPrefix("digraph "))
    #expect(!document.text.contains("strict digraph"))
    #expect(document.text.split(separator: "\n").filter { $0 == #"    "n0" -> "n1";"# }.count == 2)
}

@Test func graphNamesAreEscapedLikeText() {
    #expect(DOTDocument(name: #"A "B" \C"#).text.hasPrefix(#"digraph "A \"B\" \\C" {"#))
}

// MARK: - Typed values

@Test func weightIsClampedToWhatNetworkSimplexSurvives() {
    #expect(nodeLine([.weight(2_000_000_000)]).contains(#"weight="1000""#))
    #expect(nodeLine([.weight(-3)]).contains(#"weight="0""#))
}

@Test func numbersAreFormattedWithoutLocaleOrExponent() {
    #expect(DOTEscaping.number(12, clampedTo: 0...100) == "12")
    #expect(DOTEscaping.number(10.5, clampedTo: 0...100) == "10.5")
    #expect(DOTEscaping.number(0.125, clampedTo: 0...100) == "0.13")
    #expect(DOTEscaping.number(0.05, clampedTo: 0...100) == "0.05")
    #expect(DOTEscaping.number(-1.5, clampedTo: -10...10) == "-1.5")
    #expect(DOTEscaping.number(1e-9, clampedTo: 0...100) == "0")
    #expect(DOTEscaping.number(.infinity, clampedTo: 1...200) == "200")
    #expect(DOTEscaping.number(.nan, clampedTo: 1...200) == nil)
    #expect(nodeLine([.fontsize(.nan), .label("x")]) == #"    "n0" [label="x"];"#)
}

@Test func freeFormNonTextValuesAreRestrictedNotEscaped() {
    #expect(nodeLine([.class(#"actor "state" <x>\"#)]).contains(#"class="actor state x""#))
    #expect(nodeLine([.fontname(#"Helvetica Neue, Arial"\"#)]).contains(#"fontname="Helvetica Neue, Arial""#))
    #expect(nodeLine([.color(.named("Gray40\"; image=x"))]).contains(#"color="gray40imagex""#))
    #expect(nodeLine([.color(.named("\\"))]).contains(#"color="black""#))
    let translucent = DOTColor.rgba(red: 255, green: 0, blue: 10, alpha: 128)
    #expect(nodeLine([.fillcolor(translucent)]).contains(##"fillcolor="#ff000a80""##))
}

@Test func splinesNeverOfferOrtho() {
    #expect(DOTSplines.allCases.map(\.rawValue) == ["line", "polyline", "curved", "true", "false"])
}

@Test func dangerousAttributesCannotBeNamed() {
    let names = Set(DOTAttributeName.allCases.map(\.rawValue))
    for forbidden in ["concentrate", "newrank", "image", "shapefile", "URL", "href", "fontpath", "imagepath"] {
        #expect(!names.contains(forbidden))
    }
}
