import ActorGraph
import ActorGraphIO
import ActorGraphServer
import Foundation
import Graphviz
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// `actorgraph-explorer [--graph P] [--catalogue F] [--sources DIR] [--host H] [--port N] [--rate-limit N]
/// [--query-timeout S]`, run by
/// `actorgraph serve`; `actorgraph-explorer render-worker LAYOUT FORMAT` is its own Graphviz worker.
let usage = """
    usage: actorgraph-explorer [--graph PATH] [--catalogue FILE] [--sources DIR] [--host H] [--port N] [--rate-limit N]
                               [--query-timeout SECONDS]
      --graph       a graph file or folder (default: graphs)
      --catalogue   the source catalogue (default: seeds/sources.yaml beside the graph folder)
      --sources     the folder of source texts, to quote cited lines (default: none)
      --host        the address to bind (default 127.0.0.1; anything else is reachable from other machines)
      --port        the port (default 8080; 0 picks a free one)
      --rate-limit  requests per second over all clients (default 500; 0 turns the limit off)
      --query-timeout  seconds one request's path search may take before it is stopped with a 503 (default 10)
    """

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "render-worker" {
    guard arguments.count == 3, let layout = GraphvizLayout(rawValue: arguments[1]),
        let format = GraphvizFormat(rawValue: arguments[2])
    else { fail("usage: actorgraph-explorer render-worker LAYOUT FORMAT") }
    // A layout is the heaviest work the explorer does: at 5 below the server's priority, so that a chart being
    // drawn never holds up search, cards, neighbours and paths (it still gets the CPU they leave).
    _ = nice(5)
    exit(RenderWorker.run(layout: layout, format: format))
}

// Swift concurrency's jobs run on NIO's event loops (one per core), the same threads that read and write the
// sockets: a request's handler then runs where its bytes arrived, without a hand-off to the cooperative pool and
// back for every request (docs/PERFORMANCE.md, "Third pass"). Must be called on the main thread before any task runs.
// The heavy requests still run on `WorkPool`'s threads and charts' workers on Dispatch's, never on an event loop.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

var options: [String: String] = [:]
let known: Set<String> = ["--graph", "--catalogue", "--sources", "--host", "--port", "--rate-limit", "--query-timeout"]
while let name = arguments.first {
    arguments.removeFirst()
    if name == "--help" || name == "-h" {
        print(usage)
        exit(0)
    }
    guard known.contains(name) else { fail("error: unknown option '\(name)'\n" + usage) }
    guard let value = arguments.first else { fail("error: \(name) needs a value") }
    arguments.removeFirst()
    options[name] = value
}
let host = options["--host"] ?? "127.0.0.1"
guard let port = Int(options["--port"] ?? "8080"), (0...65535).contains(port) else {
    fail("error: --port must be a number from 0 to 65535")
}
guard let rateLimit = Int(options["--rate-limit"] ?? "500"), rateLimit >= 0 else {
    fail("error: --rate-limit must be a whole number, 0 for no limit")
}
let queryTimeoutText = options["--query-timeout"] ?? String(ExplorerService.defaultQueryTimeout)
guard let queryTimeout = Double(queryTimeoutText), queryTimeout > 0, queryTimeout <= 3600 else {
    fail("error: --query-timeout must be more than 0 and at most 3600 seconds, not '\(queryTimeoutText)'")
}
if !["127.0.0.1", "localhost", "::1"].contains(host) {
    FileHandle.standardError.write(
        Data(
            ("warning: binding \(host), not 127.0.0.1: other machines can reach this explorer and read the whole graph "
                + "and its source texts; it has no authentication\n").utf8))
}

var executablePath = [CChar](repeating: 0, count: 4096)
let pathLength = readlink("/proc/self/exe", &executablePath, executablePath.count - 1)
guard pathLength > 0 else { fail("error: cannot find this executable to start the Graphviz worker", status: 1) }
let executable = String(decoding: executablePath[0..<pathLength].map { UInt8(bitPattern: $0) }, as: UTF8.self)

var loadedService: ExplorerService
do {
    loadedService = try ExplorerService.load(
        GraphLoadOptions(
            graphPath: options["--graph"] ?? "graphs", cataloguePath: options["--catalogue"],
            sourcesDirectory: options["--sources"]))
} catch {
    let count = error.diagnostics.count
    fail(
        error.diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(count) error\(count == 1 ? "" : "s") in the graph; nothing was loaded.", status: 1)
}
if let sources = options["--sources"], !FileManager.default.fileExists(atPath: sources) {
    FileHandle.standardError.write(Data("warning: --sources \(sources) does not exist; citations will not be quoted\n".utf8))
}

loadedService.queryTimeout = queryTimeout
let service = loadedService

var logger = Logger(label: "actorgraph-explorer")
logger.logLevel = .warning
let renderer = ChartRenderer(workerExecutable: executable, workerArguments: ["render-worker"])
let configuration = ExplorerConfiguration(host: host, port: port, rateLimit: rateLimit, rateBurst: max(rateLimit * 2, 1))
let app = ExplorerApplication.application(
    service: service, renderer: renderer, assets: AssetTable.bundled(), configuration: configuration, logger: logger,
    onServerRunning: { port in
        let shown = host.contains(":") ? "[\(host)]" : host
        let line = "ActorGraph explorer: http://\(shown):\(port)/  (\(service.graph.actorCount) actors, "
            + "\(service.graph.relationCount) relations; Ctrl-C stops it)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    })
try await app.runService()
