import ActorGraph
import ArgumentParser
import Dispatch
import Foundation
import Synchronization

/// `--timeout SECONDS` of the queries that can run for minutes (`central --measure betweenness|pagerank`, `path`'s
/// listings and k shortest): none by default.
struct QueryTimeoutOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Stop the search after this many seconds (exit status 6), saying how far it came.",
            valueName: "seconds"))
    var timeout: Double?

    /// A week: longer is a typo.
    static let maximum = 604_800.0

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= Self.maximum) {
            throw ValidationError("--timeout must be more than 0 and at most \(Int(Self.maximum)) seconds (a week)")
        }
    }
}

/// Watches one long query from the command line: raises the core's ``StopSignal`` when `--timeout` passes or on
/// SIGINT / SIGTERM (the first one; a second ends the command at once, as without the watch), then says why the
/// query stopped. The core only sees the signal; the clock and the signals stay here.
final class QueryWatch {
    /// What stopped a query.
    enum Cause: Equatable {
        case timeout(Double)
        case signal(Int32)
    }

    /// One per process, so the signal handler reaches it without context.
    static let stop = StopSignal()
    private static let receivedSignal = Atomic<Int32>(0)

    let timeout: Double?
    private let started = DispatchTime.now()
    private var deadline: DispatchWorkItem?
    /// The signals whose handler this watch installed, put back to the default by ``finish()``.
    private static let installed = Mutex<[Int32]>([])

    /// Starts watching: arms the deadline and the signal handlers.
    init(timeout: Double?) {
        self.timeout = timeout
        Self.installHandlers()
        if let timeout {
            let item = DispatchWorkItem { QueryWatch.stop.raise() }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: item)
            deadline = item
        }
    }

    deinit { finish() }

    /// Stops watching: the deadline is disarmed and SIGINT and SIGTERM end the command again.
    func finish() {
        deadline?.cancel()
        deadline = nil
        for number in Self.installed.withLock({ installed in defer { installed = [] }; return installed }) {
            Glibc.signal(number, SIG_DFL)
        }
    }

    var signal: StopSignal { Self.stop }

    /// Why the query stopped, once ``signal`` is raised.
    var cause: Cause? {
        guard Self.stop.isRaised else { return nil }
        let received = Self.receivedSignal.load(ordering: .sequentiallyConsistent)
        if received != 0 { return .signal(received) }
        return .timeout(timeout ?? 0)
    }

    /// Seconds since the watch started.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    /// The handlers for SIGINT and SIGTERM, for the signals whose disposition is still the default (one ignored
    /// under `nohup` stays ignored). Async-signal-safe: two atomic stores and `signal`.
    private static func installHandlers() {
        for number in [SIGINT, SIGTERM] {
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                QueryWatch.receivedSignal.store(received, ordering: .sequentiallyConsistent)
                QueryWatch.stop.raise()
                // A second one ends the command at once.
                Glibc.signal(received, SIG_DFL)
            }
            sigemptyset(&action.sa_mask)
            if sigaction(number, &action, nil) == 0 { installed.withLock { $0.append(number) } }
        }
    }

    /// The exit status for `cause`: ``ExitStatus/timedOut`` for the deadline, 128 + the signal's number for a
    /// signal, as a shell reports a command the signal ended.
    static func status(_ cause: Cause) -> Int32 {
        switch cause {
        case .timeout: return ExitStatus.timedOut
        case .signal(let number): return ExitStatus.interrupted(by: number)
        }
    }

    /// "--timeout 5", "SIGINT".
    static func name(_ cause: Cause) -> String {
        switch cause {
        case .timeout(let seconds): return "--timeout \(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds))"
        case .signal(SIGINT): return "SIGINT"
        case .signal(SIGTERM): return "SIGTERM"
        case .signal(let number): return "signal \(number)"
        }
    }

    /// "timeout", "SIGINT", "SIGTERM": JSON's `stopped_by`.
    static func kind(_ cause: Cause) -> String {
        if case .timeout = cause { return "timeout" }
        return name(cause)
    }

    /// "--timeout 5 after 5 s", "SIGINT after 2.3 s": what stopped the query, for the mark on its output.
    func describe(_ cause: Cause) -> String { "\(Self.name(cause)) after \(elapsed.formatted) s" }

    /// The error a stopped query ends with: what stopped it, after how long, how far it came (`progress`, e.g.
    /// "5,600 of 20,000 sources were done") and, for the deadline, how to raise it.
    func failure(_ what: String, progress: String?, estimate: Double? = nil, outcome: String, hint: String)
        -> CommandFailure
    {
        let cause = self.cause ?? .timeout(timeout ?? 0)
        var message = "error: \(what) stopped by \(Self.name(cause)) after \(elapsed.formatted) s"
        if let progress { message += ": \(progress)" }
        if case .timeout = cause {
            if let estimate, estimate.isFinite {
                message += "; at that rate the rest needs about \(TerminalProgress.grouped(Int(estimate.rounded(.up)))) s more"
            }
        }
        message += "; \(outcome)"
        if case .timeout = cause {
            message += "\nhint: raise --timeout"
            if let estimate, estimate.isFinite, let timeout {
                message += " (e.g. --timeout \(Int((timeout + estimate * 1.2).rounded(.up))))"
            }
            message += ", or \(hint)"
        }
        return CommandFailure(message, status: Self.status(cause))
    }
}

extension Double {
    /// 5 as "5", 2.5 as "2.5", 12.345 as "12.3".
    fileprivate var formatted: String {
        let tenths = (self * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
