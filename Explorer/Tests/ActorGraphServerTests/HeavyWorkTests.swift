import ActorGraph
import ActorGraphIO
import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// The heavy requests' own threads (``WorkPool``) and the histogram cache.
@Suite struct HeavyWorkTests {
    let service: ExplorerService

    init() throws { service = try Fixtures.seedService() }

    @Test func poolAnswersThrowsAndRefusesBeyondItsBound() async throws {
        let pool = WorkPool(limits: .init(threads: 1, waiting: 1))
        #expect(try await pool.run { () throws(APIError) in 6 * 7 } == 42)
        await #expect(throws: APIError(.badRequest, "no")) {
            try await pool.run { () throws(APIError) -> Int in throw APIError(.badRequest, "no") }
        }
        // One job holds the only thread and one waits: a third is refused with 503 at once.
        let gate = DispatchSemaphore(value: 0)
        let holding = Task { try await pool.run { () throws(APIError) in gate.wait() } }
        let waiting = Task { try await pool.run { () throws(APIError) in 1 } }
        try await Task.sleep(for: .milliseconds(300))
        do {
            _ = try await pool.run { () throws(APIError) in 2 }
            Issue.record("a third job was admitted beyond 1 running and 1 waiting")
        } catch {
            #expect(error.status == .serviceUnavailable)
        }
        gate.signal()
        try await holding.value
        #expect(try await waiting.value == 1)
    }

    /// While every heavy thread is busy, search, a card, one step of neighbours and a shortest path still answer.
    @Test func cheapRequestsAnswerWhileThePoolIsBusy() async throws {
        let pool = WorkPool(limits: .init(threads: 1, waiting: 4))
        let gate = DispatchSemaphore(value: 0)
        let holding = Task { try await pool.run { () throws(APIError) in gate.wait() } }
        // The pool's thread is let go after 5 s, so a cheap request queued behind it ends the test late, not never.
        let release = Task {
            try await Task.sleep(for: .seconds(5))
            gate.signal()
        }
        try await Task.sleep(for: .milliseconds(200))
        let began = ContinuousClock.now
        let answered = try await Fixtures.application(service, pool: pool).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for uri in ["/api/search?q=kabul", "/api/actor/zhirnov", "/api/neighbors/zhirnov", "/api/path?path=putin,al-qaeda"] {
                statuses.append(try await client.execute(uri: uri, method: .get).status)
            }
            return statuses
        }
        let waited = ContinuousClock.now - began
        #expect(answered == [.ok, .ok, .ok, .ok])
        #expect(waited < .seconds(4), "cheap requests waited \(waited) for the busy pool")
        try await release.value
        try await holding.value
    }

    @Test func histogramsAreKeptByTheirParametersInAnyOrder() async throws {
        let app = try Fixtures.application(service)
        let (first, second, other) = try await app.test(.router) { client in
            let first = try await client.execute(uri: "/api/histogram?focus=taliban&bucket=month", method: .get)
            let second = try await client.execute(uri: "/api/histogram?bucket=month&focus=taliban", method: .get)
            let other = try await client.execute(uri: "/api/histogram?focus=russia&bucket=month", method: .get)
            return (Fixtures.text(first), Fixtures.text(second), Fixtures.text(other))
        }
        let fresh = try service.histogram(try QueryParameters(query: "focus=taliban&bucket=month", allowed: ["focus", "bucket"]))
        #expect(first == fresh.pretty())
        #expect(second == first)
        #expect(other != first)
        #expect(service.histograms.count == 2)
        #expect(service.cachedHistogram(try QueryParameters(query: "bucket=month&focus=taliban", allowed: ["focus", "bucket"])) != nil)
    }

    @Test func theCacheKeepsAtMostItsCapacityDroppingTheOldest() {
        let cache = AnswerCache<Int>(capacity: 3)
        for number in 0..<10 { cache.store(number, for: "k\(number)") }
        cache.store(99, for: "k9")  // stored again: no second entry
        #expect(cache.count == 3)
        #expect(cache["k6"] == nil)
        #expect(cache["k7"] == 7 && cache["k8"] == 8 && cache["k9"] == 99)
    }
}
