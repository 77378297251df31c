import ActorGraphIO
import Foundation

/// Writes to standard output and error with `write(2)` (see ``StandardStreams``), and files atomically.
public enum Output {
    public static func write(_ text: String) {
        StandardStreams.send(text, to: 1)
    }

    /// Writes a text answer, coloured on a terminal (``TerminalColour``); `styled: false` (a JSON or CSV answer)
    /// writes it as ``write(_:)`` does.
    public static func write(_ text: String, styled: Bool) {
        StandardStreams.send(text, to: 1, coloured: styled && TerminalColour.enabled)
    }

    public static func error(_ text: String) {
        StandardStreams.send(text.hasSuffix("\n") ? text : text + "\n", to: 2)
    }

    /// Writes `body`'s output to `path` atomically (temporary file, then rename), or to standard output when
    /// `path` is `nil` or `-`. Writing over one of `inputs` is refused; a failure leaves the target untouched.
    static func writeFile(to path: String?, protecting inputs: [String], _ body: (ExportOutput) throws -> Void) throws {
        guard let path, path != "-" else {
            let output = ExportOutput()
            try body(output)
            output.bytes.withUnsafeBytes { StandardStreams.send($0, to: 1) }
            return
        }
        try withoutActuallyEscaping(body) { body in try writeFiles([(path, body)], protecting: inputs) }
    }

    /// Writes several files all or nothing: every temporary first, then the renames.
    static func writeFiles(_ files: [(path: String, body: (ExportOutput) throws -> Void)], protecting inputs: [String]) throws {
        let group = AtomicFileGroup(protecting: inputs)
        do {
            for (path, body) in files { try body(try group.create(path)) }
            try group.commit()
        } catch let failure as AtomicFileGroup.Failure {
            throw CommandFailure("error: \(failure)", status: ExitStatus.writeFailure)
        }
    }
}
