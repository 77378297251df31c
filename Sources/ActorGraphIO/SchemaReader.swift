import Foundation
import ActorGraph

/// Walks composed YAML with a fixed schema, collecting every problem with its position.
struct SchemaReader {
    var diagnostics: [Diagnostic] = []

    /// The keys of a mapping node, checked against `allowed` and `required`. Unknown keys are reported with a
    /// did-you-mean; a node that is not a mapping is reported and yields `nil`.
    mutating func mapping(
        _ node: YAMLNode, what: String, allowed: [String], required: [String] = []
    ) -> MappingFields? {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.append(Diagnostic(node.location, "\(what) must be a mapping (key: value lines), found \(node.kindDescription)"))
            return nil
        }
        var result = MappingFields()
        for (key, value) in pairs {
            guard let name = key.scalar else { continue }  // reported by the composer
            if allowed.contains(name) {
                if result[name] == nil { result.pairs.append((name, value)) }
            } else {
                let suggestion = NearestName.nearest(name, among: allowed)
                diagnostics.append(
                    Diagnostic(
                        key.location, "unknown key '\(name)' in \(what)",
                        hint: suggestion.map { "did you mean '\($0)'?" } ?? "allowed keys: \(allowed.joined(separator: ", "))"))
            }
        }
        for name in required where result[name] == nil {
            diagnostics.append(Diagnostic(node.location, "\(what) lacks the required key '\(name)'"))
        }
        return result
    }

    mutating func sequence(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.content else {
            diagnostics.append(Diagnostic(node.location, "\(what) must be a list, found \(node.kindDescription)"))
            return nil
        }
        return items
    }

    /// A scalar as written. `allowEmpty: false` refuses empty and blank text.
    mutating func text(_ node: YAMLNode?, what: String, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar else {
            diagnostics.append(Diagnostic(node.location, "\(what) must be text, found \(node.kindDescription)"))
            return nil
        }
        if !allowEmpty, Self.isBlank(text) {
            diagnostics.append(Diagnostic(node.location, "\(what) is empty"))
            return nil
        }
        // Raw control characters are refused where they stand; these came from escapes such as "\e" or "\uFFFE".
        if let scalar = CSVReader.refusedScalar(in: text) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            diagnostics.append(
                Diagnostic(
                    node.location,
                    "\(what) holds control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)",
                    hint: "remove the escape; only tab and line ends may appear as control characters"))
            return nil
        }
        return text
    }

    /// Empty or only white space. A value that starts with a visible ASCII character (almost every one) is decided
    /// by its first byte, without Unicode property look-ups.
    private static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    mutating func identifier(_ node: YAMLNode?, what: String) -> String? {
        guard let node, let text = text(node, what: what) else { return nil }
        if let problem = Identifier.problem(with: text) {
            diagnostics.append(
                Diagnostic(node.location, "\(what) '\(text)' \(problem)", hint: "ids look like 'russia', 'zamir-kabulov' or 'un_sc'"))
            return nil
        }
        return text
    }

    mutating func boolean(_ node: YAMLNode?, what: String) -> Bool? {
        guard let node, let text = text(node, what: what) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(Diagnostic(node.location, "\(what) must be true or false, found '\(text)'"))
            return nil
        }
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, what: String, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let node, let text = text(node, what: what) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let names = Choice.allCases.map(\.rawValue)
        let suggestion = NearestName.nearest(text, among: names)
        diagnostics.append(
            Diagnostic(
                node.location, "unknown \(what) '\(text)'",
                hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "choose one of: \(names.joined(separator: ", "))"))
        return nil
    }

    mutating func stringList(_ node: YAMLNode?, what: String) -> [String] {
        guard let node, let items = sequence(node, what: what) else { return [] }
        return items.compactMap { text($0, what: "each of \(what)") }
    }

    mutating func date(_ node: YAMLNode?, what: String) -> EDTFDate? {
        guard let node, let text = text(node, what: what) else { return nil }
        switch EDTFDate.parse(text) {
        case .success(let date): return date
        case .failure(let error):
            var location = node.location
            // Point at the offending character when the value is written plainly on one line.
            location.column += error.offset
            diagnostics.append(Diagnostic(location, "bad \(what) '\(text)': \(error.message)", hint: EDTFError.help))
            return nil
        }
    }

    mutating func grade(_ node: YAMLNode?, what: String) -> AdmiraltyGrade? {
        guard let node, let text = text(node, what: what) else { return nil }
        guard let grade = AdmiraltyGrade(text) else {
            diagnostics.append(Diagnostic(node.location, "bad \(what) '\(text)'", hint: "write \(AdmiraltyGrade.syntaxHelp)"))
            return nil
        }
        return grade
    }

    /// `"A"` or `"A-B"` with 1 ≤ A ≤ B.
    mutating func lineRange(_ node: YAMLNode?, what: String) -> ClosedRange<Int>? {
        guard let node, let text = text(node, what: what) else { return nil }
        if let range = Self.plainLineRange(text), range.upperBound <= Citation.maximumLine { return range }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        // Digits only: `Int` alone would take "+5".
        let numbers = parts.map { part in part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(part) : nil }
        guard (1...2).contains(parts.count), numbers.allSatisfy({ ($0 ?? 0) >= 1 }),
            let first = numbers.first ?? nil, let last = numbers.last ?? nil
        else {
            diagnostics.append(
                Diagnostic(node.location, "bad \(what) '\(text)'", hint: "write one line number or a range, e.g. \"12\" or \"12-14\""))
            return nil
        }
        guard first <= last else {
            diagnostics.append(Diagnostic(node.location, "\(what) '\(text)' ends before it starts", hint: "write the smaller line number first"))
            return nil
        }
        guard last <= Citation.maximumLine else {
            diagnostics.append(
                Diagnostic(node.location, "\(what) '\(text)' goes past line \(Citation.maximumLine)", hint: "cite the lines of the source text"))
            return nil
        }
        return first...last
    }

    /// "12" or "12-14" as almost every citation writes it (digits, at most one '-', no space, no leading zero
    /// trouble: "012" reads as 12 either way), read from the bytes; `nil` for anything else, which the general
    /// reading above then accepts or explains. A load of 100,000 relations reads as many of these.
    private static func plainLineRange(_ text: String) -> ClosedRange<Int>? {
        var first = 0, current = 0, digits = 0, sawDash = false
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                guard digits < 9 else { return nil }
                current = current * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte == UInt8(ascii: "-"), !sawDash, digits > 0 {
                (first, current, digits, sawDash) = (current, 0, 0, true)
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        let (start, end) = sawDash ? (first, current) : (current, current)
        return start >= 1 && start <= end ? start...end : nil
    }

    /// The former home of ``NearestName/nearest(_:among:)``, kept for callers written before it.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        NearestName.nearest(word, among: candidates)
    }
}

/// A mapping's known keys and their values, first occurrence kept. A graph file's mappings hold a handful of keys,
/// and one is made per actor, relation and citation: an array searched in order costs less than hashing each key
/// into a dictionary (measured in docs/PERFORMANCE.md, "Graph files (YAML) scale linearly").
struct MappingFields {
    fileprivate(set) var pairs: [(name: String, value: YAMLNode)] = []

    subscript(name: String) -> YAMLNode? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }
}
