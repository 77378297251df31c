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
    }
}
