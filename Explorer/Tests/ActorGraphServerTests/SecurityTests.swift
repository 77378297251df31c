import ActorGraphIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// Host and origin checks, the asset table's refusals, limits and headers.
@Suite struct SecurityTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            for uri in ["/", "/api/graph", "/no-such-page", "/api/actor/nobody"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(
                    response.headers[.contentSecurityPolicy]
                        == "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'", "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
            }
        }
    }

    @Test func aForeignHostIsRefused() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            let refused = try await client.execute(uri: "/api/graph", method: .get, headers: [HTTPField.Name("Host")!: "evil.example"])
            #expect(refused.status == .forbidden)
            #expect(Fixtures.text(refused).contains("Host header"))
            let page = try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name("Host")!: "attacker.test:8080"])
            #expect(page.status == .forbidden)
            let allowed = try await client.execute(uri: "/api/graph", method: .get, headers: [HTTPField.Name("Host")!: "localhost"])
            #expect(allowed.status == .ok)
        }
    }

    @Test func hostAllowListKnowsLoopbackSpellingsAndTheBoundPort() {
        let hosts = HostAllowList(host: "127.0.0.1", port: 0)
        hosts.bound(port: 8123)
        #expect(hosts.allows("127.0.0.1:8123"))
        #expect(hosts.allows("LOCALHOST:8123"))
        #expect(!hosts.allows("127.0.0.1:8124"))
        #expect(!hosts.allows("127.0.0.1"))
        #expect(!hosts.allows("rebound.example:8123"))
        let other = HostAllowList(host: "192.168.1.5", port: 9000)
        #expect(other.allows("192.168.1.5:9000"))
        #expect(!other.allows("localhost:9000"))
    }

    @Test func crossOriginAPICallsAreRefused() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            let foreign = try await client.execute(
                uri: "/api/search?q=russia", method: .get, headers: [.origin: "http://evil.example"])
            #expect(foreign.status == .forbidden)
            #expect(Fixtures.text(foreign).contains("cross-origin"))
            let crossSite = try await client.execute(
                uri: "/api/search?q=russia", method: .get, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == .forbidden)
            let same = try await client.execute(
                uri: "/api/search?q=russia", method: .get,
                headers: [.origin: "http://localhost", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(same.status == .ok)
            // A page reached by a link from elsewhere is fine; only its API calls must be same-origin.
            let page = try await client.execute(
                uri: "/", method: .get, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(page.status == .ok)
        }
    }

    @Test func noClientPathReachesTheFileSystem() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            let refused = [
                "/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/%2e%2e%2fPackage.swift",
                "/assets/..%2F..%2FPackage.swift", "/../Package.swift", "//etc/passwd", "/assets//etc/passwd",
                "/assets/%2Fetc%2Fpasswd", "/etc/passwd", "/Package.swift", "/assets/", "/assets/.gitkeep",
                "/assets/app.js/", "/assets/APP.JS", "/vendor/d3.min.js",
            ]
            for uri in refused {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri) answered \(response.status)")
                #expect(!Fixtures.text(response).contains("swift-tools-version"), "\(uri)")
                #expect(!Fixtures.text(response).contains("root:"), "\(uri)")
            }
            let asset = try await client.execute(uri: "/assets/app.js", method: .get)
            #expect(asset.status == .ok)
            #expect(asset.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(Fixtures.text(asset) == "export {};\n")
        }
    }

    @Test func assetNamesMustBePlain() {
        #expect(AssetTable.isPlainName("app.js"))
        #expect(AssetTable.isPlainName("d3-time.min.js"))
        #expect(!AssetTable.isPlainName(".gitkeep"))
        #expect(!AssetTable.isPlainName("../app.js"))
        #expect(!AssetTable.isPlainName("a/b.js"))
        #expect(!AssetTable.isPlainName("a..js"))
        #expect(!AssetTable.isPlainName("%2e.js"))
    }

    @Test func onlyReadingIsAllowed() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let response = try await client.execute(uri: "/api/graph", method: method)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func requestBodiesAndLongTargetsAreRefused() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            let body = try await client.execute(
                uri: "/api/graph", method: .get, headers: [.contentLength: "5"], body: ByteBuffer(string: "hello"))
            #expect(body.status == .contentTooLarge)
            let long = try await client.execute(
                uri: "/api/search?q=" + String(repeating: "a", count: 9000), method: .get)
            #expect(long.status == .uriTooLong)
            let longValue = try await client.execute(
                uri: "/api/search?q=" + String(repeating: "a", count: 3000), method: .get)
            #expect(longValue.status == .badRequest)
        }
    }

    @Test func theRateLimitAnswers429ThenRecovers() async throws {
        let start = ContinuousClock.now
        let clock = Mutex(start)
        let limiter = RateLimiter(perSecond: 2, burst: 3, now: { clock.withLock { $0 } })
        let app = try Fixtures.application(try Fixtures.seedService(), limiter: limiter)
        try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 { statuses.append(try await client.execute(uri: "/api/graph", method: .get).status) }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
            let limited = try await client.execute(uri: "/api/graph", method: .get)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            #expect(Fixtures.text(limited).contains("\"message\": \"too many requests"))
            // Half a second later one token (2 a second) is back, and only one.
            clock.withLock { $0 = start + .milliseconds(500) }
            #expect(try await client.execute(uri: "/api/graph", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/graph", method: .get).status == .tooManyRequests)
            // Ten seconds later the bucket is full again, but holds no more than the burst.
            clock.withLock { $0 = start + .seconds(10) }
            statuses = []
            for _ in 0..<4 { statuses.append(try await client.execute(uri: "/api/graph", method: .get).status) }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
        }
    }

    @Test func unknownOrRepeatedParametersAreRefusedByName() async throws {
        let app = try Fixtures.application(try Fixtures.seedService())
        try await app.test(.router) { client in
            let unknown = try await client.execute(uri: "/api/search?q=x&evil=1", method: .get)
            #expect(unknown.status == .badRequest)
            #expect(
                Fixtures.text(unknown) == """
                    {
                      "error": {
                        "message": "unknown parameter 'evil'; this endpoint takes: limit, q",
                        "parameter": "evil"
                      }
                    }

                    """)
            let twice = try await client.execute(uri: "/api/search?q=x&q=y", method: .get)
            #expect(twice.status == .badRequest)
            let badEscape = try await client.execute(uri: "/api/search?q=%zz", method: .get)
            #expect(badEscape.status == .badRequest)
        }
    }

    /// The view's CSV is for a spreadsheet: a name or note that a spreadsheet would run as a formula is neutralised
    /// with a leading quote, as `actorgraph export --format csv` does by default; dates and signed numbers are not.
    @Test func csvExportsNeutraliseFormulas() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-formula-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = """
            actorgraph: 1
            actors:
              - { id: calc, name: "=cmd|' /C calc'!A0", kind: group }
              - { id: plain, name: "Plain", kind: state }
            relations:
              - { id: calc-meets, from: calc, to: plain, type: meets, date: 2021-08-17, note: "@SUM(A1)" }
            """
        try Data(graph.utf8).write(to: folder.appendingPathComponent("graph.yaml"))
        let service = try ExplorerService.load(
            GraphLoadOptions(graphPath: folder.appendingPathComponent("graph.yaml").path))
        try await Fixtures.application(service).test(.router) { client in
            let csv = Fixtures.text(try await client.execute(uri: "/api/export?format=csv&focus=calc", method: .get))
            #expect(csv.contains(",'=cmd|' /C calc'!A0,"))
            #expect(csv.contains("'@SUM(A1)"))
            #expect(!csv.contains(",@SUM(A1)"))
            #expect(csv.contains(",2021-08-17,"))
        }
    }
}
