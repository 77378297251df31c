/// One word of a text: a run of letters and digits, with its place and its folded form.
public struct Token: Hashable, Sendable {
    /// The word as written.
    public var text: String
    /// Lower case, diacritics removed (the resolver's folding): what gazetteer and triggers compare.
    public var folded: String
    /// 1-based line and column of the first character.
    public var line: Int
    public var column: Int
    /// What stands between this word and the next one on the line (spaces, punctuation).
    public var gapAfter: String

    public var isCapitalised: Bool { text.first?.isUppercase ?? false }
    /// Two or more letters, all upper case (`USA`, `UNSC`).
    public var isAcronym: Bool {
        text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber } && text.contains(where: \.isLetter)
    }
    public var number: Int? { text.allSatisfy(\.isASCII) ? Int(text) : nil }

    /// A token that matches nothing, standing in for words already read as something else.
    public static let blank = Token(text: "", folded: "", line: 0, column: 0, gapAfter: " ")

    public init(text: String, folded: String, line: Int, column: Int, gapAfter: String) {
        (self.text, self.folded, self.line, self.column, self.gapAfter) = (text, folded, line, column, gapAfter)
    }

    /// The words of one line with their columns and the text after each.
    public static func words<S: StringProtocol>(in line: S, line number: Int) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var gap = ""
        var start = 0
        var column = 0
        for character in line {
            column += 1
            if character.isLetter || character.isNumber {
                if word.isEmpty {
                    if !tokens.isEmpty { tokens[tokens.count - 1].gapAfter = gap }
                    gap = ""
                    start = column
                }
                word.append(character)
            } else {
                if !word.isEmpty {
                    tokens.append(Token(text: word, folded: ActorResolver.normalize(word), line: number, column: start, gapAfter: ""))
                    word = ""
                }
                gap.append(character)
            }
        }
        if !word.isEmpty {
            tokens.append(Token(text: word, folded: ActorResolver.normalize(word), line: number, column: start, gapAfter: ""))
        } else if !tokens.isEmpty {
            tokens[tokens.count - 1].gapAfter = gap
        }
        return tokens
    }
}

/// A date expression of a sentence turned into EDTF.
public struct DateMention: Hashable, Sendable {
    /// The EDTF text (`2021-08-17`, `2021-08`, `1979/1989`, `2003/..`, `2021~`).
    public var edtf: String
    /// The words as written.
    public var text: String
    /// Token positions in the sentence, half-open.
    public var range: Range<Int>
    /// How it was read ("weekday before the publication date 2021-08-20").
    public var reason: String
}

/// Finds dates in a sentence: full and partial calendar dates, years, decades, ranges, "since", "around", and
/// expressions relative to the publication day (`on Thursday`, `yesterday`, `last year`).
public struct DateReader: Sendable {
    /// The day or month the text was published, for relative expressions.
    public var published: EDTFDate?
    /// Whether a month name may be written in lower case (`aug 2021` in a spreadsheet cell); in running text only
    /// a capitalised word is a month.
    public var monthsInAnyCase = false

