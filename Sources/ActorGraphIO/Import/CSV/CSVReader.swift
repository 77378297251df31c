/// A strict RFC 4180 reader over bytes, written because both CSV libraries available to this project silently
/// swallow an unterminated quote to the end of the file — turning one typo into a single giant field and a
/// quietly truncated data set. Here that is an error naming the line where the quote opened.
///
/// Accepted: fields separated by one byte (`,` or tab), records ended by CRLF, LF or a lone CR, quoted fields with
/// doubled quotes and embedded separators and newlines, a UTF-8 byte-order mark at the start, a missing final
/// newline. Refused, each as a ``SyntaxError`` with its line and column: a quote that is never closed, text after
/// a closing quote, and a quote inside an unquoted field. After an error the reader resumes at the line after the
/// one where the broken record started, so every bad record of a file is reported in one pass.
///
/// No field is copied: a record is a list of byte ranges into the input, decoded only when asked.
public struct CSVReader {
    /// One field: a byte range of the input, and whether it was quoted (its quotes excluded from the range).
    public struct Field: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var quoted: Bool
        /// Whether the range holds doubled quotes to undouble.
        public var hasDoubledQuotes: Bool
    }

    public struct SyntaxError: Error, Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case unterminatedQuote
            case textAfterClosingQuote
            case quoteInUnquotedField
        }

        public var kind: Kind
        /// 1-based line and column (in characters) of the problem.
        public var line: Int
        public var column: Int
        /// The line where the broken record starts.
        public var recordLine: Int

        public var message: String {
            switch kind {
            case .unterminatedQuote: return "unterminated quote: the quoted field opened here is never closed"
            case .textAfterClosingQuote: return "text after the closing quote of a quoted field"
            case .quoteInUnquotedField: return "a quote inside an unquoted field"
            }
        }

        public var hint: String {
            switch kind {
            case .unterminatedQuote, .textAfterClosingQuote:
                return "a quote inside a quoted field is written twice (\"\"); close the field with one quote"
            case .quoteInUnquotedField:
                return "quote the whole field and double the inner quote: \"say \"\"hello\"\"\""
            }
        }
    }

    /// Reads every record of `bytes`, calling `record` for each well-formed one and `error` for each broken one.
    ///
    /// - Complexity: O(n) in the size of the input, plus the rescanning of a broken record's lines.
    public static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","),
        record: (borrowing CSVRecord) -> Void, error: (SyntaxError) -> Void
    ) {
        var position = firstRecordOffset(bytes)
        var line = 1
        var fields: [Field] = []
        fields.reserveCapacity(32)
        while position < bytes.count {
            let recordLine = line
            if let failure = readRecord(bytes, separator: separator, position: &position, line: &line, fields: &fields)
            {
                error(failure)
            } else {
                let current = CSVRecord(line: recordLine, fields: fields, bytes: bytes)
                record(current)
            }
        }
    }

    /// Where the first record starts: after a UTF-8 byte-order mark, if any.
    static func firstRecordOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Reads the record starting at `position` (on `line`) into `fields`, and moves `position` and `line` to the
    /// next record. For a broken record it returns the error and moves to the line after the one where the record
    /// began, as ``read(_:separator:record:error:)`` resumes; `fields` is then meaningless.
    ///
    /// The bulk importer tokenizes plain records itself and hands every other record to this function, so both
    /// read a file identically.
    static func readRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, position: inout Int, line: inout Int,
        fields: inout [Field]
    ) -> SyntaxError? {
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        let newline: UInt8 = 0x0A
        let carriageReturn: UInt8 = 0x0D
        let recordStart = position
        let recordLine = line
        fields.removeAll(keepingCapacity: true)
        var failure: SyntaxError?
        fieldLoop: while true {
            if position < count, bytes[position] == quote {
                // Quoted field.
                let openLine = line
                let openOffset = position
                position += 1
                let start = position
                var doubled = false
                var closed = false
                while position < count {
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < count, bytes[position + 1] == quote {
                            doubled = true
                            position += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == newline
                        || (byte == carriageReturn && (position + 1 >= count || bytes[position + 1] != newline))
                    {
                        line += 1
                    }
                    position += 1
                }
                guard closed else {
                    failure = SyntaxError(
                        kind: .unterminatedQuote, line: openLine, column: column(of: openOffset, in: bytes),
                        recordLine: recordLine)
                    break fieldLoop
                }
                fields.append(Field(start: start, end: position, quoted: true, hasDoubledQuotes: doubled))
                position += 1
                if position < count {
                    let next = bytes[position]
                    if next != separator && next != newline && next != carriageReturn {
                        failure = SyntaxError(
                            kind: .textAfterClosingQuote, line: line, column: column(of: position, in: bytes),
                            recordLine: recordLine)
                        break fieldLoop
                    }
                }
            } else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == separator || byte == newline || byte == carriageReturn { break }
                    if byte == quote {
                        failure = SyntaxError(
                            kind: .quoteInUnquotedField, line: line, column: column(of: position, in: bytes),
                            recordLine: recordLine)
                        break fieldLoop
                    }
                    position += 1
                }
                fields.append(Field(start: start, end: position, quoted: false, hasDoubledQuotes: false))
            }
            // After a field: separator, record end, or end of input.
            if position >= count { break }
            let byte = bytes[position]
            position += 1
            if byte == separator { continue }
            if byte == carriageReturn, position < count, bytes[position] == newline { position += 1 }
            line += 1
            break
        }
        guard let failure else { return nil }
        // Resume on the line after the one where the broken record began.
        position = recordStart
        line = recordLine
        while position < count, bytes[position] != newline, bytes[position] != carriageReturn { position += 1 }
        if position < count, bytes[position] == carriageReturn {
            position += 1
            if position < count, bytes[position] == newline { position += 1 }
        } else if position < count {
            position += 1
        }
        line += 1
        return failure
    }

    /// The text of `bytes`, or `nil` when they are not valid UTF-8. ASCII, the common case, skips the generic
    /// validating initializer, which dominated the profile of loading actor lists.
    static func string(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { string($0) } }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var isPlainASCII = true
        for byte in bytes where byte >= 0x7F || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
            isPlainASCII = false
            break
        }
        if isPlainASCII { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self), refusedScalar(in: text) == nil else { return nil }
        return text
    }

    /// The first control character a cell may not hold, as YAML files refuse them: C0 other than tab and line
    /// ends, DEL, C1, and the noncharacters U+FFFE and U+FFFF (they would reach terminals and graph files raw).
    static func refusedScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
                || value == 0xFFFE || value == 0xFFFF
        }
    }

    /// Why ``string(_:)`` refused `bytes`: invalid UTF-8, or the control character it holds.
    static func problem(_ bytes: [UInt8]) -> String {
        guard let text = String(validating: bytes, as: UTF8.self), let scalar = refusedScalar(in: text) else {
            return "invalid UTF-8"
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed"
    }

    /// The 1-based character column of `offset` on its line.
    static func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        var column = 1
        var position = lineStart
        while position < offset {
            // Count characters: skip UTF-8 continuation bytes.
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return column
    }
}

