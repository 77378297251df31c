import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ActorGraphServer

/// Each JSON endpoint against the real `actorgraph` executable: the same question asked of the server and of the
/// CLI's `--format json` must give the same bytes (docs/EXPLORER.md promises "exactly").
@Suite struct CLIParityTests {
    /// `$ACTORGRAPH_CLI` (`make explorer-test` builds the main package and points it at `.build/debug/actorgraph`),
    /// else the main package's debug build, else one built beside the server. Build it from the same sources first:
    /// a stale CLI fails these tests.
    static func cli() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["ACTORGRAPH_CLI"] { return URL(fileURLWithPath: path) }
        let candidates = [
            Fixtures.root.appendingPathComponent(".build/debug/actorgraph"),
            Fixtures.explorer.appendingPathComponent(".build/debug/actorgraph"),
        ]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "build the CLI first (swift build in the repository root) or set ACTORGRAPH_CLI")
    }

    /// The CLI's standard output and exit status for `arguments` on the seed graph (`--format json` unless `format`).
    static func run(_ arguments: [String], format: String = "json") throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = try cli()
        process.arguments = arguments + ["--graph", "graphs", "--catalogue", "seeds/sources.yaml", "--format", format]
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
        ("/api/path?path=putin,al-qaeda", ["path", "putin", "al-qaeda"], 0),
        ("/api/path?path=putin,al-qaeda&pathMode=k&k=3", ["path", "putin", "al-qaeda", "--shortest", "3"], 0),
        ("/api/path?path=al-qaeda,putin&pathMode=earliest", ["path", "al-qaeda", "putin", "--temporal", "earliest"], 3),
        (
            "/api/path?path=al-qaeda,putin&pathMode=earliest&possibly=1",
            ["path", "al-qaeda", "putin", "--temporal", "earliest", "--possibly"], 0
        ),
        (
            "/api/path?path=al-qaeda,putin&pathMode=fastest&possibly=1",
            ["path", "al-qaeda", "putin", "--temporal", "fastest", "--possibly"], 0
        ),
        ("/api/path?path=putin,al-qaeda&categories=economic", ["path", "putin", "al-qaeda", "--categories", "economic"], 3),
        ("/api/path?path=putin,al-qaeda&hide=russia", ["path", "putin", "al-qaeda", "--avoid", "russia"], 3),
        ("/api/path?path=putin,al-qaeda&hide=taliban", ["path", "putin", "al-qaeda", "--avoid", "taliban"], 0),
        // The path finder honours every filter of the view, the time window included (as `--between`, `--at`).
        (
            "/api/path?path=putin,al-qaeda&from=2021&to=2023&undated=0",
            ["path", "putin", "al-qaeda", "--between", "2021..2023"], 3
        ),
        (
            "/api/path?path=putin,al-qaeda&from=2021&to=2023",
            ["path", "putin", "al-qaeda", "--between", "2021..2023", "--include-undated"], 0
        ),
        ("/api/path?path=russia,taliban&status=denied", ["path", "russia", "taliban", "--status", "denied"], 0),
        (
            "/api/path?path=russia,taliban&pathMode=k&k=2&at=2021&minGrade=C3&types=meets,cooperates_with",
            [
                "path", "russia", "taliban", "--shortest", "2", "--at", "2021", "--include-undated", "--min-grade", "C3",
                "--types", "meets,cooperates_with",
            ], 0
        ),
        (
            "/api/path?path=al-qaeda,putin&pathMode=earliest&from=1999&to=2005&possibly=1",
            ["path", "al-qaeda", "putin", "--temporal", "earliest", "--between", "1999..2005", "--possibly", "--include-undated"],
            0
        ),
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

    /// Views whose chart the server draws: its DOT must be what the view's own `command` line makes `actorgraph
    /// render` write (`--format dot` in place of `-o view.svg`), so the page and the CLI draw through the same
    /// ActorGraphDOT ``LinkChart`` and the command really reproduces the view.
    static let views = [
        "focus=zhirnov", "focus=taliban&depth=2&at=2021&possibly=1", "focus=russia&categories=diplomatic&labels=0",
        "focus=taliban&hide=russia&bundle=none", "focus=kabulov&bundle=type&status=reported,claimed",
        "path=putin,al-qaeda", "path=russia,taliban&pathMode=k&k=2&status=denied",
        "path=al-qaeda,putin&pathMode=fastest&possibly=1", "from=2021-08-15&to=2021-08-31&undated=0",
    ]

    @Test(arguments: Self.views)
    func theChartIsWhatTheViewsCommandRenders(_ query: String) async throws {
        let service = try Fixtures.seedService()
        let (view, dot) = try await Fixtures.application(service).test(.router) { client in
            (
                try await client.execute(uri: "/api/view?" + query, method: .get),
                try await client.execute(uri: "/api/export?format=dot&" + query, method: .get)
            )
        }
        #expect(dot.status == .ok, "\(query)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.text(view).utf8)) as? [String: Any])
        let command = try #require(json["command"] as? String)
        var words = try #require(Self.shellWords(command), "\(command)")
        #expect(Array(words.prefix(2)) == ["actorgraph", "render"])
        #expect(Array(words.suffix(2)) == ["-o", "view.svg"], "\(command)")
        words = Array(words.dropFirst().dropLast(2))
        let cli = try Self.run(words, format: "dot")
        #expect(cli.status == 0, "\(command)")
        #expect(Fixtures.text(dot) == cli.output, "\(query): the chart differs from \(command)")
        #expect(cli.output.contains("id=\"link-0\""), "\(query) draws no link")
    }

    /// Words as a POSIX shell splits `text` with single quotes only (what ``ExplorerView/shellQuoted(_:)`` writes);
    /// `nil` for anything else.
    static func shellWords(_ text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quoted = false
        for character in text {
            if quoted {
                if character == "'" { quoted = false } else { word.append(character) }
            } else if character == "'" {
                quoted = true
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if character == "\\" || character == "\"" || character == "#" {
                return nil
            } else {
                word.append(character)
                inWord = true
            }
        }
        if quoted { return nil }
        if inWord { words.append(word) }
        return words
    }
}
