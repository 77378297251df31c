import Foundation
import Graphviz
import Testing

/// Issue 12's measured figures on the seed graph (`graphs/`).
@Suite("render on the seed graph")
struct RenderSeedChartTests {
    let seedGraph = packageRoot.appendingPathComponent("graphs").path

    /// The whole chart draws one link per pair of actors: as many links as unordered pairs among the relations,
    /// counted from the unbundled chart's edges.
    @Test func wholeGraphLinksEqualBundledPairs() throws {
        let bundled = try runActorGraph(["render", "--graph", seedGraph, "--format", "dot"])
        let unbundled = try runActorGraph(["render", "--graph", seedGraph, "--format", "dot", "--bundle", "none"])
        #expect(bundled.status == 0 && unbundled.status == 0)
        let links = try GraphvizRenderer().parse(dot: bundled.stdout).edges
        let relations = try GraphvizRenderer().parse(dot: unbundled.stdout).edges
        let pairs = Set(relations.map { [$0.tail, $0.head].sorted() })
        #expect(links.count == pairs.count)
        #expect(relations.count > links.count)
        #expect(Set(links.map { [$0.tail, $0.head].sorted() }) == pairs)
    }

    /// `render --path putin al-qaeda` draws only the path's relations, at most 1,000 px high at 96 dpi.
    @Test func thePutinToAlQaedaChartIsThePathAloneAndSmall() throws {
        let path = try runActorGraph(["path", "putin", "al-qaeda", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(path.stdout.utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [[String: Any]])
        let expected = Set(paths.flatMap { ($0["relations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } })
        #expect(!expected.isEmpty)
        let chart = try runActorGraph(["render", "--graph", seedGraph, "--path", "putin", "al-qaeda", "--format", "dot", "--bundle", "none"])
        let edges = try GraphvizRenderer().parse(dot: chart.stdout).edges
        #expect(edges.count == expected.count)
        #expect(edges.allSatisfy { $0.attributes["class"]?.hasSuffix(" path") == true })
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = try runActorGraph(["render", "--graph", seedGraph, "--path", "putin", "al-qaeda", "--legend", "-o", "p.png"], in: folder)
        #expect(png.status == 0, "\(png.stderr)")
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("p.png")))
        // IHDR: width and height, big-endian, at bytes 16..<24.
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(height > 0 && height <= 1000, "height \(height) px")
        // More paths than --shortest asks for: the note says so in the words `path` uses, naming no --limit that
        // was never given.
        let three = try runActorGraph(["render", "--graph", seedGraph, "--path", "putin", "al-qaeda", "--shortest", "3", "--format", "dot"])
        #expect(three.status == 0)
        #expect(three.stderr == "note: more paths exist: the first 3 are drawn; raise --limit or --shortest\n", "\(three.stderr)")
    }

    /// `render --page a3 --no-labels` fits the whole seed graph on one A3 sheet: the PNG at 96 dpi and the PDF's
    /// page are within A3 landscape (16.54 × 11.69 in) less the quarter-inch margins, and nothing is cut off.
    @Test func theWholeGraphFitsOneA3Page() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = try runActorGraph(["render", "--graph", seedGraph, "--no-labels", "--legend", "--page", "a3", "--format", "dot"])
        let attributes = try GraphvizRenderer().parse(dot: dot.stdout).attributes
        #expect(attributes["size"] == "16.04,11.19" && attributes["ratio"] == "compress" && attributes["margin"] == "0")
        for file in ["a3.png", "a3.pdf"] {
            let result = try runActorGraph(["render", "--graph", seedGraph, "--no-labels", "--legend", "--page", "a3", "-o", file], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let png = [UInt8](try Data(contentsOf: folder.appendingPathComponent("a3.png")))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= 1540 && height <= 1075 && width > 1000, "\(width) × \(height) px")
        let pdf = String(decoding: try Data(contentsOf: folder.appendingPathComponent("a3.pdf")), as: UTF8.self)
        let box = try #require(pdf.firstMatch(of: /MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\]/))
        let (points, pointsHigh) = (try #require(Double(box.1)), try #require(Double(box.2)))
        #expect(points <= 16.04 * 72 + 1 && pointsHigh <= 11.19 * 72 + 1, "\(points) × \(pointsHigh) pt")
        // Without --page the same chart is far larger than the sheet (the reason for the option).
        let plain = try runActorGraph(["render", "--graph", seedGraph, "--no-labels", "--legend", "-o", "plain.png"], in: folder)
        #expect(plain.status == 0)
        let big = [UInt8](try Data(contentsOf: folder.appendingPathComponent("plain.png")))
        #expect(big[16..<20].reduce(0) { $0 << 8 | Int($1) } > 1540)
        let timeline = try runActorGraph(["render", "--graph", seedGraph, "--timeline", "russia", "--page", "a3", "--format", "dot"])
        #expect(timeline.status == 64 && timeline.stderr.hasPrefix("Error: --page fits link charts"), "\(timeline.stderr)")
    }
}
