import ActorGraph

/// A trigger found in a sentence: which type it states and the words that state it.
public struct TriggerMatch: Hashable, Sendable {
    public var type: String
    /// The trigger as the vocabulary writes it (`talks with`, `recogni*`).
    public var lexiconEntry: String
    /// Token positions in the sentence, half-open.
    public var range: Range<Int>
}

/// The vocabulary's `triggers:` lists, folded like the text and looked up by first word.
public struct TriggerLexicon: Sendable {
    struct Pattern: Sendable {
        var type: String
        var trigger: String
        /// Folded words; a word ending in `*` matches any word it begins.
        var words: [(text: String, isPrefix: Bool)]
    }

    private var byFirstWord: [String: [Pattern]] = [:]
    /// Patterns whose first word is a prefix (`negotiat*`), by its first three letters; shorter prefixes apart.
    private var prefixFirst: [String: [Pattern]] = [:]
    private var shortPrefixFirst: [Pattern] = []
    public private(set) var count = 0

    public init(vocabulary: RelationVocabulary) {
        for type in vocabulary.all {
            for trigger in type.triggers {
                // Each written word folds like the text ("counter-terrorism" becomes two words); a final `*` marks
                // the last of them as a prefix.
                var words: [(String, Bool)] = []
                for raw in trigger.split(separator: " ") {
                    let isPrefix = raw.hasSuffix("*")
                    let parts = ActorResolver.normalize(String(isPrefix ? raw.dropLast() : raw[...])).split(separator: " ")
                    for (offset, part) in parts.enumerated() { words.append((String(part), isPrefix && offset == parts.count - 1)) }
                }
                guard let first = words.first else { continue }
                let pattern = Pattern(type: type.name, trigger: trigger, words: words.map { (text: $0.0, isPrefix: $0.1) })
                if !first.1 {
                    byFirstWord[first.0, default: []].append(pattern)
                } else if first.0.count >= 3 {
                    prefixFirst[String(first.0.prefix(3)), default: []].append(pattern)
                } else {
                    shortPrefixFirst.append(pattern)
                }
                count += 1
            }
        }
    }

    /// Whether a trigger starts at `position`.
    func startsTrigger(_ tokens: [Token], at position: Int) -> Bool { !matches(in: tokens, at: position).isEmpty }

    /// Every trigger starting at `position`, the longest ones only (so `held talks` wins over `talks`).
    func matches(in tokens: [Token], at position: Int) -> [TriggerMatch] {
        // "So-called" is an adjective, no act of calling.
        if position > 0, tokens[position].folded == "called", tokens[position - 1].folded == "so", tokens[position - 1].gapAfter == "-" {
            return []
        }
        var found: [TriggerMatch] = []
        let word = tokens[position].folded
        let candidates = (byFirstWord[word] ?? []) + (prefixFirst[String(word.prefix(3))] ?? []) + shortPrefixFirst
        for pattern in candidates where position + pattern.words.count <= tokens.count {
            let fits = pattern.words.enumerated().allSatisfy { offset, word in
                let token = tokens[position + offset].folded
                return word.isPrefix ? token.hasPrefix(word.text) : token == word.text
            }
            // A phrase does not run across a comma or a full stop.
            let unbroken = tokens[position..<(position + pattern.words.count)].dropLast().allSatisfy {
                $0.gapAfter.allSatisfy { $0.isWhitespace || $0 == "-" }
            }
            guard fits, unbroken else { continue }
            found.append(TriggerMatch(type: pattern.type, lexiconEntry: pattern.trigger, range: position..<(position + pattern.words.count)))
        }
        guard let longest = found.map(\.range.count).max() else { return [] }
        var seen = Set<String>()
        return found.filter { $0.range.count == longest && seen.insert($0.type).inserted }
    }
}
