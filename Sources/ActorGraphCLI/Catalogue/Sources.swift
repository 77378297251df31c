import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand {
    struct SourcesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Catalogue source documents, list them, read cited lines and verify the texts.",
            discussion: """
                The catalogue (default seeds/sources.yaml) names each text a relation cites. The texts live in one \
                folder (--sources DIR, default: the catalogue's folder); an entry's 'file' is the text's path inside \
                it.

                Examples:
                  actorgraph sources list
                  actorgraph sources show world-2021-friends --lines 12-14 --sources ../shared/seeds
                  actorgraph sources verify --sources ../shared/seeds
                """,
            subcommands: [Add.self, List.self, Show.self, Verify.self])
    }
}

/// Where the catalogue and its texts are: shared by the `sources` subcommands.
struct CatalogueOptions: ParsableArguments {
    @Option(help: "The source catalogue.")
    var catalogue: String = "seeds/sources.yaml"

    @Option(help: "Folder of the source texts (default: the catalogue's folder).")
    var sources: String?

    /// The catalogue's stubs (``CatalogueStub``): entries `import` made for texts not catalogued yet.
    func stubs() -> [CatalogueStub] {
        FileBytes.read(catalogue).map { SourceCatalogue.stubs(in: $0, name: catalogue) } ?? []
    }

    var textsFolder: String {
        sources ?? URL(fileURLWithPath: catalogue).deletingLastPathComponent().relativePathFromHere
    }

    func read() throws -> [SourceDocument] {
        do {
            return try SourceCatalogue.read(catalogue)
        } catch {
            throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the catalogue"))
        }
    }
}

extension URL {
    /// The path relative to the working directory when below it, as users type paths; else absolute.
    var relativePathFromHere: String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let path = standardizedFileURL.path
        if path == here { return "." }
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}

extension ActorGraphCommand.SourcesCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a text to the catalogue, computing its SHA-256 and line count.",
            discussion: """
                Writes the entry atomically (the catalogue is created when missing); nothing it can compute is asked \
                for. The id defaults to the file name as a slug, the title to the text's first line with text on it. \
                Add a 'summary' in your own words later; 'check' does not require it.

                The example starts a new catalogue, my-sources.yaml, with one of the seed texts.

                Example:
                  actorgraph sources add ../shared/seeds/001_7d15eccdda874733.txt --sources ../shared/seeds --catalogue my-sources.yaml --published 2021-08 --reliability B
                """)

        @Argument(help: "The text file, inside the sources folder.")
        var file: String

        @OptionGroup var location: CatalogueOptions

        @Option(help: "Source id (default: the file name as a slug).")
        var id: String?

        @Option(help: "Title (default: the first line of the text with text on it).")
        var title: String?

        @Option(help: "Publisher or site.")
        var outlet: String?

        @Option(help: "Author(s) as the document names them.")
        var author: String?

        @Option(help: "Publication date (EDTF: 2021, 2021-08, 2021-08-19, 2023-09?).")
        var published: String?

        @Option(help: "BCP 47 language code (en, ru, pt-BR).")
        var language: String?

        @Option(help: "Where the text was found.")
        var url: String?

        @Option(help: "Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged.")
        var reliability: String?

        @Option(help: "The reason for the reliability, in one sentence.")
        var reliabilityNote: String?

        func run() throws {
            guard let bytes = FileBytes.read(file) else {
                throw CommandFailure("error: cannot read '\(file)'\nhint: give the path of a text file")
            }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                throw CommandFailure("error: '\(file)' is not UTF-8 text\nhint: convert it first, e.g. iconv -t UTF-8")
            }
            let relative = try pathInsideTexts()
            let measure = SourceMeasure(bytes)
            let entryID = try id ?? defaultID(relative)
            if let problem = Identifier.problem(with: entryID) {
                throw CommandFailure("error: source id '\(entryID)' \(problem)\nhint: ids look like 'dw-2021-kabul'")
            }
            var date: EDTFDate?
            if let published {
                switch EDTFDate.parse(published) {
                case .success(let value): date = value
                case .failure(let error):
                    throw CommandFailure("error: --published '\(published)': \(error.message)\nhint: \(EDTFError.help)")
                }
            }
            if let language, language.isEmpty || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                throw CommandFailure("error: --language '\(language)' is not a BCP 47 code\nhint: write e.g. 'en', 'ru' or 'pt-BR'")
            }
            var grade: SourceReliability?
            if let reliability {
                guard let value = SourceReliability(rawValue: reliability.uppercased()) else {
                    throw CommandFailure(
                        "error: --reliability '\(reliability)' is not A-F\nhint: A completely reliable, B usually reliable, "
                            + "C fairly reliable, D not usually reliable, E unreliable, F cannot be judged")
                }
                grade = value
            }
            if reliabilityNote != nil && grade == nil {
                throw CommandFailure("error: --reliability-note goes with --reliability\nhint: give the grade, e.g. --reliability B")
            }
            let firstLine = SourceCatalogue.firstTextLine(bytes)
            guard let entryTitle = title ?? firstLine?.text else {
                throw CommandFailure("error: '\(file)' holds no text to take a title from\nhint: give --title")
            }
            var entry = SourceDocument(
                id: entryID, file: relative, title: entryTitle, outlet: outlet, author: author, published: date,
                url: url, language: language, sha256: measure.sha256, lines: measure.lines, summary: nil)
            entry.reliability = grade
            entry.reliabilityNote = reliabilityNote
            let catalogue = location.catalogue
            let existing = FileManager.default.fileExists(atPath: catalogue) ? FileBytes.read(catalogue) : nil
            let updated: [UInt8]
            do throws(DiagnosticsError) {
                updated = try SourceCatalogue.appending(entry, to: existing, name: catalogue)
                // The result must read back as a catalogue holding the new entry, or nothing is written.
                let check = try GraphLoader.load(files: [], catalogue: (catalogue, updated), sourceTexts: nil).sources
                guard check.contains(entry) else {
                    throw DiagnosticsError([Diagnostic(SourceLocation(file: catalogue, line: 0, column: 0), "the new entry did not read back unchanged")])
                }
            } catch {
                throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the catalogue").replacingOccurrences(of: "nothing was loaded", with: "nothing was written"))
            }
            let folder = URL(fileURLWithPath: catalogue).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Output.writeFiles([(catalogue, { $0.write(updated) })], protecting: [file])
            var message = "added source '\(entryID)' to \(catalogue): \(relative), \(measure.lines) lines, sha256 \(measure.sha256.prefix(12))…"
            if title == nil, let firstLine { message += "\n  title taken from line \(firstLine.line): \(entryTitle)" }
            message += "\n  cite it as {source: \(entryID), lines: \"A-B\"}; add a summary in your own words when you can"
            Output.write(message + "\n")
        }

        /// The file's path inside the texts folder, as the entry's `file` names it.
        private func pathInsideTexts() throws -> String {
            let folder = URL(fileURLWithPath: location.textsFolder).standardizedFileURL.path
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            guard path.hasPrefix(folder + "/") else {
                throw CommandFailure(
                    "error: '\(file)' is not inside the sources folder '\(location.textsFolder)'\n"
                        + "hint: copy it there, or pass --sources with the folder that holds it (check --sources must find it too)")
            }
            return String(path.dropFirst(folder.count + 1))
        }

        private func defaultID(_ relative: String) throws -> String {
            let name = (relative as NSString).deletingPathExtension
            guard let slug = SourceCatalogue.slug((name as NSString).lastPathComponent) else {
                throw CommandFailure("error: cannot make an id from the file name '\(relative)'\nhint: give --id")
            }
            return slug
        }
    }
}
