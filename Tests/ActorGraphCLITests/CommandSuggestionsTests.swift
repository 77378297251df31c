import ArgumentParser
import Foundation
import Testing

@testable import ActorGraphCLI

@Suite("Did you mean: mistyped commands and options")
struct CommandSuggestionsTests {
    @Test func aMistypedCommandIsNamedWithTheNearestOne() {
        #expect(
            CommandSuggestions.unknownSubcommand(in: ["neighbours", "putin"]) == """
                error: 'neighbours' is not an actorgraph command; did you mean 'neighbors'?
                  hint: 'actorgraph --help' lists the commands
                """)
        #expect(
            CommandSuggestions.unknownSubcommand(in: ["pth", "putin", "al-qaeda"]) == """
                error: 'pth' is not an actorgraph command; did you mean 'path'?
                  hint: 'actorgraph --help' lists the commands
                """)
        // Nothing close: no guess.
        #expect(
            CommandSuggestions.unknownSubcommand(in: ["frobnicate"]) == """
                error: 'frobnicate' is not an actorgraph command
                  hint: 'actorgraph --help' lists the commands
                """)
    }

    @Test func knownCommandsOptionsAndHelpAreLeftToTheParser() {
        #expect(CommandSuggestions.unknownSubcommand(in: ["path", "putin", "al-qaeda"]) == nil)
        #expect(CommandSuggestions.unknownSubcommand(in: ["--help"]) == nil)
        #expect(CommandSuggestions.unknownSubcommand(in: ["help", "path"]) == nil)
        #expect(CommandSuggestions.unknownSubcommand(in: []) == nil)
    }

    @Test func aMistypedOptionIsNamedWithTheNearestOptionOfThatCommand() throws {
        let arguments = ["path", "putin", "al-qaeda", "--max-lenght", "3"]
        let error = try #require(parseError(arguments))
        #expect(
            CommandSuggestions.unknownOption(error, arguments: arguments) == """
                error: 'actorgraph path' has no option '--max-lenght'; did you mean '--max-length'?
                  hint: 'actorgraph path --help' lists its options
                """)
    }

    @Test func aFarOffOptionGetsNoGuess() throws {
        // ArgumentParser's own guess for `--via` was `--all`, which means something else entirely.
        let arguments = ["path", "putin", "al-qaeda", "--via", "china"]
        let error = try #require(parseError(arguments))
        #expect(
            CommandSuggestions.unknownOption(error, arguments: arguments) == """
                error: 'actorgraph path' has no option '--via'
                  hint: 'actorgraph path --help' lists its options
                """)
    }

    @Test func otherParseErrorsAreNotRewritten() throws {
        let arguments = ["path", "putin"]
        let error = try #require(parseError(arguments))
        #expect(CommandSuggestions.unknownOption(error, arguments: arguments) == nil)
    }

    @Test func theOptionsOfACommandAreReadFromItsHelp() {
        let options = CommandSuggestions.optionNames(of: ActorGraphCommand.ExportCommand.self)
        #expect(options.contains("--format"))
        #expect(options.contains("--symmetric-edges"))
        #expect(!options.contains("--max-length"))
    }

    @Test func theBuiltCommandSuggestsAndExitsWithUsageStatus() throws {
        let result = try runActorGraph(["neighbours", "putin"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: 'neighbours' is not an actorgraph command; did you mean 'neighbors'?
              hint: 'actorgraph --help' lists the commands

            """)
    }

    private func parseError(_ arguments: [String]) -> (any Error)? {
        do {
            _ = try ActorGraphCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return error
        }
    }
}
