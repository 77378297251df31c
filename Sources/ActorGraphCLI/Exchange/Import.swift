import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand {
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert a spreadsheet or a CSV/TSV edge list (and an actor list) into a graph file.",
            discussion: """
                Ends are names or ids: a name is resolved against the actors of --graph (default: the graphs \
                folder, when it holds graph files), the actor list and the actors made so far, ignoring case, diacritics \
                and punctuation; a name nothing answers to makes a new actor with an id made from it (kind from a \
                source_kind/target_kind column or --default-kind). Dates may be EDTF or written as people do \
                (Aug 2021, 17/08/2021, c. 2023, ~2023, 2021-): every conversion is listed. An empty type cell is \
                an error of its row unless --default-type gives one (each row it fills is listed). A document column \
                (--source-column, default source_doc or document) becomes a citation of the catalogue entry it \
                names (one not catalogued yet is kept as the attribute 'document', listed, and gets a stub in the \
                catalogue, unless --no-stubs, that 'sources add' completes and 'check' lists); a notes or comment \
                column is the note. Rows without a citation load as unsourced \
                sketches. Columns match case-insensitively, with synonyms (from/to, actor1/actor2, relationship, \
                when, notes, comment); the separator (, ; or tab) is sniffed. Duplicate rows and probable variants \
                of one actor are reported; --merge drops and merges them. Relation types come from the graph's \
                vocabulary, else the built-in one ('actorgraph types'). Problems are told by kind, each with the \
                first few positions (FILE:LINE:COLUMN); nothing is written when no row could be imported.

                Examples:
                  actorgraph import analyst.csv --default-kind state --day-first --skip-bad-rows -o analyst.yaml
                  actorgraph import edges.csv --actors actors.csv --mapping source=from,target=to \\
                    --default-kind group --default-citation my-report:1 --default-note "From my spreadsheet." \\
                    -o graphs/imported.yaml
                """)

        @Argument(help: "The edge list or spreadsheet (.csv, or .tsv for tab-separated).")
        var edges: String

        @Option(help: "The actor list (columns id, name, kind, and optionally subkind, aliases, description, country).")
        var actors: String?

        @Option(help: "Column names as FIELD=COLUMN pairs, comma-separated; repeatable.")
        var mapping: [String] = []

        @Option(help: "Kind of actors first met in the edge list when no kind column gives one (\(ActorKind.choices)).")
        var defaultKind: ActorKind?

        @Option(help: "The relation type of rows whose type cell is empty (each is listed); without it such a row is an error.")
        var defaultType: String?

        @Flag(help: "Load the good rows, report the bad ones and how many were skipped.")
        var skipBadRows = false

        @Option(
            help: ArgumentHelp(
                "The graph file or folder the import adds to: names resolve to its actors, its relation types are used (default: graphs, when it holds graph files).",
                valueName: "path"))
        var graph: String?

        @Flag(help: "Read no graph: every name makes a new actor, and types come from the built-in vocabulary.")
        var noGraph = false

        @Option(help: "A graph file or folder whose relation types to use, instead of those of --graph.")
        var vocabulary: String?

        @Option(help: "The source catalogue citations are checked against (default: seeds/sources.yaml beside the edge list's folder, or here; NAME.sources.yaml beside NAME.csv is read as well).")
        var catalogue: String?

        @Option(help: "The column naming each row's document, cited as a whole (default: source_doc or document).")
        var sourceColumn: String?

        @Flag(help: "List documents the catalogue lacks without writing catalogue stubs for them.")
        var noStubs = false

        @Flag(help: "Read all-numeric dates as day/month/year (17/08/2021).")
        var dayFirst = false

        @Flag(help: "Read all-numeric dates as month/day/year (08/17/2021).")
        var monthFirst = false

        @Flag(help: "Drop exact duplicate rows and merge probable variants of one actor into the first met.")
        var merge = false

        @Option(help: "Citation (SOURCE:LINES) for rows without one.")
        var defaultCitation: String?

        @Option(help: "Note for rows without one.")
        var defaultNote: String?

        @Flag(help: "Field separator is a tab (default: from the file extension, else sniffed from the header).")
        var tab = false

        @Option(name: [.short, .long], help: "The graph file to write.")
        var output: String

        func validate() throws {
            if dayFirst && monthFirst { throw ValidationError("--day-first and --month-first exclude each other") }
            if noGraph && graph != nil { throw ValidationError("--graph and --no-graph exclude each other") }
        }

        func run() throws {
            var options = CSVImportOptions()
            for text in mapping {
                do { try options.mapping.apply(text) } catch { throw CommandFailure("error: --mapping: \(error)") }
            }
            options.defaultKind = defaultKind
            options.skipBadRows = skipBadRows
            options.readsNames = true
            options.merge = merge
            options.documentColumn = sourceColumn
            options.dayOrder = dayFirst ? .dayFirst : monthFirst ? .monthFirst : nil
            let base = try loadBase()
            if let base {
                options.vocabulary = base.graph.vocabulary
                options.knownActors = Array(base.graph.actors)
            }
            if let vocabulary {
                do {
                    options.vocabulary = try GraphLoader.load(GraphLoadOptions(graphPath: vocabulary)).graph.vocabulary
                } catch {
                    throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the vocabulary"))
                }
            }
            try checkDefaultType(options)
            options.defaultType = defaultType
            let fallbackCitation = try defaultCitationValue()
            let cataloguePath = catalogue ?? base?.cataloguePath ?? GraphLoader.defaultCatalogue(near: edges)
            if let cataloguePath {
                do {
                    options.sources = try GraphLoader.catalogueSources(cataloguePath)
                } catch {
                    throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the catalogue"))
                }
            }
            // The sources the graph it adds to declares in its files, and the edge list's own source list
            // (NAME.sources.yaml, written by `export --sources-file`), count as well.
            let ownSources = try edgeListSources()
            for source in (base?.graph.sources ?? []) + ownSources where !options.sources.contains(where: { $0.id == source.id }) {
                options.sources.append(source)
            }
            if let cataloguePath { try checkFallback(fallbackCitation, options.sources, cataloguePath) }
            let edgeBytes = try read(edges)
            options.separator = tab || edges.lowercased().hasSuffix(".tsv") ? 0x09 : CSVImportOptions.sniffSeparator(edgeBytes)
            let actorInput = try actors.map { ($0, try read($0)) }
            let result: CSVImportResult
            do {
                result = try CSVEdgeImporter.load(edges: (edges, edgeBytes), actors: actorInput, options: options)
            } catch {
                throw CommandFailure(Self.problemSummary(error, what: edges))
            }
            try finish(
                result, base: base, fallbackCitation: fallbackCitation, cataloguePath: cataloguePath,
                ownSources: ownSources)
        }

        /// The sources of `NAME.sources.yaml` beside the edge list `NAME.csv`, unless `--catalogue` names one.
        private func edgeListSources() throws -> [SourceDocument] {
            guard catalogue == nil, let path = GraphLoader.defaultSourceList(for: edges) else { return [] }
            do {
                return try GraphLoader.catalogueSources(path)
            } catch {
                throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the edge list's source list"))
            }
        }

        private func read(_ path: String) throws -> [UInt8] {
            switch FileBytes.contents(path) {
            case .success(let bytes): return bytes
            case .failure(let failure): throw CommandFailure("error: cannot read '\(path)': \(failure)")
            }
        }

        /// `--default-type` must name a type of the vocabulary the rows use.
        private func checkDefaultType(_ options: CSVImportOptions) throws {
            guard let defaultType else { return }
            let vocabulary = options.vocabulary
            if vocabulary.index(named: defaultType) != nil
                || vocabulary.index(named: CSVColumnMapping.folded(defaultType)) != nil
            {
                return
            }
            let suggestion = NearestName.nearest(defaultType, among: vocabulary.names).map { "did you mean '\($0)'? " }
            throw CommandFailure(
                "error: --default-type '\(defaultType)' is not a relation type of the vocabulary\n"
                    + "hint: \(suggestion ?? "")'actorgraph types' lists them")
        }

        private func defaultCitationValue() throws -> Citation? {
            guard let defaultCitation else { return nil }
            switch CSVImportOptions.parseCitations(defaultCitation) {
            case .success(let citations) where citations.count == 1: return citations[0]
            default: throw CommandFailure("error: --default-citation takes SOURCE:LINES, e.g. my-report:1")
            }
        }

        private func checkFallback(_ citation: Citation?, _ sources: [SourceDocument], _ cataloguePath: String) throws {
            guard let citation else { return }
            guard let source = sources.first(where: { $0.id == citation.source }) else {
                throw CommandFailure("error: --default-citation names source '\(citation.source)', which is not in \(cataloguePath)")
            }
            // The written graph would cite lines its own loader refuses.
            if citation.lines.upperBound > source.lines {
                throw CommandFailure(
                    "error: --default-citation cites lines \(citation.linesText) of '\(source.id)', which has "
                        + "\(source.lines) lines (\(cataloguePath))")
            }
        }
    }
}

extension ActorKind {
    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
