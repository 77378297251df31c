import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand.SourcesCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the catalogued sources.",
            discussion: """
                Example:
                  actorgraph sources list --format json
                """)

        @OptionGroup var location: CatalogueOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let documents = try location.read()
            switch format {
            case .json:
                Output.write(JSONValue.array(documents.map(JSONGraphWriter.source)).pretty())
            case .text:
                var rows = documents.map { document in
                    [document.id, document.file, "\(document.lines)", document.published?.description ?? "",
                     document.summary == nil ? "no" : "yes", document.title]
                }
                // Stubs (made by import) are listed too: LINES says 'stub' until sources add completes them.
                rows += location.stubs().map { [$0.id, $0.file, "stub", "", "", $0.title ?? ""] }
                Output.write(Presentation.table(header: ["ID", "FILE", "LINES", "PUBLISHED", "SUMMARY", "TITLE"], rows: rows), styled: true)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a source's text with line numbers, whole or a cited range.",
            discussion: """
                The text must still match the catalogue's SHA-256, so the numbers are the ones citations mean.

                Example:
                  actorgraph sources show world-2021-friends --lines 12-14 --sources ../shared/seeds
                """)

        @Argument(help: "The source id.")
        var id: String

        @OptionGroup var location: CatalogueOptions

        @Option(help: "Lines to print: A or A-B (1-based, inclusive).")
        var lines: String?

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let documents = try location.read()
            guard let document = documents.first(where: { $0.id == id }) else {
                let nearest = SourceCatalogue.nearest(id, among: documents.map(\.id))
                throw CommandFailure(
                    "error: no source '\(id)' in \(location.catalogue)\nhint: "
                        + (nearest.map { "did you mean '\($0)'?" } ?? "list them with: actorgraph sources list"))
            }
            let path = (location.textsFolder as NSString).appendingPathComponent(document.file)
            guard let bytes = FileBytes.read(path) else {
                throw CommandFailure("error: cannot read the text of '\(id)' at \(path)\nhint: pass --sources with the folder that holds '\(document.file)'")
            }
            let measure = SourceMeasure(bytes)
            guard measure.sha256 == document.sha256 else {
                throw CommandFailure(
                    "error: \(path) changed since it was catalogued (sha256 \(measure.sha256.prefix(12))…, catalogue \(document.sha256.prefix(12))…)\n"
                        + "hint: its line numbers may no longer be the cited ones; run actorgraph sources verify")
            }
            let range = try lineRange(total: measure.lines)
            let textLines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let selected = range.map { (number: $0, text: String(textLines[$0 - 1]).trimmingTrailingCarriageReturn) }
            switch format {
            case .json:
                Output.write(
                    JSONValue.object([
                        ("source", .string(document.id)), ("file", .string(document.file)),
                        ("title", .string(document.title)),
                        ("lines", .array(selected.map { .object([("line", .int($0.number)), ("text", .string($0.text))]) })),
                    ]).pretty())
            case .text:
                let width = "\(range.upperBound)".count
                var output = "\(document.id): \(document.title) (\(document.file), lines \(range.lowerBound)-\(range.upperBound) of \(measure.lines))\n"
                for line in selected {
                    let number = "\(line.number)"
                    output += String(repeating: " ", count: width - number.count) + number + " | " + line.text + "\n"
                }
                Output.write(output)
            }
        }

        private func lineRange(total: Int) throws -> ClosedRange<Int> {
            guard total > 0 else { throw CommandFailure("error: the text of '\(id)' is empty") }
            guard let lines else { return 1...total }
            let parts = lines.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(parts.count), let first = parts.first ?? nil, let last = parts.last ?? nil,
                first >= 1, first <= last
            else {
                throw CommandFailure("error: --lines '\(lines)' is not a line range\nhint: write one line number or a range, e.g. 12 or 12-14")
            }
            guard last <= total else {
                throw CommandFailure("error: --lines \(lines) lies outside '\(id)', which has \(total) lines\nhint: cite lines between 1 and \(total)")
            }
            return first...last
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every catalogued text: present, same SHA-256, same line count.",
            discussion: """
                What 'check --sources' verifies, for the catalogue alone (no graph needed).

                Example:
                  actorgraph sources verify --sources ../shared/seeds
                """)

        @OptionGroup var location: CatalogueOptions

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func run() throws {
            let documents = try location.read()
            let problems = SourceCatalogue.verify(location.catalogue, textsIn: location.textsFolder)
            let missingSummary = documents.filter { $0.summary == nil }.map(\.id)
            let stubs = location.stubs()
            switch format {
            case .json:
                Output.write(
                    JSONValue.object([
                        ("catalogue", .string(location.catalogue)), ("texts", .string(location.textsFolder)),
                        ("sources", .int(documents.count)), ("verified", .bool(problems.isEmpty)),
                        ("without_summary", .array(missingSummary.map { .string($0) })),
                        ("stubs", .array(stubs.map { .string($0.id) })),
                        ("errors", .array(problems.map(GraphJSON.diagnostic))),
                    ]).pretty())
            case .text where problems.isEmpty:
                var output = "\(documents.count) source\(documents.count == 1 ? "" : "s") in \(location.catalogue) verified against \(location.textsFolder): files present, sha256 and line counts match.\n"
                if !missingSummary.isEmpty { output += "No summary yet: \(missingSummary.joined(separator: ", "))\n" }
                for stub in stubs { output += "Stub to complete: \(stub.location): \(stub.id): \(GraphSummary.completion(stub))\n" }
                Output.write(output)
            case .text:
                break
            }
            guard problems.isEmpty else {
                let count = problems.count
                throw CommandFailure(
                    problems.map(\.description).joined(separator: "\n") + "\n\(count) error\(count == 1 ? "" : "s") in the catalogue.")
            }
        }
    }
}

extension String {
    var trimmingTrailingCarriageReturn: String { hasSuffix("\r") ? String(dropLast()) : self }
}
