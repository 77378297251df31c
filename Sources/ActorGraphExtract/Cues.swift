import ActorGraph

/// Words that change what a trigger asserts: negation, attribution, hypotheticals and denials.
enum Cues {
    static let negations: Set<String> = ["not", "never", "no", "neither", "nor", "without", "cannot", "nothing"]
    /// `didn't` folds to `didn t`: the `t` after one of these is a negation.
    static let negatedAuxiliaries: Set<String> = [
        "didn", "doesn", "don", "won", "wasn", "weren", "isn", "aren", "hasn", "haven", "hadn", "couldn", "wouldn",
        "shouldn", "can",
    ]
    static let speech: Set<String> = [
        "said", "says", "say", "told", "tells", "stated", "states", "claimed", "claims", "claim", "alleged",
        "alleges", "allegedly", "reportedly", "insisted", "insists", "argued", "argues", "believes", "believed",
        "noted", "stressed", "asserted", "asserts", "suggested", "suggests", "announced", "declared",
    ]
    static let hypotheticals: Set<String> = [
        "could", "would", "might", "may", "if", "should", "plans", "planned", "plan", "planning", "intends",
        "intend", "intended", "expected", "expects", "possible", "possibly", "potential", "potentially", "likely",
        "hopes", "hoped", "ready", "willing", "proposed", "future",
    ]
    static let denials: Set<String> = ["denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "refuted"]

    /// Whether a negation stands in the `window` words before `position` (or the trigger itself).
    static func isNegated(_ tokens: [Token], before position: Int, window: Int = 4) -> String? {
        var index = position - 1
        while index >= max(0, position - window) {
            // A clause boundary between the word and the trigger ends the negation's reach.
            if tokens[index].gapAfter.contains(where: { ",;:".contains($0) }) { return nil }
            let word = tokens[index].folded
            if negations.contains(word) { return tokens[index].text }
            if word == "t", index > 0, negatedAuxiliaries.contains(tokens[index - 1].folded) {
                return tokens[index - 1].text + "'t"
            }
            index -= 1
        }
        return nil
    }

    /// The first word of `set` in the sentence, with its position.
    static func first(of set: Set<String>, in tokens: [Token]) -> (word: String, position: Int)? {
        for (position, token) in tokens.enumerated() where set.contains(token.folded) { return (token.text, position) }
        return nil
    }

    /// `according to` in the sentence: the position after `to`.
    static func accordingTo(in tokens: [Token]) -> Int? {
        guard tokens.count >= 2 else { return nil }
        for position in 0..<(tokens.count - 1) where tokens[position].folded == "according" && tokens[position + 1].folded == "to" {
            return position + 2
        }
        return nil
    }
}

/// The cues of one sentence, found once: each candidate of the sentence reads them, so a sentence without stops and
/// with many triggers costs O(words) for its cues, not O(words) per candidate.
struct SentenceCues: Sendable {
    let denial: (word: String, position: Int)?
    let accordingTo: Int?
    let speech: (word: String, position: Int)?
    /// Looked for outside the sentence's dates: "May" in a date is the month, not the modal.
    let hypothetical: (word: String, position: Int)?
    /// The sentence's dates in text order, for the one nearest a trigger.
    let dates: [DateMention]

    init(tokens: [Token], dates: [DateMention]) {
        denial = Cues.first(of: Cues.denials, in: tokens)
        accordingTo = Cues.accordingTo(in: tokens)
        speech = Cues.first(of: Cues.speech, in: tokens)
        var dated = Set<Int>()
        for date in dates { dated.formUnion(date.range) }
        hypothetical = tokens.indices.first { !dated.contains($0) && Cues.hypotheticals.contains(tokens[$0].folded) }
            .map { (tokens[$0].text, $0) }
        self.dates = dates.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The date nearest `range` (the earlier of two as near), found by bisection.
    func nearestDate(to range: Range<Int>) -> DateMention? {
        var low = 0
        var high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if dates[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        func distance(_ date: DateMention) -> Int {
            date.range.upperBound <= range.lowerBound ? range.lowerBound - date.range.upperBound
                : date.range.lowerBound >= range.upperBound ? date.range.lowerBound - range.upperBound : 0
        }
        let near = [low - 1, low].filter { dates.indices.contains($0) }.map { dates[$0] }
        return near.min { distance($0) < distance($1) }
    }
}
