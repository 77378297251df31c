import ActorGraph
import Dispatch
import HTTPTypes

/// One request's deadline for the searches that can run long (paths of every kind, in `/api/path` and in the views,
/// charts, histograms and exports that show a path): the core's ``StopSignal``, raised from another thread after
/// `seconds`, which the search checks as `actorgraph path --timeout` does. A stopped search answers 503 with what to
/// narrow, and the thread that ran it is free for the next request. The core sees the signal, never the clock.
struct QueryDeadline: Sendable {
    /// Seconds a request's search may take; 0 raises the signal before the search starts (for tests).
    let seconds: Double

    /// Runs `body` with a signal raised after ``seconds``; the timer is disarmed when `body` returns.
    ///
    /// - Throws: ``APIError`` 503 naming `what` when the signal stopped the search; `body`'s own ``APIError``s.
    func run<T>(_ what: String, _ body: (StopSignal) throws -> T) throws(APIError) -> T {
        let signal = StopSignal()
        let timer = DispatchWorkItem { signal.raise() }
        if seconds > 0 {
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        } else {
            signal.raise()
        }
        defer { timer.cancel() }
        do {
            return try body(signal)
        } catch let error as APIError {
            throw error
        } catch is QueryStopped {
            throw refusal(what)
        } catch {
            throw APIError(.internalServerError, "\(what) failed: \(error)")
        }
    }

    /// "the path search took longer than the explorer allows one request (10 s) and was stopped: …".
    func refusal(_ what: String) -> APIError {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return APIError(
            .serviceUnavailable,
            "\(what) took longer than the explorer allows one request (\(shown) s) and was stopped: narrow it with a "
                + "time window (from, to), fewer types, categories or kinds, or hidden actors; `actorgraph path` "
                + "runs it with no limit but its own --timeout")
    }
}
