import ActorGraph
import ActorGraphIO
import Crypto
import Foundation
import HTTPTypes

/// The catalogued source texts, read once from `--sources DIR` and checked against the catalogue's SHA-256, so a
/// relation's citations can be quoted line by line.
struct SourceTexts: Sendable {
    /// One source's text, or why it cannot be quoted.
    enum Text: Sendable {
        case lines([String])
        case unavailable(String, hashOK: Bool?)
    }

    let directory: String?
    private let texts: [String: Text]

    /// The largest text read; a bigger file is reported instead of loaded.
    static let maximumBytes = 16 << 20

    init(graph: RelationGraph, directory: String?) {
        self.directory = directory
        var texts: [String: Text] = [:]
        for source in graph.sources {
            texts[source.id] = Self.read(source, directory: directory)
        }
        self.texts = texts
    }

    private static func read(_ source: SourceDocument, directory: String?) -> Text {
        guard let directory else {
            return .unavailable("the source texts are not loaded (start the explorer with --sources DIR)", hashOK: nil)
        }
        // Catalogue file names are plain names; anything with a path separator is not looked up.
        guard !source.file.contains("/"), !source.file.hasPrefix(".") else {
            return .unavailable("the catalogued file name '\(source.file)' is not a plain file name", hashOK: nil)
        }
        let path = (directory as NSString).appendingPathComponent(source.file)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumBytes {
            return .unavailable("'\(source.file)' is larger than \(maximumBytes) bytes", hashOK: nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unavailable("'\(source.file)' is not in \(directory)", hashOK: nil)
        }
        let digest = SHA256.hash(data: data).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        guard digest == source.sha256.lowercased() else {
            return .unavailable(
                "the sha256 of '\(source.file)' does not match the catalogue: the text changed since it was catalogued",
                hashOK: false)
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        return .lines(lines)
    }

    /// Whether any text could be quoted.
    var available: Bool {
        texts.values.contains { if case .lines = $0 { return true } else { return false } }
    }

    /// The evidence object for one citation (docs/EXPLORER.md, `/api/relation/ID`).
    func evidence(_ citation: Citation, graph: RelationGraph) -> JSONValue {
        let source = graph.source(id: citation.source)
        var members: [(String, JSONValue)] = [
            ("source", .string(citation.source)),
            ("lines", .string(citation.linesText)),
            ("grade", .optional(citation.grade?.description)),
            ("title", .optional(source?.title)),
            ("outlet", .optional(source?.outlet)),
            ("published", .optional(source?.published?.description)),
            ("url", .optional(source?.url)),
        ]
        switch texts[citation.source] {
        case .lines(let lines):
            let range = citation.lines
            guard range.lowerBound >= 1, range.upperBound <= lines.count else {
                members += [
                    ("hashOK", .bool(true)), ("text", .null),
                    ("unavailable", .string("lines \(citation.linesText) lie outside the text's \(lines.count) lines")),
                ]
                return .object(members)
            }
            let quoted = range.map { number in
                JSONValue.object([("line", .int(number)), ("text", .string(lines[number - 1]))])
            }
            members += [("hashOK", .bool(true)), ("text", .array(quoted)), ("unavailable", .null)]
        case .unavailable(let why, let hashOK):
            members += [("hashOK", hashOK.map { .bool($0) } ?? .null), ("text", .null), ("unavailable", .string(why))]
        case nil:
            members += [("hashOK", .null), ("text", .null), ("unavailable", .string("the source is not in the catalogue"))]
        }
        return .object(members)
    }
}
