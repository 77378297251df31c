/// Turns arbitrary Swift text into the inside of a DOT quoted string that Graphviz 2.43 reads
/// back as exactly that text.
///
/// Every trap below was reproduced with Graphviz 2.43 on this project's machine:
/// - In a quoted string only `\"` and `\\` are lexer escapes; a text ending in a lone `\` makes
///   `\"` of the closing quote and swallows it. So `\` becomes `\\` and `"` becomes `\"`.
/// - Labels and tooltips are escStrings: `\n`, `\l`, `\r` break lines and `\N`, `\G`, `\E`, `\T`,
///   `\H`, `\L` substitute names. Doubling every backslash keeps a user's `\N` literal.
/// - Line breaks become `\n` (CRLF and CR included), the escString line break.
/// - Plain labels have HTML entities decoded (`&amp;` shows as `&`, `&lt;b&gt;` as `<b>`), so a
///   user's `&` is written `&amp;` for the text to survive; in SVG tooltips and ids Graphviz keeps
///   entities as they are, so `&amp;` again shows as `&`. One rule fits both.
/// - Characters XML 1.0 forbids (C0 controls other than tab, U+FFFE, U+FFFF) are dropped: Graphviz
///   copies them into the SVG, which then fails to parse.
/// - A quoted string longer than about 12 KB makes the 2.43 lexer fail ("longer than 16384?"):
///   the measured limit moves with the string's position in the input, from 16,381 bytes down to
///   about 12,000. So each string is capped at `maximumQuotedBytes` with a visible `…`.
enum DOTEscaping {
    /// Cap on the escaped bytes of one quoted string, with room to spare under the smallest
    /// limit measured in 2.43 (about 12,000 bytes).
    static let maximumQuotedBytes = 8_000

    static let ellipsis = "…"

    /// Text shown to people (labels, tooltips, ids): escaped for an escString with entities.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func escapedText(_ text: String, maximumBytes: Int = maximumQuotedBytes) -> String {
        var result = ""
        result.reserveCapacity(min(text.utf8.count + 8, maximumBytes))
        var byteCount = 0
        // The longest prefix that leaves room for the ellipsis, kept in case the whole is too long.
        var shortened: String?
        let budget = maximumBytes - ellipsis.utf8.count
        for character in text {
            let piece = escapedCharacter(character)
            if shortened == nil, byteCount + piece.utf8.count > budget {
                shortened = result + ellipsis
            }
            byteCount += piece.utf8.count
            if byteCount > maximumBytes, let shortened { return shortened }
            result += piece
        }
        return result
    }

    /// The escaped form of one character; whole escapes only, so a cut between two characters
    /// never splits one.
    private static func escapedCharacter(_ character: Character) -> String {
        if character.isNewline { return #"\n"# }
        var piece = ""
        for scalar in character.unicodeScalars {
            switch scalar {
            case "\\": piece += #"\\"#
            case "\"": piece += #"\""#
            case "&": piece += "&amp;"
            case "\t": piece.unicodeScalars.append(scalar)
            case _ where isForbiddenInXML(scalar): continue
            default: piece.unicodeScalars.append(scalar)
            }
        }
        return piece
    }

    /// Characters XML 1.0 does not allow in a document (newline and tab handled by the caller).
    static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Keeps only the characters in `allowed`, for values Graphviz does not treat as text
    /// (font names, CSS classes, color names): they then need no escaping at all.
    static func restricted(_ text: String, to allowed: (Unicode.Scalar) -> Bool, maximumBytes: Int = 200) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where allowed(scalar) {
            result.append(scalar)
            if result.count >= maximumBytes { break }
        }
        return String(result)
    }

    /// Formats a number for DOT: clamped to `range`, at most two decimals, no exponent and no
    /// locale, so the output is the same everywhere. `nil` for NaN.
    static func number(_ value: Double, clampedTo range: ClosedRange<Double>) -> String? {
        guard !value.isNaN else { return nil }
        let clamped = min(max(value, range.lowerBound), range.upperBound)
        let hundredths = Int((clamped * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
