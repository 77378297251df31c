import Foundation

/// What a child process printed and how it exited.
public struct ProcessOutput: Sendable {
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    /// The exit status, or the signal's number when ``signaled``.
    public var status: Int32
    public var stdoutBytes: [UInt8]
    public var stderrBytes: [UInt8]
    /// Ended by a signal rather than by exiting.
    public var signaled = false
    /// Killed by the runner after the `timeout` given to ``runProcess(_:_:stdin:in:environment:standardOutput:standardError:timeout:)``.
    public var timedOut = false
}

/// Runs a program to its end with standard input, output and error in temporary files rather than pipes, so
/// nothing blocks on a full pipe whatever the program prints. The one process runner of the tests.
/// - Parameters:
///   - environment: variables set (or replaced) in the runner's own environment for the child.
///   - standardOutput, standardError: a handle (a device, a closed pipe, `/dev/full`) the child writes to instead
///     of the captured file; what it printed there is then not in the result.
///   - timeout: the child is killed (SIGKILL) after this many seconds and the result says ``ProcessOutput/timedOut``;
///     a hang detector, not a speed test.
public func runProcess(
    _ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
    environment: [String: String] = [:], standardOutput: FileHandle? = nil, standardError: FileHandle? = nil,
    timeout: TimeInterval? = nil
) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    }
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
    process.standardOutput = standardOutput ?? output
    process.standardError = standardError ?? errors
    process.standardInput = input
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if let timeout, finished.wait(timeout: .now() + timeout) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        timedOut = true
        finished.wait()
    } else if timeout == nil {
        finished.wait()
    }
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus, stdoutBytes: [UInt8](try Data(contentsOf: outputURL)),
        stderrBytes: [UInt8](try Data(contentsOf: errorURL)), signaled: process.terminationReason == .uncaughtSignal,
        timedOut: timedOut)
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
