import ActorGraphDOT
import Foundation
import Graphviz

extension ActorGraphCommand.RenderCommand {
    /// Lays out `dot` in a worker process (this executable's `render-worker`), so a Graphviz crash or a runaway
    /// layout costs the render, not the command.
    func renderInWorker(_ dot: String, layout: GraphvizLayout) throws -> [UInt8] {
        guard let executable = Self.currentExecutable() else {
            throw CommandFailure(
                "error: cannot find the actorgraph executable to start the render worker", status: ExitStatus.renderFailure)
        }
        let graphvizFormat: GraphvizFormat
        switch format {
        case .svg, .dot: graphvizFormat = .svg
        case .png: graphvizFormat = .png
        case .pdf: graphvizFormat = .pdf
        case .json: graphvizFormat = .json
        }
        let renderer = IsolatedRenderer(
            workerExecutable: executable, workerArguments: ["render-worker"], timeout: .seconds(timeout))
        do {
            return try renderer.render(dot: dot, layout: layout, format: graphvizFormat)
        } catch {
            var message = "error: " + error.description
            if case .timedOut = error.cause {
                message +=
                    "\nhint: try --layout sfdp, --no-labels, a longer --timeout, or a smaller selection (--focus, --at, --types)"
            }
            throw CommandFailure(message, status: ExitStatus.renderFailure)
        }
    }

    /// The running executable (the worker is this same binary), from /proc/self/exe.
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
