import ActorGraph
import ActorGraphTestSupport
import Foundation
import Testing

@testable import ActorGraphIO

/// Runs scripts/networkx_check.py: the proof that a real consumer reads our GraphML and GEXF.
///
/// Python is `.venv/bin/python3` when `make test` created it, else `python3`. Without networkx the tests are
/// skipped — except under `CI=true`, where they run and fail, so CI never passes without the check.
enum NetworkX {
    static let root = packageRoot
    static let script = root.appendingPathComponent("scripts/networkx_check.py").path

    static var python: String {
        let venv = root.appendingPathComponent(".venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// Runs Python through ``runProcess`` (files, not pipes: a full pipe cannot block it).
    static func run(_ arguments: [String]) -> (status: Int32, output: Data, error: String) {
        do {
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [python] + arguments)
            return (result.status, Data(result.stdoutBytes), result.stderr)
        } catch {
            return (127, Data(), "\(error)")
        }
    }

    static let available: Bool = run(["-c", "import networkx"]).status == 0
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Writes `bytes` to a temporary file and returns what networkx read from it.
    static func read(_ kind: String, _ bytes: [UInt8]) throws -> [String: Any] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-nx-\(UUID().uuidString).\(kind)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = run([script, kind, url.path])
        guard result.status == 0 else {
            throw CheckFailure(message: "networkx_check.py exited with \(result.status): \(result.error)")
        }
        guard let object = try JSONSerialization.jsonObject(with: result.output) as? [String: Any] else {
            throw CheckFailure(message: "networkx_check.py printed no JSON object")
        }
        return object
    }

    struct CheckFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

@Suite("networkx reads our exports", .enabled(if: NetworkX.available || NetworkX.required, "networkx is not installed (run make test)"))
struct ExportNetworkXTests {
    /// Nodes, edges and every attribute value as networkx sees them, against the graph.
    private func check(_ kind: String, _ graph: RelationGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(NetworkX.available, "networkx is required under CI=true", sourceLocation: sourceLocation)
        let selection = ExportSelection.all(graph)
        let bytes = ExchangeFixtures.render { output in
            // networkx refuses graphs mixing directed and undirected edges: it reads the all-directed form.
            if kind == "graphml" {
                GraphMLWriter.write(graph, selection, symmetric: .directedEdges, to: output)
            } else {
                GEXFWriter.write(graph, selection, symmetric: .directedEdges, to: output)
            }
        }
        let result = try NetworkX.read(kind, bytes)
        #expect(result["nodes"] as? Int == graph.actorCount, sourceLocation: sourceLocation)
        #expect(result["edges"] as? Int == graph.relationCount, sourceLocation: sourceLocation)
        let nodes = try #require(result["node_attributes"] as? [String: [String: Any]])
        for actor in graph.actors {
            let attributes = try #require(nodes[actor.id], "node \(actor.id)", sourceLocation: sourceLocation)
            #expect(attributes[kind == "graphml" ? "name" : "label"] as? String == actor.name, sourceLocation: sourceLocation)
            #expect(attributes["kind"] as? String == actor.kind.rawValue, sourceLocation: sourceLocation)
            #expect(attributes["subkind"] as? String == actor.subkind, sourceLocation: sourceLocation)
            #expect(attributes["description"] as? String == actor.description, sourceLocation: sourceLocation)
            #expect(attributes["aliases"] as? String == (actor.aliases.isEmpty ? nil : ExportText.aliases(actor.aliases)), sourceLocation: sourceLocation)
        }
        let edges = try #require(result["edge_attributes"] as? [String: [String: Any]])
        let endpoints = try #require(result["edge_endpoints"] as? [String: [String]])
        let keys = selection.attributeKeys(in: graph)
        // GraphML's attr.name must be an NMTOKEN, so its names are the cleaned ones; GEXF titles are free text.
        let names = kind == "graphml" ? ExportProperties.attributeNames(for: keys, prefix: "attr.") : keys.map { "attr." + $0 }
        for relation in graph.relationIndices {
            let id = graph.id(of: relation)
            let attributes = try #require(edges[id], "edge \(id)", sourceLocation: sourceLocation)
            #expect(endpoints[id] == [graph[graph.source(of: relation)].id, graph[graph.target(of: relation)].id], sourceLocation: sourceLocation)
            for (property, value) in zip(ExportProperties.relation, ExportProperties.relationValues(graph, relation)) {
                if property.type == .boolean {
                    #expect(attributes[property.name] as? Bool == value.map { $0 == "true" }, "\(id).\(property.name)", sourceLocation: sourceLocation)
                } else {
                    #expect(attributes[property.name] as? String == value, "\(id).\(property.name)", sourceLocation: sourceLocation)
                }
            }
            for (name, value) in zip(names, ExportProperties.attributeValues(graph, relation, keys: keys)) {
                #expect(attributes[name] as? String == value, "\(id).\(name)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: ["graphml", "gexf"])
    func fixture(_ kind: String) throws {
        try check(kind, try ExchangeFixtures.graph())
    }

    @Test(arguments: ["graphml", "gexf"])
    func synthetic(_ kind: String) throws {
        try check(kind, SyntheticGraph.generate(actors: 200, relations: 1_000, seed: 5))
    }

    /// Hostile text survives, except the characters XML 1.0 cannot carry at all, which the hostile graph avoids.
    @Test(arguments: ["graphml", "gexf"])
    func hostile(_ kind: String) throws {
        for seed in 0..<5 as Range<UInt64> {
            let graph = ExchangeFixtures.hostileGraph(seed: seed)
            try check(kind, graph)
        }
    }
}
