import ActorGraph
import Testing

@Suite("EDTF dates")
struct EDTFDateTests {
    private func parse(_ text: String) throws -> EDTFDate { try EDTFDate.parse(text).get() }
    private func day(_ text: String) throws -> Int32 { try CalendarDay.parse(text).get().dayNumber }

    @Test("round-trips every accepted form as written", arguments: [
        "2021", "2021-08", "2021-08-17", "1979/1989", "2022-03/..", "../2001", "2022-03/", "/2001", "2021~",
        "2021-08?", "2021-08-17%", "1979~/1989?", "2020-02-29", "0001", "9999-12-31",
    ])
    func roundTrip(_ text: String) throws {
        #expect(try parse(text).description == text)
    }

    /// Every accepted form, stored as a graph stores it, passes ``StoredDate``'s checks and reads back as written;
    /// fields out of their domains do not pass.
    @Test func storedDatesAreCheckedAndExact() throws {
        let texts = [
            "2021", "2021-08", "2021-08-17", "1979/1989", "2022-03/..", "../2001", "2022-03/", "/2001", "2021~",
            "2021-08?", "2021-08-17%", "1979~/1989?", "2020-02-29", "0001", "9999-12-31", "2001/",
        ]
        var builder = GraphBuilder(vocabulary: .builtIn)
        try builder.addActor(ActorRecord(id: "a", name: "A", kind: .state))
        for text in texts + [""] {
            try builder.addRelation(
                from: ActorIndex(0), to: ActorIndex(0), type: RelationTypeIndex(0),
                date: text.isEmpty ? nil : try parse(text))
        }
        let graph = builder.build()
        for relation in graph.relationIndices {
            let stored = graph.storedDate(of: relation)
            #expect(StoredDate(shape: stored.shape, span: stored.span) == stored)
        }
        #expect(graph.storedDate(of: RelationIndex(texts.count)) == .undated)
        let day = try self.day("2021-08-17")
        let point = TimeSpan(possibleStart: day, definiteStart: day, definiteEnd: day, possibleEnd: day)
        let dayShape: UInt16 = 1 | 2 << 6
        #expect(StoredDate(shape: dayShape, span: point) != nil)
        for shape: UInt16 in [0, 1 | 3 << 6, 1 | 1 << 2, 1 << 14 | dayShape, 3 | 3 << 2] {
            #expect(StoredDate(shape: shape, span: point) == nil, "shape \(shape)")
        }
        for bad: Int32 in [Int32.max - 1, Int32.min + 1, try self.day("9999-12-31") + 1, try self.day("0001-01-01") - 1] {
            var span = point
            span.definiteEnd = bad
            #expect(StoredDate(shape: dayShape, span: span) == nil, "day \(bad)")
        }
    }

    @Test("refuses what does not exist or is not EDTF", arguments: [
        ("2021-02-30", 8, "2021-02-30 does not exist (that month has 28 days)"),
        ("2019-02-29", 8, "2019-02-29 does not exist (that month has 28 days)"),
        ("2021-13", 5, "there is no month 13"),
        ("2021-00", 5, "there is no month 00"),
        ("21", 0, "the year must have four digits (0001-9999)"),
        ("20210", 0, "the year must have four digits (0001-9999)"),
        ("0000", 0, "year 0000 is not supported"),
        ("2021/2020", 5, "the interval ends (2020) before it starts (2021)"),
        ("2021-05-02/2021-05-01", 11, "the interval ends (2021-05-01) before it starts (2021-05-02)"),
        ("..", 0, "'..' is only allowed as one end of an interval"),
        ("../..", 0, "an interval needs a date on at least one side"),
        ("/", 0, "an interval needs a date on at least one side"),
        ("2021/2022/2023", 9, "an interval has exactly one '/'"),
        ("199X", 3, "unspecified digits ('X') are not supported; give the precision you know (e.g. 2021 or 2021-08)"),
        ("2021-8", 5, "the month must have two digits (01-12)"),
        ("2021-08-", 8, "the date ends with '-'"),
        ("August 2021", 0, "expected a four-digit year, found 'A'"),
        ("-0500", 0, "years before year 1 are not supported"),
        ("", 0, "the date is empty"),
    ])
    func refuses(_ text: String, _ offset: Int, _ message: String) {
        #expect(EDTFDate.parse(text) == .failure(EDTFError(offset: offset, message: message)))
    }

    @Test func yearCoversTheWholeYear() throws {
        let span = try parse("2022").span
        #expect(span.possibleStart == (try day("2022-01-01")))
        #expect(span.possibleEnd == (try day("2022-12-31")))
        // An event some time in 2022 is certain on no particular day.
        #expect(!span.hasDefiniteDays)
    }

