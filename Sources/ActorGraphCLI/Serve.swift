import ArgumentParser
import Foundation

extension ActorGraphCommand {
    /// `actorgraph serve`: runs the explorer (the nested `Explorer/` package's `actorgraph-explorer`) in place of
    /// this process, so the CLI never links the web server.
    struct ServeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Explore the graph in a web browser: search, expand, time bar, evidence, paths (docs/EXPLORER.md).",
            discussion: """
                Runs the explorer server, which prints its URL once it listens. It binds 127.0.0.1 (this machine \
                only) unless --host says otherwise, is read-only, and answers only requests addressed to its own \
                address. The server is the nested package in Explorer/: build it with `make explore` or \
                `swift build --package-path Explorer`; ACTORGRAPH_EXPLORER names another copy.

                Examples:
                  actorgraph serve --sources ../shared/seeds
                  actorgraph serve --graph my-graphs --port 8765
                """)

        @Option(help: "A graph file or a folder of graph files.")
        var graph: String = "graphs"

        @Option(help: "The source catalogue (default: seeds/sources.yaml beside the graph folder, or here).")
        var catalogue: String?

        @Option(help: "Folder of source texts, so the evidence panel quotes the cited lines.")
        var sources: String?

        @Option(help: "Port to listen on (0 picks a free one).")
        var port: Int = 8080

        @Option(help: "Address to bind; anything but 127.0.0.1 lets other machines read the graph (a warning says so).")
        var host: String = "127.0.0.1"

        @Option(help: "Requests per second over all clients; 0 turns the limit off.")
        var rateLimit: Int = 500

        @Option(help: "Seconds one request's path search may take before it is stopped (503, saying what to narrow).")
        var queryTimeout: Double = 10

        func validate() throws {
            if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
            if rateLimit < 0 { throw ValidationError("--rate-limit must be 0 or more") }
            if !(queryTimeout > 0 && queryTimeout <= 3600) {
                throw ValidationError("--query-timeout must be more than 0 and at most 3600 seconds")
            }
        }

        func run() throws {
            guard let explorer = Self.explorerExecutable() else {
                throw CommandFailure(
                    "error: the explorer is not built (no actorgraph-explorer beside this program or in Explorer/.build)"
                        + "\nhint: run `make explore`, or `swift build --package-path Explorer -c release`; "
                        + "ACTORGRAPH_EXPLORER may name the executable",
                    status: ExitStatus.failure)
            }
            var arguments = [explorer, "--graph", graph, "--port", String(port), "--host", host]
            arguments += ["--rate-limit", String(rateLimit), "--query-timeout", String(queryTimeout)]
            if let catalogue { arguments += ["--catalogue", catalogue] }
            if let sources { arguments += ["--sources", sources] }
            var cArguments = arguments.map { strdup($0) } + [nil]
            execv(explorer, &cArguments)
            let reason = String(cString: strerror(errno))
            throw CommandFailure("error: cannot run the explorer \(explorer): \(reason)", status: ExitStatus.failure)
        }

        /// `$ACTORGRAPH_EXPLORER`, else `actorgraph-explorer` beside this program, else in `Explorer/.build` of the
        /// checkout this program was built in (same configuration first), else below the working directory.
        static func explorerExecutable() -> String? {
            let manager = FileManager.default
            if let named = ProcessInfo.processInfo.environment["ACTORGRAPH_EXPLORER"] {
                return manager.isExecutableFile(atPath: named) ? named : nil
            }
            var candidates: [String] = []
            if let own = RenderCommand.currentExecutable() {
                let folder = URL(fileURLWithPath: own).deletingLastPathComponent()
                candidates.append(folder.appendingPathComponent("actorgraph-explorer").path)
                // <checkout>/.build/<triple>/<configuration>/actorgraph
                let configuration = folder.lastPathComponent
                let checkout = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                for name in [configuration, configuration == "release" ? "debug" : "release"] {
                    candidates.append(checkout.appendingPathComponent("Explorer/.build/\(name)/actorgraph-explorer").path)
                }
            }
            candidates += ["Explorer/.build/release/actorgraph-explorer", "Explorer/.build/debug/actorgraph-explorer"]
            return candidates.first { manager.isExecutableFile(atPath: $0) }
        }
    }
}
