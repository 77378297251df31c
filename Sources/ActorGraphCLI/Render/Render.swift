import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import ArgumentParser
import Foundation
import Graphviz

/// `svg`, `png`, `pdf`, Graphviz's layout `json`, or our `dot` text without laying it out.
public enum RenderFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case svg, png, pdf, json, dot

    /// PNG and PDF are binary: never written to a terminal.
    var isBinary: Bool { self == .png || self == .pdf }

    /// The format an output file's extension names (`.gv` is DOT), or `nil` for any other extension.
    static func fromExtension(of path: String) -> RenderFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...].lowercased()
        return suffix == "gv" ? .dot : RenderFormat(rawValue: suffix)
    }
}

extension DiagramClustering: ExpressibleByArgument {}
extension BundleMode: ExpressibleByArgument {}
extension ChartPage: ExpressibleByArgument {}

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
    struct RenderCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw the graph, a neighbourhood, a path or a timeline with Graphviz (SVG, PNG, PDF).",
            discussion: """
                Writes DOT and lays it out with Graphviz's own library in a separate worker process, so a Graphviz \
                crash or a runaway layout cannot take the command down; the output file is written (atomically) \
                only when the worker succeeded. Shapes show actor kinds, colours relation categories, line styles \
                the status (claimed dashed, denied dotted, possibly active pale); parallel relations are bundled \
                into one line per pair (--bundle). A caption names the question and the filters; --legend \
                explains the rest. Hover in an SVG for every relation with its date, status and citations.

                Examples:
                  actorgraph render --legend -o graph.svg
                  actorgraph render --focus russia --depth 2 --at 2023 -o russia-2023.svg
                  actorgraph render --path putin al-qaeda --shortest 3 -o putin-al-qaeda.pdf
                  actorgraph render --path putin al-qaeda --context 1 -o putin-al-qaeda-context.png
                  actorgraph render --timeline russia,taliban -o russia-taliban-timeline.png
                """)

        @OptionGroup var graphOptions: GraphOptions

        @OptionGroup var selection: SelectionOptions

        @Flag(help: "With --focus, only the focus actors' own ties, not those among their neighbours.")
        var directOnly = false

        @Option(name: .customLong("hide"), help: "Leave this actor out of the chart (repeatable).")
        var hidden: [String] = []

        @Option(name: .customLong("path"), parsing: .upToNextOption, help: "Draw the path between two actors: --path FROM TO.")
        var pathEnds: [String] = []

        @OptionGroup var pathSelector: PathSelectorOptions

        @Option(help: "With --path, also draw this many steps of faded neighbourhood around the path.")
        var context: Int = 0

        @Option(help: "A time-ordered diagram of one actor's relations, or of the relations between two: A[,B].")
        var timeline: String?

        @Option(help: "Timeline rows: one per actor pair or one per relation category.")
        var rowsBy: TimelineRows = .pair

        @Option(help: "Bundle parallel relations: none, one line per pair, or one per pair and type.")
        var bundle: BundleMode = .pair

        @Option(help: "Group actors in boxes by kind or by country.")
        var clusterBy: DiagramClustering = .none

        @Flag(help: "Add a legend of shapes, colours and line styles.")
        var legend = false

        @Flag(help: "Leave out edge labels (type and date); tooltips keep them.")
        var noLabels = false

        @Option(help: "Fit the chart on one printed page (landscape unless -portrait): spacing tightened, scaled down.")
        var page: ChartPage?

        @Option(help: "Direction of the layout: TB, LR, BT or RL.")
        var rankdir: RankDirectionOption = .LR

        @Option(help: "Graphviz layout engine.")
        var layout: GraphvizLayout = .dot

        @Option(name: .customLong("format"), help: "Output format (default: from the -o file's extension, else svg).")
        var formatOption: RenderFormat?

        @Option(name: [.short, .long], help: "Output file; '-' for standard output.")
        var output: String = "-"

        @Option(help: "Seconds the path search (--path) and then the layout may each take before they are stopped.")
        var timeout: Int = 30

        @Option(name: [.customLong("caption"), .customLong("title")], help: "Caption drawn on the chart instead of the generated one ('' for none).")
        var caption: String?

        func validate() throws {
            if !pathEnds.isEmpty && pathEnds.count != 2 { throw ValidationError("--path takes two actors: --path FROM TO") }
            if timeline != nil && !pathEnds.isEmpty { throw ValidationError("give either --path or --timeline, not both") }
            if timeline != nil && !selection.focus.isEmpty { throw ValidationError("--timeline does not combine with --focus") }
            if !pathEnds.isEmpty && !selection.focus.isEmpty { throw ValidationError("give either --path or --focus, not both") }
            if directOnly && selection.focus.isEmpty { throw ValidationError("--direct-only needs --focus") }
            if page != nil && timeline != nil {
                throw ValidationError("--page fits link charts; a timeline keeps its time axis to scale (leave out --page)")
            }
            if context != 0 && pathEnds.isEmpty { throw ValidationError("--context needs --path") }
            if context < 0 || context > SelectionOptions.maximumDepth {
                throw ValidationError("--context must be between 0 and \(SelectionOptions.maximumDepth)")
            }
            if timeout < 1 || timeout > 3600 { throw ValidationError("--timeout must be between 1 and 3600 seconds") }
            if formatOption == nil && output != "-" && RenderFormat.fromExtension(of: output) == nil {
                let known = RenderFormat.allCases.map { ".\($0.rawValue)" }.joined(separator: ", ") + ", .gv"
                throw ValidationError(
                    "cannot tell the format of '\(output)': name it \(known), or give --format "
                        + RenderFormat.allCases.map(\.rawValue).joined(separator: "|"))
            }
            if format.isBinary && output == "-" && isatty(1) != 0 {
                throw ValidationError("\(format.rawValue) is binary: give -o FILE, or redirect standard output")
            }
        }

        func run() throws {
            _ = try selection.filters.timeCondition()
            let loaded = try graphOptions.load()
            let graph = loaded.graph
            let document: DOTDocument
            let drawn: String
            if let timeline {
                let (timelineDocument, count) = try timelineDocument(graph, timeline)
                document = timelineDocument
                drawn = "\(count) relations"
            } else {
                let chart = try chart(graph)
                for note in chart.notes { Output.error("note: " + note) }
                document = chart.document
                drawn = "\(chart.relations.count) relations in \(chart.links.count) links"
            }
            // A timeline pins every node itself, which only neato keeps.
            let engine = timeline == nil ? layout : .neato
            let bytes = format == .dot ? Array(document.text.utf8) : try renderInWorker(document.text, layout: engine)
            try Output.writeFile(to: output, protecting: loaded.inputFiles) { $0.write(bytes) }
            if output != "-" {
                Output.error("wrote \(output) (\(drawn), \(bytes.count) bytes)")
            }
        }

        var budget: RenderBudget { RenderBudget.forLayout(layout, labels: !noLabels) }

        /// `--format`, else the output file's extension, else SVG on standard output.
        var format: RenderFormat {
            if let formatOption { return formatOption }
            return RenderFormat.fromExtension(of: output) ?? .svg
        }
    }
}
