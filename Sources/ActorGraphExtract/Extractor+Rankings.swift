import ActorGraph

/// Trade figures ranked against each other: "X's trade with Y is $289 million, far behind A ($1.4 billion), B ($1.2
/// billion) and C ($1.2 billion)", "Y's dependence on A (turnover $1.4 billion), B and C ($1.2 billion each)". The
/// actors with a figure in brackets after them (and those listed with them) are compared, not trading with each
/// other: each trades with the one actor the sentence names without a figure — the trigger's object when the
/// trigger's subject has no figure, else the sentence's only actor without one. Applied to triggers of the
/// `economic` category when at least two actors within 40 words of the trigger have a figure; when no such actor is found the
/// trigger proposes nothing, rather than pairing two of the ranked actors.
extension Extractor {
    /// Units and currency words that make a number in brackets a figure.
    static let figureWords: Set<String> = ["bn", "billion", "million", "mln", "m", "trillion", "tn", "tonnes", "tons", "percent", "per"]

    /// Whether a figure in brackets follows the mention: "Iran ($1.4 billion)", "China (1.2 bn)".
    static func hasFigure(_ mention: Mention, tokens: [Token]) -> Bool {
        let end = mention.range.upperBound
        guard end < tokens.count, tokens[end - 1].gapAfter.contains("(") else { return false }
        var sawNumber = false
        var sawUnit = tokens[end - 1].gapAfter.contains(where: { "$€£¥".contains($0) })
        for index in end..<min(tokens.count, end + 6) {
            if tokens[index].number != nil { sawNumber = true }
            if figureWords.contains(tokens[index].folded) || tokens[index].gapAfter.contains(where: { "$€£¥%".contains($0) }) { sawUnit = true }
            if tokens[index].gapAfter.contains(")") { break }
        }
        return sawNumber && sawUnit
    }

    /// For a trigger among ranked figures, the actor each ranked one trades with and the ranked ones; `nil` when the
    /// sentence ranks nothing. An empty result means the trigger joins two ranked actors and should propose nothing.
    func ranking(
        for match: TriggerMatch, from: Mention, to: Mention, mentions: [Mention], tokens: [Token]
    ) -> (hub: Mention, ranked: [Mention])?? {
        guard vocabulary[match.type]?.category == .economic else { return nil }
        // Only the actors within 40 words of the trigger, so that a sentence without stops stays linear.
        let window = (match.range.lowerBound - 40)..<(match.range.upperBound + 40)
        let mentions = mentions.filter { window.contains($0.range.lowerBound) }
        var ranked: [Mention] = []
        for mention in mentions where Self.hasFigure(mention, tokens: tokens) {
            for member in coordinated(with: mention, in: mentions, tokens: tokens) where !ranked.contains(member) {
                ranked.append(member)
            }
        }
        guard ranked.count >= 2 else { return nil }
        // "… eighth in terms of trade volume, with $289 million": the subject's own figure follows the trigger.
        let subjectFigure = (match.range.upperBound..<min(tokens.count, match.range.upperBound + 4)).contains { index in
            tokens[index].folded == "with" && tokens[index].gapAfter.contains(where: { "$€£¥".contains($0) })
        }
        let fromRanked = ranked.contains(from) || subjectFigure
        let hub: Mention?
        if !fromRanked, !ranked.contains(to), from.range.upperBound <= match.range.lowerBound {
            hub = to
        } else {
            let unranked = mentions.filter { mention in
                guard case .actor = mention.target, !mention.refersBack else { return false }
                return !ranked.contains { $0.target == mention.target } && !(subjectFigure && mention.target == from.target)
            }
            let targets = Set(unranked.map(\.target))
            hub = targets.count == 1 ? unranked.first : nil
        }
        guard let hub else { return .some(nil) }
        return (hub, ranked.filter { $0.target != hub.target })
    }
}
