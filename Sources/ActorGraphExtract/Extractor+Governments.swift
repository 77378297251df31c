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
