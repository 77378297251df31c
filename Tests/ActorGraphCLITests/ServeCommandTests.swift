import Foundation
import Testing

/// `actorgraph serve` finds the explorer and runs it in its place with the options passed on.
@Suite struct ServeCommandTests {
    /// Runs `actorgraph serve …` with `ACTORGRAPH_EXPLORER` set, output to files.
    private func serve(_ arguments: [String], explorer: String) throws -> CommandResult {
        try runActorGraph(["serve"] + arguments, environment: ["ACTORGRAPH_EXPLORER": explorer])
    }

    @Test func runsTheExplorerWithTheOptionsPassedOn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("fake-explorer")
        try Data("#!/bin/sh\necho \"$0\" \"$@\"\nexit 7\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let result = try serve(["--sources", "../shared/seeds", "--port", "0"], explorer: fake.path)
        #expect(result.status == 7, "the explorer replaced the process and its status is the command's")
        #expect(
            result.stdout
                == "\(fake.path) --graph graphs --port 0 --host 127.0.0.1 --rate-limit 500 --query-timeout 10.0 --sources ../shared/seeds\n")
    }

    @Test func saysHowToBuildTheExplorerWhenItIsMissing() throws {
        let result = try serve([], explorer: "/nonexistent/actorgraph-explorer")
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: the explorer is not built (no actorgraph-explorer beside this program or in Explorer/.build)\n"
                + "hint: run `make explore`, or `swift build --package-path Explorer -c release`; "
                + "ACTORGRAPH_EXPLORER may name the executable\n")
    }

    @Test func refusesABadPort() throws {
        let result = try serve(["--port", "70000"], explorer: "/bin/true")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--port must be between 0 and 65535"))
    }
}
