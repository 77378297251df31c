import ActorGraphTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One hostile input per family of issue 17's survey, end to end with the built binary: the command ends by
/// itself within a generous bound (a hang detector, not a speed test), by exit and not by a signal, with a
/// positioned error and no partial output — or, where the input is legal, with output its real consumer parses.
@Suite("Hostile input, one family each")
struct HostileInputTests {
    /// Far above any of these commands' real time; only a hang reaches it.
    static let hangBound: TimeInterval = 120

    private struct Outcome {
        var status: Int32
        var signaled: Bool
        var stdout: [UInt8]
        var stderr: String
    }

    /// Runs `actorgraph` in `folder`; a run past ``hangBound`` is killed and recorded as an issue.
    private func run(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let result = try runProcess(
            productsDirectory.appendingPathComponent("actorgraph"), arguments, in: folder, timeout: Self.hangBound)
        if result.timedOut {
            Issue.record("actorgraph \(arguments) ran past \(Self.hangBound) s", sourceLocation: sourceLocation)
        }
        let outcome = Outcome(status: result.status, signaled: result.signaled, stdout: result.stdoutBytes, stderr: result.stderr)
        #expect(!outcome.signaled, "killed by signal \(outcome.status): \(outcome.stderr)", sourceLocation: sourceLocation)
        return outcome
    }

