import Foundation

/// One cell of a record: a byte range of the file, quoted when it was written between double quotes.
public struct CSVField: Sendable {
    public var start: Int
    public var end: Int
    public var quoted: Bool
}

/// An RFC 4180 file read whole into memory and scanned record by record, without building a String per cell.
///
/// The benchmark's own reader, used where a side has no CSV importer of its own (SwiftGraph has none); cells come
/// back as byte ranges and only the ones a caller asks for become Strings.
public final class CSVTable {
    public let bytes: [UInt8]
    public let header: [String]
    private let dataStart: Int

    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "cannot read '\(path)'")
        }
        let bytes = [UInt8](data)
        self.bytes = bytes
        var header: [String] = []
        var fields: [CSVField] = []
        let next = bytes.withUnsafeBufferPointer { Self.scanRecord($0, from: 0, into: &fields) }
        for field in fields { header.append(Self.string(bytes, field)) }
        self.header = header
        self.dataStart = next
    }

    /// The position of the column named `name`, or `nil`.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Calls `body` for each record after the header with the bytes and the record's fields.
    public func forEachRecord(_ body: (UnsafeBufferPointer<UInt8>, [CSVField]) throws -> Void) rethrows {
        var fields: [CSVField] = []
        fields.reserveCapacity(header.count + 4)
        try bytes.withUnsafeBufferPointer { buffer in
            var position = dataStart
            while position < buffer.count {
                position = Self.scanRecord(buffer, from: position, into: &fields)
                if fields.count == 1 && fields[0].start == fields[0].end { continue }  // blank line
                try body(buffer, fields)
            }
        }
    }

    /// Scans one record from `position`; returns the position after its line end.
    @inline(__always)
    static func scanRecord(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, into fields: inout [CSVField])
        -> Int
    {
        fields.removeAll(keepingCapacity: true)
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var position = start
        let count = buffer.count
        while true {
            if position < count && buffer[position] == quote {
                // Quoted: up to the closing quote; "" is an escaped quote.
                let fieldStart = position + 1
                position += 1
                while position < count {
                    if buffer[position] == quote {
                        if position + 1 < count && buffer[position + 1] == quote {
                            position += 2
                            continue
                        }
                        break
                    }
                    position += 1
                }
                fields.append(CSVField(start: fieldStart, end: position, quoted: true))
                position += 1
            } else {
                let fieldStart = position
                while position < count {
                    let byte = buffer[position]
                    if byte == comma || byte == cr || byte == lf { break }
                    position += 1
                }
                fields.append(CSVField(start: fieldStart, end: position, quoted: false))
            }
            if position >= count { return count }
            let byte = buffer[position]
            position += 1
            if byte == comma { continue }
            if byte == cr && position < count && buffer[position] == lf { position += 1 }
            return position
        }
    }

    /// The cell's text, with doubled quotes undone.
    public static func string(_ bytes: some Collection<UInt8>, _ field: CSVField) -> String {
        let slice = bytes.dropFirst(field.start).prefix(field.end - field.start)
        let text = String(decoding: slice, as: UTF8.self)
        return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The field's text (doubled quotes undone).
    public func string(_ field: CSVField) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: self[field.start..<field.end]), as: UTF8.self)
        return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    public func isEmpty(_ field: CSVField) -> Bool { field.start == field.end }

    public func equals(_ field: CSVField, _ text: StaticString) -> Bool {
        guard field.end - field.start == text.utf8CodeUnitCount else { return false }
        let pointer = text.utf8Start
        for offset in 0..<text.utf8CodeUnitCount where self[field.start + offset] != pointer[offset] { return false }
        return true
    }

    /// `YYYY-MM-DD` as days since 1970-01-01, or `nil` when the cell is empty or not such a date.
    public func dayNumber(_ field: CSVField) -> Int32? {
        guard field.end - field.start == 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in 0..<count {
                let byte = self[field.start + from + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
        return Int32(daysFromCivil(year: year, month: month, day: day))
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
public func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

/// `YYYY-MM-DD` text as days since 1970-01-01.
public func dayNumber(_ text: String) -> Int32? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
        return nil
    }
    return Int32(daysFromCivil(year: year, month: month, day: day))
}
