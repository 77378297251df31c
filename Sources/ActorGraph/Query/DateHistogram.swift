/// Relation counts per calendar year or month, per category: the data of a time bar.
///
/// A relation counts in the bucket of its earliest possible day (its latest when open at the start); the bins run
/// without gaps from the first dated bucket to the last, so an empty year shows as an empty bar.
public struct DateHistogram: Hashable, Sendable {
    public enum Bucket: String, CaseIterable, Sendable {
        case year, month
    }

    public struct Bin: Hashable, Sendable {
        /// First and last day of the bucket.
        public let start: CalendarDay
        public let end: CalendarDay
        /// Relations per category, in ``RelationCategory`` order; categories without relations left out.
        public let counts: [(category: RelationCategory, count: Int)]

        public static func == (left: Bin, right: Bin) -> Bool {
            left.start == right.start && left.end == right.end
                && left.counts.map(\.category) == right.counts.map(\.category)
                && left.counts.map(\.count) == right.counts.map(\.count)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(start)
            hasher.combine(counts.map(\.count))
        }
    }

    public let bucket: Bucket
    public let bins: [Bin]
    /// Relations without a date.
    public let undated: Int

    /// The most bins a histogram holds; wider date ranges are cut at the latest end (the bins say where).
    public static let maximumBins = 12_000

    /// - Complexity: O(relations + bins).
    public init(_ graph: RelationGraph, relations: some Sequence<RelationIndex>, bucket: Bucket) {
        self.bucket = bucket
        var counts: [Int: [Int]] = [:]
        var undated = 0
        let categories = RelationCategory.allCases
        for relation in relations {
            guard let span = graph.span(of: relation) else {
                undated += 1
                continue
            }
            let day = span.possibleStart != TimeSpan.beginningOfTime ? span.possibleStart : span.possibleEnd
            guard day != TimeSpan.endOfTime, day != TimeSpan.beginningOfTime else {
                undated += 1
                continue
            }
            let key = Self.key(CalendarDay(dayNumber: day), bucket)
            let category = categories.firstIndex(of: graph.type(of: relation).category) ?? 0
            counts[key, default: [Int](repeating: 0, count: categories.count)][category] += 1
        }
        self.undated = undated
        guard let first = counts.keys.min(), let last = counts.keys.max() else {
            bins = []
            return
        }
        var bins: [Bin] = []
        for key in max(first, last - Self.maximumBins + 1)...last {
            let (start, end) = Self.range(of: key, bucket)
            let row = counts[key] ?? []
            let present = row.enumerated().filter { $0.element > 0 }.map { (categories[$0.offset], $0.element) }
            bins.append(Bin(start: start, end: end, counts: present))
        }
        self.bins = bins
    }

    public static func == (left: DateHistogram, right: DateHistogram) -> Bool {
        left.bucket == right.bucket && left.bins == right.bins && left.undated == right.undated
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bucket)
        hasher.combine(bins)
        hasher.combine(undated)
    }

    /// Years, or months counted from year 0.
    private static func key(_ day: CalendarDay, _ bucket: Bucket) -> Int {
        let components = day.components
        switch bucket {
        case .year: return components.year
        case .month: return components.year * 12 + components.month - 1
        }
    }

    private static func range(of key: Int, _ bucket: Bucket) -> (CalendarDay, CalendarDay) {
        let year = bucket == .year ? key : key / 12
        let month = bucket == .year ? nil : key % 12 + 1
        let clampedYear = min(max(year, 1), 9999)
        let start = CalendarDay(year: clampedYear, month: month ?? 1, day: 1) ?? CalendarDay(dayNumber: 0)
        let lastMonth = month ?? 12
        let end =
            CalendarDay(
                year: clampedYear, month: lastMonth, day: CalendarDay.daysIn(month: lastMonth, year: clampedYear))
            ?? start
        return (start, end)
    }
}
