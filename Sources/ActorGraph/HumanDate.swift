/// Which number comes first in an all-numeric date such as `03/04/2021`.
public enum DayOrder: String, Sendable, Hashable, CaseIterable {
    /// `17/08/2021`: day, month, year (most of the world).
    case dayFirst
    /// `08/17/2021`: month, day, year (the United States).
    case monthFirst
}

/// A date as people write it in a spreadsheet cell (`Aug 2021`, `17/08/2021`, `c. 2023`, `2021-`), turned into
/// EDTF. Words and month names are read by ``DateReader`` (the one that reads dates in running text for
/// `extract`); this adds what only cells hold: all-numeric dates, a leading `~`, a trailing `-` for an open range.
///
/// Seasons and parts of a year (`early 2022`, `spring 2022`) are not converted: EDTF's season codes (`2022-21`)
/// are not read by the rest of the tool, so such a cell is refused with a hint.
public enum HumanDate {
    /// The EDTF text of a cell, and how it was read ("day month year").
    public struct Reading: Hashable, Sendable {
        public var edtf: String
        public var reason: String
    }

    public struct Failure: Error, Hashable, Sendable {
        public var message: String
        public var hint: String
    }

    public static let help =
        "write EDTF (2021-08-17, 2021-08, 2021, 2021~, 2021/2023, 2021/..) or a common form: 17 August 2021, "
        + "Aug 2021, 17/08/2021, c. 2023, ~2023, 2021-"

    /// Reads `text`, which is not EDTF already. `order` settles all-numeric dates whose first two numbers could
    /// each be the month; without it such a date is refused.
    ///
    /// - Complexity: O(length of text).
    public static func read(_ text: String, order: DayOrder? = nil) -> Result<Reading, Failure> {
        var body = Substring(text).drop { $0.isWhitespace }
        while body.last?.isWhitespace == true { body.removeLast() }
        var approximate = false
        if body.first == "~" {
            approximate = true
            body = body.dropFirst().drop { $0.isWhitespace }
        }
        let reading: Result<Reading, Failure>
        if let open = openRange(body) {
            reading = .success(open)
        } else if let numeric = numericDate(body, order: order) {
            reading = numeric
        } else {
            reading = worded(body, original: text)
        }
        guard case .success(var result) = reading else { return reading }
        if approximate {
            guard !result.edtf.contains("/"), !result.edtf.hasSuffix("~") else {
                return .failure(Failure(message: "'~' before '\(body)' makes no sense for an interval", hint: help))
            }
            result.edtf += "~"
            result.reason += "; '~' makes it approximate"
        }
        if case .failure(let error) = EDTFDate.parse(result.edtf) {
            return .failure(Failure(message: "'\(text)' reads as \(result.edtf): \(error.message)", hint: help))
        }
        return .success(result)
    }

    /// `2021-`, `2021 -`, `2021–`: from that year on.
    private static func openRange(_ text: Substring) -> Reading? {
        guard let last = text.last, last == "-" || last == "–" else { return nil }
        let year = text.dropLast().filter { !$0.isWhitespace }
        guard year.count == 4, year.allSatisfy(\.isASCII), year.allSatisfy(\.isNumber) else { return nil }
        return Reading(edtf: "\(year)/..", reason: "a year followed by '-': open to the present")
    }

    /// `17/08/2021`, `17.08.2021`, `17-08-2021`, `08/2021`, `2021/08/17`; `nil` when the text is not all numbers
    /// and separators.
    private static func numericDate(_ text: Substring, order: DayOrder?) -> Result<Reading, Failure>? {
        let separators: Set<Character> = ["/", ".", "-"]
        guard !text.isEmpty, text.allSatisfy({ ($0.isASCII && $0.isNumber) || separators.contains($0) }) else {
            return nil
        }
        let parts = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, parts.count >= 2 else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        func day(_ y: Int, _ m: Int, _ d: Int, _ reason: String) -> Result<Reading, Failure> {
            .success(Reading(edtf: "\(y)-\(two(m))-\(two(d))", reason: reason))
        }
        if parts.count == 2, parts[1].count == 4, parts[0].count <= 2, (1...12).contains(numbers[0]) {
            return .success(Reading(edtf: "\(numbers[1])-\(two(numbers[0]))", reason: "month/year"))
        }
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            return day(numbers[0], numbers[1], numbers[2], "year month day")
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        let (a, b, year) = (numbers[0], numbers[1], numbers[2])
        switch order {
        case .dayFirst: return day(year, b, a, "day first (--day-first)")
        case .monthFirst: return day(year, a, b, "month first (--month-first)")
        case nil:
            if a == b { return day(year, a, b, "day and month are the same number") }
            if a > 12 && b <= 12 { return day(year, b, a, "day first: \(a) cannot be a month") }
            if b > 12 && a <= 12 { return day(year, a, b, "month first: \(b) cannot be a month") }
            return .failure(
                Failure(
                    message: "'\(text)' could be \(a) \(monthName(b)) or \(monthName(a)) \(b)",
                    hint: "pass --day-first or --month-first to say how the file writes dates"))
        }
    }

    private static func monthName(_ month: Int) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return (1...12).contains(month) ? names[month - 1] : "month \(month)"
    }

    static let qualifiers: Set<String> = DateReader.approximately.union(["since", "until", "till"])
    static let partsOfYear: Set<String> = [
        "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "first", "second", "third", "fourth",
        "half", "quarter", "beginning", "end",
    ]

    /// Month names, day-month-year, years, decades, with one qualifier before (`c.`, `circa`, `since`…): one date
    /// expression of ``DateReader`` covering the whole cell.
    private static func worded(_ text: Substring, original: String) -> Result<Reading, Failure> {
        let tokens = Token.words(in: text, line: 1)
        let mentions = DateReader(published: nil, monthsInAnyCase: true).dates(in: tokens)
        let refused = Failure(message: "cannot read '\(original)' as a date", hint: help)
        guard mentions.count == 1, let mention = mentions.first, mention.range.upperBound == tokens.count else {
            return .failure(refused)
        }
        let before = tokens[..<mention.range.lowerBound].map(\.folded)
        if let part = before.first(where: partsOfYear.contains) {
            return .failure(
                Failure(
                    message: "'\(original)': '\(part)' names part of a year, which is not converted",
                    hint: "write the year (\(mention.edtf)), or the months as an interval, e.g. \(mention.edtf)-01/\(mention.edtf)-04"))
        }
        guard before.count <= 1, before.allSatisfy(qualifiers.contains) else { return .failure(refused) }
        return .success(Reading(edtf: mention.edtf, reason: mention.reason))
    }
}
