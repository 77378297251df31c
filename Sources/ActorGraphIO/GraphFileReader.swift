import ActorGraph

/// One graph or catalogue file, read and checked on its own, with every element's position kept for the
/// cross-file checks of ``GraphLoader``.
struct ParsedGraphFile {
    struct Source {
        var record: SourceDocument
        var location: SourceLocation
        var fileLocation: SourceLocation
        var sha256Location: SourceLocation
        var linesLocation: SourceLocation
        /// Where `body`, `published_lines` and each `derived_from` entry are written, for diagnostics.
        var bodyLocation: SourceLocation?
        var publishedLinesLocation: SourceLocation?
        var derivedFromLocations: [SourceLocation] = []
    }

    struct TypeDefinition {
        var type: RelationType
        var location: SourceLocation
    }

    struct Actor {
        var record: ActorRecord
        var location: SourceLocation
        var countryLocation: SourceLocation?
    }

    struct LocatedCitation {
        var citation: Citation
        var sourceLocation: SourceLocation
        var linesLocation: SourceLocation
    }

    struct Relation {
        var location: SourceLocation
        var idLocation: SourceLocation?
        var from: String
        var fromLocation: SourceLocation
        var to: String
        var toLocation: SourceLocation
        var type: String
        var typeLocation: SourceLocation
        var date: EDTFDate?
        var citations: [LocatedCitation]
        var claimedByLocation: SourceLocation?
        var details: RelationDetails
    }

    /// A catalogue stub's id and file, so the merger can refuse one that repeats a full entry.
    struct Stub {
        var id: String
        var file: String
        var location: SourceLocation
        var fileLocation: SourceLocation
    }

    var name: String
    var sources: [Source] = []
    var stubs: [Stub] = []
    var relationTypes: [TypeDefinition]?
    var actors: [Actor] = []
    var relations: [Relation] = []
}

extension ParsedGraphFile {
    static let topLevelKeys = ["actorgraph", "sources", "relation_types", "actors", "relations"]
    static let sourceKeys = [
        "id", "file", "title", "outlet", "author", "published", "published_note", "url", "language", "sha256", "lines",
        "summary", "reliability", "reliability_note", "derived_from", "body", "published_lines", "stub",
    ]
    static let typeKeys = ["directed", "category", "inverse", "self", "description", "triggers"]
    static let actorKeys = ["id", "name", "kind", "subkind", "aliases", "description", "country"]
    static let relationKeys = [
        "id", "from", "to", "type", "date", "date_note", "sources", "note", "attributes", "grade", "status",
        "claimed_by",
    ]
    static let citationKeys = ["source", "lines", "grade", "for"]

    /// Reads one file's bytes. Structural problems go to `reader.diagnostics`; what could be read is returned.
    static func read(_ bytes: [UInt8], name: String, reader: inout SchemaReader) -> ParsedGraphFile {
        var file = ParsedGraphFile(name: name)
        let (root, yamlProblems) = YAMLDocument.compose(bytes, file: name)
        reader.diagnostics += yamlProblems
        guard let root else { return file }
        if case .scalar(let text) = root.content, text.isEmpty {
            reader.diagnostics.append(Diagnostic(root.location, "the file is empty", hint: "a graph file is a YAML mapping, e.g. 'actors: []'"))
            return file
        }
        guard let top = reader.mapping(root, what: "the file", allowed: topLevelKeys) else { return file }
        if let version = top["actorgraph"], let text = reader.text(version, what: "'actorgraph'"), text != "1" {
            reader.diagnostics.append(
                Diagnostic(version.location, "unsupported format version '\(text)'", hint: "this ActorGraph reads version 1"))
        }
        if let node = top["sources"], let items = reader.sequence(node, what: "'sources'") {
            for item in items {
                if case .mapping(let pairs) = item.content, pairs.contains(where: { $0.key.scalar == "stub" }) {
                    if let stub = readStub(item, reader: &reader) { file.stubs.append(stub) }
                } else if let source = readSource(item, reader: &reader) {
                    file.sources.append(source)
                }
            }
        }
        if let node = top["relation_types"] {
            file.relationTypes = readTypes(node, reader: &reader)
        }
        if let node = top["actors"], let items = reader.sequence(node, what: "'actors'") {
            file.actors = items.compactMap { readActor($0, reader: &reader) }
        }
        if let node = top["relations"], let items = reader.sequence(node, what: "'relations'") {
            file.relations = items.compactMap { readRelation($0, reader: &reader) }
        }
        return file
    }

