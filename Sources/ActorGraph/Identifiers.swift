/// The position of an actor in a ``RelationGraph``: a 32-bit index into its flat arrays.
///
/// Distinct from ``RelationIndex`` so the one cannot be passed for the other.
public struct ActorIndex: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public let rawValue: UInt32

    @inline(__always)
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    @inline(__always)
    public init(_ position: Int) { self.rawValue = UInt32(truncatingIfNeeded: position) }

    @inline(__always)
    public var position: Int { Int(rawValue) }

    public static func < (lhs: ActorIndex, rhs: ActorIndex) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "actor#\(rawValue)" }
}

/// The position of a relation in a ``RelationGraph``: a 32-bit index into its flat arrays.
public struct RelationIndex: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public let rawValue: UInt32

    @inline(__always)
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    @inline(__always)
    public init(_ position: Int) { self.rawValue = UInt32(truncatingIfNeeded: position) }

    @inline(__always)
    public var position: Int { Int(rawValue) }

    public static func < (lhs: RelationIndex, rhs: RelationIndex) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "relation#\(rawValue)" }
}

/// The position of a relation type in a graph's vocabulary.
public struct RelationTypeIndex: Hashable, Comparable, Sendable, BitwiseCopyable {
    public let rawValue: UInt16

    @inline(__always)
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    @inline(__always)
    public var position: Int { Int(rawValue) }

    public static func < (lhs: RelationTypeIndex, rhs: RelationTypeIndex) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Checks the id syntax shared by actors, relations and sources: `[a-z0-9][a-z0-9_.-]*`, at most 64 characters.
public enum Identifier {
    public static let maximumLength = 64

    /// Why `text` is not a valid id, or `nil` when it is.
    public static func problem(with text: String) -> String? {
        var text = text
        return text.withUTF8 { problem(utf8: $0) }
    }

    /// ``problem(with:)`` of the text these UTF-8 bytes spell, without making a `String` of them (a snapshot's
    /// reader checks a million ids this way).
    public static func problem(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return "is empty" }
        if bytes.count > maximumLength { return "is longer than \(maximumLength) characters" }
        let first = bytes[0]
        if !(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") || first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
            return "must start with a lower-case letter or a digit"
        }
        for byte in bytes {
            let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(isLower || isDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) {
                return "may hold only lower-case letters, digits, '_', '-' and '.'"
            }
        }
        return nil
    }
}
