import ActorGraph
import ActorGraphIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// Every JSON route on the seed graph, compared with exact answers or with the CLI's JSON builders.
@Suite struct RouteTests {
    let service: ExplorerService

    init() throws { service = try Fixtures.seedService() }

    private func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await Fixtures.application(service).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers)
        }
    }

    @Test func searchFoldsCaseDiacriticsAndPunctuationAndRanksWholeMatchesFirst() async throws {
        let response = try await get("/api/search?q=KABUL&limit=3")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        #expect(
            Fixtures.text(response) == """
                {
                  "query": "KABUL",
                  "results": [
                    {
                      "id": "kabulov",
                      "name": "Zamir Kabulov",
                      "kind": "official",
                      "matched": "kabulov"
                    },
                    {
                      "id": "russian-embassy-kabul",
                      "name": "Russian Embassy in Kabul",
                      "kind": "group",
                      "matched": "russian-embassy-kabul"
                    }
                  ]
                }

                """)
    }

    @Test func searchWithPlusAndPercentEscapes() async throws {
        let plus = Fixtures.text(try await get("/api/search?q=al+qaeda&limit=1"))
        let percent = Fixtures.text(try await get("/api/search?q=Al%2DQ%C3%A1eda&limit=1"))
        #expect(plus.contains("\"id\": \"al-qaeda\""))
        #expect(percent.contains("\"id\": \"al-qaeda\""))
        #expect(percent.contains("\"query\": \"Al-Qáeda\""))
    }

    @Test func actorIsTheShowCommandsJSON() async throws {
        let response = try await get("/api/actor/zhirnov")
        #expect(response.status == .ok)
        let index = try #require(service.graph.actorIndex(id: "zhirnov"))
        #expect(Fixtures.text(response) == QueryJSON.card(service.graph, index).pretty())
        #expect(Fixtures.text(response).hasPrefix("{\n  \"actor\": {\n    \"id\": \"zhirnov\",\n"))
        let byName = try await get("/api/actor/Dmitry%20Zhirnov")
        #expect(Fixtures.text(byName) == Fixtures.text(response))
    }

    @Test func unknownActorsAndRelationsAre404WithSuggestions() async throws {
        let actor = try await get("/api/actor/zhirnof")
        #expect(actor.status == .notFound)
        #expect(Fixtures.text(actor).contains("did you mean 'zhirnov'"))
        let relation = try await get("/api/relation/no-such-relation")
        #expect(relation.status == .notFound)
        #expect(Fixtures.text(relation).contains("no relation 'no-such-relation'"))
        let route = try await get("/api/nothing")
        #expect(route.status == .notFound)
        #expect(route.headers[.contentType] == "application/json; charset=utf-8")
    }

    @Test func pathIsThePathCommandsJSON() async throws {
        let response = try await get("/api/path?path=putin,al-qaeda")
        #expect(response.status == .ok)
        let graph = service.graph
        let from = try #require(graph.actorIndex(id: "putin"))
        let to = try #require(graph.actorIndex(id: "al-qaeda"))
        let view = FilteredGraph(graph, filter: RelationFilter(time: .none), namedActors: [from, to])
        let found = try #require(PathFinder(view).shortestPath(from: from, to: to))
        let expected = QueryJSON.paths(
            PathSearchResult(paths: [found], truncated: false), view: view, timeFiltered: false, from: from, to: to,
            leftOut: nil, reason: nil)
        #expect(Fixtures.text(response) == expected.pretty())
        #expect(found.length == 2)
    }

    @Test func temporalAndKShortestPaths() async throws {
        let earliest = Fixtures.text(try await get("/api/path?path=al-qaeda,putin&pathMode=earliest"))
        #expect(earliest.contains("\"problem\": \"earliest\""))
        #expect(earliest.contains("\"reading\": \"definite\""))
        let k = Fixtures.text(try await get("/api/path?path=putin,al-qaeda&pathMode=k&k=3"))
        #expect(k.components(separatedBy: "\"length\":").count - 1 == 3)
        let bad = try await get("/api/path?path=putin,putin")
        #expect(bad.status == .badRequest)
        let mode = try await get("/api/path?path=putin,taliban&pathMode=longest")
        #expect(Fixtures.text(mode).contains("\"parameter\": \"pathMode\""))
    }

    @Test func blockedPathSaysWhichFilterBlocksIt() async throws {
        let response = try await get("/api/path?path=putin,al-qaeda&categories=economic")
        #expect(Fixtures.text(response).contains("\"paths\": []"))
        #expect(Fixtures.text(response).contains("\"reason\": \"No path from Vladimir Putin to Al-Qaeda with these filters; one exists without --categories.\""))
    }

    @Test func pathHonoursTheStatusFilterAndTheTimeWindow() async throws {
        func relations(_ uri: String) async throws -> [[String: Any]] {
            let text = Fixtures.text(try await get(uri))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(uri)")
            let paths = try #require(json["paths"] as? [[String: Any]], "\(uri)")
            return paths.flatMap { $0["relations"] as? [[String: Any]] ?? [] }
        }
        let all = try await relations("/api/path?path=russia,taliban")
        let denied = try await relations("/api/path?path=russia,taliban&status=denied")
        #expect(all.count > denied.count)
        #expect(!denied.isEmpty)
        #expect(denied.allSatisfy { $0["status"] as? String == "denied" })
        // The 2021–23 window keeps Putin's 2021 tie to Russia and the undated designation; without undated, none.
        let window = try await relations("/api/path?path=putin,al-qaeda&from=2021&to=2023")
        #expect(window.map { $0["id"] as? String }.count == 2)
        #expect(window.compactMap { $0["date"] as? String }.allSatisfy { $0.hasPrefix("2021") })
        let strict = Fixtures.text(try await get("/api/path?path=putin,al-qaeda&from=2021&to=2023&undated=0"))
        #expect(strict.contains("one exists without the time filter"))
        #expect(strict.contains("\"undated\": 1"))
        // The view's path chart finds the same path under the same filters.
        let view = Fixtures.text(try await get("/api/view?path=russia,taliban&status=denied"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(view.utf8)) as? [String: Any])
        let onPath = (json["links"] as? [[String: Any]] ?? []).filter { $0["hop"] as? Int == 1 }
            .flatMap { $0["relations"] as? [String] ?? [] }
        #expect(Set(onPath) == Set(denied.compactMap { $0["id"] as? String }))
        let missing = try await get("/api/path?pathMode=k&k=2")
        #expect(missing.status == .badRequest)
        #expect(Fixtures.text(missing).contains("\"parameter\": \"path\""))
    }

    @Test func relationQuotesItsCitationsOrSaysWhyNot() async throws {
        let response = Fixtures.text(try await get("/api/relation/taliban-governs-afghanistan-1996"))
        #expect(response.contains("\"id\": \"taliban-governs-afghanistan-1996\""))
        #expect(response.contains("\"lines\": \"104-105\""))
        #expect(response.contains("\"title\": \"The enemy of my enemy…\""))
        #expect(
            response.contains(
                "\"unavailable\": \"the source texts are not loaded (start the explorer with --sources DIR)\""))
        #expect(response.contains("\"hashOK\": null"))
    }

    @Test(.enabled(if: Fixtures.haveSeedTexts, "needs ../shared/seeds"))
    func relationQuotesTheCitedLinesOfTheSeedTexts() async throws {
        let withTexts = try Fixtures.seedService(withTexts: true)
        let body = try await Fixtures.application(withTexts).test(.router) { client in
            try await client.execute(uri: "/api/relation/taliban-governs-afghanistan-1996", method: .get)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: body.body).utf8)) as? [String: Any])
        let evidence = try #require(json["evidence"] as? [[String: Any]])
        #expect(evidence.count == 2)
        // The quoted lines are the file's own lines (read here, never copied into the repository).
        let file = try String(contentsOfFile: Fixtures.seedTexts + "/003_ec5cf1e5ddf186b9.txt", encoding: .utf8)
        let lines = file.components(separatedBy: "\n")
        let quoted = try #require(evidence[0]["text"] as? [[String: Any]])
        #expect(quoted.map { $0["line"] as? Int } == [104, 105])
        #expect(quoted.map { $0["text"] as? String } == [lines[103], lines[104]])
        #expect(evidence[0]["hashOK"] as? Bool == true)
        #expect(evidence[0]["unavailable"] is NSNull)
    }

    @Test func aChangedTextIsNotQuoted() async throws {
        let folder = try Fixtures.hostileFolder()
        try Data("changed\n".utf8).write(to: folder.appendingPathComponent("text.txt"))
        let service = try ExplorerService.load(
            GraphLoadOptions(
                graphPath: folder.appendingPathComponent("graph.yaml").path,
                cataloguePath: folder.appendingPathComponent("sources.yaml").path, sourcesDirectory: folder.path))
        let text = Fixtures.text(
            try await Fixtures.application(service).test(.router) { client in
                try await client.execute(uri: "/api/relation/note-meets", method: .get)
            })
        #expect(text.contains("\"hashOK\": false"))
        #expect(text.contains("\"text\": null"))
        #expect(text.contains("does not match the catalogue"))
    }

    @Test func neighborsIsTheNeighborsCommandsJSON() async throws {
        let response = try await get("/api/neighbors/zhirnov?depth=1")
        let graph = service.graph
        let center = try #require(graph.actorIndex(id: "zhirnov"))
        let view = FilteredGraph(graph, filter: RelationFilter(), namedActors: [center])
        let expected = QueryJSON.neighborhood(
            Neighborhood(view, center: center, depth: 1, limit: 1000), view: view, timeFiltered: false, leftOut: nil)
        #expect(Fixtures.text(response) == expected.pretty())
    }

    @Test func graphOverview() async throws {
        let text = Fixtures.text(try await get("/api/graph"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["actors"] as? Int == service.graph.actorCount)
        #expect(json["relations"] as? Int == service.graph.relationCount)
        #expect((json["sources"] as? [String: Any])?["available"] as? Bool == false)
        #expect((json["kinds"] as? [String]) == ["state", "group", "official"])
        let dates = try #require(json["dates"] as? [String: Any])
        #expect(dates["first"] as? String == "1950-01-01")
    }

    @Test func histogramCountsEveryRelationOnce() async throws {
        let text = Fixtures.text(try await get("/api/histogram?bucket=year"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let bins = try #require(json["bins"] as? [[String: Any]])
        let dated = bins.flatMap { ($0["counts"] as? [String: Int] ?? [:]).values }.reduce(0, +)
        #expect(dated + (json["undated"] as? Int ?? -1) == service.graph.relationCount)
        #expect(bins.first?["start"] as? String == "1950-01-01")
        #expect(bins.first?["end"] as? String == "1950-12-31")
        // Contiguous years: an empty year is an empty bin.
        let years = bins.compactMap { ($0["start"] as? String)?.prefix(4) }.compactMap { Int($0) }
        #expect(years == Array((years.first ?? 0)...(years.last ?? 0)))
        let filtered = Fixtures.text(try await get("/api/histogram?bucket=month&categories=economic"))
        #expect(!filtered.contains("\"diplomatic\""))
        #expect(filtered.contains("\"economic\""))
    }

    @Test func viewBundlesParallelRelationsAndNamesTheCommand() async throws {
        let text = Fixtures.text(try await get("/api/view?focus=zhirnov&depth=1"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let links = try #require(json["links"] as? [[String: Any]])
        #expect(links.map { $0["id"] as? String } == links.indices.map { "link-\($0)" })
        let relationIDs = links.flatMap { $0["relations"] as? [String] ?? [] }
        #expect(Set(relationIDs).count == relationIDs.count)
        for link in links {
            #expect((link["relations"] as? [String])?.count == link["count"] as? Int)
        }
        let actors = try #require(json["actors"] as? [[String: Any]])
        #expect(actors.contains { $0["id"] as? String == "zhirnov" && $0["focus"] as? Bool == true })
        #expect(json["command"] as? String == "actorgraph render --focus zhirnov --caption '' -o view.svg")
        let unbundled = Fixtures.text(try await get("/api/view?focus=zhirnov&bundle=none"))
        let count = unbundled.components(separatedBy: "\"count\": 1,").count - 1
        #expect(count == relationIDs.count)
    }

    @Test func viewWithTimeWindowCountsWhatPossiblyIsLeftOut() async throws {
        let strict = Fixtures.text(try await get("/api/view?focus=taliban&at=2022"))
        let lenient = Fixtures.text(try await get("/api/view?focus=taliban&at=2022&possibly=1"))
        func relations(_ text: String) throws -> Int {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (json["links"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        }
        let omitted = try #require(
            (try JSONSerialization.jsonObject(with: Data(strict.utf8)) as? [String: Any])?["possiblyOmitted"] as? Int)
        #expect(omitted > 0)
        #expect(try relations(strict) + omitted == relations(lenient))
        #expect(lenient.contains("--at 2022 --possibly --include-undated"))
    }

    @Test func pathViewNumbersTheHops() async throws {
        let text = Fixtures.text(try await get("/api/view?path=putin,al-qaeda"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let hops = (json["links"] as? [[String: Any]] ?? []).compactMap { $0["hop"] as? Int }.sorted()
        #expect(hops == [1, 2])
        #expect((json["command"] as? String)?.hasPrefix("actorgraph render --path putin al-qaeda --caption '' -o view.svg") == true)
    }

    @Test func badViewParametersNameTheParameter() async throws {
        for (query, parameter) in [
            ("at=2021-13-40", "at"), ("focus=nobody-at-all", "focus"), ("depth=99", "depth"), ("bundle=x", "bundle"),
            ("categories=economics", "categories"), ("minGrade=Z9", "minGrade"), ("path=putin", "path"),
            ("hide=russia&focus=russia", "hide"), ("status=rumoured", "status"),
        ] {
            let response = try await get("/api/view?" + query)
            #expect(response.status.code >= 400 && response.status.code < 500, "\(query)")
            #expect(Fixtures.text(response).contains("\"parameter\": \"\(parameter)\""), "\(query)")
        }
    }
}
