import ActorGraph

/// The named, typed values every attribute-carrying format (GraphML, GEXF, Neo4j) writes for actors and
/// relations, in one fixed order, so the formats agree on names and meaning.
enum ExportProperties {
    enum ValueType: String {
        case string, boolean
    }

    struct Property {
        let name: String
        let type: ValueType
    }

    static let actor: [Property] = [
        .init(name: "name", type: .string), .init(name: "kind", type: .string), .init(name: "subkind", type: .string),
        .init(name: "aliases", type: .string), .init(name: "description", type: .string),
        .init(name: "country", type: .string),
    ]

    /// Values in the order of ``actor``; `nil` for an absent optional value.
    static func actorValues(_ record: ActorRecord) -> [String?] {
        [
            record.name, record.kind.rawValue, record.subkind, record.aliases.isEmpty ? nil : ExportText.aliases(record.aliases),
            record.description, record.country,
        ]
    }

    /// Relation properties; the relation's attributes follow as `attr.KEY` strings.
    static let relation: [Property] = [
        .init(name: "type", type: .string), .init(name: "category", type: .string),
        .init(name: "directed", type: .boolean), .init(name: "date", type: .string), .init(name: "start", type: .string),
        .init(name: "end", type: .string), .init(name: "citations", type: .string), .init(name: "note", type: .string),
        .init(name: "date_note", type: .string), .init(name: "grade", type: .string),
        .init(name: "status", type: .string), .init(name: "claimed_by", type: .string),
    ]

    static func relationValues(_ graph: RelationGraph, _ relation: RelationIndex) -> [String?] {
        let type = graph.type(of: relation)
        let details = graph.details(of: relation)
        let span = graph.span(of: relation)
        return [
            type.name, type.category.rawValue, type.directed ? "true" : "false", graph.date(of: relation)?.description,
            ExportText.startDay(span)?.description, ExportText.endDay(span)?.description,
            details.citations.isEmpty ? nil : ExportText.citations(details.citations), details.note, details.dateNote,
            details.grade?.description, details.status.rawValue, details.claimedBy,
        ]
    }

    /// The selected relation's attribute values in the order of `keys` (sorted), `nil` where absent.
    static func attributeValues(_ graph: RelationGraph, _ relation: RelationIndex, keys: [String]) -> [String?] {
        var values = [String?](repeating: nil, count: keys.count)
        guard !keys.isEmpty else { return values }
        for attribute in graph.details(of: relation).attributes {
            if let position = keys.firstIndex(of: attribute.key) { values[position] = attribute.value }
        }
        return values
    }

    /// Relation attribute keys as names every consumer's syntax accepts: `prefix` + the key with every character
    /// outside `[A-Za-z0-9_]` replaced by `_`, made unique with a number suffix. Neo4j's header gives `:` a meaning
    /// and Cypher then needs no backticks; GraphML's `attr.name` must be an XML NMTOKEN (no spaces or brackets).
    static func attributeNames(for keys: [String], prefix: String) -> [String] {
        var used: Set<String> = []
        return keys.map { key in
            let cleaned = String(key.unicodeScalars.map { scalar -> Character in
                let isWordCharacter = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "_")
                return isWordCharacter ? Character(scalar) : "_"
            })
            var name = prefix + cleaned
            var suffix = 2
            while !used.insert(name).inserted {
                name = "\(prefix)\(cleaned)_\(suffix)"
                suffix += 1
            }
            return name
        }
    }
}
