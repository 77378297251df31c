import Foundation

/// What a child process printed and how it exited.
public struct ProcessOutput: Sendable {
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    public var status: Int32
    public var stdoutBytes: [UInt8]
    public var stderrBytes: [UInt8]
}

/// Runs a program to its end with standard input, output and error in temporary files rather than pipes, so
/// nothing blocks on a full pipe whatever the program prints.
public func runProcess(
    _ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil
) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
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
    return ProcessOutput(
        status: process.terminationStatus, stdoutBytes: [UInt8](try Data(contentsOf: outputURL)),
        stderrBytes: [UInt8](try Data(contentsOf: errorURL)))
}

/// A fresh temporary folder, removed by the caller with `try? FileManager.default.removeItem(at:)`.
public func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The package root (where `graphs/`, `seeds/` and `scripts/` live), found from this source file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
