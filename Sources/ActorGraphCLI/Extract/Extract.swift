import ActorGraph
import ActorGraphExtract
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand {
    struct ExtractCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Propose candidate relations from a text, for review (never added by itself).",
            discussion: """
                Rule-based, offline and deterministic. Actors are found by the graph's names and aliases (folded as \
                'show' folds them); capitalised names the graph lacks are flagged as possible new actors. A relation \
                type is proposed where one of its 'triggers' (in the vocabulary) joins two actors in a sentence. Dates \
                become EDTF, relative ones anchored on the publication date; 'said'/'according to', 'could'/'plans' \
                and 'denied' set status claimed or denied and claimed_by; negated triggers are left out (counted). \
                Each candidate cites its line and quotes its trigger.

                The draft (YAML) marks every relation 'status: candidate', which 'check' refuses until you have read \
                the line, fixed the relation and set its status. The source id and publication date come from the \
                catalogue entry with the same SHA-256 (see 'sources add') unless given.

                Examples:
                  actorgraph extract ../shared/seeds/004_240c3634fbd9ccea.txt --known-only -o sangar-draft.yaml
                  actorgraph extract ../shared/seeds/001_7d15eccdda874733.txt --explain --format json
                """)

        @Argument(help: "The text (UTF-8, one paragraph a line).")
        var file: String

        @Option(help: "A graph file or folder for actor names and the vocabulary (default: graphs, when present).")
        var graph: String?

        @Option(help: "The source catalogue (default: seeds/sources.yaml beside the graph folder, or here).")
        var catalogue: String?

        @Option(help: "Source id the candidates cite (default: the catalogue entry with the text's SHA-256).")
        var source: String?

        @Option(help: "Publication date (EDTF), anchoring 'on Thursday' or 'last year' (default: the catalogue's).")
        var published: String?

        @Flag(help: "Say why each candidate was proposed.")
        var explain = false

        @Flag(help: "Propose relations only between actors of the graph.")
        var knownOnly = false

        @Flag(help: "Keep candidates whose trigger is negated (flagged) instead of leaving them out.")
        var keepNegated = false

        @Option(help: "Output format: yaml (a draft graph file) or json.")
        var format: DraftFormat = .yaml

        @Option(name: [.short, .long], help: "Write the draft here instead of standard output (not in the graph folder).")
        var output: String?

        enum DraftFormat: String, CaseIterable, ExpressibleByArgument { case yaml, json }

        func run() throws {
            guard let bytes = FileBytes.read(file) else { throw CommandFailure("error: cannot read '\(file)'") }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CommandFailure("error: '\(file)' is not UTF-8 text\nhint: convert it first, e.g. iconv -t UTF-8")
            }
            let context = try ExtractContext.load(graph: graph, catalogue: catalogue)
            if let output { try refuseGraphFolder(output, graphPath: context.graphPath ?? "graphs") }
            let measure = SourceMeasure(bytes)
            let catalogued = context.sources.first { $0.sha256 == measure.sha256 }
            let fileName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let sourceID = source ?? catalogued?.id ?? SourceCatalogue.slug(fileName) ?? "source"
            var options = ExtractionOptions(published: catalogued?.published)
            if let published {
                switch EDTFDate.parse(published) {
                case .success(let date): options.published = date
                case .failure(let error):
                    throw CommandFailure("error: --published '\(published)': \(error.message)\nhint: \(EDTFError.help)")
                }
            }
            options.knownActorsOnly = knownOnly
            options.keepNegated = keepNegated
            let extractor = Extractor(
                actors: Array(context.graph.actors), vocabulary: context.graph.vocabulary, rulers: Self.rulers(in: context.graph))
            if extractor.lexicon.count == 0 {
                Output.error("warning: the vocabulary has no 'triggers'; no relation can be proposed (see docs/EXTRACT.md)")
            }
            let result = extractor.extract(text, options: options)
            let comparison = ExtractionComparison(
                candidates: result.candidates, references: Self.references(in: context.graph, citing: sourceID))
            let draft = Draft(
                file: file, sourceID: sourceID, published: options.published, result: result, comparison: comparison,
                graph: context.graph, explain: explain)
            let rendered = format == .json ? draft.json().pretty() : draft.yaml()
            try Output.writeFile(to: output, protecting: [file] + context.inputs) { $0.write(rendered) }
            Output.error(draft.summary(catalogued: catalogued != nil || source != nil))
        }

        /// Drafts never go into the graph folder (a graph file names its folder; a missing path is the folder to be).
        private func refuseGraphFolder(_ output: String, graphPath: String) throws {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: graphPath, isDirectory: &isFolder)
            let graphURL = URL(fileURLWithPath: graphPath).standardizedFileURL
            let folder = !exists || isFolder.boolValue ? graphURL.path : graphURL.deletingLastPathComponent().path
            let target = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path
            if target == folder || target.hasPrefix(folder + "/") {
                throw CommandFailure(
                    "error: '\(output)' is in the graph folder '\(graphPath)', which refuses candidates\n"
                        + "hint: write the draft elsewhere (e.g. drafts/), then move each reviewed relation into the graph")
            }
        }

        /// Who governed which state when: the graph's dated `governs` relations to a state, unless denied.
        static func rulers(in graph: RelationGraph) -> [Ruler] {
            var result: [Ruler] = []
            for relation in graph.relationIndices where graph.type(of: relation).name == "governs" {
                let target = graph.target(of: relation)
                guard graph.kind(of: target) == .state, let span = graph.span(of: relation),
                    graph.details(of: relation).status != .denied
                else { continue }
                result.append(Ruler(government: graph[graph.source(of: relation)].id, country: graph[target].id, span: span))
            }
            return result
        }

        /// The graph's citations of one source, as comparison references.
        static func references(in graph: RelationGraph, citing source: String) -> [ExtractionComparison.Reference] {
            var result: [ExtractionComparison.Reference] = []
            for relation in graph.relationIndices {
                for citation in graph.details(of: relation).citations where citation.source == source {
                    result.append(
                        .init(
                            relation: graph.id(of: relation), from: graph[graph.source(of: relation)].id,
                            to: graph[graph.target(of: relation)].id, lines: citation.lines))
                }
            }
            return result
        }
    }
}

