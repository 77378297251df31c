import ActorGraph
import ActorGraphIO
import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
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

    /// While every heavy thread is busy, search, a card, one step of neighbours and a shortest path still answer:
    /// all four before the pool's only thread is let go (after 60 s at the latest, so that a cheap request queued
    /// behind it makes the test fail late rather than hang; no timing is compared, so a loaded machine passes).
    @Test func cheapRequestsAnswerWhileThePoolIsBusy() async throws {
        let pool = WorkPool(limits: .init(threads: 1, waiting: 4))
        let gate = DispatchSemaphore(value: 0)
        let released = Mutex(false)
        let started = Mutex(false)
        let holding = Task {
            try await pool.run { () throws(APIError) in
                started.withLock { $0 = true }
                gate.wait()
            }
        }
        while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        let release = Task {
            try? await Task.sleep(for: .seconds(60))
            released.withLock { $0 = true }
            gate.signal()
        }
        let answered = try await Fixtures.application(service, pool: pool).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for uri in ["/api/search?q=kabul", "/api/actor/zhirnov", "/api/neighbors/zhirnov", "/api/path?path=putin,al-qaeda"] {
                statuses.append(try await client.execute(uri: uri, method: .get).status)
            }
            return statuses
        }
        let answeredWhileHeld = !released.withLock { $0 }
        release.cancel()
        await release.value
        #expect(answered == [.ok, .ok, .ok, .ok])
        #expect(answeredWhileHeld, "the cheap requests were answered only once the pool's thread was let go")
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

    @Test func theCacheKeepsAtMostItsCapacityAndBytesDroppingTheOldest() {
        let cache = AnswerCache(capacity: 3, byteBudget: 100)
        for number in 0..<10 { cache.store([UInt8(number)], for: "k\(number)") }
        cache.store([99], for: "k9")  // stored again: no second entry
        #expect(cache.count == 3)
        #expect(cache["k6"] == nil)
        #expect(cache["k7"] == [7] && cache["k8"] == [8] && cache["k9"] == [99])
        // By bytes: 40 + 40 fit, a third 40 drops the oldest; an answer over the budget is not kept.
        let small = AnswerCache(capacity: 100, byteBudget: 100)
        for number in 0..<3 { small.store([UInt8](repeating: UInt8(number), count: 40), for: "b\(number)") }
        #expect(small["b0"] == nil && small["b1"] != nil && small["b2"] != nil)
        #expect(small.bytes == 80)
        small.store([UInt8](repeating: 0, count: 101), for: "big")
        #expect(small["big"] == nil && small.count == 2)
        // Stored again larger: the bytes follow, and the oldest makes room.
        small.store([UInt8](repeating: 2, count: 70), for: "b2")
        #expect(small["b1"] == nil && small.bytes == 70)
    }
}
