import ActorGraph
import ArgumentParser
import Foundation

extension ActorGraphCommand {
    /// Parses the arguments, runs the command and exits, mapping ``CommandFailure`` to its message and status.
    public static func runAndExit(arguments: [String]? = nil) -> Never {
        // A reader that went away is EPIPE from write(2), which ends the command quietly with status 141 whatever
        // SIGPIPE disposition the parent left us (see StandardStreams).
        signal(SIGPIPE, SIG_IGN)
        let given = arguments ?? Array(CommandLine.arguments.dropFirst())
        if let message = CommandSuggestions.unknownSubcommand(in: given) {
            Output.error(message)
            Foundation.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            try ProgressReporting.$reporter.withValue(TerminalProgress.forStandardError()) { try command.run() }
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            let message = failure.message
            Output.error(message.hasPrefix("error:") || message.contains(": error: ") ? message : "error: " + message)
            Foundation.exit(failure.status)
        } catch {
            if let message = CommandSuggestions.unknownOption(error, arguments: given) {
                Output.error(message)
                Foundation.exit(ExitStatus.usage)
            }
            // ArgumentParser's own exit prints with `print`, whose failures go unseen; ours report them.
            let message = fullMessage(for: error)
            let status = exitCode(for: error).rawValue
            if !message.isEmpty {
                if status == 0 { Output.write(message + "\n") } else { Output.error(message) }
            }
            Foundation.exit(status)
        }
    }
}
