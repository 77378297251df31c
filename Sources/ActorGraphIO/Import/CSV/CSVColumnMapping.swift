import ActorGraph

/// Which CSV column holds which field. Defaults are the column names of the CSV export (docs/EXPORT.md), so an
/// exported edge list reads back unchanged; other files rename them with `FIELD=COLUMN` pairs.
public struct CSVColumnMapping: Sendable, Hashable {
    /// Edge list fields and their default column names.
    public static let edgeFields = [
        "id", "source", "target", "type", "date", "source_name", "source_kind", "target_name", "target_kind",
        "citations", "note", "date_note", "grade", "status", "claimed_by", "category", "directed",
    ]
    /// Actor list fields (prefixed `actor.` in a mapping) and their default column names.
    public static let actorFields = ["id", "name", "kind", "subkind", "aliases", "description", "country"]
    /// Columns of the export that are derived from the date, the evidence or the query, so an import ignores them.
    public static let derivedColumns = EdgeListWriter.derivedColumns

    /// Other names a spreadsheet gives a field's column, compared after ``folded(_:)``; tried when no column has
    /// the field's own name.
    public static let synonyms: [String: [String]] = [
        "source": ["from", "actor1", "actor_1", "source_actor", "subject", "actor_a"],
        "target": ["to", "actor2", "actor_2", "target_actor", "object", "actor_b"],
        "type": ["relationship", "relation", "relation_type", "relationship_type"],
        "date": ["when", "dates", "time"],
        "note": ["notes", "comment", "comments", "remark", "remarks"],
        "source_kind": ["from_kind", "actor1_kind", "source_type_of_actor"],
        "target_kind": ["to_kind", "actor2_kind"],
        "citations": ["citation"],
        "actor.name": ["label", "actor"],
        "actor.aliases": ["alias", "also_known_as"],
    ]
    /// Columns read as the document a row comes from when `--source-column` names none.
    public static let documentSynonyms = ["source_doc", "document", "doc", "source_document", "article"]

    /// A header as compared loosely: lower case, trimmed, runs of spaces, hyphens and dots as one `_`.
    public static func folded(_ name: String) -> String {
        var result = ""
        var pending = false
        for character in name.lowercased() {
            if character == " " || character == "-" || character == "." || character == "_" {
                pending = !result.isEmpty
            } else {
                if pending { result.append("_") }
                pending = false
                result.append(character)
            }
        }
        return result
    }

    public var edgeColumns: [String: String]
    public var actorColumns: [String: String]
    /// Columns named `PREFIX KEY` become attribute `KEY`; any other unknown column becomes an attribute named as
    /// its header.
    public var attributePrefix = EdgeListWriter.attributePrefix

    public init() {
        edgeColumns = Dictionary(uniqueKeysWithValues: Self.edgeFields.map { ($0, $0) })
        actorColumns = Dictionary(uniqueKeysWithValues: Self.actorFields.map { ($0, $0) })
    }

    public struct MappingError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Applies `source=from,target=to,actor.name=label`: each FIELD is read from COLUMN.
    public mutating func apply(_ text: String) throws(MappingError) {
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw MappingError(description: "'\(pair)' is not FIELD=COLUMN")
            }
            if parts[0].hasPrefix("actor.") {
                let field = String(parts[0].dropFirst("actor.".count))
                guard Self.actorFields.contains(field) else {
                    throw MappingError(
                        description: "unknown actor field '\(field)'; known: "
                            + Self.actorFields.map { "actor.\($0)" }.joined(separator: ", "))
                }
                actorColumns[field] = parts[1]
            } else {
                guard Self.edgeFields.contains(parts[0]) else {
                    throw MappingError(
                        description: "unknown field '\(parts[0])'; known: " + Self.edgeFields.joined(separator: ", ")
                            + " and actor.FIELD")
                }
                edgeColumns[parts[0]] = parts[1]
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
