/// A date or interval in the Extended Date/Time Format (ISO 8601-2), level 0 plus the level-1 parts analysts
/// need: reduced precision (`2021`, `2021-08`), intervals (`1979/1989`), open ends (`2022-03/..`, `../2001`),
/// unknown ends (`2022-03/`, `/2001`) and the qualifiers `~` (approximate), `?` (uncertain) and `%` (both).
///
/// The precision is kept: `2022` is the whole year, never 2022-01-01.
public struct EDTFDate: Hashable, Sendable, CustomStringConvertible {
    public enum Precision: UInt8, Sendable, Comparable {
        case year = 0, month = 1, day = 2
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Qualifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let approximate = Qualifiers(rawValue: 1)
        public static let uncertain = Qualifiers(rawValue: 2)

        var suffix: String {
            switch (contains(.approximate), contains(.uncertain)) {
            case (true, true): return "%"
            case (true, false): return "~"
            case (false, true): return "?"
            case (false, false): return ""
            }
        }
    }

    /// A calendar date at some precision: the days from `first` to `last` inclusive.
    public struct Bound: Hashable, Sendable, CustomStringConvertible {
        public let first: CalendarDay
        public let precision: Precision
        public let qualifiers: Qualifiers

        public init(first: CalendarDay, precision: Precision, qualifiers: Qualifiers = []) {
            self.first = first
            self.precision = precision
            self.qualifiers = qualifiers
        }

        /// The last day this bound covers.
        public var last: CalendarDay {
            let (year, month, _) = first.components
            switch precision {
            case .day: return first
            case .month:
                return CalendarDay(dayNumber: first.dayNumber + Int32(CalendarDay.daysIn(month: month, year: year)) - 1)
            case .year:
                return CalendarDay(dayNumber: first.dayNumber + (CalendarDay.isLeap(year) ? 365 : 364))
            }
        }

        public var description: String {
            let (year, month, day) = first.components
            let text: String
            switch precision {
            case .year: text = pad(year, 4)
            case .month: text = "\(pad(year, 4))-\(pad(month, 2))"
            case .day: text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            }
            return text + qualifiers.suffix
        }
    }

    /// One end of an interval.
    public enum Endpoint: Hashable, Sendable {
        case bound(Bound)
        /// `..`: the interval runs on without limit (open end) or from the start of time (open start).
        case open
        /// Empty: the end exists but is not known.
        case unknown
    }

    public enum Form: Hashable, Sendable {
        case point(Bound)
        case interval(start: Endpoint, end: Endpoint)
    }

    public let form: Form

    public init(_ form: Form) { self.form = form }

    public var description: String {
        switch form {
        case .point(let bound): return bound.description
        case .interval(let start, let end): return "\(Self.text(start))/\(Self.text(end))"
        }
    }

    private static func text(_ endpoint: Endpoint) -> String {
        switch endpoint {
        case .bound(let bound): return bound.description
        case .open: return ".."
        case .unknown: return ""
        }
    }

    /// Whether any bound carries a qualifier (`?`, `~`, `%`).
    public var isQualified: Bool {
        switch form {
        case .point(let bound): return !bound.qualifiers.isEmpty
        case .interval(let start, let end):
            for endpoint in [start, end] {
                if case .bound(let bound) = endpoint, !bound.qualifiers.isEmpty { return true }
            }
            return false
        }
    }

    /// The days the date certainly and possibly covers. A qualified date (`2025?`, `2021~`) covers no day
    /// certainly: its latest start is the end of time, so no time filter holds for it definitely, only possibly.
    public var span: TimeSpan {
        var span = writtenSpan
        if isQualified { span.definiteStart = TimeSpan.endOfTime }
        return span
    }

    /// The days the date covers as written, qualifiers aside.
    private var writtenSpan: TimeSpan {
        switch form {
        case .point(let bound):
            // An event dated to a month happened on one unknown day in it: possibly any day, certainly none
            // (unless the precision is a day).
            let exact = bound.precision == .day
            return TimeSpan(
                possibleStart: bound.first.dayNumber,
                definiteStart: exact ? bound.first.dayNumber : bound.last.dayNumber,
                definiteEnd: exact ? bound.first.dayNumber : bound.first.dayNumber,
                possibleEnd: bound.last.dayNumber)
        case .interval(let start, let end):
            var possibleStart = TimeSpan.beginningOfTime
            var definiteStart = TimeSpan.beginningOfTime
            var definiteEnd = TimeSpan.endOfTime
            var possibleEnd = TimeSpan.endOfTime
            if case .bound(let bound) = start {
                possibleStart = bound.first.dayNumber
                definiteStart = bound.last.dayNumber
            }
            if case .bound(let bound) = end {
                definiteEnd = bound.first.dayNumber
                possibleEnd = bound.last.dayNumber
            }
            // An unknown end may come right after the start; an unknown start right before the end.
            if case .unknown = end { definiteEnd = possibleStart == TimeSpan.beginningOfTime ? definiteStart : possibleStart }
            if case .unknown = start { definiteStart = possibleEnd }
            return TimeSpan(
                possibleStart: possibleStart, definiteStart: definiteStart,
                definiteEnd: definiteEnd, possibleEnd: possibleEnd)
        }
    }

    /// The earliest day the relation may have started: the key for time ordering.
    public var sortKey: Int32 { span.possibleStart }
}

/// The days a dated relation covers, as day numbers: certainly on every day of
/// `definiteStart...definiteEnd` (empty when `definiteStart > definiteEnd`), possibly on every day of
/// `possibleStart...possibleEnd`, never outside it. Open ends use ``beginningOfTime`` and ``endOfTime``.
public struct TimeSpan: Hashable, Sendable, BitwiseCopyable {
    public static let beginningOfTime = Int32.min
    public static let endOfTime = Int32.max

    public var possibleStart: Int32
    public var definiteStart: Int32
    public var definiteEnd: Int32
    public var possibleEnd: Int32

    public init(possibleStart: Int32, definiteStart: Int32, definiteEnd: Int32, possibleEnd: Int32) {
        self.possibleStart = possibleStart
        self.definiteStart = definiteStart
        self.definiteEnd = definiteEnd
        self.possibleEnd = possibleEnd
    }

    public var hasDefiniteDays: Bool { definiteStart <= definiteEnd }
}