    private static func readSource(_ node: YAMLNode, reader: inout SchemaReader) -> Source? {
        let required = ["id", "file", "title", "sha256", "lines"]
        guard let fields = reader.mapping(node, what: "a source", allowed: sourceKeys, required: required) else {
            return nil
        }
        let id = reader.identifier(fields["id"], what: "source id")
        var fileName = reader.text(fields["file"], what: "'file'")
        if let name = fileName, let node = fields["file"], !isInsideSourcesFolder(name) {
            reader.diagnostics.append(
                Diagnostic(
                    node.location, "'file' must name a file inside the sources folder, found '\(name)'",
                    hint: "give the text's path relative to the --sources folder, without '..' or a leading '/'"))
            fileName = nil
        }
        let title = reader.text(fields["title"], what: "'title'")
        let language = reader.text(fields["language"], what: "'language'")
        let summary = reader.text(fields["summary"], what: "'summary'")
        var sha = reader.text(fields["sha256"], what: "'sha256'")
        if let text = sha, let node = fields["sha256"],
            text.count != 64 || !text.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        {
            reader.diagnostics.append(
                Diagnostic(node.location, "'sha256' must be 64 lower-case hex digits", hint: "compute it with: sha256sum FILE"))
            sha = nil
        }
        var lines: Int?
        if let node = fields["lines"], let text = reader.text(node, what: "'lines'") {
            // Digits only: `Int` alone would take "+5".
            if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text), (1...Citation.maximumLine).contains(value) {
                lines = value
            } else {
                reader.diagnostics.append(
                    Diagnostic(node.location, "'lines' must be a whole number from 1 to \(Citation.maximumLine), found '\(text)'"))
            }
        }
        let published = reader.date(fields["published"], what: "'published' date")
        guard let id, let fileName, let title, let sha, let lines,
            let fileNode = fields["file"], let shaNode = fields["sha256"], let linesNode = fields["lines"]
        else { return nil }
        let record = SourceDocument(
            id: id, file: fileName, title: title, outlet: reader.text(fields["outlet"], what: "'outlet'"),
            author: reader.text(fields["author"], what: "'author'"), published: published,
            publishedNote: reader.text(fields["published_note"], what: "'published_note'"),
            url: reader.text(fields["url"], what: "'url'"), language: language, sha256: sha, lines: lines,
            summary: summary)
        var source = Source(
            record: record, location: fields["id"]?.location ?? node.location, fileLocation: fileNode.location,
            sha256Location: shaNode.location, linesLocation: linesNode.location)
        readEvidence(fields, into: &source, reader: &reader)
        return source
    }

    /// A catalogue stub (``CatalogueStub``): checked, then left out of the graph's sources — nothing can cite it
    /// until `sources add` completes it with the text's hash and lines.
    private static func readStub(_ node: YAMLNode, reader: inout SchemaReader) -> Stub? {
        guard let fields = reader.mapping(node, what: "a source stub", allowed: sourceKeys, required: ["id", "file"]) else {
            return nil
        }
        let id = reader.identifier(fields["id"], what: "source id")
        let name = reader.text(fields["file"], what: "'file'")
        if let name, let fileNode = fields["file"], !isInsideSourcesFolder(name) {
            reader.diagnostics.append(
                Diagnostic(
                    fileNode.location, "'file' must name a file inside the sources folder, found '\(name)'",
                    hint: "give the text's path relative to the --sources folder, without '..' or a leading '/'"))
        }
        for key in ["sha256", "lines"] {
            guard let field = fields[key] else { continue }
            reader.diagnostics.append(
                Diagnostic(
                    field.location, "a stub has no '\(key)': it stands for a text not catalogued yet",
                    hint: "complete it with 'actorgraph sources add FILE --id ID', which replaces the stub, "
                        + "or remove the 'stub' line"))
        }
        guard let id, let name, let fileNode = fields["file"] else { return nil }
        return Stub(id: id, file: name, location: fields["id"]?.location ?? node.location, fileLocation: fileNode.location)
    }

    /// A relative path with no `..` step: `file:` may never reach outside `--sources` (such as `../../etc/shadow`).
    static func isInsideSourcesFolder(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("/") && !name.utf8.contains(0)
            && !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    private static func readTypes(_ node: YAMLNode, reader: inout SchemaReader) -> [TypeDefinition] {
        guard case .mapping(let pairs) = node.content else {
            reader.diagnostics.append(
                Diagnostic(node.location, "'relation_types' must be a mapping from type name to definition, found \(node.kindDescription)"))
            return []
        }
        var result: [TypeDefinition] = []
        for (key, value) in pairs {
            guard let name = key.scalar else { continue }
            if name.isEmpty || name.count > 64 || !name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" })
                || !(name.first?.isLowercase ?? false)
            {
                reader.diagnostics.append(
                    Diagnostic(key.location, "relation type name '\(name)' must be lower-case letters, digits and '_', starting with a letter", hint: "e.g. 'signs_agreement_with'"))
                continue
            }
            guard let fields = reader.mapping(value, what: "relation type '\(name)'", allowed: typeKeys, required: ["directed", "category"]) else {
                continue
            }
            let directed = reader.boolean(fields["directed"], what: "'directed'")
            let category = reader.choice(fields["category"], what: "category", as: RelationCategory.self)
            let inverse = reader.text(fields["inverse"], what: "'inverse'")
            let allowsSelf = reader.boolean(fields["self"], what: "'self'") ?? false
            if let inverseNode = fields["inverse"], directed == false {
                reader.diagnostics.append(
                    Diagnostic(inverseNode.location, "relation type '\(name)' is undirected, so it has no inverse reading", hint: "remove 'inverse', or set 'directed: true'"))
            }
            let triggers = reader.stringList(fields["triggers"], what: "'triggers'")
            if let node = fields["triggers"], let bad = triggers.first(where: { !Self.isValidTrigger($0) }) {
                reader.diagnostics.append(
                    Diagnostic(node.location, "trigger '\(bad)' of '\(name)' must hold a letter or digit, with '*' only at a word's end", hint: "e.g. [met, talks with, recogni*]"))
            }
            guard let directed, let category else { continue }
            result.append(
                TypeDefinition(
                    type: RelationType(
                        name: name, directed: directed, category: category, inverse: inverse, allowsSelf: allowsSelf,
                        description: reader.text(fields["description"], what: "'description'"), triggers: triggers),
                    location: key.location))
        }
        return result
    }

    /// A trigger holds a letter or digit, and `*` only at the end of a word.
    static func isValidTrigger(_ text: String) -> Bool {
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return false }
        let characters = Array(text)
        for (offset, character) in characters.enumerated() where character == "*" {
            let next = offset + 1 < characters.count ? characters[offset + 1] : " "
            if offset == 0 || !(characters[offset - 1].isLetter || characters[offset - 1].isNumber) || !next.isWhitespace { return false }
        }
        return true
    }

    private static func readActor(_ node: YAMLNode, reader: inout SchemaReader) -> Actor? {
        guard let fields = reader.mapping(node, what: "an actor", allowed: actorKeys, required: ["id", "name", "kind"]) else {
            return nil
        }
        let id = reader.identifier(fields["id"], what: "actor id")
        let name = reader.text(fields["name"], what: "actor name")
        let kind = reader.choice(fields["kind"], what: "actor kind", as: ActorKind.self)
        let aliases = reader.stringList(fields["aliases"], what: "'aliases'")
        let country = reader.identifier(fields["country"], what: "'country'")
        // An actor with a bad name or kind is still registered under its id, so that duplicates are reported and
        // relations citing it do not pile up "unknown actor" errors; the load fails on the first error anyway.
        guard let id else { return nil }
        let record = ActorRecord(
            id: id, name: name ?? id, kind: kind ?? .group, subkind: reader.text(fields["subkind"], what: "'subkind'"), aliases: aliases,
            description: reader.text(fields["description"], what: "actor description"), country: country)
        return Actor(record: record, location: fields["id"]?.location ?? node.location, countryLocation: fields["country"]?.location)
    }

    /// The status node unless it is `candidate`, which is reported on its own.
    private static func statusNode(_ node: YAMLNode?) -> YAMLNode? { node?.scalar == "candidate" ? nil : node }

    private static func readRelation(_ node: YAMLNode, reader: inout SchemaReader) -> Relation? {
        // No citation and no note is a sketch: it loads, outputs mark it unsourced, `check --require-sources` refuses it.
        let required = ["from", "to", "type"]
        guard let fields = reader.mapping(node, what: "a relation", allowed: relationKeys, required: required) else {
            return nil
        }
        let id = reader.identifier(fields["id"], what: "relation id")
        if let id, let idNode = fields["id"], id.first == "r", id.count > 1, id.dropFirst().allSatisfy(\.isNumber) {
            reader.diagnostics.append(
                Diagnostic(idNode.location, "relation id '\(id)' is reserved", hint: "ids r1, r2, … name relations without an id; choose a descriptive id"))
        }
        let from = reader.text(fields["from"], what: "'from'")
        let to = reader.text(fields["to"], what: "'to'")
        let type = reader.text(fields["type"], what: "'type'")
        let date = reader.date(fields["date"], what: "date")
        let note = reader.text(fields["note"], what: "'note'")
        let grade = reader.grade(fields["grade"], what: "grade")
        if let statusNode = fields["status"], statusNode.scalar == "candidate" {
            reader.diagnostics.append(
                Diagnostic(
                    statusNode.location, "relation is a candidate proposed by 'actorgraph extract', not yet reviewed",
                    hint: "read the cited lines, fix the relation, then set 'status' to reported, claimed or denied (or delete it)"))
        }
        let status = statusNode(fields["status"]).flatMap { reader.choice($0, what: "status", as: RelationStatus.self) } ?? .reported
        let claimedBy = reader.text(fields["claimed_by"], what: "'claimed_by'")
        if let claimedNode = fields["claimed_by"], status == .reported, fields["status"]?.scalar != "candidate" {
            reader.diagnostics.append(
                Diagnostic(claimedNode.location, "'claimed_by' needs 'status: claimed' or 'status: denied'", hint: "add the status, or remove 'claimed_by'"))
        }
        var citations: [LocatedCitation] = []
        if let sourcesNode = fields["sources"], let items = reader.sequence(sourcesNode, what: "'sources'") {
            for item in items {
                guard let citationFields = reader.mapping(item, what: "a citation", allowed: citationKeys, required: ["source", "lines"]),
                    let sourceNode = citationFields["source"], let linesNode = citationFields["lines"]
                else { continue }
                let source = reader.identifier(sourceNode, what: "source id")
                let lines = reader.lineRange(linesNode, what: "'lines'")
                let citationGrade = reader.grade(citationFields["grade"], what: "grade")
                let forDate = readCitationUse(citationFields["for"], reader: &reader)
                guard let source, let lines else { continue }
                citations.append(
                    LocatedCitation(
                        citation: Citation(source: source, lines: lines, grade: citationGrade, forDate: forDate),
                        sourceLocation: sourceNode.location, linesLocation: linesNode.location))
            }
        }
        var attributes: [RelationAttribute] = []
        if let attributesNode = fields["attributes"], case .mapping(let pairs) = attributesNode.content {
            for (key, value) in pairs {
                guard let name = key.scalar, let text = reader.text(value, what: "attribute '\(name)'") else { continue }
                attributes.append(RelationAttribute(key: name, value: text))
            }
        } else if let attributesNode = fields["attributes"] {
            reader.diagnostics.append(
                Diagnostic(attributesNode.location, "'attributes' must be a mapping of names to text, found \(attributesNode.kindDescription)"))
        }
        guard let from, let to, let type, let fromNode = fields["from"], let toNode = fields["to"],
            let typeNode = fields["type"]
        else { return nil }
        let details = RelationDetails(
            id: id, note: note, citations: citations.map(\.citation), attributes: attributes,
            dateNote: reader.text(fields["date_note"], what: "'date_note'"), grade: grade, status: status,
            claimedBy: claimedBy)
        return Relation(
            location: node.location, idLocation: fields["id"]?.location, from: from, fromLocation: fromNode.location,
            to: to, toLocation: toNode.location, type: type, typeLocation: typeNode.location, date: date,
            citations: citations, claimedByLocation: fields["claimed_by"]?.location, details: details)
    }
}
