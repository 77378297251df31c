import ActorGraph

/// A movement in power and its government are two actors when the graph codes them apart (the movement `leads` the
/// government); a text names both by the movement's name. The graph's actor records say which government is whose:
/// a group whose subkind says `government` and whose alias is the movement's name followed by "government" or
/// "regime" ("Taliban government"). Acts between governments — the relation types of the `diplomatic` and `economic`
/// categories, such as recognition, accreditation, agreements and trade — go to the government; the rest (fighting,
/// bans, statements) stay with the movement.
extension Extractor {
    /// The government each movement has, by the aliases of the government: movement id → government id.
    static func governments(of actors: [ActorRecord]) -> [String: String] {
        var byName: [String: String] = [:]
        for actor in actors {
            for name in [actor.id, actor.name] + actor.aliases { byName[ActorResolver.normalize(name)] = byName[ActorResolver.normalize(name)] ?? actor.id }
        }
        var result: [String: String] = [:]
        for actor in actors where actor.kind == .group && actor.subkind?.contains("government") == true {
            for alias in [actor.name] + actor.aliases {
                let words = ActorResolver.normalize(alias).split(separator: " ")
                guard words.count >= 2, ["government", "regime"].contains(words.last!) else { continue }
                if let movement = byName[words.dropLast().joined(separator: " ")], movement != actor.id, result[movement] == nil {
                    result[movement] = actor.id
                }
            }
        }
        return result
    }

    /// The mention as the relation type reads it: a movement's government for an act between governments.
    func governmentReading(of mention: Mention, type: String) -> (Mention, String?) {
        guard case .actor(let id) = mention.target, let government = governments[id],
            let category = vocabulary[type]?.category, category == .economic
        else { return (mention, nil) }
        var reading = mention
        reading.target = .actor(government)
        return (reading, "'\(mention.text)' read as its government '\(government)' (an act of the '\(category.rawValue)' category)")
    }
}

/// A diplomatic act between a movement in power and a state (or a group of states, a negotiation format: anything
/// but a person, an institution, a movement or a new name) may be the movement's or its government's — the text
/// names both alike ("Merovia recognised Green Dawn"). Both readings are proposed, the second saying so, for the
/// reviewer to keep one.
extension Extractor {
    func diplomaticReading(of mention: Mention, type: String, other: Mention) -> (Mention, String)? {
        guard case .actor(let id) = mention.target, let government = governments[id], vocabulary[type]?.category == .diplomatic,
            case .actor(let otherID) = other.target, otherID != government, let record = records[otherID]
        else { return nil }
        let subkind = record.subkind ?? ""
        guard record.kind == .state
            || record.kind == .group && !subkind.contains("institution") && !subkind.contains("movement") && governments[otherID] == nil
        else { return nil }
        var reading = mention
        reading.target = .actor(government)
        return (reading, "'\(mention.text)' read as its government '\(government)' as well (a diplomatic act with '\(other.text)'): keep one of the two")
    }
}

/// An institution named after its state ("the Russian embassy", "the Supreme Court of the Russian Federation") says
/// whose it is: `part_of` from the institution (a group whose subkind says `institution`) to its `country`, when the
/// name as written holds that country's name or demonym. Proposed once, at the first such mention in the text.
extension Extractor {
    func institutionMembership(_ mention: Mention, in sentence: Sentence, dates: [DateMention]) -> Candidate? {
        guard vocabulary["part_of"] != nil, case .actor(let id) = mention.target, !mention.refersBack,
            let record = records[id], record.kind == .group, record.subkind?.contains("institution") == true,
            let country = record.country, country != id, mention.range.count >= 2
        else { return nil }
        let words = Array(sentence.tokens[mention.range])
        let named = [Array(words.dropFirst()), Array(words.dropLast())].contains { part in
            gazetteer.mentions(in: part).contains { $0.target == .actor(country) }
        }
        guard named, let state = records[country] else { return nil }
        return structural(
            "part_of", from: mention, to: Mention(target: .actor(country), range: mention.range, text: state.name, reason: "its country"),
            in: sentence, dates: dates, entry: "(an institution's name)",
            reason: "'\(mention.text)' names an institution after its country '\(country)'",
            pairing: "the name holds its country's name ('\(state.name)')")
    }

    /// A candidate stated by a name rather than by a trigger: it cites the name's lines.
    func structural(
        _ type: String, from: Mention, to: Mention, in sentence: Sentence, dates: [DateMention], entry: String, reason: String,
        pairing: String
    ) -> Candidate {
        let match = TriggerMatch(type: type, lexiconEntry: entry, range: from.range.lowerBound < to.range.lowerBound ? from.range : to.range)
        var candidate = candidate(for: match, in: sentence, from: from, to: to, pairing: pairing, mentions: [from, to], dates: dates)
        candidate.reasons[0] = reason
        return candidate
    }
}

