import Foundation
import Testing

/// Golden files: expected output kept in the source tree and reviewed like code.
///
/// `RECORD_GOLDEN=1 swift test` rewrites each compared file and fails the comparison (as swift-argument-parser's
/// `assertSnapshot` does), so a recording run never passes: review the diff, then run the tests again.
public enum Golden {
    /// Whether this run records.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Expects `actual` to equal the file at `url`; records it instead when ``isRecording``, failing the test.
    public static func expect(
        _ actual: String, matches url: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expect(Array(actual.utf8), matches: url, sourceLocation: sourceLocation)
    }

    /// Expects `actual` to equal the bytes of the file at `url`; records it instead when ``isRecording``, failing
    /// the test.
    public static func expect(
        _ actual: [UInt8], matches url: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual).write(to: url)
                Issue.record(
                    "recorded \(url.path); review the diff and run the tests again without RECORD_GOLDEN",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(url.path); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = [UInt8](data)
        guard expected != actual else { return }
        let difference =
            firstDifference(String(decoding: expected, as: UTF8.self), String(decoding: actual, as: UTF8.self))
            ?? "(in bytes that are not UTF-8)"
        let message =
            "\(url.lastPathComponent) differs from its golden file \(difference)\n"
            + "rerun with RECORD_GOLDEN=1 and review the diff"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// Where two texts first differ, by line, or `nil` when they are equal.
    public static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for line in 0..<max(expectedLines.count, actualLines.count) {
            let wanted = line < expectedLines.count ? String(expectedLines[line]) : "(end of file)"
            let found = line < actualLines.count ? String(actualLines[line]) : "(end of output)"
            if wanted != found {
                return "at line \(line + 1):\n  expected: \(wanted.debugDescription)\n  actual:   \(found.debugDescription)"
            }
        }
        return "(in line endings)"
    }
}
