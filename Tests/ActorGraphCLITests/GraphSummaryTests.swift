import ActorGraph
import ActorGraphTestSupport
import Testing

@testable import ActorGraphCLI

@Suite("check's summary")
struct GraphSummaryTests {
    /// The decade counts, by binary search over decade boundaries, equal a per-day calendar conversion.
    @Test func decadesEqualAConversionPerDay() throws {
        let first = try #require(CalendarDay(year: 1, month: 1, day: 1)).dayNumber
        let last = try #require(CalendarDay(year: 9999, month: 12, day: 31)).dayNumber
        for seed in UInt64(0)..<200 {
            var random = SeededRandom(seed: seed)
            // Mostly days around decade boundaries of a few centuries, sometimes anywhere in the calendar.
            let days: [Int32] = (0..<random.int(0...300)).map { _ in
                if random.int(0...9) == 0 { return Int32(random.int(Int(first)...Int(last))) }
                let year = 10 * random.int(150...210) + random.int(-1...0)
                return (CalendarDay(year: year, month: 12, day: 31)?.dayNumber ?? first) + Int32(random.int(-2...2))
            }
            var expected: [Int: Int] = [:]
            for day in days { expected[CalendarDay(dayNumber: day).components.year / 10 * 10, default: 0] += 1 }
            let counted = GraphSummary.decades(of: days)
            #expect(counted.map(\.decade) == expected.keys.sorted(), "seed \(seed)")
            #expect(counted.map(\.count) == expected.keys.sorted().map { expected[$0] ?? 0 }, "seed \(seed)")
        }
    }
}
