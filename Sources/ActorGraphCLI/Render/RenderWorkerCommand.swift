import ArgumentParser
import Foundation
import Graphviz

extension GraphvizLayout: ExpressibleByArgument {}
extension GraphvizFormat: ExpressibleByArgument {}

extension ActorGraphCommand {
    /// The child process that calls libgvc: DOT on standard input, bytes on standard output. Hidden: only
    /// `actorgraph render` starts it, so that a Graphviz crash kills the worker and never the command.
    struct RenderWorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render-worker",
            abstract: "Render DOT from standard input with Graphviz (used by 'render'; not for direct use).",
            shouldDisplay: false)

        @Argument(help: "The layout engine.")
        var layout: GraphvizLayout

        @Argument(help: "The output format.")
        var format: GraphvizFormat

        func run() throws {
            Foundation.exit(RenderWorker.run(layout: layout, format: format))
        }
    }
}
