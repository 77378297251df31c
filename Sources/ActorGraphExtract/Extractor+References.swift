import ActorGraph

/// A conservative coreference: a pronoun ("they", "it", "he") or a definite description ("the group", "the
/// government") stands for the last actor of the graph mentioned before it, in its sentence or the one before, whose
/// kind fits the word, outside the word's own clause ("Y criticised it": not Y). Nothing else is attempted: no gender
/// or number agreement beyond the kind, no cataphora, no chain (a resolved word is never itself an antecedent); a new
/// name (whose kind nobody knows yet) and a demonym (mostly an adjective: "a Merovian boat") are never antecedents.
extension Extractor {
    /// Which actors a referring word may stand for.
    enum Referent: Sendable {
        /// A person: "he", "she".
        case person
        /// A state or a group, never a person: "it", "they".
        case collective
        /// A group that is not a state: "the group", "the movement", "the militants".
        case group
        /// A state: "the country".
        case state
        /// A government (a group whose subkind says so) or a state: "the government", "the regime".
        case government

        func admits(_ record: ActorRecord) -> Bool {
            switch self {
            case .person: record.kind == .official
            case .collective: record.kind != .official
            case .group: record.kind == .group && !Referent.government.admits(record)
            case .state: record.kind == .state
            case .government: record.kind == .state || (record.kind == .group && record.subkind?.contains("government") == true)
            }
        }
    }

    /// Pronouns, as subjects or objects (possessives are left out: "its embassy" names something else).
    static let pronouns: [String: Referent] = [
        "he": .person, "him": .person, "she": .person, "it": .collective, "they": .collective, "them": .collective,
    ]

    /// Words after which "it" is most often expletive ("it is no secret that", "it seems").
    static let expletiveFollowers: Set<String> = ["is", "was", "s", "seems", "seemed", "appears", "appeared", "remains"]
    /// Modals after which "it … be" is expletive: "It should be noted that", "it must be said", "it can be argued"
    /// (but "it has been declared a banned organisation" speaks of something).
    static let expletiveModals: Set<String> = ["should", "must", "can", "could", "would", "may", "might", "will"]

    /// Nouns that, after "the" (with at most one lower-case word between: "the new government"), refer back.
    static let referringNouns: [String: Referent] = [
        "group": .group, "movement": .group, "militants": .group, "insurgents": .group, "organisation": .group,
        "organization": .group, "country": .state, "government": .government, "regime": .government,
        "authorities": .government,
    ]

    /// The sentence's mentions with a mention added for each referring word that has an antecedent, in text order.
    ///
    /// - Parameters:
    ///   - mentions: the sentence's own mentions (by name).
    ///   - previous: the own mentions of the sentence before, searched after this sentence's, last first.
    func resolvingReferences(
        in tokens: [Token], mentions: [Mention], previous: [(mention: Mention, line: Int)]
    ) -> [Mention] {
        var result = mentions
        var position = 0
        // One pass: `cursor` is the first mention not ending at or before `position`, `clauseStart` the first word
        // after the last clause boundary before it (so a long sentence costs no rescans).
        var cursor = 0
        var scanned = 0
        var clauseStart = 0
        while position < tokens.count {
            while cursor < mentions.count, mentions[cursor].range.upperBound <= position { cursor += 1 }
            while scanned < position {
                if tokens[scanned].gapAfter.contains(where: { ",;:()".contains($0) }) { clauseStart = scanned + 1 }
                scanned += 1
            }
            let next = cursor < mentions.count ? mentions[cursor].range.lowerBound : tokens.count
            guard next > position, let (referent, range) = referringWord(in: tokens, at: position, before: next) else {
                position += 1
                continue
            }
            // Not an actor of the word's own clause ("X criticised it" is not X), as a pronoun's own clause binds
            // none; among the last `lookBack` actors named, this sentence's first.
            var looked: [(Mention, Int)] = []
            for mention in mentions[..<cursor].reversed() where mention.range.upperBound <= clauseStart {
                if looked.count == Self.lookBack { break }
                looked.append((mention, tokens[mention.range.lowerBound].line))
            }
            for (mention, line) in previous.reversed() {
                if looked.count == Self.lookBack { break }
                looked.append((mention, line))
            }
            if let (antecedent, line) = looked.first(where: { admits($0.0, referent) }) {
                let written = tokens[range].map(\.text).joined(separator: " ")
                var mention = Mention(
                    target: antecedent.target, range: range, text: written,
                    reason: "'\(written)' refers to '\(antecedent.text)', the last \(referent) named before it")
                mention.antecedentLine = line
                result.append(mention)
            }
            position = range.upperBound
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// How many actors named before a referring word are looked at (a bound for sentences without stops).
    static let lookBack = 30

    /// A pronoun at `position`, or "the" starting a referring description; its kind and its words.
    /// The words must end before `next`, where the next name starts ("the Taliban movement" is a name).
    private func referringWord(in tokens: [Token], at position: Int, before next: Int) -> (Referent, Range<Int>)? {
        let word = tokens[position].folded
        if let referent = Self.pronouns[word], tokens[position].text.first?.isLowercase ?? false || position == 0 {
            // "It is clear that", "it seems": an expletive "it" stands for nothing.
            let next = position + 1 < tokens.count ? tokens[position + 1].folded : ""
            if word == "it", Self.expletiveFollowers.contains(next) { return nil }
            if word == "it", Self.expletiveModals.contains(next), position + 2 < tokens.count, tokens[position + 2].folded == "be" { return nil }
            return (referent, position..<(position + 1))
        }
        guard ["the", "this", "that"].contains(word), position + 2 <= tokens.count else { return nil }
        for end in (position + 2)...min(tokens.count, position + 3) {
            // The words after "the" run without punctuation and are no actor's name ("the Taliban movement").
            guard end <= next,
                tokens[position..<(end - 1)].allSatisfy({ $0.gapAfter.allSatisfy { $0 == " " } }),
                tokens[(position + 1)..<end].allSatisfy({ !$0.isCapitalised && $0.number == nil })
            else { return nil }
            if let referent = Self.referringNouns[tokens[end - 1].folded] { return (referent, position..<end) }
        }
        return nil
    }

    private func admits(_ mention: Mention, _ referent: Referent) -> Bool {
        // A demonym is mostly an adjective ("a Merovian boat"), not the actor a later word takes up.
        guard case .actor(let id) = mention.target, !mention.reason.hasPrefix("demonym"), let record = records[id] else {
            return false
        }
        return referent.admits(record)
    }
}