/// One well-formed record, valid only inside the callback of ``CSVReader/read(_:separator:record:error:)``.
public struct CSVRecord: ~Copyable {
    /// The line the record starts on (a record with embedded newlines spans several).
    public let line: Int
    public let fields: [CSVReader.Field]
    let bytes: UnsafeBufferPointer<UInt8>

    public var count: Int { fields.count }

    /// Whether the record is a blank line: one empty unquoted field.
    public var isBlank: Bool { fields.count == 1 && !fields[0].quoted && fields[0].start == fields[0].end }

    public func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }

    /// The raw bytes of a field (quotes still doubled when ``CSVReader/Field/hasDoubledQuotes``).
    public func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        return UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// The field's text, or `nil` when it is not valid UTF-8 or holds a control character (see ``problem(_:)``).
    public func string(_ index: Int) -> String? {
        let field = fields[index]
        let slice = bytes[field.start..<field.end]
        guard field.hasDoubledQuotes else { return CSVReader.string(UnsafeBufferPointer(rebasing: slice)) }
        return CSVReader.string(undoubled(slice))
    }

    /// Why ``string(_:)`` gave `nil`: `invalid UTF-8` or `control character U+001B is not allowed`.
    public func problem(_ index: Int) -> String {
        let field = fields[index]
        let slice = bytes[field.start..<field.end]
        return CSVReader.problem(field.hasDoubledQuotes ? undoubled(slice) : Array(slice))
    }

    private func undoubled(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var undoubled: [UInt8] = []
        undoubled.reserveCapacity(slice.count)
        var skipNext = false
        for byte in slice {
            if skipNext {
                skipNext = false
                continue
            }
            undoubled.append(byte)
            if byte == UInt8(ascii: "\"") { skipNext = true }
        }
        return undoubled
    }

    /// The 1-based character column where a field starts (its opening quote, when quoted).
    public func column(_ index: Int) -> Int {
        let field = fields[index]
        return CSVReader.column(of: field.quoted ? field.start - 1 : field.start, in: bytes)
    }

    /// The line a field starts on.
    public func line(of index: Int) -> Int {
        var line = self.line
        var position = fields[0].quoted ? fields[0].start - 1 : fields[0].start
        let target = fields[index].start
        while position < target {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && (position + 1 >= bytes.count || bytes[position + 1] != 0x0A)) {
                line += 1
            }
            position += 1
        }
        return line
    }

    /// Every field decoded: for headers and tests.
    public func strings() -> [String?] { fields.indices.map { string($0) } }
}
