import ActorGraph
import ActorGraphIO
import Crypto
import Foundation
import Hummingbird
import NIOCore
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// The graphs, servers and worker the route tests use.
enum Fixtures {
    /// The repository root (`Explorer/Tests/ActorGraphServerTests/` is three levels down).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let explorer = root.appendingPathComponent("Explorer")
    /// The five source texts, beside the repository when this machine has them.
    static let seedTexts = root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
    static var haveSeedTexts: Bool { FileManager.default.fileExists(atPath: seedTexts) }

    /// The seed graph (`graphs/` with `seeds/sources.yaml`), with the texts when `withTexts` and present.
    static func seedService(withTexts: Bool = false) throws -> ExplorerService {
        try ExplorerService.load(
            GraphLoadOptions(
                graphPath: root.appendingPathComponent("graphs").path,
                cataloguePath: root.appendingPathComponent("seeds/sources.yaml").path,
                sourcesDirectory: withTexts ? seedTexts : nil))
    }

    /// The explorer's own executable, which is also its Graphviz worker (`render-worker`).
    static func workerExecutable() throws -> String {
        let candidates = [
            explorer.appendingPathComponent(".build/debug/actorgraph-explorer").path,
            explorer.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/actorgraph-explorer").path,
        ]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
            "build the explorer first (swift build --package-path Explorer): its executable is the chart worker")
    }

    static let testAssets = AssetTable(
        assets: [
            "index.html": .init(contentType: "text/html; charset=utf-8", bytes: Array("<!doctype html><p>page".utf8)),
            "app.js": .init(contentType: "text/javascript; charset=utf-8", bytes: Array("export {};\n".utf8)),
        ], d3: nil)

    /// An application over `service` whose router answers requests addressed to `localhost` (the test client's).
    static func application(
        _ service: ExplorerService, renderer: ChartRenderer? = nil, limiter: RateLimiter? = nil,
        pool: WorkPool = .shared
    ) throws -> some ApplicationProtocol {
        let renderer = try renderer ?? ChartRenderer(workerExecutable: workerExecutable(), workerArguments: ["render-worker"])
        let router = ExplorerApplication.router(
            service: service, renderer: renderer, assets: testAssets, hosts: HostAllowList(exactly: ["localhost"]),
            limiter: limiter, pool: pool)
        return Application(router: router)
    }

    /// A response body as text.
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// A graph whose names, notes and source text try to break out of HTML, SVG and JSON, written to a fresh folder.
    static func hostileFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = "line one\n<script>alert('text')</script>\nline three \u{202E}evil\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("text.txt"))
        let digest = sha256(Array(text.utf8))
        let catalogue = """
            sources:
              - id: doc
                file: text.txt
                title: "A <b>title</b>"
                outlet: "</svg><script>alert(1)</script>"
                language: en
                sha256: \(digest)
                lines: 3
                summary: A hostile test text.
            """
        try Data(catalogue.utf8).write(to: folder.appendingPathComponent("sources.yaml"))
        let graph = """
            actorgraph: 1
            actors:
              - id: script
                name: "<script>alert('name')</script>"
                kind: group
              - id: quote
                name: "\\"onmouseover=alert(1) x=\\""
                kind: state
              - id: svgend
                name: "</svg><img src=x onerror=alert(2)>"
                kind: official
              - id: rtl
                name: "Al\\u202Eevil\\u200F & Co"
                kind: group
            relations:
              - id: note-meets
                from: script
                to: quote
                type: meets
                date: 2021-08-17
                note: "</title><script>alert('note')</script>"
                sources: [{ source: doc, lines: "2" }]
              - id: svg-meets
                from: svgend
                to: rtl
                type: meets
                date: 2022
                sources: [{ source: doc, lines: "1-3" }]
              - id: quote-meets
                from: quote
                to: svgend
                type: meets
                sources: [{ source: doc, lines: "3" }]
            """
        try Data(graph.utf8).write(to: folder.appendingPathComponent("graph.yaml"))
        return folder
    }

    static func hostileService() throws -> ExplorerService {
        let folder = try hostileFolder()
        return try ExplorerService.load(
            GraphLoadOptions(
                graphPath: folder.appendingPathComponent("graph.yaml").path,
                cataloguePath: folder.appendingPathComponent("sources.yaml").path, sourcesDirectory: folder.path))
    }

    private static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
