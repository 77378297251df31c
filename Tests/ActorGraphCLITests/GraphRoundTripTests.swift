import ActorGraphTestSupport
import Foundation
import Testing

/// Whatever ActorGraph writes as a graph, `check` reads back with the same relations (issue 17, item 6).
@Suite("Graph round trips")
struct GraphRoundTripTests {
    private static let zeros = String(repeating: "0", count: 64)

    /// A catalogue beside `graphs/` with `cat`, and a graph file that declares its own source `own`; one relation
    /// cites each.
    private func withTwoKindsOfSources(_ body: (URL) throws -> Void) throws {
        let graph = """
            sources:
              - {id: own, title: Own, file: own.txt, language: en, summary: S, lines: 40, sha256: "\(Self.zeros)"}
            actors:
              - {id: a, name: A, kind: state}
              - {id: b, name: B, kind: state}
            relations:
              - {from: a, to: b, type: meets, sources: [{source: own, lines: "3-4"}], note: From its own source.}
              - {from: b, to: a, type: sanctions, sources: [{source: cat, lines: "7"}], note: From the catalogue.}

            """
        try withGraph(graph) { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
            let catalogue = """
                sources:
                  - {id: cat, title: Cat, file: cat.txt, language: en, summary: S, lines: 20, sha256: "\(Self.zeros)"}

                """
            try Data(catalogue.utf8).write(to: folder.appendingPathComponent("seeds/sources.yaml"))
            try body(folder)
        }
    }

    private func relationCount(_ graph: String, in folder: URL) throws -> String {
        let result = try runActorGraph(["check", "--graph", graph, "--format", "json"], in: folder)
        guard result.status == 0 else { return result.stderr }
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return "\(json?["relations"] ?? "no count")"
    }

    /// `export --format yaml` dropped a file's own `sources:`, so its citations of them named unknown sources. It
    /// now carries every source, and reads back beside its catalogue (an identical restatement is one source),
    /// where a catalogue is found in the working folder, and where none is found.
    @Test func aYAMLExportCarriesItsSourcesAndReadsBackAnywhere() throws {
        try withTwoKindsOfSources { folder in
            let elsewhere = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: elsewhere) }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
            let away = elsewhere.appendingPathComponent("g.yaml").path
            for target in ["out/g.yaml", away] {
                let export = try runActorGraph(["export", "--format", "yaml", "-o", target], in: folder)
                #expect(export.status == 0, "\(export.stderr)")
            }
            let text = try String(contentsOf: folder.appendingPathComponent("out/g.yaml"), encoding: .utf8)
            #expect(text.contains("\nsources:\n  - id: cat\n") && text.contains("\n  - id: own\n"), "\(text)")
            let inside = folder.appendingPathComponent("out/g.yaml").path
            for (graph, directory) in [(inside, folder), (inside, folder.appendingPathComponent("out")), (inside, elsewhere),
                (away, folder), (away, elsewhere)] {
                #expect(try relationCount(graph, in: directory) == "2", "\(graph) from \(directory.path)")
            }
        }
    }

    /// `compile`'s snapshot and the YAML export of a snapshot read back the same from elsewhere.
    @Test func snapshotsReadBackFromAnyFolder() throws {
        try withTwoKindsOfSources { folder in
            let compiled = try runActorGraph(["compile", "graphs", "-o", "g.agraph"], in: folder)
            #expect(compiled.status == 0, "\(compiled.stderr)")
            let elsewhere = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: elsewhere) }
            #expect(try relationCount(folder.appendingPathComponent("g.agraph").path, in: elsewhere) == "2")
            let export = try runActorGraph(["export", "--graph", "g.agraph", "--format", "yaml", "-o", "g.yaml"], in: folder)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(try relationCount("g.yaml", in: folder) == "2")
        }
    }
}
