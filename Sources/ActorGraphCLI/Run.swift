import ActorGraph
import ArgumentParser
import Foundation

extension ActorGraphCommand {
    /// Parses the arguments, runs the command and exits, mapping ``CommandFailure`` to its message and status.
    public static func runAndExit(arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try ProgressReporting.$reporter.withValue(TerminalProgress.forStandardError()) { try command.run() }
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            let message = failure.message
            Output.error(message.hasPrefix("error:") || message.contains(": error: ") ? message : "error: " + message)
            Foundation.exit(failure.status)
        } catch {
            exit(withError: error)
        }
    }
}
