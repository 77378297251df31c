import ActorGraphCLI
import ActorGraphTestSupport
import ArgumentParser
import Foundation
import Testing

/// A small graph written for these tests, independent of the curated seed graph.
private let tinyGraph = """
    relation_types:
      represents: {directed: true, category: role, inverse: represented by}
      meets: {directed: false, category: diplomatic}
      designates_terrorist: {directed: true, category: legal, inverse: designated terrorist by}
    sources:
      - {id: doc, file: doc.txt, title: Doc, language: en, sha256: 0000000000000000000000000000000000000000000000000000000000000000, lines: 20, summary: A test document.}
    actors:
      - {id: russia, name: Russia, kind: state, aliases: [Russian Federation]}
      - {id: taliban, name: Taliban, kind: group, aliases: [Islamic Emirate]}
      - {id: kabulov, name: Zamir Kabulov, kind: official, country: russia}
      - {id: muttaqi, name: Amir Khan Muttaqī, kind: official}
    relations:
      - {id: kabulov-represents, from: kabulov, to: russia, type: represents, date: 2017/.., sources: [{source: doc, lines: "12-14"}], note: Envoy., attributes: {role: special envoy}}
      - {id: first-meeting, from: russia, to: taliban, type: meets, date: 2021-08-17, sources: [{source: doc, lines: "3"}], note: A meeting.}
      - {id: ban, from: russia, to: taliban, type: designates_terrorist, date: 2003-02/2025, sources: [{source: doc, lines: "5-6"}], note: The ban.}
    """

private func withTinyGraph(_ body: (URL) throws -> Void) throws {
    try withGraph(tinyGraph, named: "tiny.yaml", body)
}

@Suite("Foundation commands")
struct FoundationCommandsTests {
    /// Every command's whole help text, against `Golden/help/COMMAND.txt` (hidden commands included).
    @Test func helpTextsAreWhole() {
        let commands: [any ParsableCommand.Type] = [ActorGraphCommand.self] + ActorGraphCommand.configuration.subcommands
        for command in commands {
            let name = command == ActorGraphCommand.self ? "actorgraph" : command._commandName
            Golden.expect(
                ActorGraphCommand.helpMessage(for: command, includeHidden: true, columns: 100),
                matches: cliGoldenFolder.appendingPathComponent("help/\(name).txt"))
        }
    }

