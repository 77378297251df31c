import ActorGraphCLI
import ActorGraphTestSupport
import ArgumentParser
import Foundation

/// What a run of the built `actorgraph` printed and how it exited.
struct CommandResult {
    var stdout: String
    var stderr: String
    var status: Int32
    var stdoutBytes: [UInt8]
    var signaled = false
    var timedOut = false
}

/// The folder holding the built products (`actorgraph`), beside the test bundle.
let productsDirectory: URL = {
    let bundle = Bundle.main.bundleURL
    // On Linux the test runner is `<scratch>/debug/<Package>PackageTests.xctest`; the products sit beside it.
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
}()

/// Runs the built `actorgraph` end to end: real process, real exit status (files, not pipes: ``runProcess``).
func runActorGraph(
    _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment: [String: String] = [:],
    timeout: TimeInterval? = nil
) throws -> CommandResult {
    let output = try runProcess(
        productsDirectory.appendingPathComponent("actorgraph"), arguments, stdin: stdin, in: directory ?? packageRoot,
        environment: environment, timeout: timeout)
    return CommandResult(output)
}

extension CommandResult {
    init(_ output: ProcessOutput) {
        self.init(
            stdout: output.stdout, stderr: output.stderr, status: output.status, stdoutBytes: output.stdoutBytes,
            signaled: output.signaled, timedOut: output.timedOut)
    }
}

/// Runs `body` in a fresh folder whose `graphs/NAME` holds `graph`, so commands find it by default.
func withGraph(_ graph: String, named name: String = "graph.yaml", _ body: (URL) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("graphs"), withIntermediateDirectories: true)
    try Data(graph.utf8).write(to: folder.appendingPathComponent("graphs/\(name)"))
    try body(folder)
}

/// The message a command line is refused with, parsed in process; `nil` when it parses.
func parseFailure(_ arguments: [String]) -> String? {
    do {
        _ = try ActorGraphCommand.parseAsRoot(arguments)
        return nil
    } catch {
        return ActorGraphCommand.message(for: error)
    }
}

/// The CLI tests' golden files, in the source tree.
let cliGoldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// The kit's package root and temporary folder, also reachable from test files that do not import the kit.
let packageRoot = ActorGraphTestSupport.packageRoot

func temporaryFolder() throws -> URL { try ActorGraphTestSupport.temporaryFolder() }
