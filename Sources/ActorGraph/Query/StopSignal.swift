import Synchronization

/// A request to stop long work early, raised from any thread (a deadline, Ctrl-C) and read by the loops of the
/// queries that can run for minutes: betweenness and PageRank, path enumeration, the k shortest paths.
///
/// The core only reads the flag; who raises it and why (a clock, a signal) is the caller's business. Raising is one
/// atomic store, safe in a signal handler.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Asks every loop watching this signal to stop at its next check.
    public func raise() { raised.store(true, ordering: .relaxed) }

    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}

/// A query stopped by its ``StopSignal`` before it finished: `done` of `total` units of its work (sources of
/// betweenness, rounds of PageRank) were finished, when it counts them.
public struct QueryStopped: Error, Sendable, Equatable {
    public let done: Int
    public let total: Int?

    public init(done: Int, total: Int?) {
        self.done = done
        self.total = total
    }
}
