/// A place in an input file: 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, or just `FILE` for a problem with the file as a whole (line 0).
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem in an input file, printed as `FILE:LINE:COLUMN: error: MESSAGE` with an optional hint line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Every problem found in a set of inputs, reported together.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Problems found beyond a reader's limit and left out; the last diagnostic then says how many.
    public var notShown = 0

    /// Every problem found: those listed (less the one saying how many are not shown) and those left out.
    public var total: Int { diagnostics.count + (notShown > 0 ? notShown - 1 : 0) }

    public init(_ diagnostics: [Diagnostic], notShown: Int = 0) {
        self.diagnostics = diagnostics.sorted()
        self.notShown = notShown
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
