/// How sure a time filter is that a relation answers it.
///
/// A relation's date is known only to its precision: a relation dated `2022` may or may not be active on
/// 2022-06-01, while one dated `2021/2023` certainly is. Filters therefore answer in three values, and every
/// query output says which one applied.
public enum TimeMatch: UInt8, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Every reading of the date satisfies the condition.
    case definitely = 0
    /// Some reading of the date satisfies it, some does not.
    case possibly = 1
    /// The relation has no date; kept only with ``RelationFilter/includeUndated``.
    case undated = 2

    public static func < (lhs: TimeMatch, rhs: TimeMatch) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .definitely: return "definitely"
        case .possibly: return "possibly"
        case .undated: return "undated"
        }
    }
}

/// The time condition of a query, as a window of day numbers.
///
/// A relation's date is read as an interval `[s, e]` whose start `s` is some day in
/// `possibleStart...definiteStart` and whose end `e` is some day in `definiteEnd...possibleEnd` (for a point
/// date such as `2022`, `s = e` = one unknown day of 2022, which the ``TimeSpan`` fields encode the same way).
/// Against a window `[lo, hi]` the relation is
/// - **definitely** active when every reading overlaps it: `definiteStart ≤ hi` and `definiteEnd ≥ lo`;
/// - **possibly** active when some reading does: `possibleStart ≤ hi` and `possibleEnd ≥ lo`.
///
/// `--at D` is the window `D...D` (a month or a year: all its days, i.e. "at some time in D"),
/// `--between A..B` is `A`'s first day to `B`'s last day (either side open), and `--until D` is the start of
/// time to `D`'s last day: "had begun by D", ended or not.
public enum TimeCondition: Hashable, Sendable {
    case none
    /// As of a day; for a month or year, at some time in it. `first...last` are day numbers.
    case at(first: Int32, last: Int32)
    /// Overlapping the window; `nil` is an open side.
    case between(first: Int32?, last: Int32?)
    /// Begun by the day `last` (the last day of the month or year when coarser).
    case until(last: Int32)

    /// The window `[lo, hi]` in day numbers, or `nil` for ``none``.
    public var window: (lo: Int32, hi: Int32)? {
        switch self {
        case .none: return nil
        case .at(let first, let last): return (first, last)
        case .between(let first, let last): return (first ?? TimeSpan.beginningOfTime, last ?? TimeSpan.endOfTime)
        case .until(let last): return (TimeSpan.beginningOfTime, last)
        }
    }

    /// The three-valued answer for a dated relation: `.definitely`, `.possibly` or `nil` (not active).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public static func match(_ span: TimeSpan, lo: Int32, hi: Int32) -> TimeMatch? {
        // One day inside the ends of time, as ``FilteredGraph`` does: a qualified date's latest start is the end of
        // time, which no window then reaches.
        let (lo, hi) = (max(lo, TimeSpan.beginningOfTime + 1), min(hi, TimeSpan.endOfTime - 1))
        if span.definiteStart <= hi && span.definiteEnd >= lo { return .definitely }
        if span.possibleStart <= hi && span.possibleEnd >= lo { return .possibly }
        return nil
    }

    /// The answer for `span` under this condition; `.definitely` when there is no condition.
    public func match(_ span: TimeSpan) -> TimeMatch? {
        guard let (lo, hi) = window else { return .definitely }
        return Self.match(span, lo: lo, hi: hi)
    }

    // MARK: Parsing the filter texts
    //
    // The messages name the text, not the option it came from: a caller (the CLI, the explorer) prefixes its own
    // name for it, e.g. `--at` + " " + message.

    /// Parses `--at D`: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for "at some time in that month or year".
    public static func parseAt(_ text: String) -> Result<TimeCondition, QueryInputError> {
        parseDay(text).map { .at(first: $0.first, last: $0.last) }
    }

    /// Parses `--until D` (same date forms as `--at`).
    public static func parseUntil(_ text: String) -> Result<TimeCondition, QueryInputError> {
        parseDay(text).map { .until(last: $0.last) }
    }

    /// Parses `--between A..B`, where either side may be empty (open): `2001..2003`, `2001..`, `..2001-09-11`.
    public static func parseBetween(_ text: String) -> Result<TimeCondition, QueryInputError> {
        let parts = text.split(separator: "..", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            return .failure(QueryInputError("expects A..B (either side may be empty), got '\(text)'"))
        }
        if parts[0].isEmpty && parts[1].isEmpty {
            return .failure(QueryInputError("needs a date on at least one side of '..'"))
        }
        var first: (first: Int32, last: Int32)?
        var last: (first: Int32, last: Int32)?
        if !parts[0].isEmpty {
            switch parseDay(parts[0]) {
            case .failure(let error): return .failure(error)
            case .success(let day): first = day
            }
        }
        if !parts[1].isEmpty {
            switch parseDay(parts[1]) {
            case .failure(let error): return .failure(error)
            case .success(let day): last = day
            }
        }
        if let first, let last, last.last < first.first {
            return .failure(QueryInputError("\(text): the end \(parts[1]) is before the start \(parts[0])"))
        }
        return .success(.between(first: first?.first, last: last?.last))
    }

    /// A calendar date at day, month or year precision, as its first and last day numbers.
    public static func parseDay(_ text: String) -> Result<(first: Int32, last: Int32), QueryInputError> {
        switch EDTFDate.parse(text) {
        case .failure(let error):
            return .failure(QueryInputError("'\(text)' is not a date: \(error.message); write YYYY, YYYY-MM or YYYY-MM-DD"))
        case .success(let date):
            guard case .point(let bound) = date.form, bound.qualifiers.isEmpty else {
                return .failure(QueryInputError("'\(text)': write one date, YYYY, YYYY-MM or YYYY-MM-DD"))
            }
            return .success((bound.first.dayNumber, bound.last.dayNumber))
        }
    }
}

/// A query input that cannot be used (a bad date, an unknown type…), with a one-line message.
public struct QueryInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
