extension JSONValue {
    /// ``pretty()``'s UTF-8 bytes, written straight into a byte array (the explorer's answers): the same bytes as
    /// `Array(pretty().utf8)`, without growing a `String` a few characters at a time and copying it out.
    public func prettyBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        writeBytes(to: &output, level: 0)
        output.append(0x0A)
        return output
    }

    private func writeBytes(to output: inout [UInt8], level: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): Self.appendDecimal(value, to: &output)
        case .double, .string:
            // A double as `compact()` writes it; a string escaped by ``writeString(_:to:)`` unless it needs no escape.
            if case .string(let value) = self, Self.needsNoEscape(value) {
                output.append(0x22)
                output.append(contentsOf: value.utf8)
                output.append(0x22)
            } else {
                output.append(contentsOf: compact().utf8)
            }
        case .array(let items):
            if items.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(0x5B)
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(0x2C) }
                Self.newline(&output, level + 1)
                item.writeBytes(to: &output, level: level + 1)
            }
            Self.newline(&output, level)
            output.append(0x5D)
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(0x7B)
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output.append(0x2C) }
                Self.newline(&output, level + 1)
                JSONValue.string(key).writeBytes(to: &output, level: level + 1)
                output.append(0x3A)
                output.append(0x20)
                value.writeBytes(to: &output, level: level + 1)
            }
            Self.newline(&output, level)
            output.append(0x7D)
        }
    }

    /// The rule of ``writeString(_:to:)``'s fast path: no quote, backslash or control character, and no 0xE2 byte
    /// (which leads U+2028 and U+2029).
    private static func needsNoEscape(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
    }

    private static func newline(_ output: inout [UInt8], _ level: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 0, value < 10 {
            output.append(0x30 + UInt8(value))
        } else {
            output.append(contentsOf: String(value).utf8)
        }
    }
}
