import Glibc

/// The child side of `IsolatedRenderer`: reads DOT from standard input, renders it in process and
/// writes the bytes to standard output.
///
/// Protocol (both sides live in this module, see `WorkerProtocol`):
/// - arguments: the layout and the format, chosen by the parent;
/// - standard input: the DOT text, UTF-8, until end of file;
/// - standard output: the rendered bytes; exit status 0 on success;
/// - standard error: `#stage <stage>` before each stage, Graphviz's messages as they arrive, and
///   on failure `#error <stage>` followed by the message until end of file, with exit status 1.
public enum RenderWorker {
    /// Runs one render over the standard streams and returns the process exit status.
    public static func run(layout: GraphvizLayout, format: GraphvizFormat) -> Int32 {
        WorkerGroups.watchParent()
        guard let input = readStandardInput() else {
            return fail(GraphvizError(stage: .worker, message: "could not read the DOT from standard input"))
        }
        guard let dot = String(validating: input, as: UTF8.self) else {
            return fail(GraphvizError(stage: .parse, message: "the DOT text is not valid UTF-8"))
        }
        let bytes: [UInt8]
        do {
            bytes = try GraphvizLibrary.withLock { () throws(GraphvizError) -> [UInt8] in
                GraphvizLibrary.mirrorsMessagesToStandardError = true
                defer { GraphvizLibrary.mirrorsMessagesToStandardError = false }
                return try GraphvizRenderer().renderLocked(dot: dot, layout: layout, format: format) { stage in
                    writeStandardError(WorkerProtocol.stageLine(stage))
                }
            }
        } catch {
            return fail(error)
        }
        let wrote = bytes.withUnsafeBytes { writeAll(fileDescriptor: 1, bytes: $0) }
        return wrote ? 0 : 1
    }

    private static func fail(_ error: GraphvizError) -> Int32 {
        writeStandardError(WorkerProtocol.errorHeader(error.stage) + error.message)
        return 1
    }

    private static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { _ = writeAll(fileDescriptor: 2, bytes: UnsafeRawBufferPointer($0)) }
    }

    private static func readStandardInput() -> [UInt8]? {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count == 0 { return result }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

/// The stderr markers shared by `RenderWorker` and `IsolatedRenderer`.
enum WorkerProtocol {
    static let stagePrefix = "#stage "
    static let errorPrefix = "#error "

    static func stageLine(_ stage: GraphvizError.Stage) -> String { "\n\(stagePrefix)\(stage.rawValue)\n" }
    static func errorHeader(_ stage: GraphvizError.Stage) -> String { "\n\(errorPrefix)\(stage.rawValue)\n" }

    /// What a worker's standard error says.
    struct Report: Equatable {
        /// The last stage the worker announced.
        var lastStage: GraphvizError.Stage?
        /// The stage and message of the worker's error report, if it wrote one.
        var error: (stage: GraphvizError.Stage, message: String)?
        /// Everything else: Graphviz's messages and whatever else wrote to standard error.
        var otherText: String

        static func == (left: Report, right: Report) -> Bool {
            left.lastStage == right.lastStage && left.error?.stage == right.error?.stage
                && left.error?.message == right.error?.message && left.otherText == right.otherText
        }
    }

    private static func stage(after prefix: String, in line: Substring) -> GraphvizError.Stage? {
        guard line.hasPrefix(prefix) else { return nil }
        return GraphvizError.Stage(rawValue: String(line.dropFirst(prefix.count)))
    }

    static func parse(standardError bytes: [UInt8]) -> Report {
        let text = String(decoding: bytes, as: UTF8.self)
        var report = Report(lastStage: nil, error: nil, otherText: "")
        var otherLines: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if let stage = stage(after: stagePrefix, in: line) {
                report.lastStage = stage
            } else if let stage = stage(after: errorPrefix, in: line) {
                let message = lines.joined(separator: "\n").trimmingWhitespace()
                report.error = (stage, message)
                break
            } else {
                otherLines.append(line)
            }
        }
        report.otherText = otherLines.joined(separator: "\n").trimmingWhitespace()
        return report
    }
}
