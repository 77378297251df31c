import Foundation
import Testing

@testable import ActorGraphServer

/// The query string's own decoder against Foundation's `removingPercentEncoding` (nil for a malformed escape or
/// bytes that are not UTF-8), after `+` became a space.
///
/// Foundation on this platform is not consistent about bytes that are not UTF-8: `%80` and `%FF` give nil, but
/// `%A9` alone gives U+FFFD, and after `replacingOccurrences(of: "+", with: " ")` (what the server called first, an
/// NSString-backed result) more such bytes became U+FFFD, so `q=a+%FF` was searched as "a \u{FFFD}" while
/// `q=a%20%FF` was refused. The decoder refuses every escape sequence that is not UTF-8, as the error message always
/// said; where Foundation answers with a U+FFFD (none of the test's text spells one), the decoder must refuse.
@Suite struct QueryParametersTests {
    static func reference(_ text: String) -> String? {
        String(text.map { $0 == "+" ? " " : $0 }).removingPercentEncoding
    }

    static func agrees(_ ours: String?, _ foundation: String?) -> Bool {
        if let foundation, foundation.unicodeScalars.contains("\u{FFFD}") { return ours == nil }
        return ours == foundation
    }

    @Test func knownCases() {
        let cases: [(String, String?)] = [
            ("kabul", "kabul"), ("Zamir+Kabulov", "Zamir Kabulov"), ("Al%2DQ%C3%A1eda", "Al-Qáeda"), ("%2b", "+"),
            ("a%2", nil), ("%", nil), ("%zz", nil), ("%C3", nil), ("%FF%FE", nil), ("", ""), ("100%25", "100%"),
            ("%e2%80%ae", "\u{202E}"), ("é+%20", "é  "), ("a+%FF", nil), ("%A9", nil),
        ]
        for (text, expected) in cases {
            #expect(QueryParameters.decoded(Substring(text).utf8) == expected, "\(text)")
            #expect(Self.agrees(expected, Self.reference(text)), "Foundation on \(text)")
        }
    }

    /// Random strings over the characters that matter (escapes, broken escapes, `+`, multi-byte UTF-8), seeded.
    @Test func agreesWithFoundationOnRandomText() {
        let alphabet: [String] = ["%", "+", "a", "F", "0", "9", "g", "%2", "%41", "%c3", "%a9", "%C3%A9", "%e2%82", "%ac",
                                  "%80", "%ff", "é", "—", " ", "=", "%00", "%7"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var agreed = 0
        for _ in 0..<20_000 {
            let text = (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined()
            let ours = QueryParameters.decoded(Substring(text).utf8)
            #expect(Self.agrees(ours, Self.reference(text)), "\(text)")
            if ours != nil { agreed += 1 }
        }
        #expect(agreed > 1_000)  // both answers occur: the property is not only about refusals
    }

    @Test func malformedEscapeIsABadRequestNamingWhere() {
        #expect(throws: APIError.self) { try QueryParameters(query: "q=%zz", allowed: ["q"]) }
        let parameters = try? QueryParameters(query: "q=Zamir+Kabulov&limit=%32", allowed: ["q", "limit"])
        #expect(parameters?["q"] == "Zamir Kabulov")
        #expect(parameters?["limit"] == "2")
    }
}
