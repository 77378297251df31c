import ActorGraph
import Testing

@Suite("Query time filters")
struct QueryTimeTests {
    static func failure<Value, Failure>(_ result: Result<Value, Failure>) -> Failure? {
        if case .failure(let error) = result { return error }
        return nil
    }

    static func day(_ text: String) -> Int32 {
        guard case .success(let day) = CalendarDay.parse(text) else { Issue.record("bad day \(text)"); return 0 }
        return day.dayNumber
    }

    static func span(_ text: String) -> TimeSpan {
        guard case .success(let date) = EDTFDate.parse(text) else {
            Issue.record("bad date \(text)")
            return TimeSpan(possibleStart: 0, definiteStart: 0, definiteEnd: 0, possibleEnd: 0)
        }
        return date.span
    }

    static func at(_ date: String, _ day: String) -> TimeMatch? {
        TimeCondition.at(first: Self.day(day), last: Self.day(day)).match(span(date))
    }

    static func until(_ date: String, _ day: String) -> TimeMatch? {
        TimeCondition.until(last: Self.day(day)).match(span(date))
    }

    static func between(_ date: String, _ window: String) -> TimeMatch? {
        guard case .success(let condition) = TimeCondition.parseBetween(window) else {
            Issue.record("bad window \(window)")
            return nil
        }
        return condition.match(span(date))
    }

    @Test func pointDay() {
        #expect(Self.at("2021-08-17", "2021-08-17") == .definitely)
        #expect(Self.at("2021-08-17", "2021-08-16") == nil)
        #expect(Self.at("2021-08-17", "2021-08-18") == nil)
        #expect(Self.until("2021-08-17", "2021-08-17") == .definitely)
        #expect(Self.until("2021-08-17", "2021-08-16") == nil)
    }

    @Test func pointMonth() {
        #expect(Self.at("2021-08", "2021-08-01") == .possibly)
        #expect(Self.at("2021-08", "2021-08-31") == .possibly)
        #expect(Self.at("2021-08", "2021-09-01") == nil)
        #expect(Self.at("2021-08", "2021-07-31") == nil)
        // Begun by 2021-08-15? Possibly: it may be any day of August.
        #expect(Self.until("2021-08", "2021-08-15") == .possibly)
        #expect(Self.until("2021-08", "2021-08-31") == .definitely)
        #expect(Self.until("2021-08", "2021-07-31") == nil)
        #expect(Self.between("2021-08", "2021-08..2021-08") == .definitely)
        #expect(Self.between("2021-08", "2021-08-10..2021-09") == .possibly)
    }

    @Test func pointYear() {
        // The issue's example: a relation dated 2022 is only possibly active on 2022-06-01.
        #expect(Self.at("2022", "2022-06-01") == .possibly)
        #expect(Self.at("2022", "2023-01-01") == nil)
        #expect(Self.between("2022", "2022..2022") == .definitely)
        #expect(Self.between("2022", "2021..2023") == .definitely)
        #expect(Self.between("2022", "2022-06..") == .possibly)
        #expect(Self.between("2022", "..2021") == nil)
        #expect(Self.until("2022", "2022-12-31") == .definitely)
        #expect(Self.until("2022", "2022-12-30") == .possibly)
    }

    @Test func closedInterval() {
        // ... while one dated 2021/2023 definitely is.
        #expect(Self.at("2021/2023", "2022-06-01") == .definitely)
        #expect(Self.at("2021/2023", "2021-06-01") == .possibly)
        #expect(Self.at("2021/2023", "2023-06-01") == .possibly)
        #expect(Self.at("2021/2023", "2024-01-01") == nil)
        #expect(Self.at("2021/2023", "2020-12-31") == nil)
        #expect(Self.until("2021/2023", "2021-12-31") == .definitely)
        #expect(Self.until("2021/2023", "2021-01-01") == .possibly)
        #expect(Self.between("2021/2023", "2021-06..2021-07") == .possibly)
        #expect(Self.between("2021/2023", "2022-06..2022-07") == .definitely)
        #expect(Self.between("1979/1989", "2001..") == nil)
    }

    @Test func openEnd() {
        #expect(Self.at("2022-03/..", "2030-01-01") == .definitely)
        #expect(Self.at("2022-03/..", "2022-03-15") == .possibly)
        #expect(Self.at("2022-03/..", "2022-02-28") == nil)
        #expect(Self.until("2022-03/..", "2022-03-31") == .definitely)
    }

    @Test func openStart() {
        #expect(Self.at("../2001", "1900-01-01") == .definitely)
        #expect(Self.at("../2001", "2001-06-01") == .possibly)
        #expect(Self.at("../2001", "2002-01-01") == nil)
        #expect(Self.until("../2001", "1500-01-01") == .definitely)
    }

