import Foundation

/// Colour for a text answer read on a terminal: headings bold, `denied` red, `claimed` yellow, `[unsourced]` magenta,
/// time marks and left-out notices dim. On only when standard output is a terminal, `NO_COLOR` is unset or empty
/// (no-color.org) and `TERM` is not `dumb`; JSON, CSV, DOT and anything piped or redirected stay plain.
/// The text is coloured after it is written, so the presenters stay plain and every answer looks the same piped.
enum TerminalColour {
    static let bold = "\u{1B}[1m", dim = "\u{1B}[2m", red = "\u{1B}[31m", yellow = "\u{1B}[33m"
    static let magenta = "\u{1B}[35m", reset = "\u{1B}[0m"

    /// Whether text for `descriptor` is coloured in this process.
    static let enabled: Bool = wanted(isTerminal: isatty(1) != 0, environment: ProcessInfo.processInfo.environment)

    static func wanted(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// `text` with escape sequences added: a table's header row bold and its rule dim, the first line and section
    /// headings (`Roles`, `Relations (12)`) bold, statuses coloured where an answer states them.
    static func apply(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inTable = false
        for index in lines.indices {
            let line = lines[index]
            if isRule(line) {
                lines[index] = dim + line + reset
                if index > 0 { lines[index - 1] = bold + plain(lines[index - 1]) + reset }
                inTable = true
                continue
            }
            if line.isEmpty { inTable = false; continue }
            if (index == 0 && isTitle(line)) || isSectionHeading(line) {
                lines[index] = bold + line + reset
                continue
            }
            lines[index] = statuses(line, inTable: inTable)
        }
        return lines.joined(separator: "\n")
    }

    /// `----  -----` under a table's header.
    static func isRule(_ line: String) -> Bool {
        line.first == "-" && line.allSatisfy { $0 == "-" || $0 == " " } && line.contains("--")
    }

    /// An answer's first line names what it answers (`Vladimir Putin  [putin]`, `Russia to Taliban: 2 steps…`); a
    /// timeline row (a date first) or a notice is not a title.
    static func isTitle(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return CharacterSet.letters.contains(first) && !line.contains("—")
    }

    /// `Roles`, `Relations (12)`: a short unindented line of words, perhaps with a count.
    static func isSectionHeading(_ line: String) -> Bool {
        line.range(of: #"^[A-Z][a-z]+( [a-z]+)*( \(\d+\))?$"#, options: .regularExpression) != nil && line.count <= 40
    }

    private static func plain(_ line: String) -> String {
        line.replacingOccurrences(of: bold, with: "").replacingOccurrences(of: reset, with: "")
    }

    /// Statuses in `{…}` evidence, in a table's status column, and the marks and notices of time filters.
    static func statuses(_ line: String, inTable: Bool) -> String {
        var line = line
        line = line.replacingOccurrences(of: "{denied", with: "{" + red + "denied" + reset)
        line = line.replacingOccurrences(of: "{claimed", with: "{" + yellow + "claimed" + reset)
        line = line.replacingOccurrences(of: "[unsourced]", with: magenta + "[unsourced]" + reset)
        line = line.replacingOccurrences(of: "{possibly}", with: dim + "{possibly}" + reset)
        line = line.replacingOccurrences(of: "{undated}", with: dim + "{undated}" + reset)
        if inTable {
            line = line.replacingOccurrences(
                of: #"(?<=  )denied\b"#, with: red + "denied" + reset, options: .regularExpression)
            line = line.replacingOccurrences(
                of: #"(?<=  )claimed\b"#, with: yellow + "claimed" + reset, options: .regularExpression)
        }
        if line.hasPrefix("(+") && line.hasSuffix(")") { line = dim + line + reset }
        return line
    }
}