    @Test func parsesOptionsInProcess() throws {
        #expect(
            parseFailure(["actors", "--kind", "planet"])
                == "The value 'planet' is invalid for '--kind <kind>'. Please provide one of 'state', 'group' or 'official'.")
        #expect(
            parseFailure(["check", "--format", "xml"])
                == "The value 'xml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.")
        let parsed = try ActorGraphCommand.parseAsRoot(["actors", "--kind", "official", "--format", "json"])
        #expect(String(reflecting: type(of: parsed)) == "ActorGraphCLI.ActorGraphCommand.ActorsCommand")
        let fields = String(describing: parsed)
        #expect(fields.contains("_kind: Optional(ActorGraph.ActorKind.official)"), "\(fields)")
        #expect(fields.contains("_format: json"), "\(fields)")
    }

    @Test func checkCountsAndJSON() throws {
        try withTinyGraph { folder in
            let result = try runActorGraph(["check", "--format", "json"], in: folder)
            #expect(result.status == 0)
            #expect(result.stdout.contains("\"actors\": 4,"))
            #expect(result.stdout.contains("\"relations\": 3,"))
            #expect(result.stdout.contains("\"errors\": [],"))
            #expect(result.stdout.contains("\"bytes_per_relation\": "))
            #expect(result.stdout.contains("\"2020s\": 1"))
            let text = try runActorGraph(["check"], in: folder)
            #expect(text.stdout.contains("4 actors: 1 state, 1 group, 2 official"))
            #expect(text.stdout.contains("3 relations: 3 dated, 0 undated"))
        }
    }

    @Test func checkReportsEveryErrorAndExitsOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("actors:\n  - {id: a, name: A, kind: stat}\nrelations:\n  - {from: a, to: b, type: meets, sources: [{source: x, lines: \"1\"}], note: n}\n".utf8).write(to: bad)
        let result = try runActorGraph(["check", "--graph", bad.path], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad.yaml:2:28: error: unknown actor kind 'stat'"))
        #expect(result.stderr.contains("bad.yaml:4:19: error: unknown actor 'b' in 'to'"))
        #expect(result.stderr.contains("bad.yaml:4:54: error: unknown source 'x'"))
        #expect(result.stderr.contains("3 errors found."))
        let json = try runActorGraph(["check", "--graph", bad.path, "--format", "json"], in: folder)
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"message\": \"unknown actor kind 'stat'\""))
        #expect(json.stdout.contains("\"line\": 2,"))
    }

    @Test func actorsFiltersByKindAndMatch() throws {
        try withTinyGraph { folder in
            let json = try runActorGraph(["actors", "--kind", "official", "--format", "json"], in: folder)
            #expect(json.status == 0)
            #expect(json.stdout.contains("\"id\": \"kabulov\""))
            #expect(json.stdout.contains("\"id\": \"muttaqi\""))
            #expect(!json.stdout.contains("\"id\": \"russia\""))
            let matched = try runActorGraph(["actors", "--match", "muttaqi", "--format", "csv"], in: folder)
            // The export's actor list, which `import --actors` reads back.
            #expect(matched.stdout == "id,name,kind,subkind,aliases,description,country\r\nmuttaqi,Amir Khan Muttaqī,official,,,,\r\n")
        }
    }

    @Test func showPrintsACardWithRolesAndCitations() throws {
        try withTinyGraph { folder in
            let result = try runActorGraph(["show", "zamir kabulov"], in: folder)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Zamir Kabulov  [kabulov]"))
            #expect(result.stdout.contains("special envoy — Russia (2017/..)  [doc L12-14]"))
            #expect(result.stdout.contains("Zamir Kabulov —represents→ Russia (2017/..)  [doc L12-14]"))
            let russia = try runActorGraph(["show", "Russian Federation"], in: folder)
            // Read from Russia's side, the role reads backwards with its inverse label; events are in date order.
            #expect(russia.stdout.contains("Russia —represented by→ Zamir Kabulov (2017/..)"))
            let lines = russia.stdout.split(separator: "\n").map(String.init)
            let ban = try #require(lines.firstIndex { $0.contains("designated terrorist") || $0.contains("designates terrorist") })
            #expect(lines[ban].contains("Russia —designates terrorist→ Taliban (2003-02/2025)"))
        }
    }

    @Test func badActorReferencesExitTwo() throws {
        try withTinyGraph { folder in
            let unknown = try runActorGraph(["show", "kabulow"], in: folder)
            #expect(unknown.status == 2)
            #expect(unknown.stderr == "error: no actor 'kabulow' in the graph\nhint: did you mean 'kabulov' (Zamir Kabulov)?\n")
            let missing = try runActorGraph(["show", "nobody"], in: folder)
            #expect(missing.status == 2)
        }
    }

    @Test func relationsAsJSONCarryTheDocumentedKeys() throws {
        try withTinyGraph { folder in
            let result = try runActorGraph(["relations", "--actor", "taliban", "--format", "json"], in: folder)
            #expect(result.status == 0)
            for key in ["\"id\"", "\"from\"", "\"to\"", "\"type\"", "\"category\"", "\"directed\"", "\"date\"", "\"sources\"", "\"note\""] {
                #expect(result.stdout.contains(key))
            }
            // Date order: the 2003 ban before the 2021 meeting.
            let ban = try #require(result.stdout.range(of: "\"id\": \"ban\""))
            let meeting = try #require(result.stdout.range(of: "\"id\": \"first-meeting\""))
            #expect(ban.lowerBound < meeting.lowerBound)
            let unknownType = try runActorGraph(["relations", "--type", "hugs"], in: folder)
            #expect(unknownType.status == 1)
        }
    }

    @Test func outputIsDeterministic() throws {
        try withTinyGraph { folder in
            for arguments in [["check", "--format", "json"], ["relations", "--format", "csv"], ["show", "russia", "--format", "json"]] {
                let first = try runActorGraph(arguments, in: folder)
                let second = try runActorGraph(arguments, in: folder)
                #expect(first.stdoutBytes == second.stdoutBytes)
            }
        }
    }
}
