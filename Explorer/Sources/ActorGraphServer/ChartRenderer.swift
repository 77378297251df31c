import ActorGraph
import ActorGraphDOT
import Dispatch
import Graphviz
import Synchronization
import HTTPTypes

/// Draws a view as SVG: the DOT of ActorGraphDOT's ``LinkChart`` (the same drawing as `actorgraph render`, with
/// actor and link ids and classes), laid out by the isolated Graphviz worker; renders wait in a bounded queue, each under a deadline, and a worker crash is an error, not a
/// dead server.
public final class ChartRenderer: Sendable {
    public struct Limits: Sendable {
        /// Renders running at once (each is a worker process).
        public var concurrent: Int
        /// Renders waiting beyond those; more are refused with 503.
        public var waiting: Int
        /// Wall-clock limit of one render's worker.
        public var deadline: Duration
        /// The most relations a chart draws (Graphviz `dot` with labels, as `render`'s budget).
        public var relations: Int

        public init(concurrent: Int = 2, waiting: Int = 16, deadline: Duration = .seconds(10), relations: Int = 600) {
            self.concurrent = concurrent
            self.waiting = waiting
            self.deadline = deadline
            self.relations = relations
        }
    }

    let worker: (executable: String, arguments: [String])
    let limits: Limits
    private let state = Mutex<(running: Int, waiting: [CheckedContinuation<Bool, Never>])>((0, []))

    public init(workerExecutable: String, workerArguments: [String], limits: Limits = Limits()) {
        self.worker = (workerExecutable, workerArguments)
        self.limits = limits
    }

    /// Renders `dot` (SVG unless `format` says otherwise), after waiting for a free worker slot.
    ///
    /// - Throws: ``APIError`` 503 when the queue is full, 502 when the worker fails (crash, deadline, Graphviz error).
    func render(_ dot: String, format: GraphvizFormat = .svg) async throws(APIError) -> [UInt8] {
        try await acquire()
        defer { release() }
        let renderer = IsolatedRenderer(
            workerExecutable: worker.executable, workerArguments: worker.arguments, timeout: limits.deadline,
            addressSpaceLimitBytes: 2 << 30, cpuSeconds: max(1, Int(limits.deadline.components.seconds) + 1),
            outputLimitBytes: 64 << 20)
        let result: Result<[UInt8], GraphvizError> = await withCheckedContinuation { continuation in
            // The worker call blocks its thread until the child exits: keep it off the server's event loops.
            DispatchQueue.global().async {
                do throws(GraphvizError) {
                    continuation.resume(returning: .success(try renderer.render(dot: dot, layout: .dot, format: format)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .success(let bytes): return bytes
        case .failure(let error): throw APIError(.badGateway, "the chart could not be drawn: " + error.message)
        }
    }

    private func acquire() async throws(APIError) {
        let admitted: Bool = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let decision = state.withLock { state -> Bool? in
                if state.running < limits.concurrent {
                    state.running += 1
                    return true
                }
                guard state.waiting.count < limits.waiting else { return false }
                state.waiting.append(continuation)
                return nil
            }
            if let decision { continuation.resume(returning: decision) }
        }
        guard admitted else {
            throw APIError(
                .serviceUnavailable,
                "\(limits.concurrent + limits.waiting) charts are being drawn or waiting; try again in a moment")
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()  // the slot passes to the next waiter
        }
        next?.resume(returning: true)
    }
}
