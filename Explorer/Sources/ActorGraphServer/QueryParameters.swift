import Foundation
import HTTPTypes

/// A request's query string as names and values: `+` and percent escapes decoded, each name at most once, and
/// only the names an endpoint accepts.
public struct QueryParameters: Sendable {
    private var values: [String: String]

    /// The longest value accepted; longer ones are refused rather than searched or resolved.
    static let maximumValueLength = 2048

    /// - Throws: ``APIError`` for a repeated or unknown name, a bad escape or an overlong value.
    public init(query: String?, allowed: Set<String>) throws(APIError) {
        values = [:]
        guard let query, !query.isEmpty else { return }
        for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = try Self.decode(pair[..<(equals ?? pair.endIndex)], what: "a parameter name")
            let value = try equals.map { equals throws(APIError) in
                try Self.decode(pair[pair.index(after: equals)...], what: "the value of '\(name)'")
            } ?? ""
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw APIError.badParameter(name, "unknown parameter '\(name)'; this endpoint takes: \(known)")
            }
            guard values[name] == nil else {
                throw APIError.badParameter(name, "parameter '\(name)' is given twice; give it once (lists are comma-separated)")
            }
            guard value.count <= Self.maximumValueLength else {
                throw APIError.badParameter(name, "parameter '\(name)' is longer than \(Self.maximumValueLength) characters")
            }
            values[name] = value
        }
    }

    /// `+` as a space and `%XX` escapes decoded, byte by byte: what Foundation's `replacingOccurrences(of: "+", with:
    /// " ")` then `removingPercentEncoding` answer (nil for a `%` without two hex digits after it, or bytes that are
    /// not UTF-8; `QueryParametersTests` compares both on random text), without their NSString round trips, which
    /// were 7 % of the server's CPU under load (docs/PERFORMANCE.md, "Third pass").
    static func decoded(_ text: Substring.UTF8View) -> String? {
        guard text.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(Substring(text))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = text.startIndex
        while index != text.endIndex {
            let byte = text[index]
            text.formIndex(after: &index)
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index != text.endIndex, let high = hexValue(text[index]) else { return nil }
                text.formIndex(after: &index)
                guard index != text.endIndex, let low = hexValue(text[index]) else { return nil }
                text.formIndex(after: &index)
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func decode(_ text: Substring.UTF8View, what: String) throws(APIError) -> String {
        guard let decoded = decoded(text) else {
            throw APIError(.badRequest, "\(what) has a malformed percent escape")
        }
        return decoded
    }

    /// The same parameters without `names` (an endpoint's own, before the shared ones are read).
    public func removing(_ names: String...) -> QueryParameters {
        var copy = self
        for name in names { copy.values[name] = nil }
        return copy
    }

    /// The parameters in one fixed spelling (names sorted, empty values left out), whatever order they came in:
    /// the key of a cached answer. `%`, `&` and `=` in names and values are escaped, so that no two different
    /// sets of parameters share a spelling (`a=1&b=2` and `a` = `1&b=2`).
    public var canonical: String {
        func escaped(_ text: String) -> String {
            guard text.contains(where: { $0 == "%" || $0 == "&" || $0 == "=" }) else { return text }
            return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "&", with: "%26")
                .replacingOccurrences(of: "=", with: "%3D")
        }
        return values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { escaped($0.key) + "=" + escaped($0.value) }.joined(separator: "&")
    }

    public subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// A comma-separated list, spaces around items removed, empty items dropped.
    public func list(_ name: String) -> [String] {
        guard let value = self[name] else { return [] }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An integer in `range`, `defaultValue` when absent.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = self[name] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(
                name, "'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// `1`/`true` or `0`/`false`; `defaultValue` when absent.
    public func flag(_ name: String, default defaultValue: Bool) throws(APIError) -> Bool {
        guard let text = self[name] else { return defaultValue }
        switch text {
        case "1", "true": return true
        case "0", "false": return false
        default: throw APIError.badParameter(name, "'\(name)' must be 1 or 0, not '\(text)'")
        }
    }
}
