import ActorGraph
import Crypto
import Foundation

/// What `sources add` computes from a text: nothing about it needs asking.
public struct SourceMeasure: Hashable, Sendable {
    /// SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// Lines as an editor numbers them: a last line without a newline still counts.
    public var lines: Int

    public init(_ bytes: [UInt8]) {
        sha256 = SHA256Hex.digest(of: bytes)
        lines = Self.lineCount(bytes)
    }

    public static func lineCount(_ bytes: [UInt8]) -> Int {
        let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return newlines + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
    }
}

/// Reads, extends and verifies a source catalogue (`seeds/sources.yaml`) on its own, without a graph.
public enum SourceCatalogue {
    /// The catalogue's entries in file order; an absent file is an empty catalogue.
    ///
    /// - Throws: ``DiagnosticsError`` with every problem of the file.
    public static func read(_ path: String) throws(DiagnosticsError) -> [SourceDocument] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let bytes = FileBytes.read(path) else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 0, column: 0), "cannot read the source catalogue")])
        }
        return try GraphLoader.load(files: [], catalogue: (path, bytes), sourceTexts: nil).sources
    }

    /// Checks every entry against the texts in `folder`: the file exists, its SHA-256 and line count match —
    /// what `check --sources` checks, for the catalogue alone. Returns the problems (empty when all is well).
    public static func verify(_ path: String, textsIn folder: String) -> [Diagnostic] {
        guard let bytes = FileBytes.read(path) else {
            return [Diagnostic(SourceLocation(file: path, line: 0, column: 0), "cannot read the source catalogue", hint: "check the --catalogue path")]
        }
        do {
            _ = try GraphLoader.load(files: [], catalogue: (path, bytes), sourceTexts: GraphLoader.FolderTexts(folder: folder))
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The catalogue text with `entry` appended to its `sources` list, keeping every existing byte (comments,
    /// order, layout). `existing` is `nil` for a catalogue that does not exist yet.
    ///
    /// - Throws: ``DiagnosticsError`` when the existing text is not a valid catalogue, already holds the id or the
    ///   same text, or writes `sources` in a flow list (`[…]`) that cannot be appended to line by line.
    public static func appending(
        _ entry: SourceDocument, to existing: [UInt8]?, name: String
    ) throws(DiagnosticsError) -> [UInt8] {
        if let existing, !existing.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) {
            let documents = try GraphLoader.load(files: [], catalogue: (name, existing), sourceTexts: nil).sources
            if let twin = documents.first(where: { $0.id == entry.id }) {
                throw DiagnosticsError([
                    Diagnostic(
                        SourceLocation(file: name, line: 0, column: 0), "source id '\(entry.id)' is already in the catalogue (file '\(twin.file)')",
                        hint: "choose another --id")
                ])
            }
            if let twin = documents.first(where: { $0.sha256 == entry.sha256 }) {
                throw DiagnosticsError([
                    Diagnostic(
                        SourceLocation(file: name, line: 0, column: 0),
                        "this text is already catalogued as '\(twin.id)' (file '\(twin.file)', same sha256)",
                        hint: "cite '\(twin.id)'; a text needs one entry")
                ])
            }
            // A stub of this text (its id or its file) is completed in place.
            if let stub = stub(completedBy: entry, in: existing, name: name) {
                return replacing(stub, with: entry, in: existing)
            }
        }
        return try appendingText(to: existing, name: name) { entryText(entry, indent: $0) }
    }

    /// `existing` with the text `entry(indent)` appended to its `sources` list, keeping every existing byte.
    static func appendingText(
        to existing: [UInt8]?, name: String, _ entry: (String) -> String
    ) throws(DiagnosticsError) -> [UInt8] {
        guard let existing, !existing.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) else {
            let header = "# The source catalogue (docs/FORMAT.md): one entry per document, added by actorgraph sources add.\nsources:\n"
            return Array((header + entry("  ")).utf8)
        }
        let (root, _) = YAMLDocument.compose(existing, file: name)
        var text = String(decoding: existing, as: UTF8.self)
        if !text.hasSuffix("\n") { text += "\n" }
        guard case .mapping(let pairs) = root?.content,
            let position = pairs.firstIndex(where: { $0.key.scalar == "sources" })
        else {
            return Array((text + "\nsources:\n" + entry("  ")).utf8)
        }
        let value = pairs[position].value
        guard case .sequence(let items) = value.content, let first = items.first,
            Self.byte(at: first.location, in: existing) != UInt8(ascii: "{"),
            Self.byte(at: value.location, in: existing) != UInt8(ascii: "[")
        else {
            throw DiagnosticsError([
                Diagnostic(
                    value.location, "cannot append to 'sources' written as a flow list or flow mappings",
                    hint: "write each entry as a block ('- id: …' with one key a line), then run sources add again")
            ])
        }
        // An item's location is its mapping's first key; the '- ' sits two columns before it.
        let indent = String(repeating: " ", count: max(0, first.location.column - 3))
        let addition = "\n" + entry(indent)
        guard position + 1 < pairs.count else { return Array((text + addition).utf8) }
        // Another top-level key follows: insert before its line, so the entry stays inside the list.
        let nextLine = pairs[position + 1].key.location.line
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(contentsOf: addition.dropFirst().split(separator: "\n").map(String.init), at: nextLine - 1)
        lines.insert("", at: nextLine - 1)
        return Array(lines.joined(separator: "\n").utf8)
    }

    private static func byte(at location: SourceLocation, in bytes: [UInt8]) -> UInt8? {
        var line = 1
        var offset = 0
        while line < location.line, offset < bytes.count {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        // Columns count characters; the entries' indentation is ASCII, so bytes and characters agree up to it.
        let target = offset + location.column - 1
        return target < bytes.count ? bytes[target] : nil
    }

    /// One entry as block YAML, every free text double-quoted so nothing depends on YAML's plain-scalar rules.
    static func entryText(_ entry: SourceDocument, indent: String) -> String {
        var lines = ["\(indent)- id: \(entry.id)"]
        func field(_ key: String, _ value: String?) {
            guard let value else { return }
            lines.append("\(indent)  \(key): \(quoted(value))")
        }
        field("file", entry.file)
        field("title", entry.title)
        field("outlet", entry.outlet)
        field("author", entry.author)
        if let published = entry.published { lines.append("\(indent)  published: \(published.description)") }
        field("published_note", entry.publishedNote)
        field("url", entry.url)
        field("language", entry.language)
        lines.append("\(indent)  sha256: \(entry.sha256)")
        lines.append("\(indent)  lines: \(entry.lines)")
        field("summary", entry.summary)
        if let reliability = entry.reliability { lines.append("\(indent)  reliability: \(reliability.rawValue)") }
        field("reliability_note", entry.reliabilityNote)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML double-quoted scalar.
    public static func yamlQuoted(_ text: String) -> String { quoted(text) }

    static func quoted(_ text: String) -> String {
        let output = ExportOutput()
        GraphYAMLWriter.quoted(text, to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// A source id made from a file name: lower case, runs of other characters than letters and digits as one
    /// '-', diacritics folded, at most 64 characters; `nil` when nothing usable is left.
    public static func slug(_ text: String) -> String? {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        let trimmed = String(result.prefix(Identifier.maximumLength))
        let clean = trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : trimmed
        return clean.isEmpty ? nil : clean
    }

    /// The id among `ids` close enough to `id` to be a likely typo.
    public static func nearest(_ id: String, among ids: [String]) -> String? { SchemaReader.nearest(id, among: ids) }

    /// The first line of `bytes` with text on it, trimmed and cut at 200 characters, with its line number.
    public static func firstTextLine(_ bytes: [UInt8]) -> (text: String, line: Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { return (String(trimmed.prefix(200)), offset + 1) }
        }
        return nil
    }
}
