import ActorGraph

extension ParsedGraphFile {
    /// A citation's `for`: absent, or `date` for lines that give only the relation's date.
    static func readCitationUse(_ node: YAMLNode?, reader: inout SchemaReader) -> Bool {
        guard let node, let text = reader.text(node, what: "'for'") else { return false }
        if text == "date" { return true }
        reader.diagnostics.append(
            Diagnostic(node.location, "unknown 'for' '\(text)' in a citation", hint: "write 'for: date' for lines that give only the date, or leave 'for' out"))
        return false
    }

    /// The catalogue's evidence fields of a source: `reliability` and `reliability_note`, `derived_from`, `body`
    /// (a list of line ranges) and `published_lines` (docs/FORMAT.md, "The source catalogue").
    static func readEvidence(_ fields: MappingFields, into source: inout Source, reader: inout SchemaReader) {
        source.record.reliability = reader.choice(
            fields["reliability"], what: "'reliability' (Admiralty A-F)", as: SourceReliability.self)
        source.record.reliabilityNote = reader.text(fields["reliability_note"], what: "'reliability_note'")
        if let node = fields["derived_from"], let items = reader.sequence(node, what: "'derived_from'") {
            for item in items {
                guard let id = reader.identifier(item, what: "source id in 'derived_from'") else { continue }
                source.record.derivedFrom.append(id)
                source.derivedFromLocations.append(item.location)
            }
        }
        if let node = fields["body"], let items = reader.sequence(node, what: "'body'") {
            source.bodyLocation = node.location
            source.record.body = items.compactMap { reader.lineRange($0, what: "'body' line range") }
        }
        if let node = fields["published_lines"] {
            source.publishedLinesLocation = node.location
            source.record.publishedLines = reader.lineRange(node, what: "'published_lines'")
        }
    }
}
