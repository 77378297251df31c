/// A relation's date as the graph stores it: the 16-bit shape word and the four day numbers of its span. A snapshot
/// writes its distinct dates this way instead of as text, so loading parses and converts nothing.
public struct StoredDate: Hashable, Sendable {
    public let shape: UInt16
    public let span: TimeSpan

    /// What an undated relation stores.
    public static let undated = StoredDate(unchecked: 0, span: RelationGraph.undatedSpan)

    init(unchecked shape: UInt16, span: TimeSpan) {
        self.shape = shape
        self.span = span
    }

    /// The first and last day numbers of the years ActorGraph accepts (1–9999).
    static let days: ClosedRange<Int32> = {
        let first = CalendarDay(year: 1, month: 1, day: 1)?.dayNumber ?? 0
        let last = CalendarDay(year: 9999, month: 12, day: 31)?.dayNumber ?? 0
        return first...last
    }()

    /// The stored date, or `nil` unless every field is in its domain: shape bits in use only, precisions and endpoint
    /// kinds known, a point with no endpoint kinds, every day number a day of years 1–9999 or a bound of time, and
    /// an undated shape with the undated span. What a reader of untrusted bytes needs: nothing computed from such a
    /// date (its text, calendar fields, last days of its month or year) can then overflow or trap.
    ///
    /// - Complexity: O(1).
    public init?(shape: UInt16, span: TimeSpan) {
        guard Self.isValid(shape: shape, span: span) else { return nil }
        self.init(unchecked: shape, span: span)
    }

    /// Whether ``init(shape:span:)`` accepts the pair; no allocation, for a column of millions.
    @inline(__always)
    static func isValid(shape: UInt16, span: TimeSpan) -> Bool {
        guard shape & PackedDate.hasDate != 0 else { return shape == 0 && span == RelationGraph.undatedSpan }
        guard shape >> 14 == 0, shape >> 6 & 3 <= 2, shape >> 8 & 3 <= 2 else { return false }
        let kinds = shape >> 2 & 15
        if shape & PackedDate.isInterval == 0 {
            guard kinds == 0 else { return false }
        } else {
            guard kinds & 3 <= 2, kinds >> 2 <= 2 else { return false }
        }
        return isDay(span.possibleStart) && isDay(span.definiteStart) && isDay(span.definiteEnd)
            && isDay(span.possibleEnd)
    }

    @inline(__always)
    private static func isDay(_ day: Int32) -> Bool {
        days.contains(day) || day == TimeSpan.beginningOfTime || day == TimeSpan.endOfTime
    }
}

extension RelationGraph {
    /// The relation's date as stored (``StoredDate/undated`` for none).
    public func storedDate(of relation: RelationIndex) -> StoredDate {
        validDate(at: relation.position).map { StoredDate(unchecked: $0.shape, span: $0.span) } ?? .undated
    }
}
