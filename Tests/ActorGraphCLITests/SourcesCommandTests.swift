import ActorGraphTestSupport
import Foundation
import Testing

/// A made-up text for these tests (three lines, the last without a newline).
private let memo = "Memo on the harbour talks\nThe two delegations met at the port.\nNo agreement was signed."

private func withCase(_ body: (URL) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
    try Data(memo.utf8).write(to: folder.appendingPathComponent("seeds/Harbour Memo (2024).txt"))
    try body(folder)
}

private func read(_ folder: URL, _ path: String) throws -> String {
    String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
}

/// The hash as coreutils computes it, independent of ActorGraph.
private func shellSHA(_ text: String) throws -> String {
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/sha256sum"), [], stdin: text)
    return String(result.stdout.prefix(64))
}

@Suite("sources add, list, show, verify")
struct SourcesCommandTests {
    @Test func addCreatesTheCatalogueWithComputedHashAndLines() throws {
        let sha = try shellSHA(memo)
        try withCase { folder in
            let result = try runActorGraph(["sources", "add", "seeds/Harbour Memo (2024).txt", "--published", "2024-03"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout == """
                    added source 'harbour-memo-2024' to seeds/sources.yaml: Harbour Memo (2024).txt, 3 lines, sha256 \(sha.prefix(12))…
                      title taken from line 1: Memo on the harbour talks
                      cite it as {source: harbour-memo-2024, lines: "A-B"}; add a summary in your own words when you can

                    """)
            #expect(
                try read(folder, "seeds/sources.yaml") == """
                    # The source catalogue (docs/FORMAT.md): one entry per document, added by actorgraph sources add.
                    sources:
                      - id: harbour-memo-2024
                        file: "Harbour Memo (2024).txt"
                        title: "Memo on the harbour talks"
                        published: 2024-03
                        sha256: \(sha)
                        lines: 3

                    """)
            // A graph citing it loads and verifies, with no summary or language written.
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("graphs"), withIntermediateDirectories: true)
            try Data(
                """
                actors: [{id: a, name: Alpha, kind: state}, {id: b, name: Beta, kind: state}]
                relations:
                  - {from: a, to: b, type: meets, sources: [{source: harbour-memo-2024, lines: "2"}], note: They met.}
                """.utf8
            ).write(to: folder.appendingPathComponent("graphs/case.yaml"))
            let check = try runActorGraph(["check", "--sources", "seeds"], in: folder)
            #expect(check.status == 0, "\(check.stderr)")
        }
    }

    @Test func addRefusesATakenIdOrTheSameTextAndLeavesTheCatalogueAlone() throws {
        try withCase { folder in
            #expect(try runActorGraph(["sources", "add", "seeds/Harbour Memo (2024).txt", "--id", "memo"], in: folder).status == 0)
            let before = try read(folder, "seeds/sources.yaml")
            try Data("Another text\n".utf8).write(to: folder.appendingPathComponent("seeds/other.txt"))
            let taken = try runActorGraph(["sources", "add", "seeds/other.txt", "--id", "memo"], in: folder)
            #expect(taken.status == 1)
            #expect(
                taken.stderr == """
                    seeds/sources.yaml: error: source id 'memo' is already in the catalogue (file 'Harbour Memo (2024).txt')
                      hint: choose another --id
                    1 error in the catalogue; nothing was written.

                    """)
            let twin = try runActorGraph(["sources", "add", "seeds/Harbour Memo (2024).txt", "--id", "memo-again"], in: folder)
            #expect(twin.status == 1)
            #expect(twin.stderr.hasPrefix("seeds/sources.yaml: error: this text is already catalogued as 'memo'"))
            #expect(try read(folder, "seeds/sources.yaml") == before)
            let outside = try runActorGraph(["sources", "add", "/etc/hostname"], in: folder)
            #expect(outside.status == 1)
            #expect(outside.stderr.hasPrefix("error: '/etc/hostname' is not inside the sources folder 'seeds'"))
            let badDate = try runActorGraph(["sources", "add", "seeds/other.txt", "--published", "2024-13"], in: folder)
            #expect(badDate.status == 1)
            #expect(badDate.stderr.hasPrefix("error: --published '2024-13': "))
            #expect(try read(folder, "seeds/sources.yaml") == before)
        }
    }

    @Test func addKeepsAnExistingCatalogueByteForByteAndAppendsInsideItsList() throws {
        try withCase { folder in
            let existing = """
                # my catalogue
                sources:
                    - id: old
                      file: old.txt
                      title: Old   # a comment
                      language: en
                      sha256: \(String(repeating: "0", count: 64))
                      lines: 1
                actorgraph: 1
                """
            try Data(existing.utf8).write(to: folder.appendingPathComponent("seeds/sources.yaml"))
            let result = try runActorGraph(["sources", "add", "seeds/Harbour Memo (2024).txt", "--id", "memo", "--title", "A \"quoted\" title"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let sha = try shellSHA(memo)
            #expect(
                try read(folder, "seeds/sources.yaml") == """
                    # my catalogue
                    sources:
                        - id: old
                          file: old.txt
                          title: Old   # a comment
                          language: en
                          sha256: \(String(repeating: "0", count: 64))
                          lines: 1

                        - id: memo
                          file: "Harbour Memo (2024).txt"
                          title: "A \\"quoted\\" title"
                          sha256: \(sha)
                          lines: 3
                    actorgraph: 1

                    """)
            let list = try runActorGraph(["sources", "list"], in: folder)
            #expect(
                list.stdout == """
                    ID    FILE                     LINES  PUBLISHED  SUMMARY  TITLE
                    ----  -----------------------  -----  ---------  -------  ----------------
                    old   old.txt                  1                 no       Old
                    memo  Harbour Memo (2024).txt  3                 no       A "quoted" title

                    """)
        }
    }

    @Test func showPrintsNumberedLinesAndRefusesAChangedText() throws {
        try withCase { folder in
            #expect(try runActorGraph(["sources", "add", "seeds/Harbour Memo (2024).txt", "--id", "memo"], in: folder).status == 0)
            let shown = try runActorGraph(["sources", "show", "memo", "--lines", "2-3"], in: folder)
            #expect(
                shown.stdout == """
                    memo: Memo on the harbour talks (Harbour Memo (2024).txt, lines 2-3 of 3)
                    2 | The two delegations met at the port.
                    3 | No agreement was signed.

                    """)
            let json = try runActorGraph(["sources", "show", "memo", "--lines", "3", "--format", "json"], in: folder)
            #expect(json.stdout.contains("\"line\": 3,\n      \"text\": \"No agreement was signed.\""))
            let outside = try runActorGraph(["sources", "show", "memo", "--lines", "3-4"], in: folder)
            #expect(outside.status == 1)
            #expect(outside.stderr == "error: --lines 3-4 lies outside 'memo', which has 3 lines\nhint: cite lines between 1 and 3\n")
            let typo = try runActorGraph(["sources", "show", "mem"], in: folder)
            #expect(typo.stderr == "error: no source 'mem' in seeds/sources.yaml\nhint: did you mean 'memo'?\n")
            try Data((memo + "\nA fourth line.").utf8).write(to: folder.appendingPathComponent("seeds/Harbour Memo (2024).txt"))
            let changed = try runActorGraph(["sources", "show", "memo"], in: folder)
            #expect(changed.status == 1)
            #expect(changed.stderr.contains("changed since it was catalogued"))
        }
    }

    @Test func verifyChecksEveryTextAndNamesThePlaces() throws {
        try withCase { folder in
            #expect(try runActorGraph(["sources", "add", "seeds/Harbour Memo (2024).txt", "--id", "memo"], in: folder).status == 0)
            let good = try runActorGraph(["sources", "verify"], in: folder)
            #expect(good.status == 0)
            #expect(
                good.stdout
                    == "1 source in seeds/sources.yaml verified against seeds: files present, sha256 and line counts match.\nNo summary yet: memo\n")
            try Data((memo + "\nA fourth line.").utf8).write(to: folder.appendingPathComponent("seeds/Harbour Memo (2024).txt"))
            let bad = try runActorGraph(["sources", "verify"], in: folder)
            #expect(bad.status == 1)
            let lines = bad.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("seeds/sources.yaml:6:13: error: sha256 of 'Harbour Memo (2024).txt' does not match") == true)
            #expect(lines.contains("seeds/sources.yaml:7:12: error: 'Harbour Memo (2024).txt' has 4 lines, not 3"))
            #expect(lines.last == "2 errors in the catalogue.")
            let json = try runActorGraph(["sources", "verify", "--format", "json"], in: folder)
            #expect(json.status == 1)
            #expect(json.stdout.contains("\"verified\": false"))
        }
    }
}
