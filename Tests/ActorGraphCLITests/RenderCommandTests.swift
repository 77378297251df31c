import ActorGraphTestSupport
import Foundation
import FoundationXML
import Graphviz
import Testing

/// A graph with a hostile name, for the end-to-end render tests.
private let renderGraph = """
    actors:
      - {id: russia, name: Russia, kind: state, description: A state.}
      - {id: taliban, name: "Taliban \\"Islamic Emirate\\"", kind: group}
      - {id: envoy, name: "Envoy \\\\ & <node>", kind: official, country: russia}
      - {id: usa, name: United States, kind: state}
    relations:
      - {id: meeting, from: russia, to: taliban, type: meets, date: 2021-08-17, sources: [{source: doc, lines: "1"}], note: Talks.}
      - {id: envoy-role, from: envoy, to: russia, type: represents, date: 2017/.., sources: [{source: doc, lines: "2"}], note: Envoy.}
      - {id: war, from: usa, to: taliban, type: fights, date: 2001/2021, sources: [{source: doc, lines: "3"}], note: War.}
    sources:
      - {id: doc, file: doc.txt, title: Doc, language: en, sha256: 0000000000000000000000000000000000000000000000000000000000000000, lines: 5, summary: Test.}
    """

private func withRenderGraph(_ body: (URL) throws -> Void) throws {
    try withGraph(renderGraph, named: "g.yaml", body)
}

private func nodeGroupCount(_ svg: Data) throws -> Int {
    let document = try XMLDocument(data: svg)
    return try document.nodes(forXPath: "//*[local-name()='g']").compactMap { $0 as? XMLElement }.filter { element in
        (element.attributes ?? []).contains { $0.name == "class" && ($0.stringValue ?? "").split(separator: " ").first == "node" }
    }.count
}

