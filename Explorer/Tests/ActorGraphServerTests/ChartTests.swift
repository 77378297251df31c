import ActorGraph
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// Charts through the real Graphviz worker, hostile names, crashes and the render queue.
@Suite struct ChartTests {
    @Test func chartCarriesActorAndLinkIdsMatchingTheView() async throws {
        let service = try Fixtures.seedService()
        try await Fixtures.application(service).test(.router) { client in
            let svg = try await client.execute(uri: "/api/chart.svg?focus=zhirnov", method: .get)
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml")
            // Graphviz writes '-' in attribute values as the entity &#45;; the DOM reads it back as '-'.
            let text = Fixtures.text(svg).replacingOccurrences(of: "&#45;", with: "-")
            let view = try await client.execute(uri: "/api/view?focus=zhirnov", method: .get)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: view.body).utf8)) as? [String: Any])
            for link in json["links"] as? [[String: Any]] ?? [] {
                let id = try #require(link["id"] as? String)
                #expect(text.contains("id=\"\(id)\""), "\(id)")
                let category = try #require(link["category"] as? String)
                #expect(text.contains("class=\"edge link category-\(category) status-"), "\(id)")
            }
            for actor in json["actors"] as? [[String: Any]] ?? [] {
                let id = try #require(actor["id"] as? String)
                #expect(text.contains("id=\"actor-\(id)\""), "\(id)")
            }
            #expect(text.contains("class=\"node actor kind-official emphasized\""))
        }
    }

    @Test func hostileNamesAreEscapedInSVGAndJSON() async throws {
        let service = try Fixtures.hostileService()
        try await Fixtures.application(service).test(.router) { client in
            let svg = Fixtures.text(try await client.execute(uri: "/api/chart.svg", method: .get))
            #expect(svg.contains("<svg"))
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("<img"))
            #expect(svg.components(separatedBy: "</svg>").count == 2, "one closing tag, the document's own")
            #expect(!svg.contains("\"onmouseover"))
            #expect(svg.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;") || svg.contains("&lt;script&gt;alert('name')&lt;/script&gt;"))
            // JSON goes through the real writer: quotes and controls escaped, the rest verbatim (the page escapes
            // for HTML when it inserts text).
            let search = Fixtures.text(try await client.execute(uri: "/api/search?q=onmouseover", method: .get))
            #expect(search.contains(#""name": "\"onmouseover=alert(1) x=\"""#))
            let json = try JSONSerialization.jsonObject(with: Data(search.utf8)) as? [String: Any]
            let name = (json?["results"] as? [[String: Any]])?.first?["name"] as? String
            #expect(name == "\"onmouseover=alert(1) x=\"")
            let rtl = Fixtures.text(try await client.execute(uri: "/api/actor/rtl", method: .get))
            let rtlName = ((try JSONSerialization.jsonObject(with: Data(rtl.utf8)) as? [String: Any])?["actor"]
                as? [String: Any])?["name"] as? String
            #expect(rtlName == "Al\u{202E}evil\u{200F} & Co")
            let relation = Fixtures.text(try await client.execute(uri: "/api/relation/note-meets", method: .get))
            #expect(relation.contains(#""text": "<script>alert('text')</script>""#))
            #expect(relation.contains("\"hashOK\": true"))
            // Every response is JSON or SVG with nosniff: never HTML the browser would run.
            let page = try await client.execute(uri: "/api/actor/script", method: .get)
            #expect(page.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test func aWorkerCrashIsAnErrorAndTheServerKeepsAnswering() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let crasher = folder.appendingPathComponent("crash.sh")
        try Data("#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n".utf8).write(to: crasher)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: crasher.path)
        let renderer = ChartRenderer(workerExecutable: crasher.path, workerArguments: [])
        let app = try Fixtures.application(try Fixtures.seedService(), renderer: renderer)
        try await app.test(.router) { client in
            let chart = try await client.execute(uri: "/api/chart.svg?focus=zhirnov", method: .get)
            #expect(chart.status == .badGateway)
            #expect(chart.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Fixtures.text(chart).contains("the chart could not be drawn: the renderer crashed"))
            #expect(Fixtures.text(chart).contains("SIGSEGV"))
            let after = try await client.execute(uri: "/api/graph", method: .get)
            #expect(after.status == .ok)
        }
    }

    @Test func aHangingWorkerMeetsTheDeadline() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-hang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hanger = folder.appendingPathComponent("hang.sh")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: hanger)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanger.path)
        let renderer = ChartRenderer(
            workerExecutable: hanger.path, workerArguments: [], limits: .init(deadline: .milliseconds(300)))
        let app = try Fixtures.application(try Fixtures.seedService(), renderer: renderer)
        try await app.test(.router) { client in
            let chart = try await client.execute(uri: "/api/chart.svg?focus=zhirnov", method: .get)
            #expect(chart.status == .badGateway)
            #expect(Fixtures.text(chart).contains("took longer than 300 ms"))
        }
    }

    @Test func theRenderQueueIsBounded() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let slow = folder.appendingPathComponent("slow.sh")
        try Data("#!/bin/sh\ncat >/dev/null\nsleep 1\necho '<svg/>'\n".utf8).write(to: slow)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
        let renderer = ChartRenderer(
            workerExecutable: slow.path, workerArguments: [], limits: .init(concurrent: 1, waiting: 1))
        let app = try Fixtures.application(try Fixtures.seedService(), renderer: renderer)
        try await app.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await client.execute(uri: "/api/chart.svg?focus=zhirnov", method: .get).status }
                }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.filter { $0 == .ok }.count == 2)
            #expect(statuses.filter { $0 == .serviceUnavailable }.count == 2)
        }
    }

    @Test func chartsBeyondTheBudgetAreRefusedWithTheWayOut() async throws {
        let renderer = ChartRenderer(
            workerExecutable: try Fixtures.workerExecutable(), workerArguments: ["render-worker"],
            limits: .init(relations: 3))
        let app = try Fixtures.application(try Fixtures.seedService(), renderer: renderer)
        try await app.test(.router) { client in
            let chart = try await client.execute(uri: "/api/chart.svg?focus=russia", method: .get)
            #expect(chart.status == .unprocessableContent)
            #expect(Fixtures.text(chart).contains("a chart draws at most 3: focus on an actor"))
        }
    }

    @Test func exportsTheVisibleSubgraph() async throws {
        let service = try Fixtures.seedService()
        try await Fixtures.application(service).test(.router) { client in
            let csv = try await client.execute(uri: "/api/export?format=csv&focus=zhirnov", method: .get)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"actorgraph-view.csv\"")
            let view = try await client.execute(uri: "/api/view?focus=zhirnov", method: .get)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: view.body).utf8)) as? [String: Any])
            let relations = (json["links"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
            let rows = Fixtures.text(csv).split(separator: "\r\n").count - 1
            #expect(rows == relations)
            let graphml = try await client.execute(uri: "/api/export?format=graphml&focus=zhirnov", method: .get)
            #expect(Fixtures.text(graphml).contains("<graphml"))
            let png = try await client.execute(uri: "/api/export?format=png&focus=zhirnov", method: .get)
            #expect(png.body.getBytes(at: png.body.readerIndex, length: 4) == [0x89, 0x50, 0x4E, 0x47])
            let bad = try await client.execute(uri: "/api/export?format=exe", method: .get)
            #expect(Fixtures.text(bad).contains("\"parameter\": \"format\""))
        }
    }
}
