import ActorGraph

/// Words set off before a trigger do not give its subject: in "X, which Y fought, then met Z" and "X (like Y) met Z",
/// X met Z. An aside in brackets closed before the trigger, and a non-restrictive relative clause (a comma, then
/// `which`, `who`, `whom` or `whose`) closed by a comma before the trigger, are passed over when an actor stands
/// before them.
extension Extractor {
    /// The token ranges set off before `trigger` in the sentence, half-open, looked for in the `window` words before
    /// it (so a sentence without stops costs O(window) per trigger).
    static func setOff(before trigger: Int, in tokens: [Token], window: Int) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: Int?
        let first = max(0, trigger - window)
        var dash: Int?
        for index in first..<trigger {
            let gap = tokens[index].gapAfter
            if let start = open, gap.contains(")") {
                spans.append(start..<(index + 1))
                open = nil
            }
            if gap.contains("(") { open = index + 1 }
            // A pair of dashes sets off an aside as brackets do: "X's – Y's predecessor – presence in Z".
            if isDash(gap) {
                if let start = dash { spans.append(start..<(index + 1)) }
                dash = dash == nil ? index + 1 : nil
            }
        }
        // The last relative clause opened before the trigger and closed (by a comma) before it.
        if let start = (max(1, first)..<max(1, trigger)).last(where: {
            ["which", "who", "whom", "whose"].contains(tokens[$0].folded) && tokens[$0 - 1].gapAfter.contains(",")
        }), let end = (start..<trigger).last(where: { tokens[$0].gapAfter.contains(",") }) {
            spans.append(start..<(end + 1))
        }
        return spans
    }

    /// A dash between words: an en or em dash, or a hyphen with a space on each side.
    static func isDash(_ gap: String) -> Bool {
        gap.contains("–") || gap.contains("—") || gap.contains(" - ")
    }

    /// A trigger inside an aside set off by dashes or brackets right after an actor says something of that actor:
    /// "the Soviet Union – the Russian Federation's predecessor – …" makes the Soviet Union the predecessor. The
    /// actor the aside follows (possibly with a possessive) and the actor nearest the trigger inside the aside.
    static func asideSubject(of match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> (Mention, Mention)? {
        let lower = max(0, match.range.lowerBound - 10)
        guard let open = (lower..<match.range.lowerBound).last(where: { isDash(tokens[$0].gapAfter) || tokens[$0].gapAfter.contains("(") })
        else { return nil }
        let closer: (String) -> Bool = tokens[open].gapAfter.contains("(") ? { $0.contains(")") } : { isDash($0) }
        let inside = (open + 1)..<match.range.lowerBound
        guard !inside.contains(where: { tokens[$0].gapAfter.contains(where: { ";.()".contains($0) }) || isDash(tokens[$0].gapAfter) }),
            let close = (match.range.lowerBound..<min(tokens.count, match.range.upperBound + 10)).first(where: { closer(tokens[$0].gapAfter) }),
            !(match.range.lowerBound..<close).contains(where: { tokens[$0].gapAfter.contains(where: { ";.".contains($0) }) })
        else { return nil }
        // The actor right before the aside: its last word, or a possessive "s" after it, ends where the aside opens.
        let owner = mentions.last { mention in
            mention.range.upperBound == open + 1 || mention.range.upperBound == open && tokens[open].folded == "s"
        }
        let member = mentions.filter { $0.range.lowerBound > open && $0.range.upperBound <= close + 1 && $0 != owner }
            .min { abs($0.range.lowerBound - match.range.lowerBound) < abs($1.range.lowerBound - match.range.lowerBound) }
        guard let owner, let member, owner.target != member.target, !owner.refersBack else { return nil }
        return (owner, member)
    }

    /// The mentions before a trigger less those set off, unless nothing would be left.
    static func outsideAsides(_ before: [Mention], trigger: Int, tokens: [Token], window: Int) -> [Mention] {
        let spans = setOff(before: trigger, in: tokens, window: window)
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

/// The subject of a sentence carries over to the later triggers in it: in "X fought A in coordination with B and in
/// alliance with C" the nearest actor before "coordination" is A, but X is the one coordinating with B. Where a
/// trigger has an actor on each side, the sentence's first actor named (a graph actor, not a new name, not a word
/// referring back) is paired with the one after the trigger as well, besides the nearest one before it — not for a
/// title (a `role` type binds the words around it), not across a colon, a semicolon or a comma and a conjunction with
/// a new subject, not from a speaker, and not from further than twice the pairing distance. When the sentence's first
/// actor is a speaker ("X said that Y is seeking A with B"), the subject of the reported clause is carried instead.
extension Extractor {
    func carriedSubject(
        for match: TriggerMatch, from: Mention, to: Mention, mentions: [Mention], tokens: [Token], window: Int
    ) -> Mention? {
        guard let subject = mentions.first(where: { !$0.refersBack }) else { return nil }
        return carried(subject, for: match, from: from, to: to, mentions: mentions, tokens: tokens, window: window)
            ?? reportedSubject(for: match, mentions: mentions, tokens: tokens).flatMap {
                carried($0, for: match, from: from, to: to, mentions: mentions, tokens: tokens, window: window)
            }
    }

    /// The subject of a reported clause: "X said (that) [by doing …,] Y is seeking A with B" — the actor heading the
    /// clause after the last verb of speech before the trigger, past a leading phrase opened by a preposition.
    private func reportedSubject(for match: TriggerMatch, mentions: [Mention], tokens: [Token]) -> Mention? {
        let lower = max(0, match.range.lowerBound - 40)
        guard let speech = (lower..<match.range.lowerBound).last(where: { Cues.speech.contains(tokens[$0].folded) }) else { return nil }
        var start = speech + 1
        if start < match.range.lowerBound, tokens[start].folded == "that" { start += 1 }
        if start < match.range.lowerBound, Self.prepositions.contains(tokens[start].folded) || tokens[start].folded == "by" {
            guard let comma = (start..<match.range.lowerBound).first(where: { tokens[$0].gapAfter.contains(",") }) else { return nil }
            start = comma + 1
        }
        let first = Self.firstMention(in: mentions, atOrAfter: start)
        guard first < mentions.count, mentions[first].range.lowerBound <= start + 1, !mentions[first].refersBack else { return nil }
        return mentions[first]
    }

    private func carried(
        _ subject: Mention, for match: TriggerMatch, from: Mention, to: Mention, mentions: [Mention], tokens: [Token], window: Int
    ) -> Mention? {
        guard vocabulary[match.type]?.category != .role,
            from.range.upperBound <= match.range.lowerBound, to.range.lowerBound >= match.range.upperBound,
            case .actor = subject.target,
            subject.range.upperBound <= from.range.lowerBound, subject.target != from.target, subject.target != to.target,
            match.range.lowerBound - subject.range.upperBound <= window,
            !opensClause(tokens, from: subject.range.upperBound - 1, to: match.range.lowerBound, mentions: mentions),
            // Not inside a phrase opened by a preposition ("In X's view, Y armed W"), and no speaker ("X said Y armed W").
            subject.range.lowerBound == 0 || !Self.prepositions.contains(tokens[subject.range.lowerBound - 1].folded),
            !tokens[subject.range.upperBound..<match.range.lowerBound].contains(where: { Cues.speech.contains($0.folded) })
        else { return nil }
        return subject
    }

    static let prepositions: Set<String> = [
        "in", "for", "from", "with", "by", "under", "after", "before", "since", "during", "on", "at", "to", "according",
        "against", "without", "unlike", "like",
    ]

    /// Whether a colon or semicolon stands between, or a comma and a conjunction with a subject of its own: an actor
    /// or a pronoun within two words ("…, and the Red Hand fought"; not "…, and then fought").
    private func opensClause(_ tokens: [Token], from start: Int, to end: Int, mentions: [Mention]) -> Bool {
        (start..<end).contains { index in
            let gap = tokens[index].gapAfter
            if gap.contains(where: { ";:".contains($0) }) { return true }
            guard gap.contains(","), index + 1 < end,
                ["and", "but", "while", "whereas", "although", "though", "yet", "or"].contains(tokens[index + 1].folded)
            else { return false }
            let next = (index + 2)...(index + 3)
            return mentions.contains { next.contains($0.range.lowerBound) }
                || next.contains { $0 < tokens.count && ["he", "she", "it", "they", "we", "i", "you"].contains(tokens[$0].folded) }
        }
    }
}

/// A flow stated with its ends after the trigger — "a gas pipeline from X to Y", "shipments from X to Y" — runs from
/// X to Y, whoever is named before the trigger: "from" within four words of the trigger with an actor right after
/// it, then "to" right after that actor with an actor right after it.
extension Extractor {
    static func fromTo(after match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> (Mention, Mention)? {
        let end = min(tokens.count, match.range.upperBound + 4)
        guard let from = (match.range.upperBound..<end).first(where: { tokens[$0].folded == "from" }),
            let origin = mentions.first(where: { $0.range.lowerBound == from + 1 }),
            origin.range.upperBound < tokens.count, tokens[origin.range.upperBound].folded == "to",
            let destination = mentions.first(where: { $0.range.lowerBound == origin.range.upperBound + 1 }),
            origin.target != destination.target
        else { return nil }
        return (origin, destination)
    }
}

/// A relative clause whose preposition is left at the end — "the groups that X fought against during the war" — has
/// for object the noun it qualifies: X fought the groups. The trigger is followed by a preposition that has no object
/// of its own (another preposition, a conjunction or a stop follows it); the actor before the trigger follows
/// `that`, `which` or `whom` (and perhaps an article); the head is the actor ending at most two words before that.
extension Extractor {
    static let strandable: Set<String> = ["against", "with", "for", "to", "from", "on", "alongside"]
    static let clauseStarts: Set<String> = ["that", "which", "whom"]

    static func strandedObject(of match: TriggerMatch, subject: Mention, tokens: [Token], mentions: [Mention]) -> Mention? {
        let preposition = match.range.upperBound
        guard preposition < tokens.count, strandable.contains(tokens[preposition].folded),
            tokens[match.range.upperBound - 1].gapAfter == " "
        else { return nil }
        let next = preposition + 1
        let dangling = next >= tokens.count || tokens[preposition].gapAfter.contains(where: { ",;:.)".contains($0) })
            || prepositions.contains(tokens[next].folded) || ["and", "but", "or", "while", "until", "when"].contains(tokens[next].folded)
        guard dangling, match.range.lowerBound - subject.range.upperBound <= 3 else { return nil }
        var relative = subject.range.lowerBound - 1
        if relative >= 0, ["the", "a", "an"].contains(tokens[relative].folded) { relative -= 1 }
        guard relative >= 1, clauseStarts.contains(tokens[relative].folded) else { return nil }
        let first = firstMention(in: mentions, atOrAfter: max(0, relative - 3))
        guard first < mentions.count, let head = mentions[first...].first(where: { $0.range.upperBound <= relative }),
            relative - head.range.upperBound <= 2, head.target != subject.target
        else { return nil }
        return head
    }
}
