import ArgumentParser
import ActorGraphTestSupport
import Foundation
import Testing

@testable import ActorGraphCLI

/// Every example in every help text runs as written, against the seed graph, in a folder laid out as a user's
/// checkout is (`graphs/`, `seeds/`, and the source texts at `../shared/seeds` when this machine has them).
@Suite("Help examples run as written")
struct HelpExamplesTests {
    /// Commands whose examples cannot run in a test: `serve` starts a server that runs until stopped.
    static let notRunnable: Set<String> = ["serve"]

    @Test func everyExampleOfEveryCommandRuns() throws {
        let examples = Self.examples()
        #expect(examples.count >= 20, "expected the examples of every command, found \(examples.count)")
        let folder = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for example in examples {
            let words = try #require(Self.words(example.line), "cannot split: \(example.line)")
            guard words.first == "actorgraph" else { continue }
            if words.contains(where: { $0.contains("../shared/seeds") }),
                !FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("../shared/seeds").path)
            {
                continue  // The texts are not on this machine: CI has them, and there this example runs.
            }
            let result = try runActorGraph(Array(words.dropFirst()), in: folder)
            #expect(
                result.status == 0,
                "`\(example.line)` (from `\(example.command) --help`) exited \(result.status): \(result.stderr)")
        }
    }

    @Test func theSplitterReadsQuotesAndContinuations() {
        #expect(Self.words(#"actorgraph show "zamir kabulov" --x 'a b'"#) == ["actorgraph", "show", "zamir kabulov", "--x", "a b"])
        #expect(Self.words("actorgraph path a b \\\n  --possibly") == ["actorgraph", "path", "a", "b", "--possibly"])
        #expect(Self.words(#"actorgraph show "open"#) == nil)
    }

    @Test func examplesAreFoundInEveryHelpText() {
        let lines = Self.examples().map(\.line)
        #expect(lines.contains("actorgraph path putin al-qaeda"))
        #expect(lines.contains { $0.hasPrefix("actorgraph import edges.csv") && $0.contains("-o graphs/imported.yaml") })
    }

    /// The example lines of every command's help (`Example:` / `Examples:` blocks), continuations joined.
    static func examples() -> [(command: String, line: String)] {
        var found: [(String, String)] = []
        func visit(_ type: any ParsableCommand.Type, path: String) {
            let name = type.configuration.commandName ?? String(describing: type).lowercased()
            let commandPath = path.isEmpty ? name : path + " " + name
            if !notRunnable.contains(name) {
                let help = ActorGraphCommand.helpMessage(for: type, columns: 10_000)
                var inExamples = false
                var pending = ""
                for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed == "Example:" || trimmed == "Examples:" {
                        inExamples = true
                        continue
                    }
                    guard inExamples else { continue }
                    if trimmed.isEmpty || !(line.hasPrefix(" ") || !pending.isEmpty) {
                        inExamples = !trimmed.isEmpty
                        continue
                    }
                    pending += (pending.isEmpty ? "" : " ") + trimmed
                    if pending.hasSuffix("\\") {
                        pending.removeLast()
                        pending = pending.trimmingCharacters(in: .whitespaces)
                        continue
                    }
                    if pending.hasPrefix("actorgraph ") { found.append((commandPath, pending)) }
                    pending = ""
                }
            }
            for child in type.configuration.subcommands { visit(child, path: commandPath) }
        }
        visit(ActorGraphCommand.self, path: "")
        return found
    }

    /// Shell words: spaces separate, single and double quotes group, a backslash before a newline continues.
    /// `nil` for an unterminated quote.
    static func words(_ line: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == "\\", characters.first == "\n" {
                characters.removeFirst()
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { return nil }
        if inWord { words.append(current) }
        return words
    }

    /// `<tmp>/work` with the seed graph and catalogue, the inputs the examples name, and `<tmp>/shared/seeds`
    /// pointing at this checkout's `../shared/seeds` when there is one.
    static func workFolder() throws -> URL {
        let top = try temporaryFolder()
        let work = top.appendingPathComponent("work")
        let files = FileManager.default
        try files.createDirectory(at: work, withIntermediateDirectories: true)
        for folder in ["graphs", "seeds"] {
            try files.copyItem(at: packageRoot.appendingPathComponent(folder), to: work.appendingPathComponent(folder))
        }
        // An analyst's spreadsheet and report for `import`'s example, catalogued as `my-report`; the report sits
        // beside the seed texts, so `check --sources` finds every catalogued text.
        let report = "A field report.\nTwo lines of it.\n"
        try Data(report.utf8).write(to: work.appendingPathComponent("my-report.txt"))
        let shared = packageRoot.appendingPathComponent("../shared/seeds").standardizedFileURL
        if files.fileExists(atPath: shared.path) {
            let texts = top.appendingPathComponent("shared/seeds")
            try files.createDirectory(at: texts, withIntermediateDirectories: true)
            // Copies, not links: a catalogued text must lie inside the --sources folder.
            for name in try files.contentsOfDirectory(atPath: shared.path) {
                try files.copyItem(at: shared.appendingPathComponent(name), to: texts.appendingPathComponent(name))
            }
            try files.copyItem(at: work.appendingPathComponent("my-report.txt"), to: texts.appendingPathComponent("my-report.txt"))
        }
        try Data("from,to,type,date\nkabul-office,herat-office,meets,2023-05\n".utf8)
            .write(to: work.appendingPathComponent("edges.csv"))
        try Data("id,name,kind\nkabul-office,Kabul Office,group\nherat-office,Herat Office,group\n".utf8)
            .write(to: work.appendingPathComponent("actors.csv"))
        // `import`'s spreadsheet example reads the analyst's file of the import fixtures.
        try files.copyItem(
            at: packageRoot.appendingPathComponent("Tests/ActorGraphIOTests/Fixtures/import/analyst.csv"),
            to: work.appendingPathComponent("analyst.csv"))
        var catalogue = try String(contentsOf: work.appendingPathComponent("seeds/sources.yaml"), encoding: .utf8)
        catalogue += """

              - id: my-report
                file: my-report.txt
                title: A field report
                language: en
                sha256: \(try sha256(of: work.appendingPathComponent("my-report.txt")))
                lines: 2
                summary: The analyst's own notes.

            """
        try Data(catalogue.utf8).write(to: work.appendingPathComponent("seeds/sources.yaml"))
        // `compile`'s example reads an event-style edge list.
        let generated = try runActorGraph(
            ["generate", "--actors", "200", "--relations", "1000", "--seed", "3", "--format", "csv", "-o", "events.csv"],
            in: work)
        guard generated.status == 0 else { throw HelpExampleSetupFailure(message: generated.stderr) }
        return work
    }

    /// The file's SHA-256 in hex, from coreutils' `sha256sum` (the test target does not link a hash library).
    static func sha256(of file: URL) throws -> String {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", file.path])
        guard result.status == 0, let hex = result.stdout.split(separator: " ").first else {
            throw HelpExampleSetupFailure(message: "sha256sum failed: \(result.stderr)")
        }
        return String(hex)
    }

    struct HelpExampleSetupFailure: Error { let message: String }
}
