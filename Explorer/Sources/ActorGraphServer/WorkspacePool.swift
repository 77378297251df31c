import ActorGraph
import Foundation
import Synchronization

/// Search workspaces kept between requests. A workspace holds marks and queues for every actor of the graph (24
/// bytes and more per actor: 3.6 MB on 100,000 actors), and a neighbourhood or path query that makes its own
/// allocates and clears all of it, a cost proportional to the whole graph on every request; a kept one is reused
/// as it is (its searches tell their marks apart by epoch).
///
/// `kept` of them are made at start (as many as requests can run a search at once: one per thread that runs Swift's
/// jobs, which are NIO's event loops in `actorgraph-explorer` and the cooperative pool in tests, one per core either
/// way, and one per ``WorkPool`` thread), so the server's memory does not grow with its first concurrent requests; a
/// request that finds none free makes one and drops it afterwards when `kept` are already free.
final class WorkspacePool: Sendable {
    /// A workspace is used by one request at a time: taken from the pool under its lock, given back after.
    private struct Kept: @unchecked Sendable {
        let workspace: SearchWorkspace
    }

    let actorCount: Int
    let kept: Int
    private let free: Mutex<[Kept]>

    init(actorCount: Int, kept: Int) {
        self.actorCount = actorCount
        self.kept = max(0, kept)
        self.free = Mutex((0..<max(0, kept)).map { _ in Kept(workspace: SearchWorkspace(actorCount: actorCount)) })
    }

    /// As many as can search at once: the cores (the threads that run Swift's jobs) and the heavy requests' threads.
    static var concurrentSearches: Int { ProcessInfo.processInfo.activeProcessorCount + WorkPool.Limits().threads }

    /// How many are free now (for tests).
    var freeCount: Int { free.withLock { $0.count } }

    /// Runs `body` with a workspace no other request is using, and keeps it for the next.
    func withWorkspace<Result, Failure: Error>(_ body: (SearchWorkspace) throws(Failure) -> Result) throws(Failure) -> Result {
        let taken = free.withLock { $0.popLast() } ?? Kept(workspace: SearchWorkspace(actorCount: actorCount))
        defer {
            free.withLock { free in
                if free.count < kept { free.append(taken) }
            }
        }
        return try body(taken.workspace)
    }
}
