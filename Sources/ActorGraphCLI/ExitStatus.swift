import Foundation

/// Every exit status `actorgraph` uses, in one table (README "Exit statuses"; docs/QUERIES.md for the queries).
public enum ExitStatus {
    /// Problems in the graph files or other failures.
    public static let failure: Int32 = 1
    /// An actor reference that is unknown or ambiguous.
    public static let badActorReference: Int32 = 2
    /// A query with no answer (no path).
    public static let noResult: Int32 = 3
    /// The renderer crashed, ran out of time or reported a Graphviz error.
    public static let renderFailure: Int32 = 4
    /// An output file, standard output or standard error could not be written.
    public static let writeFailure: Int32 = 5
    /// A query stopped by its `--timeout` (what it had found is marked incomplete; nothing partial is written).
    public static let timedOut: Int32 = 6
    /// A query stopped by SIGINT or SIGTERM exits with 128 + the signal's number (130, 143), as a shell reports a
    /// command the signal ended, after closing what it was printing.
    public static func interrupted(by signal: Int32) -> Int32 { 128 + signal }
    /// Bad command-line usage; ArgumentParser's own validation errors exit with it too.
    public static let usage: Int32 = 64
    /// A filter value that cannot be used: a bad date, `A..B` with B before A, an unknown type, category or
    /// kind, a bad grade, an avoided actor that is also an end of the query.
    public static let badFilter: Int32 = 65
    /// FROM and TO name the same actor.
    public static let sameActor: Int32 = 66
    /// Standard output's reader went away: the command stops quietly, as one ended by SIGPIPE would (128 + 13).
    public static let brokenPipe: Int32 = 141
}

/// An error the CLI reports as one message on standard error, then exits with `status`.
public struct CommandFailure: Error, CustomStringConvertible {
    public var message: String
    public var status: Int32

    public init(_ message: String, status: Int32 = ExitStatus.failure) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
