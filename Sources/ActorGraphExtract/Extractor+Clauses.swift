import ActorGraph

/// Words set off before a trigger do not give its subject: in "X, which Y fought, then met Z" and "X (like Y) met Z",
/// X met Z. An aside in brackets closed before the trigger, and a non-restrictive relative clause (a comma, then
/// `which`, `who`, `whom` or `whose`) closed by a comma before the trigger, are passed over when an actor stands
/// before them.
extension Extractor {
    /// The token ranges set off before `trigger` in the sentence, half-open.
    static func setOff(before trigger: Int, in tokens: [Token]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: Int?
        for index in 0..<trigger {
            let gap = tokens[index].gapAfter
            if let start = open, gap.contains(")") {
                spans.append(start..<(index + 1))
                open = nil
            }
            if gap.contains("(") { open = index + 1 }
        }
        // The last relative clause opened before the trigger and closed (by a comma) before it.
        if let start = (1..<max(1, trigger)).last(where: {
            ["which", "who", "whom", "whose"].contains(tokens[$0].folded) && tokens[$0 - 1].gapAfter.contains(",")
        }), let end = (start..<trigger).last(where: { tokens[$0].gapAfter.contains(",") }) {
            spans.append(start..<(end + 1))
        }
        return spans
    }

    /// The mentions before a trigger less those set off, unless nothing would be left.
    static func outsideAsides(_ before: [Mention], trigger: Int, tokens: [Token]) -> [Mention] {
        let spans = setOff(before: trigger, in: tokens)
        guard !spans.isEmpty else { return before }
        let kept = before.filter { mention in !spans.contains { $0.contains(mention.range.lowerBound) } }
        return kept.isEmpty ? before : kept
    }
}

/// Examples given after a trigger are its objects too: "X cooperates with anyone who shares its views, such as Y and
/// Z" — X with Y and with Z. The list follows `such as`, `be it`, `including`, `notably`, `namely`, `especially` or
/// `particularly` within the pairing distance of the trigger.
extension Extractor {
    static let exemplifiers: [[String]] = [
        ["such", "as"], ["be", "it"], ["including"], ["notably"], ["namely"], ["especially"], ["particularly"],
    ]

    /// The first actor named right after an exemplifier that follows the trigger, or `nil`.
    static func example(after match: TriggerMatch, tokens: [Token], mentions: [Mention], limit: Int) -> Mention? {
        let end = min(tokens.count, match.range.upperBound + limit)
        for position in match.range.upperBound..<end {
            guard let marker = exemplifiers.first(where: { words in
                position + words.count <= tokens.count && words.indices.allSatisfy { tokens[position + $0].folded == words[$0] }
            }) else { continue }
            let start = position + marker.count
            return mentions.first { $0.range.lowerBound >= start && $0.range.lowerBound <= start + 1 }
        }
        return nil
    }
}
