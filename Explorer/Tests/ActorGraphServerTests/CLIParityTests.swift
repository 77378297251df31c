import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// Each JSON endpoint against the real `actorgraph` executable: the same question asked of the server and of the
/// CLI's `--format json` must give the same bytes (docs/EXPLORER.md promises "exactly").
@Suite struct CLIParityTests {
    /// The CLI built from the same sources as the server (`swift build --package-path Explorer --product actorgraph`,
    /// which `make explorer-test` runs first), or `$ACTORGRAPH_CLI`.
    static func cli() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["ACTORGRAPH_CLI"] { return URL(fileURLWithPath: path) }
        let candidates = [
            Fixtures.explorer.appendingPathComponent(".build/debug/actorgraph"),
            Fixtures.explorer.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/actorgraph"),
        ]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "build the CLI beside the server first: swift build --package-path Explorer --product actorgraph")
    }

    /// The CLI's standard output and exit status for `arguments` on the seed graph.
    static func run(_ arguments: [String]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = try cli()
        process.arguments = arguments + ["--graph", "graphs", "--catalogue", "seeds/sources.yaml", "--format", "json"]
        process.currentDirectoryURL = Fixtures.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// (API request, CLI arguments, CLI exit status): the API's defaults written out as the CLI's options
    /// (`undated` is on by default in the API, so a time filter there is `--include-undated` here).
    static let cases: [(String, [String], Int32)] = [
        ("/api/actor/zhirnov", ["show", "zhirnov"], 0),
        ("/api/actor/Dmitry%20Zhirnov", ["show", "Dmitry Zhirnov"], 0),
        ("/api/actor/al-qaeda", ["show", "al-qaeda"], 0),
        ("/api/neighbors/zhirnov", ["neighbors", "zhirnov"], 0),
        (
            "/api/neighbors/taliban?depth=2&at=2022&possibly=1",
            ["neighbors", "taliban", "--depth", "2", "--at", "2022", "--possibly", "--include-undated"], 0
        ),
        (
            "/api/neighbors/russia?categories=economic,diplomatic&status=reported&minGrade=B2&from=2014&to=2021&undated=0",
            [
                "neighbors", "russia", "--categories", "economic,diplomatic", "--status", "reported", "--min-grade", "B2",
                "--between", "2014..2021",
            ], 0
        ),
        ("/api/neighbors/taliban?kinds=state&hide=russia", ["neighbors", "taliban", "--kinds", "state", "--avoid", "russia"], 0),
        ("/api/path?from=putin&to=al-qaeda", ["path", "putin", "al-qaeda"], 0),
        ("/api/path?from=putin&to=al-qaeda&mode=k&k=3", ["path", "putin", "al-qaeda", "--shortest", "3"], 0),
        ("/api/path?from=al-qaeda&to=putin&mode=earliest", ["path", "al-qaeda", "putin", "--temporal", "earliest"], 3),
        (
            "/api/path?from=al-qaeda&to=putin&mode=earliest&possibly=1",
            ["path", "al-qaeda", "putin", "--temporal", "earliest", "--possibly"], 0
        ),
        (
            "/api/path?from=al-qaeda&to=putin&mode=fastest&possibly=1",
            ["path", "al-qaeda", "putin", "--temporal", "fastest", "--possibly"], 0
        ),
        ("/api/path?from=putin&to=al-qaeda&categories=economic", ["path", "putin", "al-qaeda", "--categories", "economic"], 3),
        ("/api/path?from=putin&to=al-qaeda&hide=russia", ["path", "putin", "al-qaeda", "--avoid", "russia"], 3),
        ("/api/path?from=putin&to=al-qaeda&hide=taliban", ["path", "putin", "al-qaeda", "--avoid", "taliban"], 0),
        ("/api/timeline?actor=russia&other=taliban", ["timeline", "russia", "taliban"], 0),
        ("/api/timeline?actor=taliban&at=2021&undated=0", ["timeline", "taliban", "--at", "2021"], 0),
    ]

    @Test(arguments: Self.cases.indices)
    func theEndpointAnswersWhatTheCLIPrints(_ index: Int) async throws {
        let (uri, arguments, status) = Self.cases[index]
        let cli = try Self.run(arguments)
        #expect(cli.status == status, "actorgraph \(arguments.joined(separator: " "))")
        #expect(cli.output.hasPrefix("{"), "actorgraph \(arguments.joined(separator: " ")) printed no JSON")
        let service = try Fixtures.seedService()
        let response = try await Fixtures.application(service).test(.router) { client in
            try await client.execute(uri: uri, method: .get)
        }
        #expect(response.status == .ok, "\(uri)")
        #expect(Fixtures.text(response) == cli.output, "\(uri) differs from actorgraph \(arguments.joined(separator: " "))")
    }
}
