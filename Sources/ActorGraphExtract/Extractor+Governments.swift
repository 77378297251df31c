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
        let match = TriggerMatch(type: "part_of", lexiconEntry: "(an institution's name)", range: mention.range)
        let countryMention = Mention(target: .actor(country), range: mention.range, text: state.name, reason: "its country")
        var candidate = candidate(
            for: match, in: sentence, from: mention, to: countryMention,
            pairing: "the name holds its country's name ('\(state.name)')", mentions: [mention], dates: dates)
        candidate.reasons[0] = "'\(mention.text)' names an institution after its country '\(country)'"
        return candidate
    }
}