    public init(published: EDTFDate?, monthsInAnyCase: Bool = false) {
        self.published = published
        self.monthsInAnyCase = monthsInAnyCase
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let approximately: Set<String> = ["around", "about", "circa", "approximately", "roughly", "c", "ca"]

    /// The publication bound (first day and precision), when the date is a single day, month or year.
    private var anchor: EDTFDate.Bound? {
        if case .point(let bound) = published?.form { return bound }
        return nil
    }

    /// Every date expression of the sentence, left to right.
    public func dates(in tokens: [Token]) -> [DateMention] {
        var result: [DateMention] = []
        var position = 0
        while position < tokens.count {
            if var found = read(tokens, at: position) {
                found = qualified(found, in: tokens)
                if EDTFDate.parse(found.edtf).isSuccess { result.append(found) }
                position = found.range.upperBound
            } else {
                position += 1
            }
        }
        return result
    }

    private func qualified(_ mention: DateMention, in tokens: [Token]) -> DateMention {
        var mention = mention
        let before = mention.range.lowerBound > 0 ? tokens[mention.range.lowerBound - 1].folded : ""
        if Self.approximately.contains(before), !mention.edtf.contains("/") {
            mention.edtf += "~"
            mention.reason += "; '\(before)' makes it approximate"
        } else if before == "since", !mention.edtf.contains("/") {
            mention.edtf += "/.."
            mention.reason += "; 'since' opens it to the present"
        } else if before == "until" || before == "till", !mention.edtf.contains("/") {
            mention.edtf = "../" + mention.edtf
            mention.reason += "; 'until' bounds its end"
        }
        return mention
    }

    private func year(_ token: Token) -> Int? {
        guard token.text.count == 4, let value = token.number, (1000...2999).contains(value) else { return nil }
        return value
    }

    private func day(_ token: Token) -> Int? {
        var digits = token.folded
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = String(digits.dropLast(2)) }
        guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    private func month(_ tokens: [Token], _ position: Int) -> Int? {
        let token = tokens[position]
        guard token.isCapitalised || monthsInAnyCase, let value = Self.months[token.folded] else { return nil }
        // "May" is also a verb: read it as a month only next to a number or after "in", "since", "early"…
        if token.folded == "may" && !monthsInAnyCase {
            let next = position + 1 < tokens.count ? tokens[position + 1] : nil
            let previous = position > 0 ? tokens[position - 1].folded : ""
            guard next?.number != nil || ["in", "since", "until", "early", "late", "mid", "of"].contains(previous) else { return nil }
        }
        return value
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func read(_ tokens: [Token], at i: Int) -> DateMention? {
        func at(_ k: Int) -> Token? { k < tokens.count ? tokens[k] : nil }
        func mention(_ edtf: String, _ end: Int, _ reason: String) -> DateMention {
            DateMention(edtf: edtf, text: tokens[i..<end].map(\.text).joined(separator: " "), range: i..<end, reason: reason)
        }
        let token = tokens[i]
        // 17 August 2021 / 17 August
        if let d = day(token), let next = at(i + 1), token.gapAfter.allSatisfy(\.isWhitespace), let m = month(tokens, i + 1) {
            if let following = at(i + 2), let y = year(following) {
                return mention("\(y)-\(Self.two(m))-\(Self.two(d))", i + 3, "day month year")
            }
            _ = next
            if let y = inferredYear(month: m, day: d) {
                return mention("\(y)-\(Self.two(m))-\(Self.two(d))", i + 2, "day and month, year from the publication date")
            }
            return nil
        }
        if let m = month(tokens, i) {
            // August 17, 2021 / August 2021 / August
            if let next = at(i + 1), let d = day(next), next.text.count <= 4, year(next) == nil {
                if let following = at(i + 2), let y = year(following) {
                    return mention("\(y)-\(Self.two(m))-\(Self.two(d))", i + 3, "month day year")
                }
                if let y = inferredYear(month: m, day: d) {
                    return mention("\(y)-\(Self.two(m))-\(Self.two(d))", i + 2, "month and day, year from the publication date")
                }
            }
            if let next = at(i + 1), let y = year(next) { return mention("\(y)-\(Self.two(m))", i + 2, "month year") }
            let previous = i > 0 ? tokens[i - 1].folded : ""
            if ["in", "since", "until", "early", "late", "mid", "by"].contains(previous), let y = inferredYear(month: m, day: 1) {
                return mention("\(y)-\(Self.two(m))", i + 1, "month, year from the publication date")
            }
            return nil
        }
        if let y = year(token) {
            // 1979-1989, 1979 to 1989, between 1979 and 1989
            let previous = i > 0 ? tokens[i - 1].folded : ""
            if let next = at(i + 1), let end = year(next), end >= y,
                ["-", "–"].contains(token.gapAfter.filter { !$0.isWhitespace })
            {
                return mention("\(y)/\(end)", i + 2, "year range")
            }
            if let link = at(i + 1), ["to", "until", "and"].contains(link.folded), let next = at(i + 2), let end = year(next), end >= y,
                ["from", "between"].contains(previous)
            {
                return mention("\(y)/\(end)", i + 3, "year range")
            }
            // 2021-08-17 written as ISO
            if token.gapAfter == "-", let m = at(i + 1)?.number, (1...12).contains(m), at(i + 1)?.gapAfter == "-",
                let d = at(i + 2)?.number, (1...31).contains(d)
            {
                return mention("\(y)-\(Self.two(m))-\(Self.two(d))", i + 3, "ISO date")
            }
            return mention("\(y)", i + 1, "year")
        }
        // 1990s
        if token.folded.count == 5, token.folded.hasSuffix("s"), let decade = Int(token.folded.dropLast()), (1000...2990).contains(decade),
            decade % 10 == 0
        {
            return mention("\(decade)/\(decade + 9)", i + 1, "decade")
        }
        return relative(tokens, at: i, mention)
    }

    private func relative(_ tokens: [Token], at i: Int, _ mention: (String, Int, String) -> DateMention) -> DateMention? {
        let token = tokens[i]
        guard let anchor else { return nil }
        let (year, month, _) = anchor.first.components
        let next = i + 1 < tokens.count ? tokens[i + 1].folded : ""
        if let weekday = Self.weekdays.firstIndex(of: token.folded), token.isCapitalised {
            guard anchor.precision == .day else { return nil }
            // The latest such weekday on or before the publication day (1970-01-01, day 0, was a Thursday).
            let published = Int(anchor.first.dayNumber)
            let today = ((published + 3) % 7 + 7) % 7
            let back = (today - weekday + 7) % 7
            let day = CalendarDay(dayNumber: Int32(published - back))
            return mention(day.description, i + 1, "\(token.text) on or before the publication day \(anchor.first)")
        }
        switch (token.folded, next) {
        case ("yesterday", _) where anchor.precision == .day:
            return mention(CalendarDay(dayNumber: anchor.first.dayNumber - 1).description, i + 1, "the day before publication")
        case ("today", _) where anchor.precision == .day:
            return mention(anchor.first.description, i + 1, "the publication day")
        case ("last", "year"): return mention("\(year - 1)", i + 2, "the year before publication")
        case ("this", "year"): return mention("\(year)", i + 2, "the publication year")
        case ("next", "year"): return mention("\(year + 1)", i + 2, "the year after publication")
        case ("last", "month") where anchor.precision >= .month:
            let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
            return mention("\(y)-\(Self.two(m))", i + 2, "the month before publication")
        case ("this", "month") where anchor.precision >= .month:
            return mention("\(year)-\(Self.two(month))", i + 2, "the publication month")
        default: return nil
        }
    }

    /// The year of a day and month written without one: the publication year, or the one before when that day
    /// would come after publication.
    private func inferredYear(month: Int, day: Int) -> Int? {
        guard let anchor else { return nil }
        let (year, publishedMonth, publishedDay) = anchor.first.components
        if anchor.precision == .year { return year }
        let later = month > publishedMonth || (anchor.precision == .day && month == publishedMonth && day > publishedDay)
        return later ? year - 1 : year
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
