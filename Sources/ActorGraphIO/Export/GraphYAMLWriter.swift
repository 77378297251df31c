import ActorGraph

/// Writes a graph as a graph file (docs/FORMAT.md) that ``GraphLoader`` reads back into the same graph.
///
/// Every free-text value is double-quoted with YAML escapes, so nothing depends on how a YAML library would
/// resolve a plain scalar; ids, type names, kinds and grades are written plain (their syntax is safe).
public enum GraphYAMLWriter {
    public struct Options: Sendable {
        /// Write `relation_types`. `nil`: only when the vocabulary is not the built-in one.
        public var includeVocabulary: Bool?
        /// Source entries written under `sources` (usually empty: the catalogue holds them).
        public var sources: [SourceDocument]
        /// For relations without citations: the graph file format requires one, so a generator states its own.
        public var fallbackCitation: Citation?
        /// For relations without a note, likewise.
        public var fallbackNote: String?
        /// A comment written at the top (each line prefixed with `# `).
        public var headerComment: String?

        public init(
            includeVocabulary: Bool? = nil, sources: [SourceDocument] = [], fallbackCitation: Citation? = nil,
            fallbackNote: String? = nil, headerComment: String? = nil
        ) {
            self.includeVocabulary = includeVocabulary
            self.sources = sources
            self.fallbackCitation = fallbackCitation
            self.fallbackNote = fallbackNote
            self.headerComment = headerComment
        }
    }

    public static func write(
        _ graph: RelationGraph, _ selection: ExportSelection, options: Options = Options(), to output: ExportOutput
    ) {
        if let comment = options.headerComment {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { output.write("# \(line)\n") }
        }
        output.write("actorgraph: 1\n")
        if options.includeVocabulary ?? (graph.vocabulary != .builtIn) { writeVocabulary(graph.vocabulary, to: output) }
        if !options.sources.isEmpty { writeSources(options.sources, to: output) }
        writeActors(graph, selection, to: output)
        writeRelations(graph, selection, options: options, to: output)
    }

    /// A source catalogue holding `sources` only: what `export --format csv --sources-file` writes beside an edge
    /// list, so the edge list's citations of sources declared inside graph files read back
    /// (``GraphLoader/defaultSourceList(for:)`` finds it).
    public static func writeCatalogue(_ sources: [SourceDocument], comment: String? = nil, to output: ExportOutput) {
        if let comment {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { output.write("# \(line)\n") }
        }
        output.write("actorgraph: 1\n")
        if sources.isEmpty {
            output.write("\nsources: []\n")
        } else {
            writeSources(sources, to: output)
        }
    }

    private static func writeVocabulary(_ vocabulary: RelationVocabulary, to output: ExportOutput) {
        output.write("\nrelation_types:\n")
        for type in vocabulary.all {
            output.write("  \(type.name):\n")
            output.write("    directed: \(type.directed)\n")
            output.write("    category: \(type.category.rawValue)\n")
            if let inverse = type.inverse { field("    inverse", inverse, to: output) }
            if type.allowsSelf { output.write("    self: true\n") }
            if let description = type.description { field("    description", description, to: output) }
            if !type.triggers.isEmpty {
                output.write("    triggers: [")
                for (offset, trigger) in type.triggers.enumerated() {
                    if offset > 0 { output.write(", ") }
                    quoted(trigger, to: output)
                }
                output.write("]\n")
            }
        }
    }

    private static func writeSources(_ sources: [SourceDocument], to output: ExportOutput) {
        output.write("\nsources:\n")
        for source in sources {
            output.write("  - id: \(source.id)\n")
            field("    file", source.file, to: output)
            field("    title", source.title, to: output)
            if let outlet = source.outlet { field("    outlet", outlet, to: output) }
            if let author = source.author { field("    author", author, to: output) }
            if let published = source.published { field("    published", published.description, to: output) }
            if let note = source.publishedNote { field("    published_note", note, to: output) }
            if let url = source.url { field("    url", url, to: output) }
            if let language = source.language { field("    language", language, to: output) }
            output.write("    sha256: \(source.sha256)\n")
            output.write("    lines: \(source.lines)\n")
            if let summary = source.summary { field("    summary", summary, to: output) }
            if let reliability = source.reliability { output.write("    reliability: \(reliability.rawValue)\n") }
            if let note = source.reliabilityNote { field("    reliability_note", note, to: output) }
            if !source.derivedFrom.isEmpty { output.write("    derived_from: [\(source.derivedFrom.joined(separator: ", "))]\n") }
            if !source.body.isEmpty {
                let ranges = source.body.map { "\"\($0.lowerBound)-\($0.upperBound)\"" }
                output.write("    body: [\(ranges.joined(separator: ", "))]\n")
            }
            if let lines = source.publishedLines {
                output.write("    published_lines: \"\(lines.lowerBound)-\(lines.upperBound)\"\n")
            }
        }
    }

