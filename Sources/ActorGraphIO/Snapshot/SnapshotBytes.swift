import ActorGraph
import Foundation

/// Little-endian output for ``GraphSnapshot``.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            u32(UInt32(truncatingIfNeeded: utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ text: String?) {
        if let text {
            u8(1)
            string(text)
        } else {
            u8(0)
        }
    }

    /// Zero bytes up to a multiple of `alignment`.
    mutating func pad(to alignment: Int) {
        bytes.append(contentsOf: repeatElement(0, count: (alignment - bytes.count % alignment) % alignment))
    }

    mutating func column<Element: FixedWidthInteger>(_ values: some Collection<Element>) {
        #if _endian(little)
            let copied: Void? = values.withContiguousStorageIfAvailable { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
            if copied == nil { for value in values { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } } }
        #else
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }
}

/// Bounds-checked little-endian input for ``GraphSnapshot``: every read names what it wanted when the bytes run out.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    private mutating func take(_ count: Int, _ what: String) throws(GraphSnapshot.FormatError) -> Int {
        guard count >= 0, count <= bytes.count - offset else {
            throw GraphSnapshot.FormatError("the file ends inside \(what) (truncated?)")
        }
        let start = offset
        offset += count
        return start
    }

    mutating func u8() throws(GraphSnapshot.FormatError) -> UInt8 { bytes[try take(1, "a flag")] }

    mutating func u32() throws(GraphSnapshot.FormatError) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4, "a number"), as: UInt32.self))
    }

    mutating func u64() throws(GraphSnapshot.FormatError) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8, "a number"), as: UInt64.self))
    }

    /// A 64-bit count or length that must fit an `Int`.
    mutating func count() throws(GraphSnapshot.FormatError) -> Int {
        let value = try u64()
        guard value <= UInt64(Int32.max) * 16 else {
            throw GraphSnapshot.FormatError("a count of \(value) is out of range")
        }
        return Int(value)
    }

    /// A 32-bit count of items taking at least `bytesEach` each, checked against what is left.
    mutating func count(atLeast bytesEach: Int) throws(GraphSnapshot.FormatError) -> Int {
        let value = Int(try u32())
        try require(value, bytesEach: bytesEach, "a list")
        return value
    }

    /// Fails unless `count` items of at least `bytesEach` bytes can follow: refuses a corrupted count before
    /// anything is allocated for it.
    func require(_ count: Int, bytesEach: Int, _ what: String) throws(GraphSnapshot.FormatError) {
        guard count <= (bytes.count - offset) / max(bytesEach, 1) else {
            throw GraphSnapshot.FormatError("\(what): \(count) items cannot fit in the rest of the file")
        }
    }

    mutating func withStringBytes<Result>(
        _ what: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(GraphSnapshot.FormatError) -> Result {
        let length = Int(try u32())
        let start = try take(length, what)
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        return body(raw.bindMemory(to: UInt8.self))
    }

    mutating func string(_ what: String) throws(GraphSnapshot.FormatError) -> String {
        // Invalid UTF-8, or a control character the readers of graph files and CSV refuse too.
        let (decoded, problem) = try withStringBytes(what) { bytes -> (String?, String?) in
            CSVReader.string(bytes).map { ($0, nil) } ?? (nil, CSVReader.problem(Array(bytes)))
        }
        guard let text = decoded else {
            throw GraphSnapshot.FormatError("\(problem ?? "invalid UTF-8") in \(what)")
        }
        return text
    }

    /// Whether ``CSVReader/string(_:)`` takes the bytes as they are (printable ASCII, tab, line ends).
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x7F || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
            return false
        }
        return true
    }

    /// Checks a string as ``string(_:)`` reads it, without making it; `isID` adds ``identifier(_:)``'s check.
    mutating func skipString(_ what: String, isID: Bool = false) throws(GraphSnapshot.FormatError) {
        let (problem, validID) = try withStringBytes(what) { bytes -> (String?, Bool) in
            guard Self.isPlain(bytes) || CSVReader.string(bytes) != nil else {
                return (CSVReader.problem(Array(bytes)), false)
            }
            return (nil, !isID || Identifier.problem(utf8: bytes) == nil)
        }
        if let problem { throw GraphSnapshot.FormatError("\(problem) in \(what)") }
        guard validID else { throw GraphSnapshot.FormatError("\(what) is not a valid id") }
    }

    mutating func skipIdentifier(_ what: String) throws(GraphSnapshot.FormatError) { try skipString(what, isID: true) }

    mutating func skipOptionalString(_ what: String) throws(GraphSnapshot.FormatError) {
        switch try u8() {
        case 0: return
        case 1: try skipString(what)
        case let flag: throw GraphSnapshot.FormatError("bad flag \(flag) before \(what)")
        }
    }

    /// A string that must be a valid id (``Identifier``), as a graph file's reader requires: a forged snapshot's
    /// NUL, quote or `<>` in an id would otherwise reach the DOT and XML writers, which would alter it.
    mutating func identifier(_ what: String) throws(GraphSnapshot.FormatError) -> String {
        let text = try string(what)
        guard Identifier.problem(with: text) == nil else { throw GraphSnapshot.FormatError("\(what) is not a valid id") }
        return text
    }

    mutating func optionalIdentifier(_ what: String) throws(GraphSnapshot.FormatError) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try identifier(what)
        case let flag: throw GraphSnapshot.FormatError("bad flag \(flag) before \(what)")
        }
    }

    mutating func optionalString(_ what: String) throws(GraphSnapshot.FormatError) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try string(what)
        case let flag: throw GraphSnapshot.FormatError("bad flag \(flag) before \(what)")
        }
    }
}