    @Test func unknownEnd() {
        // 2022-03/ : it may have ended right after it began, or still be going.
        #expect(Self.at("2022-03/", "2022-04-01") == .possibly)
        #expect(Self.at("2022-03/", "2040-01-01") == .possibly)
        #expect(Self.at("2022-03/", "2022-02-01") == nil)
        #expect(Self.between("2022-03/", "2022-03..2022-03") == .definitely)
        #expect(Self.until("2022-03/", "2022-03-31") == .definitely)
    }

    @Test func unknownStart() {
        // /2001 : it may have begun long before, or only in 2001.
        #expect(Self.at("/2001", "1990-01-01") == .possibly)
        #expect(Self.at("/2001", "2001-06-01") == .possibly)
        #expect(Self.at("/2001", "2002-01-01") == nil)
        #expect(Self.between("/2001", "2001..2001") == .definitely)
        #expect(Self.until("/2001", "2001-12-31") == .definitely)
        #expect(Self.until("/2001", "1990-01-01") == .possibly)
    }

    /// The table in docs/QUERIES.md, row by row.
    @Test func documentedTable() {
        let year2022 = TimeCondition.at(first: Self.day("2022-01-01"), last: Self.day("2022-12-31"))
        let rows: [(String, TimeMatch?, TimeMatch?, TimeMatch?)] = [
            ("2022-06-01", .definitely, .definitely, nil),
            ("2022-06", .possibly, .definitely, nil),
            ("2022", .possibly, .definitely, .possibly),
            ("2021/2023", .definitely, .definitely, .definitely),
            ("2022-03/..", .definitely, .definitely, .definitely),
            ("2022-03/", .possibly, .definitely, .definitely),
            ("../2021", nil, nil, .definitely),
            ("/2023", .possibly, .possibly, .possibly),
        ]
        for (date, atDay, atYear, until) in rows {
            #expect(Self.at(date, "2022-06-01") == atDay, "\(date) at day")
            #expect(year2022.match(Self.span(date)) == atYear, "\(date) at 2022")
            #expect(Self.until(date, "2022-03-31") == until, "\(date) until")
        }
    }

    @Test func parsingFilterDates() {
        #expect(TimeCondition.parseAt("2001-09-11") == .success(.at(first: Self.day("2001-09-11"), last: Self.day("2001-09-11"))))
        #expect(TimeCondition.parseAt("2001") == .success(.at(first: Self.day("2001-01-01"), last: Self.day("2001-12-31"))))
        #expect(TimeCondition.parseUntil("2001-02") == .success(.until(last: Self.day("2001-02-28"))))
        #expect(TimeCondition.parseBetween("2001..2003") == .success(.between(first: Self.day("2001-01-01"), last: Self.day("2003-12-31"))))
        #expect(TimeCondition.parseBetween("2001..") == .success(.between(first: Self.day("2001-01-01"), last: nil)))
        #expect(TimeCondition.parseBetween("..2001-09-11") == .success(.between(first: nil, last: Self.day("2001-09-11"))))
        #expect(TimeCondition.parseBetween("2001-06..2001") == .success(.between(first: Self.day("2001-06-01"), last: Self.day("2001-12-31"))))
    }

    /// Every refusal is one line that names the text and no command-line option (callers prefix their own).
    @Test func badFilterDates() throws {
        for text in ["2021-02-30", "21", "2021/2022", "2021~", "..", "", "tomorrow"] {
            let error = try #require(Self.failure(TimeCondition.parseAt(text)), "accepted --at \(text)")
            #expect(error.message.hasPrefix("'\(text)'"))
            #expect(!error.message.contains("\n") && !error.message.contains("--"))
        }
        for text in ["2003..2001", "..", "2001", "2001...2002", "2001..2002..2003", "2001-13.."] {
            let error = try #require(Self.failure(TimeCondition.parseBetween(text)), "accepted --between \(text)")
            #expect(!error.message.contains("\n") && !error.message.contains("--"))
        }
        #expect(
            Self.failure(TimeCondition.parseAt("2021-02-30"))?.message
                == "'2021-02-30' is not a date: 2021-02-30 does not exist (that month has 28 days); write YYYY, YYYY-MM or YYYY-MM-DD")
        #expect(Self.failure(TimeCondition.parseAt("2021~"))?.message == "'2021~': write one date, YYYY, YYYY-MM or YYYY-MM-DD")
        #expect(Self.failure(TimeCondition.parseBetween("2001"))?.message == "expects A..B (either side may be empty), got '2001'")
        #expect(Self.failure(TimeCondition.parseBetween(".."))?.message == "needs a date on at least one side of '..'")
        let reversed = try #require(Self.failure(TimeCondition.parseBetween("2003..2001")))
        #expect(reversed.message == "2003..2001: the end 2001 is before the start 2003")
    }
}
