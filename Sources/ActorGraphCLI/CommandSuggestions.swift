import ActorGraph
import ArgumentParser
import Foundation

/// "Did you mean" for a mistyped subcommand or option, which ArgumentParser reports as unexpected arguments or
/// answers with a far-off option name.
enum CommandSuggestions {
    /// The message for arguments whose first word names no subcommand (`actorgraph neighbours putin`), or `nil`
    /// when the first word is a subcommand, an option or absent.
    static func unknownSubcommand(in arguments: [String], root: any ParsableCommand.Type = ActorGraphCommand.self)
        -> String?
    {
        guard let word = arguments.first, !word.hasPrefix("-"), word != "help" else { return nil }
        let names = subcommands(of: root).map(\.name)
        guard !names.contains(word) else { return nil }
        let rootName = root.configuration.commandName ?? "actorgraph"
        var message = "error: '\(word)' is not an \(rootName) command"
        if let suggestion = nearest(word, among: names) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message + "\n  hint: '\(rootName) --help' lists the commands"
    }

    /// The message for an ArgumentParser error about an unknown option, with the nearest option of the command
    /// the arguments name, or `nil` for any other error.
    static func unknownOption(
        _ error: any Error, arguments: [String], root: any ParsableCommand.Type = ActorGraphCommand.self
    ) -> String? {
        let text = root.message(for: error)
        guard let start = text.range(of: "Unknown option '"),
            let end = text[start.upperBound...].firstIndex(of: "'")
        else { return nil }
        let option = String(text[start.upperBound..<end])
        let (command, path) = command(named: arguments, root: root)
        let options = optionNames(of: command)
        var message = "error: '\(path)' has no option '\(option)'"
        if let reason = reasons[path]?[option] {
            message += ": \(reason)"
        } else if let suggestion = nearest(option, among: options) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message + "\n  hint: '\(path) --help' lists its options"
    }

    /// Why a command lacks an option the other queries have, for the options a user most likely expects there.
    static let reasons: [String: [String: String]] = {
        let dates = "diff takes its dates from --from and --to"
        return [
            "actorgraph diff": [
                "--at": dates, "--between": dates, "--until": dates,
                "--include-undated": "undated relations are never active at a date, so diff never lists them",
                "--directed": "diff compares relations and follows no path",
            ]
        ]
    }()

    /// The closest name within a third of the word's length in edits (at least one), ties by name; or a name the
    /// word starts or ends (`--max` for `--max-length`). `nil` when nothing is that close.
    static func nearest(_ word: String, among names: [String]) -> String? {
        let stripped = { (name: String) in Array(name.drop { $0 == "-" }) }
        let query = stripped(word)
        let limit = max(1, query.count / 3)
        var best: (distance: Int, name: String)?
        for name in names {
            guard let distance = ActorResolver.editDistance(query, stripped(name), limit: limit) else { continue }
            if best.map({ distance < $0.distance || (distance == $0.distance && name < $0.name) }) ?? true {
                best = (distance, name)
            }
        }
        if let best { return best.name }
        let prefixed = names.filter { query.count >= 3 && stripped($0).starts(with: query) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Each subcommand's name and type, hidden ones included (they can still be typed).
    static func subcommands(of command: any ParsableCommand.Type) -> [(name: String, type: any ParsableCommand.Type)] {
        command.configuration.subcommands.map { type in
            (type.configuration.commandName ?? String(describing: type).lowercased(), type)
        }
    }

    /// The deepest subcommand the leading words name, and how it is typed (`actorgraph path`).
    static func command(named arguments: [String], root: any ParsableCommand.Type)
        -> (type: any ParsableCommand.Type, path: String)
    {
        var current = root
        var path = root.configuration.commandName ?? "actorgraph"
        for word in arguments {
            guard !word.hasPrefix("-"), let next = subcommands(of: current).first(where: { $0.name == word }) else {
                break
            }
            current = next.type
            path += " " + next.name
        }
        return (current, path)
    }

    /// The long option names a command's help lists (`--max-length`), in the order it lists them.
    static func optionNames(of command: any ParsableCommand.Type) -> [String] {
        let help = ActorGraphCommand.helpMessage(for: command, columns: 10_000)
        var names: [String] = []
        var index = help.startIndex
        while let range = help[index...].range(of: "--") {
            var end = range.upperBound
            while end < help.endIndex, help[end].isLetter || help[end].isNumber || help[end] == "-" {
                end = help.index(after: end)
            }
            let name = String(help[range.lowerBound..<end])
            if name.count > 2, !names.contains(name) { names.append(name) }
            index = end
        }
        return names
    }
}
