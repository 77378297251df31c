import ActorGraph
import Testing

@testable import ActorGraphIO

/// Reads `text` and returns the records as decoded fields with their lines, and the errors.
private func parse(_ text: String, separator: UInt8 = UInt8(ascii: ",")) -> (records: [(line: Int, fields: [String])], errors: [CSVReader.SyntaxError]) {
    parse(Array(text.utf8), separator: separator)
}

private func parse(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) -> (records: [(line: Int, fields: [String])], errors: [CSVReader.SyntaxError]) {
    var records: [(Int, [String])] = []
    var errors: [CSVReader.SyntaxError] = []
    bytes.withUnsafeBufferPointer { buffer in
        CSVReader.read(
            buffer, separator: separator,
            record: { record in records.append((record.line, record.strings().map { $0 ?? "<invalid>" })) },
            error: { errors.append($0) })
    }
    return (records, errors)
}

@Suite("Strict RFC 4180 reader")
struct CSVReaderTests {
    @Test func plainRecordsWithAndWithoutFinalNewline() {
        #expect(parse("a,b\n1,2\n").records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(parse("a,b\n1,2").records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(parse("").records.isEmpty)
        #expect(parse("a,,\n").records.map(\.fields) == [["a", "", ""]])
    }

    @Test func crlfAndLoneCRAndBOM() {
        let result = parse("\u{FEFF}id,name\r\n1,x\r\n2,y\r3,z")
        #expect(result.records.map(\.fields) == [["id", "name"], ["1", "x"], ["2", "y"], ["3", "z"]])
        #expect(result.records.map(\.line) == [1, 2, 3, 4])
        #expect(result.errors.isEmpty)
    }

    @Test func quotedFieldsKeepSeparatorsQuotesAndNewlines() {
        let result = parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"multi\r\nline\",\"\",x\nnext,1,2\n")
        #expect(result.records.map(\.fields) == [["a", "b,c", "say \"hi\""], ["multi\r\nline", "", "x"], ["next", "1", "2"]])
        #expect(result.records.map(\.line) == [1, 2, 4])
    }

    @Test func blankLinesAreOneEmptyField() {
        let result = parse("a\n\nb\n")
        #expect(result.records.map(\.fields) == [["a"], [""], ["b"]])
    }

    @Test func unterminatedQuoteIsAnErrorAtTheLineItOpens() {
        let result = parse("id,note\n1,fine\n2,\"never closed\n3,ok\n4,ok\n")
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.kind == .unterminatedQuote)
        #expect(result.errors.first?.line == 3)
        #expect(result.errors.first?.column == 3)
        // The reader resumes on the next line: rows 3 and 4 survive.
        #expect(result.records.map(\.fields) == [["id", "note"], ["1", "fine"], ["3", "ok"], ["4", "ok"]])
    }

    @Test func textAfterClosingQuoteAndBareQuotesAreErrors() {
        let result = parse("a,\"b\"c\nx,5\" screen\nok,1\n")
        #expect(result.errors.map(\.kind) == [.textAfterClosingQuote, .quoteInUnquotedField])
        #expect(result.errors.map(\.line) == [1, 2])
        #expect(result.errors.map(\.column) == [6, 4])
        #expect(result.records.map(\.fields) == [["ok", "1"]])
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = parse("Ж,中,\"x\"y\n")
        #expect(result.errors.first?.column == 8)
    }

    @Test func tabSeparated() {
        let result = parse("a\tb,c\t\"d\te\"\n", separator: 0x09)
        #expect(result.records.map(\.fields) == [["a", "b,c", "d\te"]])
    }

    @Test func invalidUTF8IsReportedAsNil() {
        var bytes = Array("a,".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\n".utf8))
        var decoded: [String?] = []
        bytes.withUnsafeBufferPointer { buffer in
            CSVReader.read(buffer, record: { decoded = $0.strings() }, error: { _ in })
        }
        #expect(decoded == ["a", nil])
    }

    /// Random records written by the exporter's cell writer read back identically, for either separator.
    @Test("fuzz: written records read back exactly", arguments: [UInt8(ascii: ","), UInt8(0x09)])
    func writeThenRead(separator: UInt8) {
        let alphabet = ["a", "b", ",", "\t", "\"", "\n", "\r", "\r\n", " ", "é", "中", "=", ""]
        var random = SyntheticRandom(seed: UInt64(separator))
        let options = DelimitedTextOptions(separator: separator)
        for _ in 0..<2_000 {
            let recordCount = 1 + random.below(4)
            let width = 1 + random.below(4)
            var records: [[String]] = []
            let output = ExportOutput()
            for _ in 0..<recordCount {
                var fields: [String] = []
                for _ in 0..<width {
                    var field = ""
                    for _ in 0..<random.below(5) { field += alphabet[random.below(alphabet.count)] }
                    fields.append(field)
                }
                // A record of one empty field is a blank line, which the importer skips by design.
                if width == 1 && fields[0].isEmpty { fields[0] = "x" }
                records.append(fields)
                EdgeListWriter.writeRecord(fields, options, to: output)
            }
            let result = parse(output.bytes, separator: separator)
            #expect(result.errors.isEmpty)
            #expect(result.records.map(\.fields) == records)
            if result.records.map(\.fields) != records { return }
        }
    }

    /// Arbitrary bytes never crash the reader, and every input line is accounted for: each record or error starts
    /// on a line of the input, in increasing order.
    @Test func fuzzArbitraryBytes() {
        var random = SyntheticRandom(seed: 42)
        let alphabet: [UInt8] = Array("a,\"\n\r\t x".utf8) + [0xEF, 0xBB, 0xBF, 0xC3, 0xA9]
        for _ in 0..<5_000 {
            let bytes = (0..<random.below(40)).map { _ in alphabet[random.below(alphabet.count)] }
            let lineCount = bytes.filter { $0 == 0x0A }.count + bytes.filter { $0 == 0x0D }.count + 1
            let result = parse(bytes)
            var lines = result.records.map(\.line) + result.errors.map(\.recordLine)
            lines.sort()
            #expect(lines.allSatisfy { $0 >= 1 && $0 <= lineCount })
            #expect(Set(lines).count == lines.count)
        }
    }
}