/// The graph `extract` reads names and triggers from: the one named, else `graphs/` when it holds graph files, else
/// none (the built-in vocabulary, no actors: every name is new).
struct ExtractContext {
    var graph: RelationGraph
    var graphPath: String?
    var inputs: [String]
    /// The catalogue's entries: the graph's, or the catalogue read alone when there is no graph yet.
    var sources: [SourceDocument]

    static func load(graph path: String?, catalogue: String?) throws -> ExtractContext {
        // The default folder counts only once it holds a graph file: a new case starts with an empty one.
        let holdsGraphs = ((try? FileManager.default.contentsOfDirectory(atPath: "graphs")) ?? []).contains {
            $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
        }
        let graphPath = path ?? (holdsGraphs ? "graphs" : nil)
        guard let graphPath else {
            let cataloguePath = catalogue ?? "seeds/sources.yaml"
            let sources: [SourceDocument]
            do { sources = try SourceCatalogue.read(cataloguePath) } catch {
                throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the catalogue"))
            }
            return ExtractContext(
                graph: GraphBuilder(vocabulary: .builtIn).build(), graphPath: nil,
                inputs: FileManager.default.fileExists(atPath: cataloguePath) ? [cataloguePath] : [], sources: sources)
        }
        do {
            let loaded = try GraphLoader.loadAllowingEdgeLists(GraphLoadOptions(graphPath: graphPath, cataloguePath: catalogue))
            return ExtractContext(graph: loaded.graph, graphPath: graphPath, inputs: loaded.inputFiles, sources: loaded.graph.sources)
        } catch {
            throw CommandFailure(GraphOptions.failureMessage(error.diagnostics, what: "the graph"))
        }
    }
}