    @Test func dayIsDefinite() throws {
        let span = try parse("2021-08-17").span
        let expected = try day("2021-08-17")
        #expect(span == TimeSpan(possibleStart: expected, definiteStart: expected, definiteEnd: expected, possibleEnd: expected))
    }

    @Test func closedIntervalIsDefiniteBetweenItsUncertainEnds() throws {
        let span = try parse("2021/2023").span
        #expect(span.possibleStart == (try day("2021-01-01")))
        #expect(span.definiteStart == (try day("2021-12-31")))
        #expect(span.definiteEnd == (try day("2023-01-01")))
        #expect(span.possibleEnd == (try day("2023-12-31")))
    }

    @Test func monthPrecisionUsesTheMonthLength() throws {
        let span = try parse("2024-02/2024-04").span
        #expect(span.definiteStart == (try day("2024-02-29")))
        #expect(span.definiteEnd == (try day("2024-04-01")))
        #expect(span.possibleEnd == (try day("2024-04-30")))
    }

    @Test func openEndsRunToTheEndsOfTime() throws {
        let open = try parse("2022-03/..").span
        #expect(open.definiteEnd == TimeSpan.endOfTime)
        #expect(open.possibleEnd == TimeSpan.endOfTime)
        #expect(open.definiteStart == (try day("2022-03-31")))
        let openStart = try parse("../2001").span
        #expect(openStart.possibleStart == TimeSpan.beginningOfTime)
        #expect(openStart.definiteStart == TimeSpan.beginningOfTime)
        #expect(openStart.definiteEnd == (try day("2001-01-01")))
    }

    @Test func unknownEndsAreOnlyPossible() throws {
        let unknownEnd = try parse("2022-03-05/").span
        #expect(unknownEnd.possibleEnd == TimeSpan.endOfTime)
        // Certain only on the start day: it may have ended right after.
        #expect(unknownEnd.definiteStart == (try day("2022-03-05")))
        #expect(unknownEnd.definiteEnd == (try day("2022-03-05")))
        let unknownStart = try parse("/2001").span
        #expect(unknownStart.possibleStart == TimeSpan.beginningOfTime)
        #expect(!unknownStart.hasDefiniteDays)
    }

    @Test func qualifiersAreKept() throws {
        guard case .point(let bound) = try parse("2021%").form else {
            Issue.record("expected a point")
            return
        }
        #expect(bound.qualifiers == [.approximate, .uncertain])
    }

    @Test func calendarDaysRoundTripOverTheWholeRange() {
        // Every day from 0001-01-01 to 9999-12-31: components round-trip and day numbers are consecutive.
        guard let first = CalendarDay(year: 1, month: 1, day: 1) else {
            Issue.record("0001-01-01 must exist")
            return
        }
        var expected = first.dayNumber
        var failures = 0
        for year in 1...9999 {
            for month in 1...12 {
                for dayOfMonth in 1...CalendarDay.daysIn(month: month, year: year) {
                    let day = CalendarDay(year: year, month: month, day: dayOfMonth)
                    if day?.dayNumber != expected || day.map({ $0.components == (year, month, dayOfMonth) }) != true {
                        failures += 1
                    }
                    expected += 1
                }
            }
        }
        #expect(failures == 0)
        #expect(CalendarDay(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1)?.description == "2000-03-01")
    }

    @Test func filterDaysMustBeWholeDays() {
        #expect(CalendarDay.parse("2021-08-17").map(\.description) == .success("2021-08-17"))
        #expect(CalendarDay.parse("2021") == .failure(EDTFError(offset: 0, message: "expected one day, YYYY-MM-DD")))
    }
}

@Suite("Admiralty grades")
struct AdmiraltyGradeTests {
    @Test func parsesAndCompares() throws {
        let b2 = try #require(AdmiraltyGrade("B2"))
        let b3 = try #require(AdmiraltyGrade("B3"))
        let a4 = try #require(AdmiraltyGrade("A4"))
        let f6 = try #require(AdmiraltyGrade("F6"))
        #expect(b2.description == "B2")
        #expect(b2.meets(b3))
        #expect(!b3.meets(b2))
        // Each axis on its own: A4 is more reliable but less credible than B3.
        #expect(!a4.meets(b3))
        #expect(!f6.meets(b3))
    }

    @Test("refuses malformed codes", arguments: ["", "B", "b2", "G1", "A0", "A7", "B22", "2B"])
    func refuses(_ text: String) {
        #expect(AdmiraltyGrade(text) == nil)
    }
}
