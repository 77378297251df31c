import ActorGraph
import ActorGraphIO
import ActorGraphTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import ActorGraphCLI

/// `export`, `import` and `generate`, end to end with the built binary, plus argument validation in-process.
@Suite("Exchange commands")
struct ExchangeCommandsTests {
    private func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    @Test func validationRefusesMisplacedOptions() {
        #expect(parseFailure(["export", "--format", "json", "--actors-file", "a.csv"]) == "--actors-file goes with --format csv or tsv")
        #expect(parseFailure(["export", "--format", "neo4j"]) == "--format neo4j writes two files: give the folder with -o")
        #expect(
            parseFailure(["export", "--format", "csv", "--at", "2021", "--between", "2020..2022"])
                == "give at most one of --at, --between and --until")
        #expect(parseFailure(["generate", "--actors", "1", "--relations", "5"]) == "relations need at least two actors")
        #expect(
            parseFailure(["export", "--format", "xml"])
                == "The value 'xml' is invalid for '--format <format>'. Please provide one of the following:\n"
                + ["csv", "tsv", "jsonl", "json", "graphml", "gexf", "dot", "neo4j", "yaml"].map { "  - \($0)" }.joined(separator: "\n"))
    }

    @Test func generateIsByteIdenticalAcrossRunsAndLoads() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["one", "two"] {
            let result = try runActorGraph(["generate", "--actors", "300", "--relations", "1500", "--seed", "9", "-o", folder.appendingPathComponent("\(name).yaml").path])
            #expect(result.status == 0, "\(result.stderr)")
            let csv = try runActorGraph([
                "generate", "--actors", "300", "--relations", "1500", "--seed", "9", "--format", "csv",
                "-o", folder.appendingPathComponent("\(name).csv").path,
                "--actors-file", folder.appendingPathComponent("\(name).actors.csv").path,
            ])
            #expect(csv.status == 0, "\(csv.stderr)")
        }
        #expect(try read(folder.appendingPathComponent("one.yaml")) == read(folder.appendingPathComponent("two.yaml")))
        #expect(try read(folder.appendingPathComponent("one.csv")) == read(folder.appendingPathComponent("two.csv")))
        #expect(try read(folder.appendingPathComponent("one.actors.csv")) == read(folder.appendingPathComponent("two.actors.csv")))
        // The graph file passes the strict loader, and the CSV (with its actor list, found beside it) loads as
        // --graph into the same actors and relations.
        let check = try runActorGraph(["check", "--graph", folder.appendingPathComponent("one.yaml").path])
        #expect(check.status == 0, "\(check.stderr)")
        let yamlGraph = try GraphLoader.load(GraphLoadOptions(graphPath: folder.appendingPathComponent("one.yaml").path))
        let csvGraph = try GraphLoader.loadAllowingEdgeLists(GraphLoadOptions(graphPath: folder.appendingPathComponent("one.csv").path))
        #expect(yamlGraph.graph.relationCount == 1_500 && csvGraph.graph.relationCount == 1_500)
        #expect(yamlGraph.graph.relationIndices.map { yamlGraph.graph.date(of: $0) } == csvGraph.graph.relationIndices.map { csvGraph.graph.date(of: $0) })
        #expect(yamlGraph.graph.actors == csvGraph.graph.actors)
    }

    /// A one-character file name in the working folder (Foundation's deletingLastPathComponent traps on it).
    @Test func aOneLetterOutputNameIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("graphs"), to: folder.appendingPathComponent("graphs"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("seeds"), to: folder.appendingPathComponent("seeds"))
        let result = try runActorGraph(["export", "--format", "csv", "-o", "x"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }

    @Test func exportWithSelectionAndActorsFileThenImportBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = folder.appendingPathComponent("sel.csv").path
        let actors = folder.appendingPathComponent("sel.actors.csv").path
        let result = try runActorGraph([
            "export", "--format", "csv", "--at", "2021", "--focus", "russia", "--depth", "1", "-o", edges, "--actors-file", actors,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let full = try GraphLoader.load(GraphLoadOptions(graphPath: packageRoot.appendingPathComponent("graphs").path)).graph
        let russia = try #require(full.actorIndex(id: "russia"))
        let exported = try GraphLoader.loadAllowingEdgeLists(GraphLoadOptions(graphPath: edges)).graph
        #expect(exported.relationCount > 0)
        // Every exported relation touches Russia's neighbourhood and is definitely active in 2021.
        let first = try #require(CalendarDay(year: 2021, month: 1, day: 1)).dayNumber
        let last = try #require(CalendarDay(year: 2021, month: 12, day: 31)).dayNumber
        for relation in exported.relationIndices {
            let span = try #require(exported.span(of: relation))
            #expect(span.definiteStart <= last && span.definiteEnd >= first)
        }
        // Brute force: the same relations from the full graph.
        var neighbours: Set<ActorIndex> = [russia]
        func active(_ relation: RelationIndex) -> Bool {
            guard let span = full.span(of: relation) else { return false }
            return span.definiteStart <= last && span.definiteEnd >= first
        }
        for relation in full.relationIndices where active(relation) {
            if full.source(of: relation) == russia { neighbours.insert(full.target(of: relation)) }
            if full.target(of: relation) == russia { neighbours.insert(full.source(of: relation)) }
        }
        let expected = full.relationIndices.filter {
            active($0) && neighbours.contains(full.source(of: $0)) && neighbours.contains(full.target(of: $0))
        }.map { full.id(of: $0) }
        let exportedIDs = try String(contentsOfFile: edges, encoding: .utf8).split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(exportedIDs == expected)

        // import → graph file → check: the full loop.
        let yaml = folder.appendingPathComponent("imported.yaml").path
        let imported = try runActorGraph(["import", edges, "--actors", actors, "--vocabulary", "graphs", "-o", yaml])
        #expect(imported.status == 0, "\(imported.stderr)")
        let check = try runActorGraph(["check", "--graph", yaml])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func importReportsEveryBadRowAndSkipCounts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = folder.appendingPathComponent("bad.csv")
        try Data("source,target,type,date\na,b,meets,2021-13\n,b,meets,2021\na,b,meets\na,b,meets,2021\n".utf8).write(to: edges)
        let output = folder.appendingPathComponent("out.yaml").path
        let noCatalogue = try runActorGraph(["import", edges.path, "--default-kind", "group", "--default-citation", "x:1", "--default-note", "n", "-o", output], in: folder)
        #expect(noCatalogue.status == 1)
        #expect(noCatalogue.stderr.contains("bad.csv:2:11: error: bad date '2021-13'"))
        #expect(noCatalogue.stderr.contains("bad.csv:3:1: error: missing source"))
        #expect(noCatalogue.stderr.contains("bad.csv:4:1: error: expected 4 fields, found 3"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let skipped = try runActorGraph(["import", edges.path, "--default-kind", "group", "--default-citation", "x:1", "--default-note", "n", "--skip-bad-rows", "-o", output], in: folder)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("skipped 3 bad rows of 4"))
        #expect(skipped.stderr.contains("bad.csv:2:11: warning: bad date"))
    }

    @Test func neo4jWritesBothFilesAndExportRefusesToOverwriteItsInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("neo4j").path
        let result = try runActorGraph(["export", "--format", "neo4j", "-o", target])
        #expect(result.status == 0, "\(result.stderr)")
        let actors = try String(contentsOfFile: target + "/actors.csv", encoding: .utf8)
        let relations = try String(contentsOfFile: target + "/relations.csv", encoding: .utf8)
        #expect(actors.hasPrefix("id:ID(Actor),name,kind,subkind,aliases,description,country,:LABEL\n"))
        #expect(relations.hasPrefix(":START_ID(Actor),:END_ID(Actor),:TYPE,id,"))

        // An edge list exported then used as --graph may not be overwritten by the next export.
        let edges = folder.appendingPathComponent("edges.csv").path
        #expect(try runActorGraph(["export", "--format", "csv", "-o", edges]).status == 0)
        let before = try read(URL(fileURLWithPath: edges))
        let refused = try runActorGraph(["export", "--graph", edges, "--format", "csv", "--types", "meets", "-o", edges])
        #expect(refused.status == ExitStatus.writeFailure, "\(refused.stderr)")
        #expect(refused.stderr.contains("it is one of the input files"))
        #expect(try read(URL(fileURLWithPath: edges)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func exportToStandardOutputIsDeterministic() throws {
        let first = try runActorGraph(["export", "--format", "gexf"])
        let second = try runActorGraph(["export", "--format", "gexf"])
        #expect(first.status == 0)
        #expect(first.stdoutBytes == second.stdoutBytes)
        #expect(first.stdout.contains("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\""))
    }
}
