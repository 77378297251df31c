// The render target of issue 7: the same DOT laid out and drawn as SVG by ActorGraph's isolated libgvc worker
// (`IsolatedRenderer` starting `actorgraph render-worker`, spawn included, as `actorgraph render` does) and by the
// `dot` command (spawned the same way an analyst's script would), alternately, `--runs` times each.
//
//   render-bench --dot FILE --worker .build/release/actorgraph [--runs 20] [--dot-command /usr/bin/dot]
import BenchSupport
import Foundation
import Graphviz

var arguments: [String: String] = [:]
var position = 1
while position + 1 < CommandLine.arguments.count {
    arguments[String(CommandLine.arguments[position].drop { $0 == "-" })] = CommandLine.arguments[position + 1]
    position += 2
}
guard let dotPath = arguments["dot"], let worker = arguments["worker"],
    let dot = try? String(contentsOfFile: dotPath, encoding: .utf8)
else {
    note("usage: render-bench --dot FILE --worker PATH/actorgraph [--runs N] [--dot-command PATH]")
    exit(2)
}
let runs = Int(arguments["runs"] ?? "") ?? 20
let dotCommand = arguments["dot-command"] ?? "/usr/bin/dot"
let workerPath = URL(fileURLWithPath: worker).standardizedFileURL.path
let renderer = IsolatedRenderer(workerExecutable: workerPath, workerArguments: ["render-worker"])

/// `dot -Tsvg` with the DOT on standard input and the SVG read back from standard output.
func runDotCommand() throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dotCommand)
    process.arguments = ["-Tsvg"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Write from another thread: a large SVG fills the output pipe while we are still writing.
    let writer = Thread {
        input.fileHandleForWriting.write(Data(dot.utf8))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let svg = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CSVTable.ReadError(description: "dot failed") }
    return svg.count
}

var workerSamples: [Double] = [], dotSamples: [Double] = []
var workerBytes = 0, dotBytes = 0
for run in 0...runs {
    let (ours, oursTime) = try measure { try renderer.render(dot: dot, layout: .dot, format: .svg).count }
    let (theirs, theirsTime) = try measure { try runDotCommand() }
    if run == 0 { continue }  // warm-up: page cache, fontconfig cache
    workerSamples.append(oursTime)
    dotSamples.append(theirsTime)
    workerBytes = ours
    dotBytes = theirs
}
// Node statements of our DOT writer: `    "n12" [...]`; edges contain `->`.
let nodes = dot.split(separator: "\n").filter { $0.hasPrefix("    \"n") && !$0.contains("->") }
emit([
    ("dot_file", .string(dotPath)), ("dot_bytes", .int(dot.utf8.count)), ("nodes", .int(nodes.count)),
    ("runs", .int(runs)),
    ("isolated_worker", .object(summary(workerSamples) + [("svg_bytes", .int(workerBytes))])),
    ("dot_command", .object(summary(dotSamples) + [("svg_bytes", .int(dotBytes))])),
])