/// A government named after its country or its movement says whose it is: "the Merovian government", "the Republic
/// of Merovia" govern Merovia (`governs` from the government to its `country`), "the Green Dawn government" is led
/// by the movement Green Dawn (`leads`). The government is a group whose subkind says `government`; the name as
/// written must hold the country's name or demonym, or the movement's name. Proposed at every such mention, when the
/// vocabulary has the type.
extension Extractor {
    func governmentNaming(_ mention: Mention, in sentence: Sentence, dates: [DateMention]) -> [Candidate] {
        guard case .actor(let id) = mention.target, !mention.refersBack, let record = records[id], record.kind == .group,
            record.subkind?.contains("government") == true, mention.range.count >= 2
        else { return [] }
        let words = Array(sentence.tokens[mention.range])
        func named(_ actor: String) -> Bool {
            [Array(words.dropFirst()), Array(words.dropLast())].contains { part in
                gazetteer.mentions(in: part).contains { $0.target == .actor(actor) }
            }
        }
        var result: [Candidate] = []
        let movement = governments.first(where: { $0.value == id }).map(\.key).flatMap { named($0) ? $0 : nil }
        if vocabulary["leads"] != nil, let movement, let leader = records[movement] {
            let from = Mention(target: .actor(movement), range: mention.range, text: leader.name, reason: "its movement")
            result.append(structural(
                "leads", from: from, to: mention, in: sentence, dates: dates, entry: "(a government's name)",
                reason: "'\(mention.text)' names a government after its movement '\(movement)'",
                pairing: "the name holds its movement's name ('\(leader.name)')"))
        }
        if vocabulary["governs"] != nil, let country = record.country, country != id, named(country) || movement != nil, let state = records[country] {
            let to = Mention(target: .actor(country), range: mention.range, text: state.name, reason: "its country")
            result.append(structural(
                "governs", from: mention, to: to, in: sentence, dates: dates, entry: "(a government's name)",
                reason: "'\(mention.text)' names a government after its country '\(country)'",
                pairing: "the name holds its country's name ('\(state.name)')"))
        }
        return result
    }
}

/// A name that says who leads it — "the US-led alliance", "a Saudi-led coalition" — gives `leads` from the actor
/// before "-led" to the named one, at every such mention, when the vocabulary has `leads`.
extension Extractor {
    func ledNaming(_ mention: Mention, in sentence: Sentence, dates: [DateMention]) -> Candidate? {
        guard vocabulary["leads"] != nil, case .actor(let id) = mention.target, !mention.refersBack, mention.range.count >= 2 else { return nil }
        let tokens = sentence.tokens
        guard let led = mention.range.dropFirst().first(where: { tokens[$0].folded == "led" && tokens[$0 - 1].gapAfter.hasSuffix("-") }) else { return nil }
        let words = Array(tokens[mention.range.lowerBound..<led])
        guard let leader = gazetteer.mentions(in: words).last, leader.range.upperBound == words.count,
            case .actor(let leaderID) = leader.target, leaderID != id, let record = records[leaderID]
        else { return nil }
        let from = Mention(target: .actor(leaderID), range: mention.range, text: record.name, reason: "named as its leader")
        return structural(
            "leads", from: from, to: mention, in: sentence, dates: dates, entry: "(a name: '-led')",
            reason: "'\(mention.text)' names the one leading it, '\(leaderID)'", pairing: "'\(leader.text)-led' in the name")
    }
}

/// A noun of government — "government", "rule", "rulers", "regime", "leadership", "control" — names who governs and
/// where only with the words around it: the governing actor right before it ("Green Dawn rule", "Green Dawn's
/// control of") and the governed place right after "of", "in" or "over" ("… of Merovia"). With either missing it
/// states no tie between whatever actors stand nearest ("the Merovian government, which met X": the government is
/// Merovia's own; "Green Dawn rule from 1996, Ostravian officials …": no place). A state named before the noun is
/// that state's own government, no tie. For triggers of `governs`.
extension Extractor {
    static let governmentNouns: Set<String> = ["government", "governments", "rule", "rulers", "regime", "leadership", "control"]

    /// `nil` when the trigger is no noun of government; else the (governing, governed) pair it states, or `nil` inside.
    func governmentNoun(for match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> (Mention, Mention, String)?? {
        guard match.type == "governs", match.range.count == 1, Self.governmentNouns.contains(tokens[match.range.lowerBound].folded) else { return nil }
        let first = match.range.lowerBound
        let end = match.range.upperBound
        // The governed place: "of", "in" or "over" (and an article) right after the noun.
        var place: Mention?
        if end < tokens.count, ["of", "in", "over"].contains(tokens[end].folded), tokens[end - 1].gapAfter == " " {
            let start = end + 1 < tokens.count && tokens[end + 1].folded == "the" ? end + 2 : end + 1
            place = mentions.first { $0.range.lowerBound == start }
        }
        // The governing actor: right before the noun, possibly with a possessive and up to two lower-case words
        // between ("Green Dawn's harsh rule").
        let ruler = mentions.last { mention in
            guard mention.range.upperBound <= first, first - mention.range.upperBound <= 3 else { return false }
            return (mention.range.upperBound..<first).allSatisfy { index in
                let token = tokens[index]
                return (token.folded == "s" && index == mention.range.upperBound || !token.isCapitalised && !Self.governmentNouns.contains(token.folded))
                    && tokens[index].gapAfter.allSatisfy { $0 == " " }
            } && tokens[mention.range.upperBound - 1].gapAfter.allSatisfy { $0 == " " || $0 == "'" || $0 == "’" }
        }
        guard let ruler, let place, ruler.target != place.target else { return .some(nil) }
        if case .actor(let id) = ruler.target, records[id]?.kind == .state { return .some(nil) }
        return .some((ruler, place, "'\(ruler.text)' right before the noun '\(tokens[first].text)', the place after it"))
    }
}
