import ActorGraph
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// A request's path search runs under a deadline (issue 17, item 12): past it the request answers 503 saying what
/// to narrow, and the server goes on answering. A deadline of 0 s has passed before any search starts, so every
/// watched search stops at its first check, whatever the machine's speed.
@Suite struct DeadlineTests {
    @Test func aSearchPastItsDeadlineAnswers503AndTheServerGoesOn() async throws {
        var service = try Fixtures.seedService()
        service.queryTimeout = 0
        let watched = [
            "/api/path?path=putin,al-qaeda&pathMode=k&k=3",
            "/api/path?path=al-qaeda,putin&pathMode=earliest",
            "/api/view?path=putin,al-qaeda&pathMode=fastest",
            "/api/histogram?path=putin,al-qaeda&pathMode=k&k=2",
            "/api/export?path=putin,al-qaeda&pathMode=latest&format=csv",
        ]
        let answers = try await Fixtures.application(service).test(.router) { client in
            var answers: [(HTTPResponse.Status, String)] = []
            for uri in watched + ["/api/search?q=kabul", "/api/path?path=putin,al-qaeda"] {
                let response = try await client.execute(uri: uri, method: .get)
                answers.append((response.status, Fixtures.text(response)))
            }
            return answers
        }
        for (uri, (status, body)) in zip(watched, answers) {
            #expect(status == .serviceUnavailable, "\(uri): \(status)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "\(uri)")
            let message = try #require((json["error"] as? [String: Any])?["message"] as? String, "\(uri)")
            #expect(message.contains("path search took longer than the explorer allows one request (0 s) and was stopped: "
                + "narrow it with a time window (from, to)"), "\(uri): \(message)")
        }
        // Search is not a path search, and one shortest path is one breadth-first search: neither is watched.
        #expect(answers.suffix(2).map(\.0) == [.ok, .ok])
    }

    @Test func withinItsDeadlineAnswerIsUnchanged() async throws {
        let service = try Fixtures.seedService()
        #expect(service.queryTimeout == ExplorerService.defaultQueryTimeout)
        let uri = "/api/path?path=putin,al-qaeda&pathMode=k&k=3"
        var quick = service
        quick.queryTimeout = 600
        let statuses = try await [service, quick].asyncMap { service in
            try await Fixtures.application(service).test(.router) { client in
                let response = try await client.execute(uri: uri, method: .get)
                return "\(response.status.code) " + Fixtures.text(response)
            }
        }
        #expect(statuses[0].hasPrefix("200 "))
        #expect(statuses[0] == statuses[1])
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
