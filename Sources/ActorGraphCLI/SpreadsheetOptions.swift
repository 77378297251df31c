import ActorGraphIO
import ArgumentParser

/// `--safe-spreadsheet` / `--no-safe-spreadsheet` for every command that writes CSV or TSV: on unless turned off, so
/// a file opened in a spreadsheet never runs a cell as a formula (issue 17, item 11).
struct SpreadsheetOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "With CSV or TSV output: prefix with ' each text cell starting with =, +, -, @, tab or CR (default: on).",
            discussion: """
                A spreadsheet then shows the cell as text instead of running it as a formula; a number such as \
                -12.5 stays as it is. An import keeps the quote, so use --no-safe-spreadsheet for a file meant \
                for ActorGraph, a program or a database rather than for people.
                """))
    var safeSpreadsheet: Bool?

    /// Whether cells are neutralised: on unless `--no-safe-spreadsheet`.
    var neutralises: Bool { safeSpreadsheet ?? true }

    /// CSV (or `base`) cell options with neutralisation as chosen.
    func options(_ base: DelimitedTextOptions = .csv) -> DelimitedTextOptions {
        var options = base
        options.safeSpreadsheet = neutralises
        return options
    }

    /// Refuses the flag, either way, with an output that is not CSV or TSV.
    func validate(writesDelimitedText: Bool, formats: String) throws {
        guard safeSpreadsheet != nil, !writesDelimitedText else { return }
        let flag = safeSpreadsheet == true ? "--safe-spreadsheet" : "--no-safe-spreadsheet"
        throw ValidationError("\(flag) goes with \(formats)")
    }
}
