extension ExportOutput {
    /// Writes `text` escaped for XML 1.0 element content or a double-quoted attribute value.
    ///
    /// `&`, `<`, `>` and `"` become entities; tab, LF and CR become character references so that attribute-value
    /// normalisation and line-end handling give them back unchanged. Characters XML 1.0 cannot carry at all
    /// (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF) are dropped: no escape exists for them.
    func write(xml text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: write("&amp;")
            case 0x3C: write("&lt;")
            case 0x3E: write("&gt;")
            case 0x22: write("&quot;")
            case 0x09: write("&#9;")
            case 0x0A: write("&#10;")
            case 0x0D: write("&#13;")
            case 0x00..<0x20, 0xFFFE, 0xFFFF: continue
            default:
                if scalar.isASCII {
                    write(byte: UInt8(scalar.value))
                } else {
                    for unit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() { write(byte: unit) }
                }
            }
        }
    }

    /// ` name="value"` with the value escaped.
    func write(xmlAttribute name: String, _ value: String) {
        write(" ")
        write(name)
        write("=\"")
        write(xml: value)
        write("\"")
    }
}

/// Whether XML 1.0 can carry `text` unchanged (see ``ExportOutput/write(xml:)``).
public enum XMLText {
    public static func isRepresentable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return true
            case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
            default: return true
            }
        }
    }
}
