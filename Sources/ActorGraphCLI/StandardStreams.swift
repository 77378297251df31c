import ActorGraphIO
import Foundation

/// Standard output and error written with `write(2)`: a full disk or a closed reader ends the command with a
/// status instead of a trap inside Foundation's `FileHandle.write`.
enum StandardStreams {
    /// Writes `bytes` to descriptor 1 or 2. A reader that went away ends the command quietly; any other failure
    /// is reported on standard error (when that is the working one) and ends it with status 5.
    static func send(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let code = DescriptorWrite.writeAll(descriptor, buffer) else { return }
        if code == EPIPE { Foundation.exit(ExitStatus.brokenPipe) }
        if descriptor == 1 {
            let message = "error: cannot write to standard output: \(DescriptorWrite.reason(code))\n"
            _ = DescriptorWrite.writeAll(2, Array(message.utf8))
        }
        Foundation.exit(ExitStatus.writeFailure)
    }

    static func send(_ text: String, to descriptor: Int32, coloured: Bool = false) {
        var text = isTerminal(descriptor) ? escapingControls(text) : text
        // After the escaping: the colours' own escape sequences are the only ones that reach the terminal.
        if coloured { text = TerminalColour.apply(text) }
        text.withUTF8 { send(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    private static let terminals = (output: isatty(1) != 0, error: isatty(2) != 0)

    static func isTerminal(_ descriptor: Int32) -> Bool {
        descriptor == 1 ? terminals.output : descriptor == 2 ? terminals.error : false
    }

    /// Control characters other than newline and tab as visible `\x1B` / `\u0085`: a name from a CSV file must
    /// not retitle the terminal or clear the screen.
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u00" + hex
        }
        return result
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
