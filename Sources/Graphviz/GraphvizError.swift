/// A failure to render DOT with Graphviz, in process or in an isolated worker.
///
/// `message` is what Graphviz said when it rejected the input (`cause == .graphviz`), or a
/// complete sentence of ours when the worker process failed in some other way.
public struct GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed.
    public enum Stage: String, Sendable, CaseIterable {
        /// Reading the DOT text (`agmemread`), or a policy check on what it declares.
        case parse
        /// Computing positions (`gvLayout`).
        case layout
        /// Producing the output bytes (`gvRenderData`).
        case render
        /// Starting or talking to the isolated worker process, before any Graphviz step.
        case worker
    }

    /// Why the step failed.
    public enum Cause: Sendable, Equatable {
        /// Graphviz reported an error; `message` is its text.
        case graphviz
        /// The worker process was killed by a signal (a Graphviz crash, or the CPU limit).
        case crashed(signal: Int32)
        /// The worker did not finish before the wall-clock deadline and was killed.
        case timedOut(after: Duration)
        /// The worker wrote more output than the renderer accepts.
        case outputTooLarge(limitBytes: Int)
        /// The worker exited unsuccessfully without the protocol's error report.
        case workerExited(status: Int32)
        /// The worker could not be started; `errno` says why.
        case launchFailed(errno: Int32)
    }

    public let stage: Stage
    public let cause: Cause
    public let message: String

    public init(stage: Stage, cause: Cause = .graphviz, message: String) {
        self.stage = stage
        self.cause = cause
        self.message = message
    }

    public var description: String {
        guard cause == .graphviz else { return message }
        switch stage {
        case .parse: return "Graphviz could not read the DOT: \(message)"
        case .layout: return "Graphviz could not lay out the graph: \(message)"
        case .render: return "Graphviz could not render the graph: \(message)"
        case .worker: return "the Graphviz worker failed: \(message)"
        }
    }
}
