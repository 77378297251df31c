import ActorGraph
import Synchronization
import Testing

@testable import ActorGraphCLI

/// A clock the test moves by hand and a record of what was written to the "terminal".
private final class FakeTerminal: Sendable {
    let now = Mutex(0.0)
    let written = Mutex<[String]>([])

    func reporter() -> TerminalProgress {
        TerminalProgress(clock: { self.now.withLock { $0 } }, write: { text in self.written.withLock { $0.append(text) } })
    }

    func at(_ time: Double, _ body: () -> Void) -> [String] {
        now.withLock { $0 = time }
        let before = written.withLock { $0.count }
        body()
        return written.withLock { Array($0[before...]) }
    }
}

@Suite("Progress on a terminal")
struct TerminalProgressTests {
    @Test func boundOnlyToATerminal() {
        #expect(TerminalProgress.forStandardError(isTerminal: false) == nil)
        #expect(TerminalProgress.forStandardError(isTerminal: true) != nil)
    }

    @Test func quietForASecondThenThrottledThenErased() {
        let terminal = FakeTerminal()
        let progress = terminal.reporter()
        #expect(terminal.at(0) { progress.start("generating relations", total: 1_000, unit: .relations) }.isEmpty)
        #expect(terminal.at(0.5) { progress.update(100) }.isEmpty)
        #expect(
            terminal.at(1.5) { progress.update(500) } == [
                "\r\u{1B}[Kgenerating relations: 500 of 1,000 relations (50%), 333 relations/s, about 2 s left"
            ])
        #expect(terminal.at(1.6) { progress.update(600) }.isEmpty)
        #expect(terminal.at(1.8) { progress.update(700) }.count == 1)
        #expect(terminal.at(2.0) { progress.finish() } == ["\r\u{1B}[K"])
        // A job over within the second leaves nothing at all.
        #expect(terminal.at(3.0) { progress.start("writing relations", total: 10, unit: .relations) }.isEmpty)
        #expect(terminal.at(3.9) { progress.update(10) }.isEmpty)
        #expect(terminal.at(3.9) { progress.finish() }.isEmpty)
    }

    @Test func linesSayAmountRateAndTimeLeft() {
        #expect(
            TerminalProgress.describe("reading big.yaml", done: 48_200_000, total: 80_000_000, unit: .bytes, elapsed: 2)
                == "reading big.yaml: 48.2 of 80.0 MB (60%), 24.1 MB/s, about 2 s left")
        #expect(
            TerminalProgress.describe("reading rows", done: 1_234_567, total: nil, unit: .rows, elapsed: 1)
                == "reading rows: 1,234,567 rows, 1,234,567 rows/s")
        #expect(TerminalProgress.grouped(999) == "999")
        #expect(TerminalProgress.grouped(1_000) == "1,000")
        #expect(TerminalProgress.grouped(12_345_678) == "12,345,678")
    }
}

/// What long work reports, recorded.
private final class RecordingReporter: ProgressReporter {
    let events = Mutex<[String]>([])
    func start(_ job: String, total: Int?, unit: ProgressUnit) {
        events.withLock { $0.append("start \(job) \(total.map(String.init) ?? "?") \(unit.rawValue)") }
    }
    func update(_ done: Int) { events.withLock { $0.append("\(done)") } }
    func finish() { events.withLock { $0.append("finish") } }
}

@Suite("Progress from long work")
struct WorkProgressTests {
    @Test func generatingReportsRelationsInOrder() {
        let recorder = RecordingReporter()
        ProgressReporting.$reporter.withValue(recorder) {
            _ = SyntheticGraph.generate(actors: 1_000, relations: 100_000, seed: 3)
        }
        let events = recorder.events.withLock { $0 }
        #expect(events.first == "start generating relations 100000 relations")
        #expect(events.last == "finish")
        let counts = events.dropFirst().dropLast().compactMap { Int($0) }
        #expect(counts.count == events.count - 2)
        #expect(counts.count >= 100_000 / ProgressReporting.stride - 1)
        #expect(counts == counts.sorted() && counts.allSatisfy { $0 <= 100_000 })
    }
}
