import Foundation
import HTTPTypes
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A few dedicated threads, at a lower scheduling priority, for the explorer's heavy requests (views, charts'
/// selections, uncached histograms, deep neighbourhoods, exports), so that they never occupy the threads that run
/// Swift's jobs (one per core: NIO's event loops in `actorgraph-explorer`, see its main.swift) while search,
/// neighbourhood and path requests wait behind them.
///
/// Bounded: `threads` jobs run at once and at most `waiting` wait; beyond that ``run(_:)`` refuses with 503.
/// The threads run at `nice` above the process's own niceness (Linux schedules each thread by its own nice value),
/// so a cheap request on an event loop gets the CPU first when both are runnable; a Graphviz worker started
/// from one of these threads inherits its niceness.
public final class WorkPool: Sendable {
    public struct Limits: Sendable {
        public var threads: Int
        public var waiting: Int
        /// Added to each pool thread's nice value (0 to 19).
        public var nice: Int32

        public init(threads: Int = 2, waiting: Int = 64, nice: Int32 = 5) {
            self.threads = threads
            self.waiting = waiting
            self.nice = nice
        }
    }

    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var running = 0
        var pending: Int { jobs.count - head }
    }

    public let limits: Limits
    private let state = Mutex(State())
    private let signal = DispatchSemaphore(value: 0)

    /// The process's pool, made on first use; its threads live as long as the process.
    public static let shared = WorkPool()

    public init(limits: Limits = Limits()) {
        self.limits = limits
        for number in 0..<max(1, limits.threads) {
            let thread = Thread { [self] in self.serve() }
            thread.name = "actorgraph-heavy-\(number)"
            thread.start()
        }
    }

    /// Runs `body` on a pool thread and returns its result.
    ///
    /// - Throws: ``APIError`` 503 when `threads` jobs run and `waiting` wait already; whatever `body` throws.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws(APIError) -> T) async throws(APIError) -> T {
        let result: Result<T, APIError> = await withCheckedContinuation { continuation in
            let job: @Sendable () -> Void = {
                do throws(APIError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            let admitted = state.withLock { state -> Bool in
                guard state.pending + state.running < max(1, limits.threads) + limits.waiting else { return false }
                state.jobs.append(job)
                return true
            }
            if admitted {
                signal.signal()
            } else {
                continuation.resume(
                    returning: .failure(
                        APIError(
                            .serviceUnavailable,
                            "\(limits.threads + limits.waiting) heavy requests (views, charts, histograms) are running "
                                + "or waiting; try again in a moment")))
            }
        }
        return try result.get()
    }

    private func serve() {
        #if canImport(Glibc)
            // Linux keeps a nice value per thread, and PRIO_PROCESS with 0 names the calling thread: this one only.
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            _ = setpriority(which, 0, min(19, getpriority(which, 0) + limits.nice))
        #endif
        while true {
            signal.wait()
            let job = state.withLock { state -> (@Sendable () -> Void)? in
                guard state.pending > 0 else { return nil }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head == state.jobs.count {
                    state.jobs.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                state.running += 1
                return job
            }
            guard let job else { continue }
            job()
            state.withLock { $0.running -= 1 }
        }
    }
}
