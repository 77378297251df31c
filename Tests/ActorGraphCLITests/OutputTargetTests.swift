import ActorGraphTestSupport
import Foundation
import Testing

@testable import ActorGraphCLI

/// `-o` over links, devices, FIFOs and folders; standard streams that fail; permissions; names (issue 17, items
/// 2, 3, 7 and 10). End to end with the built binary over the repository's graph.
@Suite("Output targets and failing streams")
struct OutputTargetTests {
    private func fileType(_ path: String) -> mode_t {
        var information = stat()
        return lstat(path, &information) == 0 ? information.st_mode & S_IFMT : 0
    }

    private func mode(_ path: String) -> mode_t {
        var information = stat()
        return stat(path, &information) == 0 ? information.st_mode & 0o7777 : 0
    }

    @Test func aSymbolicLinkIsFollowedNotReplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.json").path
        let link = folder.appendingPathComponent("link.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        #expect(symlink("real.json", link) == 0)
        let result = try runActorGraph(["export", "--format", "json", "-o", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(link) == S_IFLNK)
        let text = try String(contentsOfFile: real, encoding: .utf8)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func aFIFOIsWrittenDirectly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = ReceivedBytes()
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while descriptor >= 0 {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                received.append(chunk[0..<count])
            }
            close(descriptor)
            received.finish()
        }
        reader.start()
        let result = try runActorGraph(["export", "--format", "jsonl", "-o", fifo])
        received.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(fifo) == S_IFIFO)
        let lines = String(decoding: received.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count > 10)
    }

    @Test func aFullDeviceReportsNoSpaceAndStaysADevice() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // As root, a private copy of /dev/full (major 1, minor 7), so a regression cannot replace the real one.
        var device = "/dev/full"
        if getuid() == 0 {
            device = folder.appendingPathComponent("full").path
            try #require(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0)
        }
        let result = try runActorGraph(["export", "--format", "json", "-o", device])
        #expect(result.status == 5)
        #expect(result.stderr == "error: cannot write '\(device)': No space left on device\n")
        #expect(fileType(device) == S_IFCHR)
    }

    @Test func aFolderIsRefusedAndDashIsStandardOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try runActorGraph(["export", "--format", "json", "-o", folder.path])
        #expect(refused.status == 5)
        #expect(refused.stderr == "error: cannot write '\(folder.path)': it is a folder; give a file name\n")
        let dash = try runActorGraph(
            ["export", "--graph", packageRoot.appendingPathComponent("graphs").path, "--format", "jsonl", "-o", "-"], in: folder)
        #expect(dash.status == 0, "\(dash.stderr)")
        #expect(dash.stdout.split(separator: "\n").count > 10)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
    }

    @Test func aFullStandardOutputEndsWithStatusFive() throws {
        let result = try runActorGraphWith(["actors"], standardOutput: "/dev/full")
        #expect(result.status == 5)
        #expect(result.stderr == "error: cannot write to standard output: No space left on device\n")
        let help = try runActorGraphWith(["--help"], standardOutput: "/dev/full")
        #expect(help.status == 5)
    }

    @Test func aFullStandardErrorEndsWithStatusFive() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("graph.json").path
        let result = try runActorGraphWith(["export", "--format", "json", "-o", output], standardError: "/dev/full")
        #expect(result.status == 5)
    }

    @Test func aClosedPipeEndsQuietly() throws {
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        close(descriptors[0])
        let writeEnd = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
        let result = try runActorGraphWith(["relations"], standardOutputHandle: writeEnd)
        // Quiet, with the status a shell shows for a tool SIGPIPE ended, whatever disposition we inherit.
        #expect(result.status == 141)
        #expect(result.stderr == "")
    }

    @Test func newFilesFollowTheUmaskAndReplacedFilesKeepTheirMode() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = folder.appendingPathComponent("fresh.json").path
        let result = try runActorGraphWith(["export", "--format", "json", "-o", fresh], shell: "umask 077")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(mode(fresh) == 0o600)
        let kept = folder.appendingPathComponent("kept.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: kept))
        #expect(chmod(kept, 0o640) == 0)
        let replaced = try runActorGraphWith(["export", "--format", "json", "-o", kept], shell: "umask 022")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(mode(kept) == 0o640)
    }

    @Test func oneFileUnderTwoNamesIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runActorGraph(
            ["export", "--graph", packageRoot.appendingPathComponent("graphs").path, "--format", "csv", "-o", "a.csv",
             "--actors-file", "./a.csv"], in: folder)
        #expect(result.status == 5)
        #expect(result.stderr == "error: cannot write './a.csv': the same file is named twice in one export\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.csv").path))
    }

    @Test func aFailedNeo4jExportLeavesNoFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Files of at most 512 bytes, and EFBIG rather than SIGXFSZ beyond: a write failure after the folder exists.
        let result = try runActorGraphWith(
            ["export", "--format", "neo4j", "-o", folder.appendingPathComponent("new").path],
            shell: "trap '' XFSZ; ulimit -f 1")
        #expect(result.status == 5)
        #expect(result.stderr.hasSuffix(": File too large\n"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func concurrentExportsNeverMixFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected: [[Data]] = []
        for seed in ["1", "2"] {
            let graph = folder.appendingPathComponent("g\(seed).yaml").path
            let made = try runActorGraph(["generate", "--actors", "200", "--relations", "2000", "--seed", seed, "-o", graph])
            try #require(made.status == 0, "\(made.stderr)")
            let alone = folder.appendingPathComponent("alone\(seed)")
            let result = try runActorGraph(["export", "--graph", graph, "--format", "neo4j", "-o", alone.path])
            try #require(result.status == 0, "\(result.stderr)")
            expected.append(try ["actors.csv", "relations.csv"].map { try Data(contentsOf: alone.appendingPathComponent($0)) })
        }
        let shared = folder.appendingPathComponent("shared")
        let executable = productsDirectory.appendingPathComponent("actorgraph")
        var mixed = 0
        for _ in 0..<30 {
            let processes = ["1", "2"].map { seed in
                let process = Process()
                process.executableURL = executable
                process.arguments = [
                    "export", "--graph", folder.appendingPathComponent("g\(seed).yaml").path, "--format", "neo4j", "-o", shared.path,
                ]
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            let found = try ["actors.csv", "relations.csv"].map { try Data(contentsOf: shared.appendingPathComponent($0)) }
            if !expected.contains(found) { mixed += 1 }
        }
        #expect(mixed == 0, "\(mixed) of 30 races left one export's actors beside the other's relations")
    }

    @Test func aNameAtTheLengthLimitIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "n", count: 250) + ".csv"
        let result = try runActorGraph(
            ["export", "--graph", packageRoot.appendingPathComponent("graphs").path, "--format", "csv", "-o", name], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }
}

