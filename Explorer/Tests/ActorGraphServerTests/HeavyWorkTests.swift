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

    /// The same chart asked again (its parameters in another order too) is answered from memory without a worker;
    /// another chart, or the same view in another format, is drawn.
    @Test func chartsAreKeptByFormatAndParameters() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-chart-cache-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let counter = directory.appendingPathComponent("renders")
        let worker = directory.appendingPathComponent("worker.sh")
        // Counts its runs, then answers with a drawing that names the run, so a second drawing would differ.
        try Data(
            "#!/bin/sh\ncat >/dev/null\necho run >> '\(counter.path)'\necho \"<svg>$(wc -l < '\(counter.path)')</svg>\"\n".utf8
        ).write(to: worker)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: worker.path)
        let renderer = ChartRenderer(workerExecutable: worker.path, workerArguments: [])
        let app = try Fixtures.application(service, renderer: renderer)
        let bodies = try await app.test(.router) { client in
            var bodies: [String] = []
            for uri in [
                "/api/chart.svg?focus=zhirnov&depth=2", "/api/chart.svg?depth=2&focus=zhirnov",
                "/api/chart.svg?focus=zhirnov&depth=2", "/api/chart.svg?focus=taliban",
                "/api/export?focus=zhirnov&depth=2&format=svg",
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                bodies.append(Fixtures.text(response))
            }
            return bodies
        }
        #expect(bodies[0] == bodies[1] && bodies[1] == bodies[2])
        #expect(bodies[3] != bodies[0])
        #expect(bodies[4] == bodies[0], "an SVG export of the same view is the kept chart")
        let runs = try String(contentsOf: counter, encoding: .utf8).split(separator: "\n").count
        #expect(runs == 2, "one drawing per distinct chart")
        #expect(service.charts.count == 2)
    }

    /// Parameters whose values hold `&` or `=` do not share a cache key with others.
    @Test func canonicalParametersDoNotCollide() throws {
        let names: Set<String> = ["focus", "hide", "q"]
        let split = try QueryParameters(query: "focus=a&hide=b", allowed: names)
        let joined = try QueryParameters(query: "focus=a%26hide%3Db", allowed: names)
        #expect(joined["focus"] == "a&hide=b")
        #expect(split.canonical != joined.canonical)
        #expect(try QueryParameters(query: "q=50%25", allowed: names).canonical == "q=50%25")
        #expect(try QueryParameters(query: "hide=b&focus=a", allowed: names).canonical == split.canonical)
    }

    /// Neighbourhoods and paths reuse the kept search workspaces, and each answer is the one a fresh workspace
    /// gives (the CLI's), whatever was asked before on the same workspace; the workspaces are given back.
    @Test func keptWorkspacesGiveTheAnswersOfFreshOnes() throws {
        let pool = WorkspacePool(actorCount: service.graph.actorCount, kept: 1)
        #expect(pool.freeCount == 1)
        let ids = service.graph.actorIndices.map { service.graph[$0].id }
        for step in 0..<60 {
            let first = ids[(step * 7) % ids.count]
            let second = ids[(step * 13 + 5) % ids.count]
            guard first != second else { continue }
            let query = step % 2 == 0
                ? "path=\(first),\(second)" : "path=\(first),\(second)&pathMode=k&k=3&categories=diplomatic,conflict"
            let parameters = try QueryParameters(
                query: query.replacingOccurrences(of: " ", with: "%20"), allowed: ViewRequest.filterNames.union(["path", "pathMode", "k"]))
            let request = try service.viewRequest(parameters)
            let ends = try #require(request.pathEnds)
            let view = FilteredGraph(service.graph, filter: request.filter, namedActors: [ends.from, ends.to])
            let kept = pool.withWorkspace { workspace in
                QueryJSON.path(request.pathQuery.answer(view, from: ends.from, to: ends.to, workspace: workspace), view: view, timeFiltered: false)
            }
            let fresh = QueryJSON.path(request.pathQuery.answer(view, from: ends.from, to: ends.to), view: view, timeFiltered: false)
            #expect(kept.pretty() == fresh.pretty(), "\(query)")
            let center = ActorIndex((step * 11) % ids.count)
            let depth = 1 + step % 3
            let keptMembers = pool.withWorkspace { workspace in
                Neighborhood(service.graph, center: center, depth: depth, workspace: workspace).members.map(\.actor)
            }
            #expect(keptMembers == Neighborhood(service.graph, center: center, depth: depth).members.map(\.actor))
        }
        #expect(pool.freeCount == 1)
        // A request that finds none free makes its own; no more than `kept` are kept after.
        pool.withWorkspace { _ in pool.withWorkspace { _ in #expect(pool.freeCount == 0) } }
        #expect(pool.freeCount == 1)
    }
}
