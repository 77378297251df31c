import ActorGraph
import Foundation

/// A fast path for EDTF dates read from bulk files: parses the common forms straight from bytes, without the
/// String and array allocations of ``EDTFDate/parse(_:)``. It returns `nil` for anything it is not sure about,
/// and the caller then asks ``EDTFDate/parse(_:)`` — which also produces the error message — so both always
/// agree (a property test checks this on random texts).
enum EDTFBytes {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> EDTFDate? {
        var slash = -1
        for position in 0..<bytes.count where bytes[position] == UInt8(ascii: "/") {
            if slash >= 0 { return nil }
            slash = position
        }
        if slash < 0 {
            guard let bound = bound(bytes, 0, bytes.count) else { return nil }
            return EDTFDate(.point(bound))
        }
        guard let start = endpoint(bytes, 0, slash), let end = endpoint(bytes, slash + 1, bytes.count) else {
            return nil
        }
        switch (start, end) {
        case (.bound(let first), .bound(let last)):
            if last.last < first.first { return nil }
        case (.bound, _), (_, .bound):
            break
        default:
            return nil
        }
        return EDTFDate(.interval(start: start, end: end))
    }

    private static func endpoint(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> EDTFDate.Endpoint? {
        if from == to { return .unknown }
        if to - from == 2, bytes[from] == UInt8(ascii: "."), bytes[from + 1] == UInt8(ascii: ".") { return .open }
        return bound(bytes, from, to).map { .bound($0) }
    }

    private static func bound(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> EDTFDate.Bound? {
        var end = to
        var qualifiers: EDTFDate.Qualifiers = []
        if end > from {
            switch bytes[end - 1] {
            case UInt8(ascii: "~"): qualifiers = .approximate
            case UInt8(ascii: "?"): qualifiers = .uncertain
            case UInt8(ascii: "%"): qualifiers = [.approximate, .uncertain]
            default: break
            }
            if !qualifiers.isEmpty { end -= 1 }
        }
        let length = end - from
        guard length == 4 || length == 7 || length == 10 else { return nil }
        guard let year = digits(bytes, from, 4), year >= 1 else { return nil }
        var month = 1
        var day = 1
        var precision = EDTFDate.Precision.year
        if length >= 7 {
            guard bytes[from + 4] == UInt8(ascii: "-"), let value = digits(bytes, from + 5, 2) else { return nil }
            month = value
            precision = .month
        }
        if length == 10 {
            guard bytes[from + 7] == UInt8(ascii: "-"), let value = digits(bytes, from + 8, 2) else { return nil }
            day = value
            precision = .day
        }
        guard let first = CalendarDay(year: year, month: month, day: day) else { return nil }
        return EDTFDate.Bound(first: first, precision: precision, qualifiers: qualifiers)
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for position in from..<(from + count) {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
