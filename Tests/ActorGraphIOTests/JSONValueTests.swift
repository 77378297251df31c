import ActorGraphIO
import ActorGraphTestSupport
import Foundation
import Testing

/// JSON strings: exact escapes, the whole-string fast path against the scalar-by-scalar escaper on random strings,
/// and a round trip through Foundation's JSON reader.
struct JSONValueTests {
    @Test func escapesExactly() {
        #expect(JSONValue.string("plain text, Zürich – 2021").compact() == #""plain text, Zürich – 2021""#)
        #expect(JSONValue.string("say \"hi\"").compact() == #""say \"hi\"""#)
        #expect(JSONValue.string(#"a\b"#).compact() == #""a\\b""#)
        #expect(JSONValue.string("a\nb\rc\td\u{08}e\u{0C}f").compact() == #""a\nb\rc\td\be\ff""#)
        #expect(JSONValue.string("\u{01}\u{1F}").compact() == #""\u0001\u001f""#)
        #expect(JSONValue.string("x\u{2028}y\u{2029}z").compact() == #""x\u2028y\u2029z""#)
        #expect(JSONValue.string("€\u{2028}").compact() == #""€\u2028""#)
        #expect(JSONValue.object([("k\"", .string("v"))]).compact() == #"{"k\"":"v"}"#)
    }

    /// The escaper as the RFC says it, one scalar at a time: the reference the fast path must agree with.
    private static func reference(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0..<0x20, 0x2028, 0x2029: output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    @Test func randomStringsMatchTheReferenceAndRoundTrip() throws {
        let pieces: [String] = [
            "a", "Z", " ", "\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "é", "€", "\u{2028}", "\u{2029}", "\u{2027}",
            "\u{202E}", "🙂", "<script>", "'", "/", "\u{0}",
        ]
        try forEachSeed(0..<300) { seed in
            var random = SeededRandom(seed: seed)
            let text = (0..<random.int(0...12)).map { _ in random.element(of: pieces) }.joined()
            let written = JSONValue.string(text).compact()
            #expect(written == Self.reference(text), "seed \(seed)")
            let read = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed)
            #expect(read as? String == text, "seed \(seed)")
        }
    }

    /// `prettyBytes()` (the explorer's answers) against `pretty()` on random nested values: the same bytes.
    @Test func prettyBytesAreThePrettyText() throws {
        let pieces: [String] = ["a", " ", "\"", "\\", "\n", "\u{01}", "é", "\u{2028}", "🙂", "<script>", "\u{0}"]
        func value(_ random: inout SeededRandom, depth: Int) -> JSONValue {
            switch random.int(0...(depth > 3 ? 4 : 6)) {
            case 0: return .null
            case 1: return .bool(random.chance(0.5))
            case 2: return .int(random.int(-20...20) * (random.chance(0.3) ? 1_000_003 : 1))
            case 3: return .double(random.chance(0.2) ? .nan : Double(random.int(-9...9)) / 4)
            case 4: return .string((0..<random.int(0...5)).map { _ in random.element(of: pieces) }.joined())
            case 5: return .array((0..<random.int(0...4)).map { _ in value(&random, depth: depth + 1) })
            default:
                return .object(
                    (0..<random.int(0...4)).map { _ in
                        (random.element(of: pieces) + random.element(of: pieces), value(&random, depth: depth + 1))
                    })
            }
        }
        try forEachSeed(0..<400) { seed in
            var random = SeededRandom(seed: seed)
            let json = value(&random, depth: 0)
            #expect(json.prettyBytes() == Array(json.pretty().utf8), "seed \(seed)")
        }
    }
}
