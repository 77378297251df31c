import ActorGraphIO
import ActorGraphTestSupport
import Testing

/// A streamed object reads exactly as the whole object printed at once (`path --format json` streams its paths
/// and must print what it printed before the paths were streamed).
@Suite("Streamed JSON objects")
struct StreamedJSONObjectTests {
    static func value(_ random: inout SeededRandom, depth: Int) -> JSONValue {
        switch random.int(0...(depth > 2 ? 3 : 5)) {
        case 0: return .null
        case 1: return .int(random.int(-5...500))
        case 2: return .string(["", "a", "quote \" and \\ and \n", "é"][random.int(0...3)])
        case 3: return .bool(random.int(0...1) == 1)
        case 4: return .array((0..<random.int(0...3)).map { _ in value(&random, depth: depth + 1) })
        default: return .object((0..<random.int(0...3)).map { index in ("k\(index)", value(&random, depth: depth + 1)) })
        }
    }

    @Test func streamedTextIsThePrettyText() throws {
        try forEachSeed(0..<500) { seed in
            var random = SeededRandom(seed: seed)
            let before = (0..<random.int(0...3)).map { ("b\($0)", Self.value(&random, depth: 1)) }
            let elements = (0..<random.int(0...4)).map { _ in Self.value(&random, depth: 2) }
            let after = (0..<random.int(0...3)).map { ("c\($0)", Self.value(&random, depth: 1)) }
            var text = ""
            var object = StreamedJSONObject { text += $0 }
            for (key, value) in before { object.member(key, value) }
            object.openArray("list")
            for element in elements { object.element(element) }
            object.closeArray()
            for (key, value) in after { object.member(key, value) }
            object.close()
            let whole = JSONValue.object(before + [("list", .array(elements))] + after)
            #expect(text == whole.pretty(), "seed \(seed)")
        }
    }

    @Test func anEmptyObjectAndAnArrayLeftOpenStillClose() {
        var empty = ""
        var object = StreamedJSONObject { empty += $0 }
        object.close()
        #expect(empty == JSONValue.object([]).pretty())
        var open = ""
        var stopped = StreamedJSONObject { open += $0 }
        stopped.openArray("paths")
        stopped.element(.int(1))
        stopped.close()
        #expect(open == JSONValue.object([("paths", .array([.int(1)]))]).pretty())
    }
}
