/// One bit per adjacency slot, both directions in one array: bit `s` for the relation at `outRelations[s]`, bit
/// ``RelationGraph/slotBitBase`` `+ s` for the one at `inRelations[s]`. A scan reads a slice's bits a word at a
/// time and skips the unset slots 64 at a time without reading their relations; `RelationGraph` keeps them for
/// symmetric types, an indexed ``FilteredGraph`` for the relations its filter admits.
struct AdjacencySlotBits: Sendable {
    /// The outgoing slots' words, then the incoming ones'; empty when none were computed.
    let words: Column<UInt64>

    init() { words = [] }

    /// Words as ``words`` holds them (read ready-made with a graph's other arrays).
    init(words: Column<UInt64>) { self.words = words }

    /// The two directions' slot words side by side, each ``wordCount(_:)`` long.
    init(outgoing: [UInt64], incoming: [UInt64]) { words = Column(outgoing + incoming) }

    /// The slot bits of both adjacencies of `graph` from one bit per relation (``relationBits(count:where:)``).
    init(relationBits: [UInt64], of graph: RelationGraph) {
        self.init(
            outgoing: Self.slotWords(count: graph.relationCount, relationBits: relationBits) { graph.outStep($0).1 },
            incoming: Self.slotWords(count: graph.relationCount, relationBits: relationBits) { graph.inStep($0).1 })
    }

    var isEmpty: Bool { words.isEmpty }

    /// Where the incoming slots' bits start for a graph of `relationCount` relations: rounded up to a word.
    static func incomingBase(relationCount: Int) -> Int { wordCount(relationCount) * 64 }

    static func wordCount(_ count: Int) -> Int { (count + 63) / 64 }

    /// One bit per position below `count`, set where `predicate` holds; a word at a time.
    static func relationBits(count: Int, where predicate: (Int) -> Bool) -> [UInt64] {
        let wordCount = wordCount(count)
        return [UInt64](unsafeUninitializedCapacity: wordCount) { words, initialized in
            for word in 0..<wordCount {
                var value: UInt64 = 0
                for position in (word << 6)..<min((word << 6) + 64, count) where predicate(position) {
                    value |= 1 << UInt64(position & 63)
                }
                words.initializeElement(at: word, to: value)
            }
            initialized = wordCount
        }
    }

    /// One direction's slot words from per-relation bits: bit `s` is `relationBits`' bit for `relations[s]`. Built
    /// a word at a time in slot order, one store per 64 slots (docs/PERFORMANCE.md).
    static func slotWords(
        count: Int, relationBits: [UInt64], relation: (Int) -> RelationIndex
    ) -> [UInt64] {
        self.relationBits(count: count) { slot in
            let position = relation(slot).position
            return relationBits[position >> 6] & (1 << UInt64(position & 63)) != 0
        }
    }
}
