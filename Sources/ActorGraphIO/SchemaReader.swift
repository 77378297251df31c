import Foundation
import ActorGraph

/// Walks composed YAML with a fixed schema, collecting every problem with its position.
struct SchemaReader {
    var diagnostics: [Diagnostic] = []

    /// The keys of a mapping node, checked against `allowed` and `required`. Unknown keys are reported with a
    /// did-you-mean; a node that is not a mapping is reported and yields `nil`.
    mutating func mapping(
        _ node: YAMLNode, what: String, allowed: [String], required: [String] = []
    ) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.append(Diagnostic(node.location, "\(what) must be a mapping (key: value lines), found \(node.kindDescription)"))
            return nil
        }
        var result: [String: YAMLNode] = [:]
        for (key, value) in pairs {
            guard let name = key.scalar else { continue }  // reported by the composer
            if allowed.contains(name) {
                if result[name] == nil { result[name] = value }
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
        if !allowEmpty, text.allSatisfy(\.isWhitespace) {
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

    /// The former home of ``NearestName/nearest(_:among:)``, kept for callers written before it.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        NearestName.nearest(word, among: candidates)
    }
}
