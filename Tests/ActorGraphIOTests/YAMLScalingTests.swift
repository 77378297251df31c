import ActorGraph
import Synchronization
import Testing

@testable import ActorGraphIO

/// Composing a list adds each item in place: the items carried over when its storage grows add up to O(n), not
/// O(n²) as when every append copied the list (100k relations took minutes). Counted, not timed.
@Suite struct YAMLScalingTests {
    /// A graph file's shape: a top-level mapping whose `relations:` list holds `count` small mappings.
    private func relationsFile(_ count: Int) -> [UInt8] {
        var text = "actorgraph: 1\nrelations:\n"
        for position in 0..<count {
            text += "  - {from: a\(position), to: b\(position), type: meets}\n"
        }
        return Array(text.utf8)
    }

    @Test func relocatedItemsGrowLinearly() {
        let small = YAMLDocument.relocatedItems(composing: relationsFile(2_000))
        let large = YAMLDocument.relocatedItems(composing: relationsFile(20_000))
        // Geometric growth carries each item over about once or twice; a copy per append carries n²/2 (ratio 100).
        #expect(small > 2_000)
        #expect(large <= small * 12, "10x the items relocated \(large) items against \(small)")
        #expect(large <= 20_000 * 6)
    }

    @Test func composedListKeepsEveryItemInOrder() throws {
        let (root, diagnostics) = YAMLDocument.compose(relationsFile(3_000), file: "big.yaml")
        #expect(diagnostics.isEmpty)
        guard case .mapping(let pairs)? = root?.content, pairs.count == 2,
            case .sequence(let items) = pairs[1].value.content
        else {
            Issue.record("not a mapping with a relations list")
            return
        }
        #expect(items.count == 3_000)
        for (position, item) in items.enumerated() {
            guard case .mapping(let fields) = item.content else {
                Issue.record("item \(position) is not a mapping")
                return
            }
            #expect(fields.map { $0.key.scalar } == ["from", "to", "type"])
            #expect(fields[0].value.scalar == "a\(position)")
            #expect(item.location.line == position + 3)
        }
    }

    /// Composing reports the bytes read so far to a bound reporter, up to the file's size.
    @Test func composingReportsBytesRead() {
        final class Recorder: ProgressReporter {
            let events = Mutex<[String]>([])
            func start(_ job: String, total: Int?, unit: ProgressUnit) {
                events.withLock { $0.append("start \(job) \(total ?? -1) \(unit.rawValue)") }
            }
            func update(_ done: Int) { events.withLock { $0.append("\(done)") } }
            func finish() { events.withLock { $0.append("finish") } }
        }
        let recorder = Recorder()
        let bytes = relationsFile(5_000)
        _ = ProgressReporting.$reporter.withValue(recorder) { YAMLDocument.compose(bytes, file: "big.yaml") }
        let events = recorder.events.withLock { $0 }
        #expect(events.first == "start reading big.yaml \(bytes.count) bytes")
        #expect(events.last == "finish")
        let offsets = events.dropFirst().dropLast().compactMap { Int($0) }
        #expect(offsets.count == events.count - 2)
        #expect(offsets.count >= bytes.count / ProgressReporting.stride - 1)
        #expect(offsets == offsets.sorted() && offsets.allSatisfy { $0 <= bytes.count })
    }
}