    private static func writeActors(_ graph: RelationGraph, _ selection: ExportSelection, to output: ExportOutput) {
        output.write("\nactors:\n")
        if selection.actors.isEmpty { output.write("  []\n") }
        for actor in selection.actors {
            let record = graph[actor]
            output.write("  - id: \(record.id)\n")
            field("    name", record.name, to: output)
            output.write("    kind: \(record.kind.rawValue)\n")
            if let subkind = record.subkind { field("    subkind", subkind, to: output) }
            if !record.aliases.isEmpty {
                output.write("    aliases: [")
                for (position, alias) in record.aliases.enumerated() {
                    if position > 0 { output.write(", ") }
                    quoted(alias, to: output)
                }
                output.write("]\n")
            }
            if let description = record.description { field("    description", description, to: output) }
            if let country = record.country { field("    country", country, to: output) }
        }
    }

    private static func writeRelations(
        _ graph: RelationGraph, _ selection: ExportSelection, options: Options, to output: ExportOutput
    ) {
        output.write("\nrelations:\n")
        if selection.relations.isEmpty { output.write("  []\n") }
        var progress = ProgressTicker("writing relations", total: selection.relations.count, unit: .relations)
        defer { progress.finish() }
        for relation in selection.relations {
            progress.tick()
            let details = graph.details(of: relation)
            var prefix = "  - "
            if let id = details.id {
                output.write("  - id: \(id)\n")
                prefix = "    "
            }
            output.write("\(prefix)from: \(graph[graph.source(of: relation)].id)\n")
            output.write("    to: \(graph[graph.target(of: relation)].id)\n")
            output.write("    type: \(graph.type(of: relation).name)\n")
            if let date = graph.date(of: relation) {
                output.write("    date: \"")
                output.write(date: date)
                output.write("\"\n")
            }
            if let dateNote = details.dateNote { field("    date_note", dateNote, to: output) }
            if !details.attributes.isEmpty {
                output.write("    attributes:\n")
                for attribute in details.attributes {
                    output.write("      ")
                    quoted(attribute.key, to: output)
                    output.write(": ")
                    quoted(attribute.value, to: output)
                    output.write("\n")
                }
            }
            let citations = details.citations.isEmpty ? options.fallbackCitation.map { [$0] } ?? [] : details.citations
            if !citations.isEmpty {
                output.write("    sources:\n")
                for citation in citations {
                    output.write("      - { source: \(citation.source), lines: \"\(citation.linesText)\"")
                    if let grade = citation.grade { output.write(", grade: \(grade)") }
                    if citation.forDate { output.write(", for: date") }
                    output.write(" }\n")
                }
            }
            if let note = details.note ?? options.fallbackNote { field("    note", note, to: output) }
            if let grade = details.grade { output.write("    grade: \(grade)\n") }
            if details.status != .reported { output.write("    status: \(details.status.rawValue)\n") }
            if let claimedBy = details.claimedBy { field("    claimed_by", claimedBy, to: output) }
        }
    }

    private static func field(_ key: String, _ value: String, to output: ExportOutput) {
        output.write(key)
        output.write(": ")
        quoted(value, to: output)
        output.write("\n")
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, and every character YAML may not hold literally (C0 and
    /// C1 controls, DEL, line and paragraph separators, BOM) as an escape, so the text reads back unchanged.
    static func quoted(_ text: String, to output: ExportOutput) {
        output.write(byte: UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: output.write("\\\\")
            case 0x22: output.write("\\\"")
            case 0x0A: output.write("\\n")
            case 0x09: output.write("\\t")
            case 0x0D: output.write("\\r")
            case 0x00..<0x20, 0x7F...0x9F:
                output.write("\\x")
                output.write(hex(scalar.value, digits: 2))
            case 0x2028, 0x2029, 0xFEFF:
                output.write("\\u")
                output.write(hex(scalar.value, digits: 4))
            default:
                for unit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() { output.write(byte: unit) }
            }
        }
        output.write(byte: UInt8(ascii: "\""))
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
