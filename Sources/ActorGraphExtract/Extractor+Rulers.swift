import ActorGraph

/// Who governed a state, and when: what the graph already knows (its dated `governs` relations), handed to the
/// extractor so that "the new government in X", "X's former rulers" or "the former X President Y" can name the
/// government the text means on its publication date instead of the state.
public struct Ruler: Hashable, Sendable {
    public var government: String
    public var country: String
    public var span: TimeSpan

    public init(government: String, country: String, span: TimeSpan) {
        (self.government, self.country, self.span) = (government, country, span)
    }
}

/// A state's government as the text means it: "a new government in Merovia", "the former rulers of Merovia",
/// "Merovia's new leadership" stand for the actor that governs Merovia on the text's publication date — or, with
/// `former`, `previous`, `ousted`, `overthrown`, `deposed`, `toppled`, `ex`, `old` or `fallen`, the one whose rule ended last
/// before it — by the graph's dated `governs` relations. A title of such a state ("the former Merovian President Y")
/// joins the person to that government. Without a publication date, or when the graph gives no single answer, the
/// state stays.
extension Extractor {
    static let governmentWords: Set<String> = ["government", "leadership", "rulers", "regime", "authorities"]
    static let formerWords: Set<String> = ["former", "previous", "ousted", "overthrown", "deposed", "toppled", "ex", "old", "fallen"]
    static let currentWords: Set<String> = ["new", "current", "present", "de", "facto", "interim", "incumbent"]

    /// The government of `country` on `day`, or the one before it when `former`.
    func ruler(of country: String, on day: Int32, former: Bool) -> String? {
        let governing = rulers.filter { $0.country == country }
        guard !governing.isEmpty else { return nil }
        let current = governing.filter { $0.span.possibleStart <= day && day <= $0.span.possibleEnd }
        let latestStart = current.map(\.span.possibleStart).max()
        let now = current.filter { $0.span.possibleStart == latestStart }
        if !former { return now.count == 1 ? now[0].government : nil }
        let ended = governing.filter { $0.span.possibleEnd < TimeSpan.endOfTime && $0.span.definiteEnd <= day && !now.contains($0) }
        let latestEnd = ended.map(\.span.definiteEnd).max()
        let before = ended.filter { $0.span.definiteEnd == latestEnd }
        return before.count == 1 ? before[0].government : nil
    }

    /// The day a text speaks from: the last day its publication date may be.
    static func day(of published: EDTFDate?) -> Int32? {
        guard let end = published?.span.possibleEnd, end < TimeSpan.endOfTime, end > TimeSpan.beginningOfTime else { return nil }
        return end
    }

    /// The sentence's mentions with each phrase naming a state's government replaced by the government.
    func governmentPhrases(in tokens: [Token], mentions: [Mention], day: Int32?) -> [Mention] {
        guard let day, !rulers.isEmpty else { return mentions }
        var result = mentions
        for (index, mention) in mentions.enumerated() {
            guard case .actor(let country) = mention.target, !mention.refersBack, records[country]?.kind == .state else { continue }
            var start = mention.range.lowerBound
            var end = mention.range.upperBound
            var former = false
            var found = false
            // "… government of / in (the) X": the noun and its words before it.
            var noun = start - 1
            if noun >= 0, tokens[noun].folded == "the" { noun -= 1 }
            if noun >= 1, ["of", "in"].contains(tokens[noun].folded), Self.governmentWords.contains(tokens[noun - 1].folded) {
                start = noun - 1
                found = true
            }
            // "X's (new) government", "the Xian government" when X is named by its demonym.
            if !found {
                var next = end
                if next < tokens.count, tokens[next].folded == "s", ["'", "’"].contains(tokens[next - 1].gapAfter) { next += 1 }
                while next < tokens.count, Self.formerWords.contains(tokens[next].folded) || Self.currentWords.contains(tokens[next].folded) {
                    former = former || Self.formerWords.contains(tokens[next].folded)
                    next += 1
                }
                if next < tokens.count, Self.governmentWords.contains(tokens[next].folded),
                    tokens[mention.range.lowerBound..<next].allSatisfy({ $0.gapAfter.allSatisfy { " '’".contains($0) } })
                {
                    end = next + 1
                    found = true
                }
            }
            guard found else { continue }
            // The words qualifying the phrase before it: "the former", "a new".
            while start > 0, Self.formerWords.contains(tokens[start - 1].folded) || Self.currentWords.contains(tokens[start - 1].folded) {
                former = former || Self.formerWords.contains(tokens[start - 1].folded)
                start -= 1
            }
            // Nothing else may be named inside the phrase (mentions are in order: only the neighbours can be).
            let neighbours = [index - 1, index + 1].filter { mentions.indices.contains($0) }.map { mentions[$0] }
            guard !neighbours.contains(where: { $0.range.overlaps(start..<end) }),
                tokens[start..<(end - 1)].allSatisfy({ !$0.gapAfter.contains(where: { ",;:.()".contains($0) }) }),
                let government = ruler(of: country, on: day, former: former)
            else { continue }
            let written = tokens[start..<end].map(\.text).joined(separator: " ")
            result[index] = Mention(
                target: .actor(government), range: start..<end, text: written,
                reason: "\(former ? "the former" : "the") government of '\(country)' on the publication date, by the graph's 'governs' relations")
        }
        return result
    }

