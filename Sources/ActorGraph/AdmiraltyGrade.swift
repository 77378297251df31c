/// A NATO Admiralty (STANAG 2511) evaluation: source reliability `A`–`F` and information credibility `1`–`6`.
///
/// Each axis is judged on its own. `A` and `1` are best; `F` and `6` mean "cannot be judged", which ranks
/// below every judged value when filtering for a minimum grade.
public struct AdmiraltyGrade: Hashable, Sendable, CustomStringConvertible {
    /// 0 for `A` … 5 for `F`.
    public let reliabilityRank: UInt8
    /// 0 for `1` … 5 for `6`.
    public let credibilityRank: UInt8

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 2,
            bytes[0] >= UInt8(ascii: "A"), bytes[0] <= UInt8(ascii: "F"),
            bytes[1] >= UInt8(ascii: "1"), bytes[1] <= UInt8(ascii: "6")
        else { return nil }
        reliabilityRank = bytes[0] - UInt8(ascii: "A")
        credibilityRank = bytes[1] - UInt8(ascii: "1")
    }

    public var reliability: Character { Character(Unicode.Scalar(UInt8(ascii: "A") + reliabilityRank)) }
    public var credibility: Int { Int(credibilityRank) + 1 }
    public var description: String { "\(reliability)\(credibility)" }

    /// Whether this grade is at least as good as `minimum` on both axes.
    public func meets(_ minimum: AdmiraltyGrade) -> Bool {
        reliabilityRank <= minimum.reliabilityRank && credibilityRank <= minimum.credibilityRank
    }

    /// A one-byte form for compact storage: `0` means "no grade".
    var packed: UInt8 { 1 + reliabilityRank * 6 + credibilityRank }

    init?(packed: UInt8) {
        guard packed > 0, packed <= 36 else { return nil }
        reliabilityRank = (packed - 1) / 6
        credibilityRank = (packed - 1) % 6
    }

    public static let syntaxHelp = "an Admiralty code: a letter A-F (source reliability) then a digit 1-6 (credibility), e.g. B2"
}
