/// Why a text is not an accepted EDTF date: a message, and the character offset it applies to.
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Offset in characters from the start of the text (0-based).
    public let offset: Int
    public let message: String
    public var description: String { message }

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public static let help = "write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ ? or %, or an interval "
        + "START/END where either side may be '..' (open) or empty (unknown), e.g. 1979/1989 or 2022-03/.."
}

extension EDTFDate {
    /// Parses `text` strictly. Nothing is resolved or guessed: an impossible day is an error.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String) -> Result<EDTFDate, EDTFError> {
        let characters = Array(text.unicodeScalars)
        if characters.isEmpty { return .failure(EDTFError(offset: 0, message: "the date is empty")) }
        if let unspecified = characters.firstIndex(where: { $0 == "X" || $0 == "x" }) {
            return .failure(
                EDTFError(
                    offset: unspecified,
                    message: "unspecified digits ('X') are not supported; give the precision you know (e.g. 2021 or 2021-08)"))
        }
        let slashes = characters.indices.filter { characters[$0] == "/" }
        if slashes.count > 1 {
            return .failure(EDTFError(offset: slashes[1], message: "an interval has exactly one '/'"))
        }
        guard let slash = slashes.first else {
            if text == ".." {
                return .failure(EDTFError(offset: 0, message: "'..' is only allowed as one end of an interval"))
            }
            return parseBound(characters, 0..<characters.count).map { .init(.point($0)) }
        }
        let startResult = parseEndpoint(characters, 0..<slash)
        let endResult = parseEndpoint(characters, (slash + 1)..<characters.count)
        let start: Endpoint
        let end: Endpoint
        switch (startResult, endResult) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let first), .success(let second)):
            start = first
            end = second
        }
        switch (start, end) {
        case (.bound(let first), .bound(let last)):
            if last.last < first.first {
                return .failure(
                    EDTFError(offset: slash + 1, message: "the interval ends (\(last)) before it starts (\(first))"))
            }
        case (.bound, _), (_, .bound):
            break
        default:
            return .failure(EDTFError(offset: 0, message: "an interval needs a date on at least one side"))
        }
        return .success(EDTFDate(.interval(start: start, end: end)))
    }

    private static func parseEndpoint(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> Result<Endpoint, EDTFError> {
        if range.isEmpty { return .success(.unknown) }
        if range.count == 2, characters[range.lowerBound] == ".", characters[range.lowerBound + 1] == "." {
            return .success(.open)
        }
        return parseBound(characters, range).map { .bound($0) }
    }

    private static func parseBound(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> Result<Bound, EDTFError> {
        var end = range.upperBound
        var qualifiers: Qualifiers = []
        if end > range.lowerBound {
            switch characters[end - 1] {
            case "~": qualifiers = .approximate
            case "?": qualifiers = .uncertain
            case "%": qualifiers = [.approximate, .uncertain]
            default: break
            }
            if !qualifiers.isEmpty { end -= 1 }
        }
        // Split on '-' and check each part is digits of the right width.
        var parts: [(start: Int, value: Int, width: Int)] = []
        var index = range.lowerBound
        if index < end, characters[index] == "-" {
            return .failure(EDTFError(offset: index, message: "years before year 1 are not supported"))
        }
        while index <= end {
            var cursor = index
            var value = 0
            while cursor < end, characters[cursor].value >= 0x30, characters[cursor].value <= 0x39, cursor - index < 5 {
                value = value * 10 + Int(characters[cursor].value - 0x30)
                cursor += 1
            }
            let width = cursor - index
            if width == 0 {
                let found = index < end ? "'\(characters[index])'" : "the end of the date"
                let what = parts.isEmpty ? "a four-digit year" : (parts.count == 1 ? "a two-digit month" : "a two-digit day")
                return .failure(EDTFError(offset: index, message: "expected \(what), found \(found)"))
            }
            parts.append((index, value, width))
            index = cursor
            if index == end { break }
            if characters[index] != "-" || parts.count == 3 {
                return .failure(EDTFError(offset: index, message: "unexpected '\(characters[index])'"))
            }
            index += 1
            if index == end {
                return .failure(EDTFError(offset: index, message: "the date ends with '-'"))
            }
        }
        guard let year = parts.first else {
            return .failure(EDTFError(offset: range.lowerBound, message: "expected a four-digit year"))
        }
        if year.width != 4 {
            return .failure(EDTFError(offset: year.start, message: "the year must have four digits (0001-9999)"))
        }
        if year.value == 0 {
            return .failure(EDTFError(offset: year.start, message: "year 0000 is not supported"))
        }
        var precision = Precision.year
        var month = 1
        var day = 1
        if parts.count >= 2 {
            let part = parts[1]
            if part.width != 2 {
                return .failure(EDTFError(offset: part.start, message: "the month must have two digits (01-12)"))
            }
            if part.value < 1 || part.value > 12 {
                return .failure(EDTFError(offset: part.start, message: "there is no month \(pad(part.value, 2))"))
            }
            month = part.value
            precision = .month
        }
        if parts.count == 3 {
            let part = parts[2]
            if part.width != 2 {
                return .failure(EDTFError(offset: part.start, message: "the day must have two digits (01-31)"))
            }
            let days = CalendarDay.daysIn(month: month, year: year.value)
            if part.value < 1 || part.value > days {
                return .failure(
                    EDTFError(
                        offset: part.start,
                        message: "\(pad(year.value, 4))-\(pad(month, 2))-\(pad(part.value, 2)) does not exist "
                            + "(that month has \(days) days)"))
            }
            day = part.value
            precision = .day
        }
        guard let first = CalendarDay(year: year.value, month: month, day: day) else {
            return .failure(EDTFError(offset: range.lowerBound, message: "the date does not exist"))
        }
        return .success(Bound(first: first, precision: precision, qualifiers: qualifiers))
    }
}

extension CalendarDay {
    /// Parses a full `YYYY-MM-DD` day (the form query filters take). Reduced precision is refused here
    /// because a filter needs one day; use ``EDTFDate`` for dates with precision.
    public static func parse(_ text: String) -> Result<CalendarDay, EDTFError> {
        switch EDTFDate.parse(text) {
        case .failure(let error): return .failure(error)
        case .success(let date):
            guard case .point(let bound) = date.form, bound.qualifiers.isEmpty, bound.precision == .day else {
                return .failure(EDTFError(offset: 0, message: "expected one day, YYYY-MM-DD"))
            }
            return .success(bound.first)
        }
    }
}