    /// A state as a title's party, read as its government when the graph says who governed it: the current one, or
    /// the former one when `former`, `ex` or the like qualifies the title.
    func rulingParty(_ party: Mention, tokens: [Token], title: Range<Int>, day: Int32?) -> Mention {
        guard let day, case .actor(let country) = party.target, records[country]?.kind == .state else { return party }
        let before = max(0, min(party.range.lowerBound, title.lowerBound) - 2)..<max(party.range.upperBound, title.lowerBound)
        let former = before.contains { Self.formerWords.contains(tokens[$0].folded) }
        guard let government = ruler(of: country, on: day, former: former) else { return party }
        var reading = party
        reading.target = .actor(government)
        reading.reason = "\(former ? "the former" : "the") government of '\(country)' on the publication date, by the graph's 'governs' relations"
        return reading
    }
}

/// A takeover names the government it overthrew only by the place: "the Green Dawn's takeover", "Green Dawn took over
/// the capital", "… retook the city". When the actor right before a trigger of `overthrows` is a group whose
/// `country` the graph gives governments for, and nothing after the trigger is a government, the overthrown is the
/// government whose rule ended last by the sentence's date (else the publication date) — by the graph's dated
/// `governs` relations. Without a date, or with no single answer, the sentence is read as before.
extension Extractor {
    func takeover(for match: TriggerMatch, tokens: [Token], mentions: [Mention], dates: [DateMention], published: EDTFDate?) -> (Mention, Mention, String)? {
        guard match.type == "overthrows", !rulers.isEmpty else { return nil }
        // The actor right before the trigger ("the Taliban took over", "the Taliban's takeover").
        guard let subject = mentions.last(where: { $0.range.upperBound <= match.range.lowerBound }),
            match.range.lowerBound - subject.range.upperBound <= 1,
            match.range.lowerBound == subject.range.upperBound || tokens[subject.range.upperBound].folded == "s",
            case .actor(let id) = subject.target, let record = records[id], record.kind == .group, let country = record.country
        else { return nil }
        // A government named after the trigger is the object as written.
        if let object = mentions.first(where: { $0.range.lowerBound >= match.range.upperBound && $0.range.lowerBound - match.range.upperBound <= 3 }),
            case .actor(let objectID) = object.target, records[objectID]?.subkind?.contains("government") == true
        {
            return nil
        }
        let sentenceDay = dates.min { abs($0.range.lowerBound - match.range.lowerBound) < abs($1.range.lowerBound - match.range.lowerBound) }
            .flatMap { try? EDTFDate.parse($0.edtf).get() }.flatMap { Self.day(of: $0) }
        guard let day = sentenceDay ?? Self.day(of: published), let government = ruler(of: country, on: day, former: true),
            government != id
        else { return nil }
        // Written nowhere: the mention stands at the trigger's words.
        let overthrown = Mention(
            target: .actor(government), range: match.range, text: tokens[match.range].map(\.text).joined(separator: " "),
            reason: "the government of '\(country)' whose rule ended last by \(sentenceDay != nil ? "the sentence's date" : "the publication date"), by the graph's 'governs' relations")
        return (subject, overthrown, "a takeover by '\(subject.text)' of '\(country)'")
    }
}
