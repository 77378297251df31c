import Foundation

/// Type-ahead search over actor ids, names and aliases with ``ActorResolver``'s folding (case, diacritics,
/// punctuation): whole matches first, then prefixes, word prefixes and other substrings.
///
/// Every folded key lives in one byte buffer separated by NUL bytes, with two indexes built once: the start of
/// every word of every key sorted by the text from there, so a query that begins enough words (typing a name) is a
/// binary search; and the places of every three bytes by a hash of them, so any other query of three bytes or more
/// compares only the places of its least common three. Shorter queries scan the buffer.
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
    /// Each actor's name length in characters, the second key of the ranking.
    private let nameLengths: [Int32]
    /// How often each byte value occurs in `buffer`: a query's scan looks for its rarest byte.
    private let byteCounts: [Int]
    /// Where each word of each key starts in `buffer`, sorted by the text from there to the end of its key.
    private let wordStarts: [Int32]
    /// The trigram index: every place in `buffer` where three bytes of a key begin, grouped by the bucket of those
    /// three bytes (``trigramBucket(_:_:_:)``), ascending within a bucket; bucket `b` is
    /// `trigramPlaces[trigramStarts[b]..<trigramStarts[b + 1]]`.
    private let trigramPlaces: [Int32]
    private let trigramStarts: [Int32]

    /// - Complexity: O(total length of ids, names and aliases).
    public init(actors: [ActorRecord]) {
        self.actors = actors
        var buffer: [UInt8] = []
        var starts: [Int] = []
        var owners: [(actor: Int32, text: Int32)] = []
        var nameLengths: [Int32] = []
        nameLengths.reserveCapacity(actors.count)
        for (position, actor) in actors.enumerated() {
            nameLengths.append(Int32(clamping: actor.name.count))
            for (number, text) in ([actor.id, actor.name] + actor.aliases).enumerated() {
                let key = ActorResolver.normalize(text)
                guard !key.isEmpty else { continue }
                starts.append(buffer.count)
                owners.append((Int32(position), Int32(number)))
                buffer.append(contentsOf: key.utf8)
                buffer.append(0)
            }
        }
        var byteCounts = [Int](repeating: 0, count: 256)
        var wordStarts: [Int32] = []
        for (position, byte) in buffer.enumerated() {
            byteCounts[Int(byte)] += 1
            if byte != 0, byte != 0x20, position == 0 || buffer[position - 1] == 0 || buffer[position - 1] == 0x20 {
                wordStarts.append(Int32(position))
            }
        }
        buffer.withUnsafeBufferPointer { bytes in
            wordStarts.sort { left, right in
                var left = Int(left)
                var right = Int(right)
                while bytes[left] == bytes[right], bytes[left] != 0 {
                    left += 1
                    right += 1
                }
                return bytes[left] < bytes[right]
            }
        }
        self.wordStarts = wordStarts
        (trigramPlaces, trigramStarts) = Self.trigramIndex(buffer)
        self.buffer = buffer
        self.starts = starts
        self.owners = owners
        self.nameLengths = nameLengths
        self.byteCounts = byteCounts
    }

    public init(graph: RelationGraph) { self.init(actors: Array(graph.actors)) }

    /// The trigram index of `buffer` by counting sort: two passes over the bytes.
    private static func trigramIndex(_ buffer: [UInt8]) -> (places: [Int32], starts: [Int32]) {
        let buckets = 1 << Int(trigramBits)
        var starts = [Int32](repeating: 0, count: buckets + 1)
        var places: [Int32] = []
        buffer.withUnsafeBufferPointer { bytes in
            guard bytes.count >= 3 else { return }
            func eachTrigram(_ body: (Int, Int) -> Void) {
                for position in 0..<(bytes.count - 2) where bytes[position] != 0 && bytes[position + 1] != 0 && bytes[position + 2] != 0 {
                    body(position, trigramBucket(bytes[position], bytes[position + 1], bytes[position + 2]))
                }
            }
            eachTrigram { _, bucket in starts[bucket + 1] += 1 }
            for bucket in 0..<buckets { starts[bucket + 1] += starts[bucket] }
            var next = Array(starts[0..<buckets])
            places = [Int32](repeating: 0, count: Int(starts[buckets]))
            eachTrigram { position, bucket in
                places[Int(next[bucket])] = Int32(position)
                next[bucket] += 1
            }
        }
        return (places, starts)
    }

    /// Up to `limit` actors whose folded id, name or alias contains the folded `query`, ranked by how well the
    /// best of their keys matches, then by name and id.
    ///
    /// The word-start index answers first: when at least `limit` actors have a key with a word beginning with the
    /// query, no substring match in the middle of a word can be among the first `limit`, and nothing else is read.
    /// Otherwise every place of the query is found through the trigram index (a query of three bytes or more) or
    /// by a scan of every key.
    ///
    /// - Complexity: O(log w + m) for the m matches at word starts among w words when they suffice; otherwise
    ///   O(places of the query's least common trigram), or O(size of the key buffer) for a shorter query; plus
    ///   O(h log h) for h hits.
    public func search(_ query: String, limit: Int) -> [Hit] {
        let needle = Array(ActorResolver.normalize(query).utf8)
        guard !needle.isEmpty, limit > 0, !buffer.isEmpty else { return [] }
        var best: [Int32: (rank: Rank, text: Int32)] = [:]
        for at in wordStartMatches(needle) { note(Int(at), needle.count, in: &best) }
        if best.count < limit {
            best = [:]
            if needle.count >= 3 {
                trigramMatches(needle) { at in note(at, needle.count, in: &best) }
            } else {
                scan(needle) { at in note(at, needle.count, in: &best) }
            }
        }
        return ranked(best, limit: limit).map { actor in
            let record = actors[Int(actor)]
            let match = best[actor]!
            let text = match.text == 0 ? record.id : match.text == 1 ? record.name : record.aliases[Int(match.text) - 2]
            return Hit(actor: ActorIndex(Int(actor)), matched: text, rank: match.rank)
        }
    }

    /// Records a match at byte `at` of `buffer`: each actor keeps its best rank, and of equally ranked keys the
    /// first (id, name, then aliases in order).
    private func note(_ at: Int, _ length: Int, in best: inout [Int32: (rank: Rank, text: Int32)]) {
        let key = keyIndex(containing: at)
        let start = starts[key]
        let end = (key + 1 < starts.count ? starts[key + 1] : buffer.count) - 1
        let rank: Rank
        if at == start {
            rank = at + length == end ? .exact : .prefix
        } else {
            rank = buffer[at - 1] == 0x20 ? .wordPrefix : .substring
        }
        let owner = owners[key]
        if let current = best[owner.actor], current.rank < rank || current.rank == rank && current.text <= owner.text {
            return
        }
        best[owner.actor] = (rank, owner.text)
    }

    /// Every place in `buffer` where `needle` starts a word of a key: a binary search of the sorted word starts.
    private func wordStartMatches(_ needle: [UInt8]) -> ArraySlice<Int32> {
        buffer.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { pattern in
                // The first word start whose text is not below the needle, then the first that does not begin with it.
                func firstIndex(where isAfter: (Int) -> Bool) -> Int {
                    var low = 0
                    var high = wordStarts.count
                    while low < high {
                        let middle = (low + high) / 2
                        if isAfter(Self.compare(bytes, Int(wordStarts[middle]), pattern)) { high = middle } else { low = middle + 1 }
                    }
                    return low
                }
                let lower = firstIndex { $0 >= 0 }
                let upper = firstIndex { $0 > 0 }
                return wordStarts[lower..<upper]
            }
        }
    }

    /// Compares the key text from `position` with `pattern` over the pattern's length: -1 below, 0 when the text
    /// begins with the pattern, 1 above. Keys end with a NUL byte, which no pattern holds, so it stops in its key.
    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Int {
        for offset in 0..<pattern.count {
            let byte = bytes[position + offset]
            if byte != pattern[offset] { return byte < pattern[offset] ? -1 : 1 }
        }
        return 0
    }

    /// Calls `found` with every place of `needle` (three bytes or more) in `buffer`, in order: the places of its
    /// least common three bytes (by their bucket of the trigram index), each compared with the whole needle.
    private func trigramMatches(_ needle: [UInt8], _ found: (Int) -> Void) {
        var pick = 0
        var smallest = Int.max
        for offset in 0...(needle.count - 3) {
            let bucket = Self.trigramBucket(needle[offset], needle[offset + 1], needle[offset + 2])
            let size = Int(trigramStarts[bucket + 1] - trigramStarts[bucket])
            if size < smallest {
                smallest = size
                pick = offset
            }
        }
        let bucket = Self.trigramBucket(needle[pick], needle[pick + 1], needle[pick + 2])
        buffer.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return }
                for slot in Int(trigramStarts[bucket])..<Int(trigramStarts[bucket + 1]) {
                    let at = Int(trigramPlaces[slot]) - pick
                    guard at >= 0, at + pattern.count <= haystack.count,
                        memcmp(base + at, patternBase, pattern.count) == 0
                    else { continue }
                    found(at)
                }
            }
        }
    }

    /// The trigram index's bucket of three bytes (a hash: a bucket may hold other trigrams too, which the
    /// comparison with the whole needle drops).
    static func trigramBucket(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        let value = UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third)
        return Int((value &* 2_654_435_761) >> (32 - trigramBits))
    }

    static let trigramBits: UInt32 = 16

    /// Calls `found` with every place of `needle` in `buffer`, in order. The scan jumps with `memchr` between
    /// occurrences of the needle's rarest byte (in these keys), not its first.
    private func scan(_ needle: [UInt8], _ found: (Int) -> Void) {
        let pivot = needle.indices.min { byteCounts[Int(needle[$0])] < byteCounts[Int(needle[$1])] } ?? 0
        buffer.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return }
                var offset = 0
                while offset + pattern.count <= haystack.count,
                    let match = Self.find(patternBase, pattern.count, pivot: pivot, in: base + offset, haystack.count - offset)
                {
                    let at = base.distance(to: match)
                    found(at)
                    offset = at + 1
                }
            }
        }
    }

    /// The best `limit` actors of `best` in the order of the answer: by rank, name length (in characters), name,
    /// id. Only the actors that can be among the first `limit` are compared by their strings: the others are
    /// ordered by an integer key of rank and name length, and only the `limit`-th actor's ties on that key are kept.
    private func ranked(_ best: [Int32: (rank: Rank, text: Int32)], limit: Int) -> [Int32] {
        // rank (2 bits) | name length (30 bits) | actor (32 bits)
        var keys = best.map { actor, match in
            UInt64(match.rank.rawValue) << 62 | UInt64(min(UInt32(nameLengths[Int(actor)]), 0x3FFF_FFFF)) << 32 | UInt64(UInt32(actor))
        }
        keys.sort()
        var count = min(limit, keys.count)
        if count > 0 {
            let boundary = keys[count - 1] >> 32
            while count < keys.count, keys[count] >> 32 == boundary { count += 1 }
        }
        let candidates = keys[..<count].map { Int32(truncatingIfNeeded: $0) }
        return candidates.sorted { left, right in
            let leftMatch = best[left]!
            let rightMatch = best[right]!
            if leftMatch.rank != rightMatch.rank { return leftMatch.rank < rightMatch.rank }
            let leftLength = nameLengths[Int(left)]
            let rightLength = nameLengths[Int(right)]
            if leftLength != rightLength { return leftLength < rightLength }
            let leftName = actors[Int(left)].name
            let rightName = actors[Int(right)].name
            if leftName != rightName { return leftName < rightName }
            return actors[Int(left)].id < actors[Int(right)].id
        }.prefix(limit).map { $0 }
    }

    /// The first occurrence of `pattern` in `bytes`: `memchr` to each candidate place of the pattern's byte at
    /// `pivot`, `memcmp` for the whole (glibc's `memmem` is a GNU extension Swift does not import).
    private static func find(
        _ pattern: UnsafeRawPointer, _ length: Int, pivot: Int, in bytes: UnsafeRawPointer, _ count: Int
    ) -> UnsafeRawPointer? {
        let byte = Int32(pattern.load(fromByteOffset: pivot, as: UInt8.self))
        var start = bytes
        var remaining = count
        while remaining >= length, let hit = memchr(start + pivot, byte, remaining - length + 1) {
            let candidate = UnsafeRawPointer(hit) - pivot
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
