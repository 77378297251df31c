/// Receives how far long work (loading, importing, compiling, generating) has come, for a display the core knows
/// nothing of: the CLI binds one that draws on a terminal's standard error.
///
/// Work reports every few thousand items, from the thread that does it; a reporter decides what to show and when.
public protocol ProgressReporter: Sendable {
    /// A job starts: `total` items of `unit` (`nil` when unknown), e.g. `("reading events.yaml", 80_000_000, "bytes")`.
    func start(_ job: String, total: Int?, unit: ProgressUnit)
    /// `done` items of the current job are finished.
    func update(_ done: Int)
    /// The current job is over.
    func finish()
}

/// What a job counts, so a display can say "1.2 MB" or "420,000 relations".
public enum ProgressUnit: String, Sendable {
    case bytes, relations, actors, rows
    /// Sources of a betweenness computation (one breadth-first search each), paths found, rounds of PageRank.
    case sources, paths, rounds
}

public enum ProgressReporting {
    /// The reporter for work on this task, `nil` (the default) when nobody watches. Read once per job.
    @TaskLocal public static var reporter: (any ProgressReporter)?

    /// How many items pass between two updates: reading a task-local and the clock per item would cost more than
    /// the item.
    public static let stride = 1 << 14
}

/// One job's reporting from a loop: ``advance(to:)`` or ``tick()`` per item, an update to the bound reporter every
/// `stride` items (``ProgressReporting/stride`` unless told), nothing at all when none is bound.
public struct ProgressTicker {
    private let reporter: (any ProgressReporter)?
    private var done = 0
    private let stride: Int
    private var nextUpdate: Int

    /// - Parameter stride: items between two updates; 1 for items that each take long (a search per source).
    public init(_ job: String, total: Int?, unit: ProgressUnit, stride: Int = ProgressReporting.stride) {
        reporter = ProgressReporting.reporter
        self.stride = max(1, stride)
        nextUpdate = self.stride
        reporter?.start(job, total: total, unit: unit)
    }

    @inline(__always)
    public mutating func tick() { advance(to: done + 1) }

    @inline(__always)
    public mutating func advance(to done: Int) {
        self.done = done
        guard done >= nextUpdate else { return }
        nextUpdate = done + stride
        reporter?.update(done)
    }

    public func finish() { reporter?.finish() }
}
