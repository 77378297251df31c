import Foundation

/// What a run of the built `actorgraph` printed and how it exited.
struct CommandResult {
    var stdout: String
    var stderr: String
    var status: Int32
    var stdoutBytes: [UInt8]
}

/// The folder holding the built products (`actorgraph`), beside the test bundle.
let productsDirectory: URL = {
    let bundle = Bundle.main.bundleURL
    // On Linux the test runner is `<scratch>/debug/<Package>PackageTests.xctest`; the products sit beside it.
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
}()

/// The package root (where `graphs/` and `seeds/` live), found from this source file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs the built `actorgraph` end to end: real process, real exit status.
func runActorGraph(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("actorgraph")
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    // Files rather than pipes: nothing can block on a full pipe, whatever the command prints.
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputURL = folder.appendingPathComponent("stdout")
    let errorURL = folder.appendingPathComponent("stderr")
    let inputURL = folder.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inputURL.path, contents: Data((stdin ?? "").utf8))
    let output = try FileHandle(forWritingTo: outputURL)
    let errors = try FileHandle(forWritingTo: errorURL)
    let input = try FileHandle(forReadingFrom: inputURL)
    defer {
        try? output.close()
        try? errors.close()
        try? input.close()
    }
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    let outputData = try Data(contentsOf: outputURL)
    let errorData = try Data(contentsOf: errorURL)
    return CommandResult(
        stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
        status: process.terminationStatus, stdoutBytes: [UInt8](outputData))
}

/// A fresh temporary folder, removed by the caller with `try? FileManager.default.removeItem(at:)`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `body` in a fresh folder whose `graphs/NAME` holds `graph`, so commands find it by default.
func withGraph(_ graph: String, named name: String = "graph.yaml", _ body: (URL) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("graphs"), withIntermediateDirectories: true)
    try Data(graph.utf8).write(to: folder.appendingPathComponent("graphs/\(name)"))
    try body(folder)
}
