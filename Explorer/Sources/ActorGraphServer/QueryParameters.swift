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
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], what: "a parameter name")
            let value = parts.count > 1 ? try Self.decode(parts[1], what: "the value of '\(name)'") : ""
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

    private static func decode(_ text: Substring, what: String) throws(APIError) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
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
