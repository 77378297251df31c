import Foundation
import Synchronization

/// The outcome of looking an actor up the way a person types it.
public enum ActorResolution: Hashable, Sendable {
    case found(ActorIndex)
    /// Several actors answer to the text equally well.
    case ambiguous([ActorIndex])
    /// Nothing answers; the nearest spellings, best first (may be empty).
    case notFound(suggestions: [ActorIndex])
}

/// Finds actors by id, name or alias, ignoring case, diacritics and punctuation ("kabulov", "Zamir Kabulov",
/// "USSR", "Soviet Union", "al qaeda").
///
/// Exact matches on a whole id, name or alias win; then a match on every word of a name ("kabulov" for
/// "Zamir Kabulov"); otherwise the nearest spellings by edit distance are offered.
public struct ActorResolver: Sendable {
    private var actors: [ActorRecord]
    private var exact: [String: [ActorIndex]] = [:]
    private var words: [String: [ActorIndex]] = [:]

    /// - Complexity: O(total length of ids, names and aliases).
    public init(actors: [ActorRecord]) {
        self.actors = []
        self.actors.reserveCapacity(actors.count)
        for actor in actors { add(actor) }
    }

    /// Adds an actor after the others (its index is the count before), so a reader that creates actors as it
    /// goes (an import) resolves later names against them too.
    ///
    /// - Complexity: O(length of its id, name and aliases).
    @discardableResult
    public mutating func add(_ actor: ActorRecord) -> ActorIndex {
        let index = ActorIndex(actors.count)
        actors.append(actor)
        addNames([actor.id, actor.name] + actor.aliases, to: index)
        return index
    }

    /// Makes `names` answer for the actor at `index` as well (a variant merged into it).
    public mutating func addNames(_ names: [String], to index: ActorIndex) {
        for text in names {
            let key = Self.normalize(text)
            guard !key.isEmpty else { continue }
            Self.insert(index, into: &exact, key: key)
            Self.insert(index, into: &exact, key: Self.squash(key))
            for word in key.split(separator: " ") where word.count >= 3 {
                Self.insert(index, into: &words, key: String(word))
            }
        }
    }

    /// Whether `text`, folded, is exactly an id, name or alias of an actor (not only words of one).
    public func matchesExactly(_ text: String) -> Bool {
        let key = Self.normalize(text)
        return !key.isEmpty && (exact[key] ?? exact[Self.squash(key)]) != nil
    }

    /// The folded form without spaces (`U.S.` and `US` both `us`), as exact lookups also try it.
    public static func squashed(_ text: String) -> String { squash(normalize(text)) }

    public init(graph: RelationGraph) { self.init(actors: Array(graph.actors)) }

    private static func insert(_ index: ActorIndex, into table: inout [String: [ActorIndex]], key: String) {
        if table[key]?.contains(index) != true { table[key, default: []].append(index) }
    }

    /// Lower case, no diacritics, every run of other characters than letters and digits as one space.
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    private static func squash(_ key: String) -> String { key.replacingOccurrences(of: " ", with: "") }

    /// - Complexity: O(1) for an exact or word match; O(n·k²) over all keys when suggesting.
    public func resolve(_ text: String) -> ActorResolution { resolve(text, bulk: false) }

    /// The most actors a word may name and still count in a bulk word match (``resolve(_:bulk:)``).
    public static let bulkWordLimit = 64

    /// ``resolve(_:)``, or for bulk use (an import resolving every name of a file): no suggestions when nothing
    /// answers, and words that more than ``bulkWordLimit`` actors share are passed over, as short words are, so
    /// each lookup costs O(length of the text) however many actors there are.
    public func resolve(_ text: String, bulk: Bool) -> ActorResolution {
        let key = Self.normalize(text)
        guard !key.isEmpty else { return .notFound(suggestions: []) }
        if let hits = exact[key] ?? exact[Self.squash(key)] {
            return hits.count == 1 ? .found(hits[0]) : .ambiguous(hits.sorted())
        }
        // Every word of the text must be a word of the same actor's name or alias. Short words ("of", "al") are
        // too common to tell actors apart and are not indexed, so they are passed over.
        let queryWords = key.split(separator: " ").map(String.init).filter { $0.count >= 3 }
        if !queryWords.isEmpty {
            var candidates: Set<ActorIndex>?
            for word in queryWords {
                let list = words[word] ?? []
                if bulk && list.count > Self.bulkWordLimit { continue }
                let hits = Set(list)
                candidates = candidates.map { $0.intersection(hits) } ?? hits
            }
            if let candidates, !candidates.isEmpty {
                let sorted = candidates.sorted()
                return sorted.count == 1 ? .found(sorted[0]) : .ambiguous(sorted)
            }
        }
        return .notFound(suggestions: bulk ? [] : suggestions(for: key))
    }

    /// The nearest actors to a normalized key, best first, at most `limit`.
    public func suggestions(for text: String, limit: Int = 3) -> [ActorIndex] {
        let key = Self.normalize(text)
        let query = Array(key)
        // One- and two-letter texts are too short for a suggestion to mean anything.
        guard query.count >= 3 else { return [] }
        let threshold = max(1, query.count / 3)
        var best: [ActorIndex: Int] = [:]
        for (candidate, indices) in exact {
            let distance: Int
            if candidate.hasPrefix(key) || key.hasPrefix(candidate) && candidate.count >= 3 {
                distance = 1
            } else {
                guard let measured = Self.editDistance(query, Array(candidate), limit: threshold) else { continue }
                distance = measured
            }
            for index in indices where best[index].map({ distance < $0 }) ?? true { best[index] = distance }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
    }

    /// Optimal-string-alignment distance (edits, counting a swap of neighbours as one), or `nil` above `limit`.
    public static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

/// Resolves actor references against one graph: a whole id through the graph's id index, and only when that misses
/// through an ``ActorResolver``, built on first need. A command that names actors by id (a script, the explorer's
/// links) never pays for the folded-name index, which costs O(total length of names) in Unicode folding (1.4 s of a
/// 1.6 s `path` over 100,000 actors).
public final class ActorLookup: Sendable {
    public let graph: RelationGraph
    private let resolver: Mutex<ActorResolver?> = Mutex(nil)

    public init(_ graph: RelationGraph) { self.graph = graph }

    /// Whether the folded-name index has been built (only a text that is not a whole id builds it).
    public var hasBuiltNameIndex: Bool { resolver.withLock { $0 != nil } }

    /// The actor whose id is `text`, else ``ActorResolver/resolve(_:)``'s answer.
    ///
    /// - Complexity: O(1) on average for a whole id; the first other text builds the name index.
    public func resolve(_ text: String) -> ActorResolution {
        if let index = graph.actorIndex(id: text) { return .found(index) }
        return resolver.withLock { built in
            let names = built ?? ActorResolver(graph: graph)
            built = names
            return names.resolve(text)
        }
    }
}
