import ActorGraph

/// Where a sentence names an actor: a graph actor by one of its names, or a capitalised name the graph lacks.
public struct Mention: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// An actor of the graph, by id.
        case actor(String)
        /// A capitalised name no actor answers to: a possible new actor.
        case newName(String)
    }

    public var target: Target
    /// Token positions in the sentence, half-open.
    public var range: Range<Int>
    /// The words as written.
    public var text: String
    /// Why it was recognised: "name", "alias 'USSR'", "demonym of 'Russia'", "capitalised name".
    public var reason: String
    /// For a pronoun or description standing for an actor named before ("they", "the group"), the line of that
    /// name, which a candidate cites too. A trigger pairs such a word only when no actor is named on its side.
    public var antecedentLine: Int?
    public var refersBack: Bool { antecedentLine != nil }
}

/// The graph's actors by every name, alias and id, folded as the resolver folds them (case, diacritics and
/// punctuation ignored), matched longest first.
public struct Gazetteer: Sendable {
    private struct Entry: Hashable, Sendable {
        var actor: String
        var written: String
        /// An all-capitals name (`US`, `UN`) matches only when written in capitals, not the word "us".
        var needsCapitals: Bool
    }

    private var entries: [String: [Entry]] = [:]
    private(set) var longest = 1

    /// Words that start sentences or name times and places of speech, never new actors on their own.
    static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "if", "as", "by", "to", "of", "from", "with",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these",
        "those", "there", "here", "when", "while", "after", "before", "since", "during", "yet", "so", "also", "then",
        "however", "meanwhile", "although", "though", "according", "moreover", "now", "today", "yesterday", "what",
        "who", "why", "how", "where", "which", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "not", "no", "all", "some", "many", "one", "both", "each",
        "last", "next", "first", "second", "new", "other", "such", "even", "still", "despite", "instead",
    ]

    /// Connecting words allowed inside a new name ("Islamic Emirate of Afghanistan", "Osama bin Laden").
    static let nameConnectors: Set<String> = ["of", "al", "bin", "ibn", "de", "del", "the", "el", "and"]

    public init(actors: [ActorRecord]) {
        for actor in actors {
            add(actor.name, actor: actor.id)
            add(actor.id, actor: actor.id)
            for alias in actor.aliases { add(alias, actor: actor.id) }
        }
    }

    private mutating func add(_ written: String, actor: String) {
        let key = ActorResolver.normalize(written)
        guard !key.isEmpty else { return }
        let letters = written.filter(\.isLetter)
        let entry = Entry(
            actor: actor, written: written, needsCapitals: letters.count <= 4 && letters.allSatisfy(\.isUppercase))
        if entries[key]?.contains(where: { $0.actor == actor }) == true { return }
        entries[key, default: []].append(entry)
        longest = max(longest, key.split(separator: " ").count)
    }

    /// The mentions of one sentence, left to right, never overlapping: graph actors by their longest written name,
    /// then demonyms of one-word names (`Russian` for Russia), then runs of capitalised words no actor answers to.
    ///
    /// - Complexity: O(tokens · longest name in words).
    ///
    /// - Parameters:
    ///   - isTitle: words that never start a new name, such as the triggers ("Ambassador", "Envoy").
    ///   - isRoleTitle: titles of persons ("Minister", "Ambassador"): a run of capitalised words ending before one
    ///     qualifies the title ("Foreign Minister Sergey Lavrov"), it is no name of its own.
    public func mentions(
        in tokens: [Token], isTitle: (Int) -> Bool = { _ in false }, isRoleTitle: (Int) -> Bool = { _ in false }
    ) -> [Mention] {
        var result: [Mention] = []
        var position = 0
        while position < tokens.count {
            if let found = actorMention(in: tokens, at: position) {
                result.append(found)
                position = found.range.upperBound
            } else if !isTitle(position), let name = newName(in: tokens, at: position, isRoleTitle: isRoleTitle) {
                result.append(name)
                position = name.range.upperBound
            } else {
                position += 1
            }
        }
        return result
    }

    private func actorMention(in tokens: [Token], at start: Int) -> Mention? {
        let limit = min(longest, tokens.count - start)
        guard limit > 0 else { return nil }
        for length in stride(from: limit, through: 1, by: -1) {
            let slice = tokens[start..<(start + length)]
            // A name does not run across the end of a clause.
            if slice.dropLast().contains(where: { $0.gapAfter.contains(where: { ",;:()\"“”".contains($0) }) }) { continue }
            let key = slice.map(\.folded).joined(separator: " ")
            guard let found = entries[key] else { continue }
            let written = slice.map(\.text).joined(separator: " ")
            let usable = found.filter { !$0.needsCapitals || slice.allSatisfy(\.isAcronym) || slice.allSatisfy { $0.text.count == 1 && $0.isCapitalised } }
            // Several actors under one name: ambiguous, so no mention (the reviewer sees the name listed as new).
            guard usable.count == 1, let entry = usable.first else { continue }
            let reason = entry.written == entry.actor ? "id" : "name '\(entry.written)'"
            return Mention(target: .actor(entry.actor), range: start..<(start + length), text: written, reason: reason)
        }
        let token = tokens[start]
        guard token.isCapitalised, !token.isAcronym, token.folded.count >= 4 else { return nil }
        // Demonyms and plurals of one-word names (after an article too: Western → The West): Russian → Russia, Iranian → Iran, Pakistani → Pakistan,
        // Chinese → China, Afghan → Afghanistan, Uzbek → Uzbekistan, Soviet → Soviets, Russians → Russia.
        // A plural demonym is read as its singular first ("Russians" → Russian → Russia).
        let words = token.folded.hasSuffix("s") && !token.folded.hasSuffix("ss") ? [token.folded, String(token.folded.dropLast())] : [token.folded]
        var stems: [String] = []
        for word in words {
            let chinese: String = word.hasSuffix("ese") ? String(word.dropLast(3)) + "a" : ""
            stems += [String(word.dropLast()), String(word.dropLast(3)), chinese, word + "istan", word + "stan", word + "s"]
        }
        // A name with its article ("The West") answers to the demonym of the word after it ("Western").
        for stem in stems where stem.count >= 4 {
            if let found = entries[stem] ?? entries["the " + stem], found.count == 1, let entry = found.first, !entry.needsCapitals {
                return Mention(target: .actor(entry.actor), range: start..<(start + 1), text: token.text, reason: "demonym of '\(entry.written)'")
            }
        }
        return nil
    }

    private func newName(in tokens: [Token], at start: Int, isRoleTitle: (Int) -> Bool) -> Mention? {
        guard isNameWord(tokens[start]) else { return nil }
        var end = start + 1
        while end < tokens.count, joins(tokens[end - 1]) {
            let token = tokens[end]
            if isRoleTitle(end) { return nil }
            // A trigger word may continue a name ("Trade Office") but not start one ("Ambassador Zhirnov").
            if isNameWord(token), actorMention(in: tokens, at: end) == nil {
                end += 1
            } else if Self.nameConnectors.contains(token.folded), !token.isCapitalised, joins(token), end + 1 < tokens.count,
                isNameWord(tokens[end + 1]), actorMention(in: tokens, at: end + 1) == nil
            {
                end += 2
            } else {
                break
            }
        }
        // A lone capitalised word opening the sentence is most often an ordinary word.
        if start == 0, end == 1 { return nil }
        let name = tokens[start..<end].map(\.text).joined(separator: " ")
        return Mention(target: .newName(name), range: start..<end, text: name, reason: "capitalised name not in the graph")
    }

    private func isNameWord(_ token: Token) -> Bool {
        token.isCapitalised && token.number == nil && !Self.notNames.contains(token.folded)
    }

    /// Whether only spaces, a hyphen or an apostrophe separate the word from the next.
    private func joins(_ token: Token) -> Bool {
        token.gapAfter.allSatisfy { $0.isWhitespace || $0 == "-" || $0 == "'" || $0 == "’" }
    }
}
