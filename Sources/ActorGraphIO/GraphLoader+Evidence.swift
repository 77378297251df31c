import ActorGraph

extension Merger {
    /// The catalogue's evidence fields against each other and the texts' line counts: `derived_from` names other
    /// catalogued sources; `body` ranges lie inside the text; with the texts verified, a `published_lines` outside
    /// the body is a warning that names it (a teaser's or caption's date is not the article's).
    mutating func checkEvidence(
        of sources: [ParsedGraphFile.Source], known: [String: SourceLocation], verifying: Bool
    ) {
        for source in sources {
            let record = source.record
            for (id, location) in zip(record.derivedFrom, source.derivedFromLocations) {
                if id == record.id {
                    diagnostics.append(
                        Diagnostic(location, "source '\(id)' cannot be derived from itself", hint: "list the sources it restates"))
                } else if known[id] == nil {
                    let suggestion = NearestName.nearest(id, among: Array(known.keys).sorted())
                    diagnostics.append(
                        Diagnostic(
                            location, "unknown source '\(id)' in 'derived_from' of '\(record.id)'",
                            hint: suggestion.map { "did you mean '\($0)'?" } ?? "add it to the catalogue"))
                }
            }
            if let location = source.bodyLocation {
                for range in record.body where range.upperBound > record.lines {
                    diagnostics.append(
                        Diagnostic(
                            location, "'body' range \(range.lowerBound)-\(range.upperBound) of '\(record.id)' runs past its \(record.lines) lines",
                            hint: "mark line ranges between 1 and \(record.lines)"))
                }
            }
            if verifying, let published = record.publishedLines, let location = source.publishedLinesLocation,
                !record.bodyContains(published)
            {
                diagnostics.append(
                    Diagnostic(
                        location,
                        "the 'published' date of '\(record.id)' is read from line\(published.count == 1 ? "" : "s") \(Self.text(published)), outside the article body (\(Self.bodyText(record)))",
                        hint: "a date from a teaser, caption or page furniture may belong to something else: mark 'published' uncertain ('?') and say so in 'published_note'",
                        severity: .warning))
            }
        }
    }

    /// A citation of lines outside the cited source's article body: an error, or a warning naming the relation when
    /// the lines give only its date (`for: date`, a caption's or teaser's date).
    static func outsideBody(
        _ citation: Citation, of record: SourceDocument, relation: String?, at location: SourceLocation
    ) -> Diagnostic {
        if citation.forDate {
            return Diagnostic(
                location,
                "the date of relation '\(relation ?? "(no id)")' is taken from \(linesWord(citation.lines)) \(citation.linesText) of '\(citation.source)', outside its article body (\(bodyText(record)))",
                hint: "a caption's or teaser's date may not be the event's: say so in 'date_note', and mark the date uncertain if in doubt",
                severity: .warning)
        }
        return Diagnostic(
            location,
            "\(linesWord(citation.lines)) \(citation.linesText) of '\(citation.source)' \(citation.lines.count == 1 ? "lies" : "lie") outside its article body (\(bodyText(record)))",
            hint: "cite the article itself, not menus, teasers, captions, comments or biographies; fix the citation, or the source's 'body' in the catalogue")
    }

    static func linesWord(_ range: ClosedRange<Int>) -> String { range.count == 1 ? "line" : "lines" }

    static func text(_ range: ClosedRange<Int>) -> String {
        range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
    }

    static func bodyText(_ record: SourceDocument) -> String {
        "lines " + record.body.map(text).joined(separator: ", ")
    }
}