/// Bytes a reader thread collects, handed to the test when the reader is done.
private final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var collected: [UInt8] = []

    func append(_ chunk: ArraySlice<UInt8>) { lock.withLock { collected.append(contentsOf: chunk) } }
    func finish() { done.signal() }
    func wait() { done.wait() }
    var bytes: [UInt8] { lock.withLock { collected } }
}

/// Runs the built `actorgraph` with chosen standard streams, optionally after shell commands (`umask 077`), through
/// the kit's ``runProcess``.
func runActorGraphWith(
    _ arguments: [String], standardOutput: String? = nil, standardOutputHandle: FileHandle? = nil,
    standardError: String? = nil, shell: String? = nil, executable other: String? = nil, in directory: URL? = nil
) throws -> CommandResult {
    let executable = productsDirectory.appendingPathComponent("actorgraph").path
    var program = URL(fileURLWithPath: executable)
    var argv = arguments
    if let other {
        program = URL(fileURLWithPath: other)
    } else if let shell {
        program = URL(fileURLWithPath: "/bin/sh")
        argv = ["-c", "\(shell) && exec \"$0\" \"$@\"", executable] + arguments
    }
    let output = try standardOutputHandle ?? standardOutput.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) }
    let errors = try standardError.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) }
    defer {
        if standardOutputHandle == nil { try? output?.close() }
        try? errors?.close()
    }
    let result = try runProcess(
        program, argv, in: directory ?? packageRoot, standardOutput: output, standardError: errors)
    return CommandResult(result)
}

/// Names reach a terminal with their control characters visible (issue 17, item 9).
@Suite("Control characters on a terminal")
struct TerminalEscapeTests {
    @Test func controlCharactersAreShownNotObeyed() {
        #expect(StandardStreams.escapingControls("a\u{1B}]0;t\u{07}b\tc\nd\r\u{7F}\u{85}é") == "a\\x1B]0;t\\x07b\tc\nd\\x0D\\x7F\\u0085é")
        #expect(StandardStreams.escapingControls("plain — text\n") == "plain — text\n")
    }

    @Test func anArgumentEchoedToATerminalIsEscaped() throws {
        // `script` gives the command a terminal (its output is the terminal's); the unknown actor is quoted back.
        let binary = productsDirectory.appendingPathComponent("actorgraph").path
        let command = "\(binary) show \"$(printf 'x\\033[2Jy')\""
        let onTerminal = try runActorGraphWith(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(onTerminal.stdout.contains("error: no actor 'x\\x1B[2Jy' in the graph"), "\(onTerminal.stdout)")
        #expect(!onTerminal.stdout.contains("\u{1B}[2J"))
        let onFile = try runActorGraph(["show", "x\u{1B}[2Jy"])
        #expect(onFile.stderr.hasPrefix("error: no actor 'x\u{1B}[2Jy' in the graph"))
    }

}