@Suite("render command")
struct RenderCommandTests {
    @Test func rendersSVGPNGAndPDFThroughTheWorker() throws {
        try withRenderGraph { folder in
            let svg = try runActorGraph(["render", "-o", "out.svg", "--legend"], in: folder)
            #expect(svg.status == 0, "\(svg.stderr)")
            let data = try Data(contentsOf: folder.appendingPathComponent("out.svg"))
            // Four actors; the legend is a table in the caption, no node of its own: its kinds and the three
            // categories drawn (diplomatic, conflict, role) are there, and the plain chart has none of them.
            #expect(try nodeGroupCount(data) == 4)
            let text = String(decoding: data, as: UTF8.self)
            for entry in ["> state (box)<", "> group (oval)<", "> official (note)<", "> diplomatic<", "> conflict<", "> role<"] {
                #expect(text.contains(entry), "legend entry \(entry)")
            }
            let plain = try runActorGraph(["render", "-o", "plain.svg"], in: folder)
            #expect(plain.status == 0)
            let plainData = try Data(contentsOf: folder.appendingPathComponent("plain.svg"))
            #expect(try nodeGroupCount(plainData) == 4)
            #expect(!String(decoding: plainData, as: UTF8.self).contains("> state (box)<"))
            let png = try runActorGraph(["render", "-o", "out.png"], in: folder)
            #expect(png.status == 0)
            let pngBytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("out.png")))
            #expect(Array(pngBytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let pdf = try runActorGraph(["render", "--format", "pdf", "-o", "out.pdf"], in: folder)
            #expect(pdf.status == 0)
            let pdfBytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("out.pdf")))
            #expect(Array(pdfBytes.prefix(5)) == Array("%PDF-".utf8))
        }
    }

    @Test func dotOutputIsDeterministicAndParses() throws {
        try withRenderGraph { folder in
            let first = try runActorGraph(["render", "--format", "dot", "--cluster-by", "country", "--legend"], in: folder)
            let second = try runActorGraph(["render", "--format", "dot", "--cluster-by", "country", "--legend"], in: folder)
            #expect(first.status == 0)
            #expect(first.stdoutBytes == second.stdoutBytes)
            #expect(first.stdout.hasPrefix("digraph \"ActorGraph\" {"))
            let summary = try GraphvizRenderer().parse(dot: first.stdout)
            // Three pairs, one link each: link-0 … link-2.
            #expect(summary.edges.compactMap { $0.attributes["id"] }.sorted() == ["link-0", "link-1", "link-2"])
        }
    }

    /// `export --format dot` is the rendering writer: libcgraph reads back every actor and relation.
    @Test func dotExportIsParsedByLibcgraph() throws {
        try withRenderGraph { folder in
            let result = try runActorGraph(["export", "--format", "dot", "-o", "graph.dot"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent("graph.dot")), as: UTF8.self)
            let summary = try GraphvizRenderer().parse(dot: text)
            #expect(summary.nodes.count == 4)
            #expect(summary.edges.count == 3)
            #expect(Set(summary.nodes.compactMap { $0.attributes["label"] }) == [
                "Russia", "Taliban \"Islamic Emirate\"", "Envoy \\\\ &amp; <node>", "United States",
            ])
            let filtered = try runActorGraph(["export", "--format", "dot", "--at", "2010"], in: folder)
            #expect(try GraphvizRenderer().parse(dot: filtered.stdout).edges.count == 1)
        }
    }

    @Test func selectionsNarrowTheDiagram() throws {
        try withRenderGraph { folder in
            let focus = try runActorGraph(["render", "--format", "dot", "--focus", "envoy", "--depth", "1"], in: folder)
            #expect(focus.status == 0)
            let focusSummary = try GraphvizRenderer().parse(dot: focus.stdout)
            #expect(focusSummary.nodes.count == 2)
            let at = try runActorGraph(["render", "--format", "dot", "--at", "2010-01-01"], in: folder)
            let atSummary = try GraphvizRenderer().parse(dot: at.stdout)
            // Only the war is active in 2010 (the envoy's role, 2017/.., has not begun).
            #expect(atSummary.edges.compactMap { $0.attributes["tooltip"] } == [
                "2001/2021 · United States —fights— Taliban \"Islamic Emirate\" · reported · Sources: doc L3"
            ])
            // The path alone, its hops numbered in order and drawn in the path's colour.
            let path = try runActorGraph(["render", "--format", "dot", "--path", "envoy", "usa"], in: folder)
            #expect(path.status == 0)
            let pathSummary = try GraphvizRenderer().parse(dot: path.stdout)
            #expect(pathSummary.edges.compactMap { $0.attributes["label"] } == [
                "1 · represents · 2017/..", "2 · meets · 2021-08-17", "3 · fights · 2001/2021",
            ])
            #expect(pathSummary.edges.allSatisfy { $0.attributes["class"]?.hasSuffix(" path") == true })
            let timeline = try runActorGraph(["render", "--format", "dot", "--timeline", "russia"], in: folder)
            #expect(timeline.status == 0)
            let timelineSummary = try GraphvizRenderer().parse(dot: timeline.stdout)
            #expect(timelineSummary.nodes.allSatisfy { $0.attributes["pos"]?.hasSuffix("!") == true })
        }
    }

    @Test func outputNamesAFormatOrIsRefused() throws {
        try withRenderGraph { folder in
            for name in ["x.jpg", "x.gif", "x", "x.svg.bak"] {
                let result = try runActorGraph(["render", "-o", name], in: folder)
                #expect(result.status == 64, "\(name)")
                #expect(
                    result.stderr.contains(
                        "cannot tell the format of '\(name)': name it .svg, .png, .pdf, .json, .dot, .gv, or give --format svg|png|pdf|json|dot"),
                    "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
            }
            let forced = try runActorGraph(["render", "--format", "svg", "-o", "chart"], in: folder)
            #expect(forced.status == 0)
            let upper = try runActorGraph(["render", "-o", "x.PNG"], in: folder)
            #expect(upper.status == 0)
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("x.PNG")))
            #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
    }

    @Test func badReferencesAndEmptyAnswersFailClearly() throws {
        try withRenderGraph { folder in
            let unknown = try runActorGraph(["render", "--focus", "nobody", "-o", "x.svg"], in: folder)
            #expect(unknown.status == 2)
            let noPath = try runActorGraph(["render", "--path", "envoy", "usa", "--types", "meets", "-o", "x.svg"], in: folder)
            #expect(noPath.status == 3)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.svg").path))
            let usage = try runActorGraph(["render", "--path", "envoy"], in: folder)
            #expect(usage.status == 64)
        }
    }

    @Test func aLayoutOverItsDeadlineWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Just inside the unlabelled dot budget (1,000 relations): about 6 s of layout on the reference machine,
        // so a one-second deadline stops it with a wide margin.
        let generate = try runActorGraph(
            ["generate", "--actors", "500", "--relations", "990", "--seed", "7", "--format", "yaml", "-o", "big.yaml"], in: folder)
        #expect(generate.status == 0, "\(generate.stderr)")
        let result = try runActorGraph(
            ["render", "--graph", "big.yaml", "--no-labels", "--timeout", "1", "-o", "big.svg"], in: folder)
        #expect(result.status == 4)
        #expect(result.stderr.contains("longer than"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.svg").path))
    }

    @Test func selectionsOverTheBudgetAreRefusedWithTheWayOut() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generate = try runActorGraph(
            ["generate", "--actors", "400", "--relations", "700", "--seed", "3", "--format", "yaml", "-o", "big.yaml"], in: folder)
        #expect(generate.status == 0, "\(generate.stderr)")
        let result = try runActorGraph(["render", "--graph", "big.yaml", "-o", "big.svg"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the chart has 697 links; the dot layout draws at most 600"))
        #expect(result.stderr.contains("--layout sfdp"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.svg").path))
    }

    /// The real worker fed a known crasher directly dies by a signal, and the isolated renderer reports it.
    @Test func theWorkerDiesOnAKnownCrasherAndTheParentSaysSo() throws {
        // A node in two clusters under newrank: Graphviz 2.43's dot layout dereferences a null pointer.
        let crasher = "digraph { newrank=true; subgraph cluster_a { x } subgraph cluster_b { x } x -> y }"
        let executable = productsDirectory.appendingPathComponent("actorgraph").path
        let renderer = IsolatedRenderer(workerExecutable: executable, workerArguments: ["render-worker"], timeout: .seconds(20))
        do {
            _ = try renderer.render(dot: crasher, layout: .dot, format: .svg)
            Issue.record("the crasher rendered; Graphviz may have been fixed — review the crasher list")
        } catch {
            guard case .crashed(let signal) = error.cause else {
                Issue.record("expected a crash, got \(error)")
                return
            }
            #expect(signal == SIGSEGV || signal == SIGABRT)
            #expect(error.description.contains("crashed"))
        }
        // After a failed layout the worker must not call gvFreeLayout (a double free): a clean error, no abort.
        let failing = "digraph { concentrate=true; a -> b; a -> b; b -> a; a -> c; c->a; a->b }"
        do {
            _ = try renderer.render(dot: failing, layout: .dot, format: .png)
        } catch {
            #expect(error.cause == .graphviz, "\(error)")
        }
    }
}
