import ActorGraph

/// A catalogue entry for a text not catalogued yet: what `import` writes for a document cell the catalogue lacks
/// (`- id: …, file: …, title: …, stub: "how to complete it"`). It has no hash or line count, so nothing cites it
/// and the graph's sources leave it out; `sources add` on the real file replaces it, and `check` lists it until then.
public struct CatalogueStub: Sendable, Hashable {
    public var id: String
    public var file: String
    public var title: String?
    /// The `stub` line: where the stub came from.
    public var note: String
    public var location: SourceLocation
    /// Lines of the catalogue the entry takes (1-based, inclusive), to replace it.
    var lines: ClosedRange<Int>
    /// Columns before the item's `- `.
    var indent: Int
}

extension SourceCatalogue {
    /// The stubs of a catalogue's text, in file order; none when it is not a catalogue.
    public static func stubs(in bytes: [UInt8], name: String) -> [CatalogueStub] {
        let (root, _) = YAMLDocument.compose(bytes, file: name)
        guard case .mapping(let pairs) = root?.content,
            let position = pairs.firstIndex(where: { $0.key.scalar == "sources" }),
            case .sequence(let items) = pairs[position].value.content
        else { return [] }
        let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let endOfList = position + 1 < pairs.count ? pairs[position + 1].key.location.line - 1 : text.count
        var result: [CatalogueStub] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(let fields) = item.content else { continue }
            func field(_ key: String) -> String? { fields.first { $0.key.scalar == key }?.value.scalar }
            guard let note = field("stub"), let id = field("id"), let file = field("file") else { continue }
            var last = index + 1 < items.count ? items[index + 1].location.line - 1 : endOfList
            while last > item.location.line, last <= text.count,
                text[last - 1].allSatisfy({ $0 == " " }) || text[last - 1].trimmingPrefix(while: { $0 == " " }).hasPrefix("#")
            {
                last -= 1
            }
            result.append(
                CatalogueStub(
                    id: id, file: file, title: field("title"), note: note, location: item.location,
                    lines: item.location.line...last, indent: max(0, item.location.column - 3)))
        }
        return result
    }

    /// The stub `entry` completes: one with its id, or naming the same file (compared by its last path component).
    static func stub(completedBy entry: SourceDocument, in bytes: [UInt8], name: String) -> CatalogueStub? {
        func base(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        return stubs(in: bytes, name: name).first { $0.id == entry.id || base($0.file) == base(entry.file) }
    }

    /// The catalogue text with `stub`'s lines replaced by `entry`.
    static func replacing(_ stub: CatalogueStub, with entry: SourceDocument, in bytes: [UInt8]) -> [UInt8] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let replacement = entryText(entry, indent: String(repeating: " ", count: stub.indent))
            .split(separator: "\n").map(String.init)
        lines.replaceSubrange((stub.lines.lowerBound - 1)..<min(lines.count, stub.lines.upperBound), with: replacement)
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// A stub as block YAML, as ``entryText(_:indent:)`` writes an entry.
    static func stubText(_ stub: CatalogueStub, indent: String) -> String {
        var lines = ["\(indent)- id: \(stub.id)", "\(indent)  file: \(quoted(stub.file))"]
        if let title = stub.title { lines.append("\(indent)  title: \(quoted(title))") }
        lines.append("\(indent)  stub: \(quoted(stub.note))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A new stub for the document `text` names (a cell of a spreadsheet), with an id unused by `taken`.
    public static func makeStub(for text: String, note: (String, String) -> String, taken: (String) -> Bool) -> CatalogueStub {
        let file = ParsedGraphFile.isInsideSourcesFolder(text) && !text.contains("\n") ? text : (slug(text) ?? "document")
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let base = slug(stem.isEmpty ? name : stem) ?? "document"
        var id = base
        var suffix = 2
        while taken(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        return CatalogueStub(
            id: id, file: file, title: text, note: note(id, file), location: SourceLocation(file: "", line: 0, column: 0),
            lines: 1...1, indent: 2)
    }

    /// The catalogue text with `stubs` appended to its `sources` list (created when missing).
    ///
    /// - Throws: ``DiagnosticsError`` as ``appending(_:to:name:)`` does for a catalogue it cannot extend.
    public static func appending(stubs: [CatalogueStub], to existing: [UInt8]?, name: String) throws(DiagnosticsError) -> [UInt8] {
        try appendingText(to: existing, name: name) { indent in stubs.map { stubText($0, indent: indent) }.joined(separator: "\n") }
    }
}