    /// A fresh folder holding `files`.
    private func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try temporaryFolder()
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The files in `folder`, to show nothing partial was left.
    private func names(_ folder: URL) throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) }

    /// A source to cite (not verified: no --sources), then two actors.
    private static let twoActors = sourceHeader + """
        actors:
          - {id: ru, name: Russia, kind: state}
          - {id: tb, name: Taliban, kind: group}

        """

    private static let sourceHeader = """
        sources:
          - {id: doc, file: doc.txt, title: T, language: en, lines: 10, summary: S.,
             sha256: e9bbd62177fa9ba490cd95db5efa8caf826c1f22bae4079a6fce83b2cf2e2312}

        """

    @Test func yamlNestedTenThousandDeep() throws {
        let text = "actors: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let folder = try folder(["g.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run(["export", "--graph", "g.yaml", "--format", "json", "-o", "out.json"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("g.yaml:1:"), "\(outcome.stderr.prefix(300))")
        #expect(try names(folder) == ["g.yaml"])
    }

    @Test func edtfDatesOutOfEveryRange() throws {
        let dates = ["99999999999999999999", "2021-02-30", "2021/2020", "../..", "2021-00", "-0000-13", "2021-08-17T25:00"]
        var text = Self.twoActors + "relations:\n"
        for date in dates {
            text += "  - {from: ru, to: tb, type: meets, date: \"\(date)\", note: n, sources: [{source: doc, lines: \"1\"}]}\n"
        }
        let folder = try folder(["g.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run(["check", "--graph", "g.yaml"], in: folder)
        #expect(outcome.status == 1)
        // Every date is refused at its own line.
        for line in 8..<(8 + dates.count) { #expect(outcome.stderr.contains("g.yaml:\(line):"), "line \(line)") }
    }

    @Test func graphSemanticsUnknownAndDuplicateActors() throws {
        let text = Self.twoActors + """
              - {id: ru, name: Russia again, kind: state}
            relations:
              - {from: ru, to: nobody, type: meets, date: "2021", note: n, sources: [{source: doc, lines: "1"}]}
              - {from: ru, to: tb, type: no-such-type, date: "2021", note: n, sources: [{source: doc, lines: "1"}]}

            """
        let folder = try folder(["g.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run(["check", "--graph", "g.yaml"], in: folder)
        #expect(outcome.status == 1)
        for line in [7, 9, 10] { #expect(outcome.stderr.contains("g.yaml:\(line):"), "line \(line): \(outcome.stderr)") }
    }

    @Test func csvWithNULInvalidUTF8AndAnOpenQuote() throws {
        var bytes = Array("source,target,type,date\nru,tb,meets,2021\n".utf8)
        bytes += [0x72, 0x75, 0x00, 0x2C, 0x74, 0x62, 0x2C, 0x6D, 0x65, 0x65, 0x74, 0x73, 0x2C, 0x32, 0x30, 0x32, 0x31, 0x0A]
        bytes += [0x72, 0xFF, 0x2C, 0x74, 0x62, 0x2C, 0x6D, 0x65, 0x65, 0x74, 0x73, 0x2C, 0x32, 0x30, 0x32, 0x31, 0x0A]
        bytes += Array("ru,\"tb,meets,2021\n".utf8)
        let folder = try folder(["e.csv": bytes])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run(["import", "e.csv", "--default-kind", "group", "-o", "out.yaml"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("e.csv:3:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("e.csv:4:"), "\(outcome.stderr)")
        #expect(try names(folder) == ["e.csv"])
    }

    @Test func injectionIntoEveryOutputParsesWithItsConsumer() throws {
        let name = "</name><script>alert(1)</script> \\\" ]]> =cmd|' /C calc'!A0 &amp; \\N"
        let text = Self.sourceHeader + """
            actors:
              - {id: ru, name: "\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))", kind: state}
              - {id: tb, name: Taliban, kind: group}
            relations:
              - {from: ru, to: tb, type: meets, date: "2021", note: "n", sources: [{source: doc, lines: "1"}]}

            """
        let folder = try folder(["g.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["graphml", "gexf"] {
            let outcome = try run(["export", "--graph", "g.yaml", "--format", format, "-o", "-"], in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let parser = XMLParser(data: Data(outcome.stdout))
            #expect(parser.parse(), "\(format) does not parse as XML")
        }
        let json = try run(["export", "--graph", "g.yaml", "--format", "json", "-o", "-"], in: folder)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any]
        let nodes = document?["nodes"] as? [[String: Any]]
        #expect(nodes?.contains { $0["name"] as? String == name } == true)
        let svg = try run(["render", "--graph", "g.yaml", "-o", "-"], in: folder)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(XMLParser(data: Data(svg.stdout)).parse(), "the SVG does not parse")
        // The CSV edge list reads back with the same name.
        let csv = try run(["export", "--graph", "g.yaml", "--format", "csv", "-o", "e.csv", "--actors-file", "e.actors.csv"], in: folder)
        #expect(csv.status == 0, "\(csv.stderr)")
        let back = try run(["actors", "--graph", "e.csv", "--format", "json"], in: folder)
        #expect(back.status == 0, "\(back.stderr)")
        let actors = try JSONSerialization.jsonObject(with: Data(back.stdout)) as? [[String: Any]]
        #expect(actors?.contains { $0["name"] as? String == name } == true, "\(String(decoding: back.stdout, as: UTF8.self))")
    }

    @Test func snapshotTruncatedAndFlipped() throws {
        let folder = try folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiled = try run(["compile", packageRoot.appendingPathComponent("graphs").path, "-o", "g.agraph"], in: folder)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("g.agraph")))
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        try Data(flipped).write(to: folder.appendingPathComponent("flipped.agraph"))
        try Data(bytes.prefix(bytes.count / 3)).write(to: folder.appendingPathComponent("short.agraph"))
        for name in ["flipped.agraph", "short.agraph"] {
            let outcome = try run(["relations", "--graph", name], in: folder)
            #expect(outcome.status == 1, "\(name): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("\(name)"), "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
    }

    @Test func queriesThatCouldExplodeAreBounded() throws {
        // A complete graph of 12 actors: simple paths between two of them number in the hundreds of millions.
        var text = Self.sourceHeader + "actors:\n"
        for index in 0..<12 { text += "  - {id: a\(index), name: A\(index), kind: group}\n" }
        text += "relations:\n"
        for first in 0..<12 {
            for second in (first + 1)..<12 {
                text += "  - {from: a\(first), to: a\(second), type: meets, date: \"2021\", note: n, sources: [{source: doc, lines: \"1\"}]}\n"
            }
        }
        let folder = try folder(["g.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run(["path", "--graph", "g.yaml", "a0", "a11", "--all", "--max-length", "11", "--limit", "1000"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.isEmpty)
        let central = try run(["central", "--graph", "g.yaml", "--measure", "betweenness", "--format", "json"], in: folder)
        #expect(central.status == 0, "\(central.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(central.stdout))) != nil)
    }

    @Test func renderingHostileLabelsGivesParsableSVG() throws {
        var text = Self.sourceHeader + "actors:\n"
        let names = ["ends in \\\\", "quote \\\" inside", "&lt;b&gt;", "\\\\N \\\\G", "x".padding(toLength: 20_000, withPad: "y", startingAt: 0)]
        for (index, name) in names.enumerated() { text += "  - {id: a\(index), name: \"\(name)\", kind: group}\n" }
        text += "relations:\n"
        for index in 1..<names.count {
            text += "  - {from: a0, to: a\(index), type: meets, date: \"2021\", note: n, sources: [{source: doc, lines: \"1\"}]}\n"
        }
        let folder = try folder(["g.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run(["render", "--graph", "g.yaml", "-o", "out.svg"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let svg = try Data(contentsOf: folder.appendingPathComponent("out.svg"))
        #expect(XMLParser(data: svg).parse())
    }

    @Test func filesystemFaultsLeaveNothingBehind() throws {
        let folder = try folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let graphs = packageRoot.appendingPathComponent("graphs").path
        let missing = try run(["export", "--graph", graphs, "--format", "json", "-o", "no/such/folder/out.json"], in: folder)
        #expect(missing.status == 5)
        #expect(missing.stderr == "error: cannot write 'no/such/folder/out.json': No such file or directory\n")
        let input = try run(["export", "--graph", graphs, "--format", "yaml", "-o", graphs + "/russia-taliban.yaml"], in: folder)
        #expect(input.status == 5)
        #expect(input.stderr.hasSuffix("it is one of the input files; choose another output\n"))
        #expect(try names(folder).isEmpty)
    }
}
