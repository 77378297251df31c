import Foundation

/// Type-ahead search over actor ids, names and aliases with ``ActorResolver``'s folding (case, diacritics,
/// punctuation): whole matches first, then prefixes, word prefixes and other substrings.
///
/// Every folded key lives in one byte buffer separated by NUL bytes, so a query is one byte scan of it however
/// many actors there are.
public struct ActorSearch: Sendable {
    /// How well a key answers the query, best first.
    public enum Rank: Int, Comparable, Sendable {
        case exact, prefix, wordPrefix, substring

        public static func < (left: Rank, right: Rank) -> Bool { left.rawValue < right.rawValue }
    }

    /// One answer: the actor, the id, name or alias that matched (as written), and how well.
    public struct Hit: Hashable, Sendable {
        public let actor: ActorIndex
        public let matched: String
        public let rank: Rank
    }

    private let actors: [ActorRecord]
    /// Folded keys, each followed by a NUL byte.
    private let buffer: [UInt8]
    /// Where each key starts in `buffer`, ascending.
    private let starts: [Int]
    /// The actor and the text (0 id, 1 name, 2… aliases) of each key.
    private let owners: [(actor: Int32, text: Int32)]

    /// - Complexity: O(total length of ids, names and aliases).
    public init(actors: [ActorRecord]) {
        self.actors = actors
        var buffer: [UInt8] = []
        var starts: [Int] = []
        var owners: [(actor: Int32, text: Int32)] = []
        for (position, actor) in actors.enumerated() {
            for (number, text) in ([actor.id, actor.name] + actor.aliases).enumerated() {
                let key = ActorResolver.normalize(text)
                guard !key.isEmpty else { continue }
                starts.append(buffer.count)
                owners.append((Int32(position), Int32(number)))
                buffer.append(contentsOf: key.utf8)
                buffer.append(0)
            }
        }
        self.buffer = buffer
        self.starts = starts
        self.owners = owners
    }

    public init(graph: RelationGraph) { self.init(actors: Array(graph.actors)) }

    /// Up to `limit` actors whose folded id, name or alias contains the folded `query`, ranked by how well the
    /// best of their keys matches, then by name and id.
    ///
    /// - Complexity: O(size of the key buffer) for the scan, plus O(h log h) for h hits.
    public func search(_ query: String, limit: Int) -> [Hit] {
        let needle = Array(ActorResolver.normalize(query).utf8)
        guard !needle.isEmpty, limit > 0, !buffer.isEmpty else { return [] }
        var best: [Int32: (rank: Rank, text: Int32)] = [:]
        buffer.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return }
                var offset = 0
                while offset + pattern.count <= haystack.count,
                    let found = Self.find(patternBase, pattern.count, in: base + offset, haystack.count - offset)
                {
                    let at = base.distance(to: found)
                    let key = keyIndex(containing: at)
                    let start = starts[key]
                    let end = (key + 1 < starts.count ? starts[key + 1] : buffer.count) - 1
                    let rank: Rank
                    if at == start {
                        rank = at + needle.count == end ? .exact : .prefix
                    } else {
                        rank = buffer[at - 1] == 0x20 ? .wordPrefix : .substring
                    }
                    let owner = owners[key]
                    if let current = best[owner.actor], current.rank <= rank {
                        // Keep the better (or earlier) key.
                    } else {
                        best[owner.actor] = (rank, owner.text)
                    }
                    offset = at + 1
                }
            }
        }
        let hits = best.map { actor, match in
            let record = actors[Int(actor)]
            let texts = [record.id, record.name] + record.aliases
            return Hit(actor: ActorIndex(Int(actor)), matched: texts[Int(match.text)], rank: match.rank)
        }
        return hits.sorted { left, right in
            if left.rank != right.rank { return left.rank < right.rank }
            let leftName = actors[left.actor.position].name
            let rightName = actors[right.actor.position].name
            if leftName.count != rightName.count { return leftName.count < rightName.count }
            if leftName != rightName { return leftName < rightName }
            return actors[left.actor.position].id < actors[right.actor.position].id
        }.prefix(limit).map { $0 }
    }

    /// The first occurrence of `pattern` in `bytes`: `memchr` to each candidate first byte, `memcmp` for the rest
    /// (glibc's `memmem` is a GNU extension Swift does not import).
    private static func find(_ pattern: UnsafeRawPointer, _ length: Int, in bytes: UnsafeRawPointer, _ count: Int)
        -> UnsafeRawPointer?
    {
        let first = Int32(pattern.load(as: UInt8.self))
        var start = bytes
        var remaining = count
        while remaining >= length, let hit = memchr(start, first, remaining - length + 1) {
            let candidate = UnsafeRawPointer(hit)
            if memcmp(candidate, pattern, length) == 0 { return candidate }
            let advance = start.distance(to: candidate) + 1
            start += advance
            remaining -= advance
        }
        return nil
    }

    /// The key whose bytes hold `offset` (binary search over the starts).
    private func keyIndex(containing offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
