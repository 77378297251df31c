import ActorGraph

/// A horizontal time axis in inches: each year with an event gets the same width, so distances are
/// proportional to time, and a long run of empty years is squeezed into one short break.
struct TimelineAxis {
    /// A stretch of the axis: years `firstYear...lastYear` from `x` to `x + width` inches.
    struct Segment {
        let firstYear: Int
        let lastYear: Int
        let x: Double
        let width: Double
        /// A squeezed run of empty years, drawn with a break mark.
        let isBreak: Bool
    }

    let segments: [Segment]
    /// Empty years in a row from which a run is squeezed.
    static let shortestBreak = 3
    static let breakWidth = 0.6

    /// - Parameter days: the known days of the drawing (starts, ends, points); at least one.
    init(days: [Int32], maximumWidth: Double = 30) {
        let years = days.map { CalendarDay(dayNumber: $0).components.year }
        let occupied = Set(years)
        let first = years.min() ?? 2000
        let last = years.max() ?? 2000
        var runs: [(first: Int, last: Int, isBreak: Bool)] = []
        var year = first
        while year <= last {
            if occupied.contains(year) {
                runs.append((year, year, false))
                year += 1
                continue
            }
            var end = year
            while end + 1 <= last && !occupied.contains(end + 1) { end += 1 }
            let length = end - year + 1
            if length >= Self.shortestBreak {
                runs.append((year, end, true))
            } else {
                for empty in year...end { runs.append((empty, empty, false)) }
            }
            year = end + 1
        }
        let plainYears = runs.filter { !$0.isBreak }.count
        let breaks = runs.count - plainYears
        let yearWidth = min(1.2, max(0.35, (maximumWidth - Double(breaks) * Self.breakWidth) / Double(max(plainYears, 1))))
        var x = 0.0
        var segments: [Segment] = []
        for run in runs {
            let width = run.isBreak ? Self.breakWidth : yearWidth
            segments.append(Segment(firstYear: run.first, lastYear: run.last, x: x, width: width, isBreak: run.isBreak))
            x += width
        }
        self.segments = segments
    }

    var start: Double { 0 }
    var end: Double { segments.last.map { $0.x + $0.width } ?? 0 }

    /// The position of a day: its fraction of the way through its segment's days.
    func x(_ day: Int32) -> Double {
        let year = CalendarDay(dayNumber: day).components.year
        guard let segment = segments.first(where: { $0.firstYear <= year && year <= $0.lastYear }) else {
            return year < (segments.first?.firstYear ?? 0) ? start : end
        }
        let first = Self.firstDay(of: segment.firstYear)
        let after = Self.firstDay(of: segment.lastYear + 1)
        let fraction = Double(day - first) / Double(max(after - first, 1))
        return segment.x + fraction * segment.width
    }

    static func firstDay(of year: Int) -> Int32 {
        CalendarDay(year: year, month: 1, day: 1)?.dayNumber ?? 0
    }
}
