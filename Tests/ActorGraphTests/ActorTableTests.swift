import ActorGraph
import ActorGraphTestSupport
import Testing

/// A built graph of many actors keeps them packed in one buffer and makes each record when it is read
/// (``ActorTable``): the records read back must be exactly those added, whatever their strings hold.
@Suite("Actor table")
struct ActorTableTests {
    private static let pieces = ["", "a", "Ω", "é", "東京", "🙂", "x y", "\u{200F}", "long name of an actor that runs past 15 bytes"]

    private func randomText(_ random: inout SeededRandom, length: ClosedRange<Int>) -> String {
        (0..<random.int(length)).map { _ in random.element(of: Self.pieces) }.joined()
    }

    private func randomRecord(_ position: Int, _ random: inout SeededRandom) -> ActorRecord {
        // Lengths across the one-byte LEB128 limit (127), and optional strings present or absent in every mix.
        ActorRecord(
            id: "a\(position)", name: randomText(&random, length: 0...40), kind: random.element(of: ActorKind.allCases),
            subkind: random.chance(0.5) ? randomText(&random, length: 0...3) : nil,
            aliases: (0..<random.int(0...3)).map { _ in randomText(&random, length: 0...30) },
            description: random.chance(0.3) ? randomText(&random, length: 0...60) : nil,
            country: random.chance(0.5) ? "c\(random.below(10))" : nil)
    }

    @Test func packedRecordsReadBackAsAdded() throws {
        try forEachSeed(0..<3) { seed in
            var random = SeededRandom(seed: seed)
            var builder = GraphBuilder(vocabulary: .builtIn)
            var records: [ActorRecord] = []
            for position in 0..<5_000 {
                let record = randomRecord(position, &random)
                records.append(record)
                try builder.addActor(record)
            }
            let graph = builder.build()
            #expect(Array(graph.actors) == records)
            for position in [0, 1, 4_095, 4_999] {
                #expect(graph.actorIndex(id: "a\(position)") == ActorIndex(position))
                #expect(graph.actorIndex(id: "a\(position)x") == nil)
                #expect(graph.kind(of: ActorIndex(position)) == records[position].kind)
            }
        }
    }
}
