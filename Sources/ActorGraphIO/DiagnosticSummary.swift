/// Many diagnostics told by kind: the first of each kind in full, then how many more are like it and where the
/// next few are. Ten thousand rows with the same problem print three lines, not twenty thousand.
public enum DiagnosticSummary {
    /// A message with its particulars taken out: quoted text as `'…'`, numbers as `N`.
    public static func kind(of message: String) -> String {
        var result = ""
        var quoted = false
        var previousDigit = false
        for character in message {
            if character == "'" {
                if !quoted { result += "'…'" }
                quoted.toggle()
                previousDigit = false
                continue
            }
            if quoted { continue }
            if character.isASCII && character.isNumber {
                if !previousDigit { result.append("N") }
                previousDigit = true
            } else {
                result.append(character)
                previousDigit = false
            }
        }
        return result
    }

    /// The diagnostics grouped by ``kind(of:)``, kinds in the order of their first position; each kind's first
    /// diagnostic in full, then a line with the count of the others and the first `examples` of their positions.
    ///
    /// - Complexity: O(diagnostics).
    public static func text(_ diagnostics: [Diagnostic], examples: Int = 3) -> String {
        var order: [String] = []
        var groups: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics.sorted() {
            let key = kind(of: diagnostic.message)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(diagnostic)
        }
        var lines: [String] = []
        for key in order {
            guard let group = groups[key], let first = group.first else { continue }
            lines.append(first.description)
            let others = group.dropFirst()
            guard !others.isEmpty else { continue }
            let shown = others.prefix(examples).map(\.location.description).joined(separator: ", ")
            let rest = others.count - min(others.count, examples)
            lines.append(
                "  … and \(others.count) more like it: \(shown)" + (rest > 0 ? " and \(rest) more" : ""))
        }
        return lines.joined(separator: "\n")
    }

    /// How many kinds `diagnostics` fall into.
    public static func kindCount(_ diagnostics: [Diagnostic]) -> Int {
        Set(diagnostics.map { kind(of: $0.message) }).count
    }
}
