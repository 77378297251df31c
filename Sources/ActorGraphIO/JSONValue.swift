/// A JSON value with ordered object keys, written deterministically: the same value gives the same bytes.
///
/// Foundation's `JSONSerialization` orders keys by hash and `JSONEncoder` only alphabetically; documented shapes
/// read better in the order the docs give, so output is written here.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compact() == rhs.compact() }
    public func hash(into hasher: inout Hasher) { hasher.combine(compact()) }

    public static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// One line, no spaces: for JSON Lines.
    public func compact() -> String {
        var output = ""
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Two-space indentation, one element per line, newline at the end.
    public func pretty() -> String {
        var output = ""
        write(to: &output, indent: "  ", level: 0)
        output.append("\n")
        return output
    }

    /// ``pretty()`` as it reads nested `level` deep in a pretty document: lines after the first indented by `level`
    /// steps, no newline at the end.
    public func pretty(level: Int) -> String {
        var output = ""
        write(to: &output, indent: "  ", level: level)
        return output
    }

    private func write(to output: inout String, indent: String?, level: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .int(let value): output.append(String(value))
        case .double(let value):
            if value.isFinite {
                output.append(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value))
            } else {
                output.append("null")
            }
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let items):
            if items.isEmpty { output.append("[]"); return }
            output.append("[")
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(",") }
                newline(&output, indent, level + 1)
                item.write(to: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent, level)
            output.append("]")
        case .object(let members):
            if members.isEmpty { output.append("{}"); return }
            output.append("{")
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output.append(",") }
                newline(&output, indent, level + 1)
                Self.writeString(key, to: &output)
                output.append(indent == nil ? ":" : ": ")
                value.write(to: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent, level)
            output.append("}")
        }
    }

    private func newline(_ output: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        output.append("\n")
        for _ in 0..<level { output.append(indent) }
    }

    /// RFC 8259 escaping: quote, backslash and control characters; everything else as UTF-8.
    public static func writeString(_ value: String, to output: inout String) {
        output.append("\"")
        // Most strings need no escape: append them whole (0xE2 leads U+2028 and U+2029, so it takes the long way).
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) {
            output.append(value)
            output.append("\"")
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let digits = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - digits.count) + digits)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
