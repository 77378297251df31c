// libyaml is reached through the C target that Yams vendors. Yams's own composer is not used because it throws
// at the first duplicate key naming only the first occurrence, and it resolves aliases; composing from the event
// stream lets us report every duplicate at its second occurrence and refuse anchors before anything expands.
import ActorGraph
import CYaml
import Yams

/// A YAML node as written: scalars stay the text written (no YAML 1.1 resolution), every node knows its position.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var content: Content
    var location: SourceLocation

    var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    var kindDescription: String {
        switch content {
        case .scalar: return "a text value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

enum YAMLDocument {
    /// Deeper nesting than this is refused; no graph file needs more than six levels.
    static let maximumDepth = 64

    /// Checks the raw bytes, then composes the single document of `bytes`.
    ///
    /// Returns the root (or `nil` when the file cannot be read as one YAML document) and every problem found.
    static func compose(_ bytes: [UInt8], file: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        let textProblems = checkText(bytes, file: file)
        if !textProblems.isEmpty { return (nil, textProblems) }
        var composer = Composer(file: file, lines: EditorLines(bytes))
        let root = composer.run(bytes)
        return (root, composer.diagnostics)
    }

    /// How many items were carried over to new storage while composing `bytes`: linear in the file when lists grow
    /// in place, quadratic when an append copies. The scaling test's counter, free of wall-clock time.
    static func relocatedItems(composing bytes: [UInt8]) -> Int {
        var composer = Composer(file: "", lines: nil)
        _ = composer.run(bytes)
        return composer.relocatedItems
    }

    /// Invalid UTF-8, control characters and tab indentation, each at its line and column.
    static func checkText(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var line = 1
        var column = 1
        var atLineStart = true
        var index = 0
        var reportedTab = false
        while index < bytes.count {
            let byte = bytes[index]
            let location = SourceLocation(file: file, line: line, column: column)
            var length = 1
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1
                    column = 1
                    atLineStart = true
                    index += 1
                    continue
                }
                if byte == 0x09 {
                    if atLineStart, !reportedTab {
                        diagnostics.append(
                            Diagnostic(
                                location, "a tab character indents this line",
                                hint: "YAML indentation must use spaces; replace the tab with spaces"))
                        reportedTab = true
                    }
                } else if byte == 0x0D {
                    if index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                        diagnostics.append(
                            Diagnostic(location, "a carriage return without a line feed", hint: "save the file with LF or CRLF line ends"))
                    }
                } else if byte < 0x20 || byte == 0x7F {
                    diagnostics.append(
                        Diagnostic(
                            location, "control character U+\(hex(UInt32(byte))) is not allowed",
                            hint: "remove it; only tab and line ends may appear as control characters"))
                } else if byte != 0x20 {
                    atLineStart = false
                }
            } else {
                guard let (scalar, width) = decodeUTF8(bytes, at: index) else {
                    diagnostics.append(
                        Diagnostic(
                            location, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                            hint: "save the file as UTF-8"))
                    return diagnostics
                }
                length = width
                atLineStart = false
                if (0x80...0x9F).contains(scalar) || scalar == 0xFFFE || scalar == 0xFFFF {
                    diagnostics.append(
                        Diagnostic(location, "control character U+\(hex(scalar)) is not allowed", hint: "remove it"))
                }
                // A byte-order mark at the very start is allowed and invisible.
                if scalar == 0xFEFF, index != 0 {
                    diagnostics.append(Diagnostic(location, "a byte-order mark inside the file", hint: "remove it"))
                }
            }
            index += length
            column += 1
        }
        return diagnostics
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Strict UTF-8 decoding of one scalar (no overlongs, no surrogates).
    private static func decodeUTF8(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let width: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: width = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: width = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + width <= bytes.count else { return nil }
        for offset in 1..<width {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        switch width {
        case 3 where value < 0x800 || (0xD800...0xDFFF).contains(value): return nil
        case 4 where value < 0x10000 || value > 0x10FFFF: return nil
        default: break
        }
        return (value, width)
    }
}

/// Builds ``YAMLNode`` trees from libyaml's event stream with an explicit stack (no recursion, bounded depth).
private struct Composer {
    let file: String
    /// Where lines start as an editor counts them, when libyaml would count others (`nil`: libyaml's marks are right).
    let lines: EditorLines?
    var diagnostics: [Diagnostic] = []

    init(file: String, lines: EditorLines?) {
        self.file = file
        self.lines = lines
    }

    /// An open sequence or mapping. A struct mutated in place through the stack's subscript, so an append never
    /// copies the list: an enum popped off the stack and rebuilt held a second reference to its array, and every
    /// append then copied the whole list (quadratic in a list's length: 100k relations took minutes).
    private struct Frame {
        let start: SourceLocation
        let isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?

        init(start: SourceLocation, isMapping: Bool) {
            self.start = start
            self.isMapping = isMapping
        }
    }

    /// Items carried over when an open list's storage moved to add one: at most 2n for n items when appends happen
    /// in place (geometric growth), n²/2 when each append copies the list. Read by the scaling test.
    private(set) var relocatedItems = 0
    private var progress: ProgressTicker?

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        if let lines {
            let (line, column) = lines.position(ofCharacter: Int(mark.index))
            return SourceLocation(file: file, line: line, column: column)
        }
        return SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    mutating func run(_ bytes: [UInt8]) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "out of memory"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        progress = ProgressTicker("reading \(file)", total: bytes.count, unit: .bytes)
        defer { progress?.finish() }
        return bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return compose(&parser)
        }
    }

    private mutating func compose(_ parser: inout yaml_parser_t) -> YAMLNode? {
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return nil
            }
            defer { yaml_event_delete(&event) }
            progress?.advance(to: parser.offset)
            let here = location(event.start_mark)
            var completed: YAMLNode?
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                if documents == 0 {
                    diagnostics.append(
                        Diagnostic(here, "the file holds no YAML document", hint: "a graph file is a YAML mapping, e.g. 'actors: []'"))
                }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(
                        Diagnostic(here, "a second YAML document starts here", hint: "put one document in a file: remove the '---' and merge the parts, or split them into separate files"))
                    return nil
                }
                continue
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                diagnostics.append(
                    Diagnostic(here, "alias '*\(name)' is not allowed", hint: "write the value out in full; ActorGraph refuses anchors and aliases"))
                return nil
            case YAML_SCALAR_EVENT:
                refuseAnchor(event.data.scalar.anchor, here)
                refuseTag(event.data.scalar.tag, here, implicit: event.data.scalar.plain_implicit == 1 || event.data.scalar.quoted_implicit == 1)
                let text = event.data.scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(event.data.scalar.length)), as: UTF8.self)
                } ?? ""
                completed = YAMLNode(content: .scalar(text), location: here)
            case YAML_SEQUENCE_START_EVENT:
                refuseAnchor(event.data.sequence_start.anchor, here)
                refuseTag(event.data.sequence_start.tag, here, implicit: event.data.sequence_start.implicit == 1)
                guard push(Frame(start: here, isMapping: false), onto: &stack, at: here) else { return nil }
                continue
            case YAML_MAPPING_START_EVENT:
                refuseAnchor(event.data.mapping_start.anchor, here)
                refuseTag(event.data.mapping_start.tag, here, implicit: event.data.mapping_start.implicit == 1)
                guard push(Frame(start: here, isMapping: true), onto: &stack, at: here) else { return nil }
                continue
            case YAML_SEQUENCE_END_EVENT:
                guard let frame = stack.popLast(), !frame.isMapping else { return nil }
                completed = YAMLNode(content: .sequence(frame.items), location: frame.start)
            case YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast(), frame.isMapping else { return nil }
                checkDuplicateKeys(frame.pairs)
                completed = YAMLNode(content: .mapping(frame.pairs), location: frame.start)
            default:
                continue
            }
            guard let node = completed else { continue }
            if stack.isEmpty {
                root = node
            } else {
                add(node, to: &stack[stack.count - 1])
            }
        }
    }

    /// Adds a completed node to the open list or mapping, in place.
    private mutating func add(_ node: YAMLNode, to frame: inout Frame) {
        if !frame.isMapping {
            append(node, to: &frame.items)
        } else if let key = frame.pendingKey {
            append((key, node), to: &frame.pairs)
            frame.pendingKey = nil
        } else {
            frame.pendingKey = node
        }
    }

    private mutating func append<Element>(_ element: Element, to list: inout [Element]) {
        let before = list.withUnsafeBufferPointer { $0.baseAddress }
        list.append(element)
        if list.withUnsafeBufferPointer({ $0.baseAddress }) != before { relocatedItems += list.count - 1 }
    }

    private mutating func push(_ frame: Frame, onto stack: inout [Frame], at here: SourceLocation) -> Bool {
        guard stack.count < YAMLDocument.maximumDepth else {
            diagnostics.append(
                Diagnostic(here, "nesting deeper than \(YAMLDocument.maximumDepth) levels", hint: "graph files need only a few levels; flatten the structure"))
            return false
        }
        stack.append(frame)
        return true
    }

    private mutating func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ here: SourceLocation) {
        guard let anchor else { return }
        diagnostics.append(
            Diagnostic(here, "anchor '&\(String(cString: anchor))' is not allowed", hint: "write the value out in full; ActorGraph refuses anchors and aliases"))
    }

    private mutating func refuseTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, _ here: SourceLocation, implicit: Bool) {
        guard let tag, !implicit else { return }
        var name = String(cString: tag)
        if name.hasPrefix("tag:yaml.org,2002:") { name = "!!" + name.dropFirst("tag:yaml.org,2002:".count) }
        // `!` alone (non-specific tag) is what libyaml reports for quoted scalars; anything explicit is refused.
        guard name != "!" else { return }
        diagnostics.append(
            Diagnostic(here, "YAML tag '\(name)' is not allowed", hint: "remove the tag; every value is read as the text written"))
    }

    private mutating func checkDuplicateKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) {
        // A graph file's mappings have a handful of keys: comparing each with those before it costs less than
        // hashing them (one such mapping per actor, relation and citation); long ones are hashed.
        let isShort = pairs.count <= 16
        var seen: [String: SourceLocation] = [:]
        for (position, (key, _)) in pairs.enumerated() {
            guard let text = key.scalar else {
                diagnostics.append(Diagnostic(key.location, "a mapping key must be plain text, not \(key.kindDescription)"))
                continue
            }
            let earlier = isShort ? pairs[..<position].first { $0.key.scalar == text }?.key.location : seen[text]
            if let first = earlier {
                diagnostics.append(
                    Diagnostic(
                        key.location, "duplicate key '\(text)' (first defined at line \(first.line), column \(first.column))",
                        hint: "remove one of the two, or merge them"))
            } else if !isShort {
                seen[text] = key.location
            }
        }
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let here = location(mark)
        // libyaml's own depth limit (1,000 levels) can trip before the composer's, when its scanner reads a deep
        // flow collection ahead of the events: the same refusal as the composer's, at the level that is too deep.
        if problem.hasPrefix("Maximum nesting level reached") {
            diagnostics.append(
                Diagnostic(here, "nesting deeper than \(YAMLDocument.maximumDepth) levels", hint: "graph files need only a few levels; flatten the structure"))
            return
        }
        var message = "YAML syntax error: \(problem)"
        if let context {
            let start = location(parser.context_mark)
            message += " (\(context) at line \(start.line), column \(start.column))"
        }
        diagnostics.append(Diagnostic(here, message, hint: Self.hint(for: problem)))
    }

    private static func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value containing ': ' must be quoted, e.g. note: \"Talks: first round\""
        }
        if problem.contains("could not find expected ':'") { return "check the indentation and that every key ends with ':'" }
        if problem.contains("did not find expected '-' indicator") {
            return "check the indentation: the keys of one entry line up in one column, list items start with '- '"
        }
        if problem.contains("did not find expected key") { return "check the indentation of this line against the lines above" }
        if problem.contains("found character that cannot start any token") {
            return "quote the value; characters such as '@' and '`' cannot start a plain value"
        }
        return nil
    }
}

/// Line starts as an editor counts them: only a line feed ends a line. libyaml also ends lines at U+2028 and U+2029
/// (YAML 1.1), so its line numbers run one ahead per separator; its character index does not, and is mapped here.
/// Built only for a file that holds a separator (most files use libyaml's marks directly).
struct EditorLines {
    /// The character index (as libyaml counts: one per scalar, a leading byte-order mark not counted) of each line's start.
    private let starts: [Int]

    init?(_ bytes: [UInt8]) {
        var hasSeparator = false
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                hasSeparator = true
                break
            }
            index += 1
        }
        guard hasSeparator else { return nil }
        var starts = [0]
        var character = 0
        let first = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for byte in bytes[first...] where byte & 0xC0 != 0x80 {
            character += 1
            if byte == 0x0A { starts.append(character) }
        }
        self.starts = starts
    }

    /// The 1-based line and column (in characters) of libyaml's character index.
    func position(ofCharacter index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= index { low = middle } else { high = middle }
        }
        return (low + 1, index - starts[low] + 1)
    }
}
