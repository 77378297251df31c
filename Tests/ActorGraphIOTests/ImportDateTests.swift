import ActorGraph
import Testing

@testable import ActorGraphIO

@Suite("Byte-level EDTF fast path")
struct ImportDateTests {
    private func fast(_ text: String) -> EDTFDate? {
        Array(text.utf8).withUnsafeBufferPointer { EDTFBytes.parse($0) }
    }

    @Test func commonFormsTakeTheFastPath() {
        for text in ["2021", "2021-08", "2021-08-17", "1979/1989", "2022-03/..", "../2001", "2022-03/", "/2001", "2021~", "2021?", "2021-02-28%"] {
            let expected = try? EDTFDate.parse(text).get()
            #expect(fast(text) == expected, "\(text)")
            #expect(fast(text) != nil, "\(text)")
        }
    }

    @Test func invalidDatesFallBack() {
        for text in ["2021-02-30", "2021-13", "0000", "21", "2021-8", "1989/1979", "../..", "/", "2021//2022", "x"] {
            #expect(fast(text) == nil, "\(text)")
        }
    }

    /// Whatever the fast path accepts, the full parser accepts with the same value.
    @Test func agreesWithTheFullParserOnRandomTexts() {
        var random = SyntheticRandom(seed: 9)
        let pieces = ["2021", "1999", "0001", "9999", "0000", "-", "02", "12", "13", "29", "30", "31", "00", "/", "..", "~", "?", "%", "1", "X", "2020-02-29", "2021-02-29"]
        var accepted = 0
        for _ in 0..<50_000 {
            var text = ""
            for _ in 0..<(1 + random.below(5)) { text += pieces[random.below(pieces.count)] }
            guard let value = fast(text) else { continue }
            accepted += 1
            #expect((try? EDTFDate.parse(text).get()) == value, "\(text)")
        }
        #expect(accepted > 1_000)
    }
}
