import ActorGraph
import Foundation
import Synchronization

/// Shows long work's progress on standard error when it is a terminal: one line redrawn in place with the job, the
/// items done of the total, the rate and the time left, from one second into a job (shorter work shows nothing),
/// erased when the job ends. When standard error is a file or a pipe none is bound, so logs and scripts see nothing.
final class TerminalProgress: ProgressReporter {
    private struct State {
        var job = ""
        var total: Int?
        var unit = ProgressUnit.rows
        var started = 0.0
        var lastDrawn = -Double.infinity
        var drawn = false
    }

    /// A job shows nothing before this many seconds.
    static let delay = 1.0
    /// Redraws at most this often, in seconds.
    static let interval = 0.2

    private let state = Mutex(State())
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void

    init(clock: @escaping @Sendable () -> Double, write: @escaping @Sendable (String) -> Void) {
        self.clock = clock
        self.write = write
    }

    /// The reporter for this process's standard error, or `nil` when it is not a terminal.
    static func forStandardError(isTerminal: Bool = isatty(STDERR_FILENO) == 1) -> TerminalProgress? {
        guard isTerminal else { return nil }
        return TerminalProgress(
            clock: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
            write: { text in
                Array(text.utf8).withUnsafeBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    var offset = 0
                    while offset < raw.count {
                        let written = Foundation.write(STDERR_FILENO, base + offset, raw.count - offset)
                        if written < 0 && errno == EINTR { continue }
                        if written <= 0 { return }
                        offset += written
                    }
                }
            })
    }

    func start(_ job: String, total: Int?, unit: ProgressUnit) {
        let now = clock()
        let erase = state.withLock { state in
            let wasDrawn = state.drawn
            state = State(job: job, total: total, unit: unit, started: now)
            return wasDrawn
        }
        if erase { write(Self.eraseLine) }
    }

    func update(_ done: Int) {
        let now = clock()
        let line = state.withLock { state -> String? in
            let elapsed = now - state.started
            guard elapsed >= Self.delay, now - state.lastDrawn >= Self.interval else { return nil }
            state.lastDrawn = now
            state.drawn = true
            return Self.describe(state.job, done: done, total: state.total, unit: state.unit, elapsed: elapsed)
        }
        if let line { write(Self.eraseLine + line) }
    }

    func finish() {
        let erase = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        if erase { write(Self.eraseLine) }
    }

    /// Back to the start of the line, then clear it.
    static let eraseLine = "\r\u{1B}[K"

    /// "reading big.yaml: 48.2 of 80.0 MB (60%), 25.1 MB/s, about 2 s left".
    static func describe(_ job: String, done: Int, total: Int?, unit: ProgressUnit, elapsed: Double) -> String {
        let rate = Double(done) / max(elapsed, 1e-9)
        var text = "\(job): \(amount(done, unit, withUnit: total == nil))"
        if let total, total > 0 {
            text += " of \(amount(total, unit, withUnit: true)) (\(min(100, done * 100 / total))%)"
        }
        text += ", \(amount(Int(rate), unit, withUnit: true))/s"
        if let total, total > done, rate > 0 {
            text += ", about \(Int((Double(total - done) / rate).rounded(.up))) s left"
        }
        return text
    }

    private static func amount(_ value: Int, _ unit: ProgressUnit, withUnit: Bool) -> String {
        guard unit != .bytes else {
            let megabytes = Double(value) / 1_000_000
            return String(format: "%.1f", megabytes) + (withUnit ? " MB" : "")
        }
        return grouped(value) + (withUnit ? " \(unit.rawValue)" : "")
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
