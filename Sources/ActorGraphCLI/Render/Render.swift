import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import ArgumentParser
import Foundation
import Graphviz

/// `svg`, `png`, `pdf`, Graphviz's layout `json`, or our `dot` text without laying it out.
public enum RenderFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case svg, png, pdf, json, dot
}

extension DiagramClustering: ExpressibleByArgument {}

/// `TB`, `LR`, `BT`, `RL`.
public enum RankDirectionOption: String, CaseIterable, ExpressibleByArgument, Sendable {
    case TB, LR, BT, RL

    var direction: DOTRankDirection {
        switch self {
        case .TB: return .topToBottom
        case .LR: return .leftToRight
        case .BT: return .bottomToTop
        case .RL: return .rightToLeft
        }
    }
}

extension ActorGraphCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the graph, a neighbourhood, a path or a timeline with Graphviz (SVG, PNG, PDF).",
            discussion: """
                Writes DOT and lays it out with Graphviz's own library in a separate worker process, so a Graphviz \
                crash or a runaway layout cannot take the command down; the output file is written (atomically) \
                only when the worker succeeded. Shapes show actor kinds, colours and line styles relation \
                categories (--legend explains them); hover in an SVG for notes and citations.

                Examples:
                  actorgraph render -o graph.svg --legend
                  actorgraph render --focus russia --depth 2 --at 2023 -o russia-2023.svg
                  actorgraph render --path putin al-qaeda --shortest 3 -o putin-al-qaeda.pdf
                  actorgraph render --timeline russia,taliban -o russia-taliban-timeline.png
                """)

        @OptionGroup var graphOptions: GraphOptions

        @OptionGroup var selection: SelectionOptions

        @Option(name: .customLong("path"), parsing: .upToNextOption, help: "Draw the path between two actors: --path FROM TO.")
        var pathEnds: [String] = []

        @OptionGroup var pathSelector: PathSelectorOptions

        @Option(help: "A time-ordered diagram of one actor's relations, or of the relations between two: A[,B].")
        var timeline: String?

        @Option(help: "Group actors in boxes by kind or by country.")
        var clusterBy: DiagramClustering = .none

        @Flag(help: "Add a legend of shapes and colours.")
        var legend = false

        @Flag(help: "Leave out edge labels (type and date); tooltips keep them.")
        var noLabels = false

        @Option(help: "Direction of the layout: TB, LR, BT or RL.")
        var rankdir: RankDirectionOption = .LR

        @Option(help: "Graphviz layout engine.")
        var layout: GraphvizLayout = .dot

        @Option(name: .customLong("format"), help: "Output format (default: from the -o file's extension, else svg).")
        var formatOption: RenderFormat?

        @Option(name: [.short, .long], help: "Output file; '-' for standard output.")
        var output: String = "-"

        @Option(help: "Seconds the layout may take before the worker is stopped.")
        var timeout: Int = 30

        @Option(help: "Title drawn above the diagram.")
        var title: String?

        func validate() throws {
            if !pathEnds.isEmpty && pathEnds.count != 2 { throw ValidationError("--path takes two actors: --path FROM TO") }
            if timeline != nil && !pathEnds.isEmpty { throw ValidationError("give either --path or --timeline, not both") }
            if timeline != nil && !selection.focus.isEmpty { throw ValidationError("--timeline does not combine with --focus") }
            if timeout < 1 || timeout > 3600 { throw ValidationError("--timeout must be between 1 and 3600 seconds") }
            if format != .svg && format != .dot && output == "-" && isatty(1) != 0 {
                throw ValidationError("\(format.rawValue) is binary: give -o FILE, or redirect standard output")
            }
        }

        func run() throws {
            _ = try selection.filters.timeCondition()
            let loaded = try graphOptions.load()
            let graph = loaded.graph
            let options = DiagramOptions(
                labels: !noLabels, legend: legend, rankDirection: rankdir.direction, clustering: clusterBy, title: title)
            let document: DOTDocument
            let drawn: Int
            if let timeline {
                (document, drawn) = try timelineDocument(graph, timeline, options: options)
            } else if !pathEnds.isEmpty {
                (document, drawn) = try pathDocument(graph, options: options)
            } else {
                let chosen = try selection.select(in: graph)
                let diagram = DiagramSelection(
                    actors: chosen.actors, relations: chosen.relations, possiblyActive: chosen.possiblyActive)
                drawn = chosen.relations.count
                var sized = options
                sized.profile = try budget.profile(for: drawn, layout: layout, labels: !noLabels)
                document = GraphDiagram.document(graph, diagram, options: sized)
            }
            let dot = document.text
            let bytes: [UInt8]
            if format == .dot {
                bytes = Array(dot.utf8)
            } else {
                bytes = try renderInWorker(dot)
            }
            try write(bytes, protecting: loaded.inputFiles)
            if output != "-" {
                Output.error("wrote \(output) (\(drawn) relations, \(bytes.count) bytes)")
            }
        }

        var budget: RenderBudget { RenderBudget.forLayout(layout, labels: !noLabels) }

        /// `--format`, else the output file's extension (`.png`, `.pdf`, `.json`, `.dot`, `.gv`), else SVG.
        var format: RenderFormat {
            if let formatOption { return formatOption }
            let suffix = output.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if suffix == "gv" { return .dot }
            return output == "-" ? .svg : RenderFormat(rawValue: suffix) ?? .svg
        }

        /// The path(s) drawn bold over their faded one-step neighbourhood.
        private func pathDocument(_ graph: RelationGraph, options: DiagramOptions) throws -> (DOTDocument, Int) {
            let references = ActorReferences(graph)
            let start = try references.resolve(pathEnds[0], role: "FROM actor")
            let end = try references.resolve(pathEnds[1], role: "TO actor")
            if start == end {
                throw CommandFailure("error: FROM and TO are the same actor (\(graph[start].name))", status: QueryExitStatus.sameActor)
            }
            let filter = try selection.filters.filter(for: graph, named: [start, end])
            let view = FilteredGraph(graph, filter: filter, namedActors: [start, end])
            var onPath: [RelationIndex] = []
            if pathSelector.isTemporal {
                let (found, _, _) = pathSelector.temporalPath(view, from: start, to: end)
                onPath = found?.relations ?? []
            } else {
                let result = pathSelector.paths(view, from: start, to: end)
                onPath = result.paths.flatMap(\.relations)
                if result.truncated {
                    Output.error("note: the path search stopped at --limit \(pathSelector.limit ?? PathSelectorOptions.defaultLimit); more paths exist")
                }
            }
            if onPath.isEmpty {
                throw CommandFailure(
                    "error: no path from \(graph[start].name) to \(graph[end].name) with these filters", status: ExitStatus.noResult)
            }
            // The faded context: every relation admitted by the filters that touches an actor of the path.
            let pathRelations = Set(onPath)
            var pathActors: [ActorIndex] = []
            for relation in onPath {
                for actor in [graph.source(of: relation), graph.target(of: relation)] where !pathActors.contains(actor) {
                    pathActors.append(actor)
                }
            }
            let pathActorSet = Set(pathActors)
            var context: [RelationIndex] = []
            var contextActors: [ActorIndex] = []
            for actor in pathActors {
                view.forEachStep(from: actor) { neighbor, relation in
                    guard !pathRelations.contains(relation), !context.contains(relation) else { return }
                    context.append(relation)
                    if !pathActorSet.contains(neighbor) && !contextActors.contains(neighbor) { contextActors.append(neighbor) }
                }
            }
            // Keep the context within the budget: the path itself always counts first.
            let room = max(0, budget.limit - pathRelations.count)
            if context.count > room {
                Output.error("note: the path's neighbourhood has \(context.count) relations; drawing the first \(room)")
                context = Array(context.sorted().prefix(room))
                let kept = Set(context.flatMap { [graph.source(of: $0), graph.target(of: $0)] })
                contextActors = contextActors.filter { kept.contains($0) }
            }
            let relations = (Array(pathRelations) + context).sorted()
            let actors = (pathActors + contextActors)
            let diagram = DiagramSelection(
                actors: actors, relations: relations, highlighted: pathRelations, fadedActors: Set(contextActors),
                fadedRelations: Set(context))
            var sized = options
            sized.profile = try budget.profile(for: relations.count, layout: layout, labels: !noLabels)
            return (GraphDiagram.document(graph, diagram, options: sized), relations.count)
        }

        private func timelineDocument(_ graph: RelationGraph, _ spec: String, options: DiagramOptions) throws -> (DOTDocument, Int) {
            let names = spec.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(names.count), names.allSatisfy({ !$0.isEmpty }) else {
                throw ValidationError("--timeline takes one actor or two separated by a comma: --timeline russia,taliban")
            }
            let references = ActorReferences(graph)
            let actors = try names.map { try references.resolve($0) }
            if actors.count == 2 && actors[0] == actors[1] {
                throw CommandFailure("error: the two timeline actors are the same (\(graph[actors[0]].name))", status: QueryExitStatus.sameActor)
            }
            let filter = try selection.filters.filter(for: graph, named: actors)
            let view = FilteredGraph(graph, filter: filter, namedActors: actors)
            let entries = Timeline.entries(view, actor: actors[0], other: actors.count == 2 ? actors[1] : nil)
            if entries.isEmpty {
                throw CommandFailure("error: no relations to draw for \(names.joined(separator: " and ")) with these filters", status: ExitStatus.noResult)
            }
            let relations = entries.map(\.relation)
            var titled = options
            titled.title = options.title ?? ("Timeline: " + actors.map { graph[$0].name }.joined(separator: " – "))
            // A timeline stacks events in columns: it lays out in linear time, so only the limit applies.
            if relations.count > budget.limit {
                _ = try budget.profile(for: relations.count, layout: layout, labels: true)
            }
            return (GraphDiagram.timeline(graph, relations: relations, options: titled), relations.count)
        }

        private func renderInWorker(_ dot: String) throws -> [UInt8] {
            guard let executable = Self.currentExecutable() else {
                throw CommandFailure("error: cannot find the actorgraph executable to start the render worker", status: ExitStatus.renderFailure)
            }
            let graphvizFormat: GraphvizFormat
            switch format {
            case .svg: graphvizFormat = .svg
            case .png: graphvizFormat = .png
            case .pdf: graphvizFormat = .pdf
            case .json: graphvizFormat = .json
            case .dot: graphvizFormat = .svg
            }
            let renderer = IsolatedRenderer(
                workerExecutable: executable, workerArguments: ["render-worker"], timeout: .seconds(timeout))
            do {
                return try renderer.render(dot: dot, layout: layout, format: graphvizFormat)
            } catch {
                var message = "error: " + error.description
                if case .timedOut = error.cause {
                    message += "\nhint: try --layout sfdp, --no-labels, a longer --timeout, or a smaller selection (--focus, --at, --types)"
                }
                throw CommandFailure(message, status: ExitStatus.renderFailure)
            }
        }

        private func write(_ bytes: [UInt8], protecting inputs: [String]) throws {
            try Output.writeFile(to: output, protecting: inputs) { $0.write(bytes) }
        }

        /// The running executable (the worker is this same binary), from /proc/self/exe.
        static func currentExecutable() -> String? {
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard count > 0 else { return nil }
            return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
