@testable import ActorGraph
import ActorGraphTestSupport
import Foundation
import Testing

@testable import ActorGraphIO

/// Shared by the export, import and CSV tests.
enum ExchangeFixtures {
    /// The fixtures folder in the source tree (golden files are recorded there).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }

    /// The small graph with every field and awkward text, `Fixtures/Export/input.yaml`.
    static func graph() throws -> RelationGraph {
        try GraphLoader.load(files: [("Export/input.yaml", try bytes("Export/input.yaml"))], catalogue: nil, sourceTexts: nil)
    }

    /// Compares with `Fixtures/Export/NAME` (``Golden``: `RECORD_GOLDEN=1` rewrites it and fails).
    static func expectGolden(_ actual: [UInt8], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        Golden.expect(actual, matches: folder.appendingPathComponent("Export/\(name)"), sourceLocation: sourceLocation)
    }

    /// Everything a graph holds about actors and relations, one line each, for exact comparisons with a readable
    /// difference. Relation types are given by name, direction and category. Attributes are compared by key: an
    /// edge list has one column per key, so it cannot keep each relation's own attribute order.
    static func dump(_ graph: RelationGraph, includeTypeDetails: Bool = true) -> [String] {
        var lines: [String] = []
        for actor in graph.actors {
            lines.append(
                "actor \(actor.id) name=\(actor.name.debugDescription) kind=\(actor.kind) subkind=\(String(describing: actor.subkind)) "
                    + "aliases=\(actor.aliases) description=\(String(describing: actor.description)) country=\(String(describing: actor.country))")
        }
        for relation in graph.relationIndices {
            let type = graph.type(of: relation)
            let details = graph.details(of: relation)
            var line = "relation \(graph.id(of: relation)) \(graph[graph.source(of: relation)].id)->\(graph[graph.target(of: relation)].id) "
            line += "type=\(type.name)/\(type.directed)/\(type.category)"
            if includeTypeDetails { line += "/\(String(describing: type.inverse))/\(type.allowsSelf)" }
            line += " date=\(graph.date(of: relation)?.description ?? "-") note=\(String(describing: details.note).debugDescription)"
            line += " citations=\(details.citations.map { "\($0.source):\($0.linesText):\($0.grade?.description ?? "")" })"
            line += " attributes=\(details.attributes.map { "\($0.key)=\($0.value)" }.sorted()) dateNote=\(String(describing: details.dateNote))"
            line += " grade=\(details.grade?.description ?? "-") status=\(details.status) claimedBy=\(String(describing: details.claimedBy))"
            lines.append(line)
        }
        return lines
    }

    static func render(_ body: (ExportOutput) -> Void) -> [UInt8] {
        let output = ExportOutput()
        body(output)
        return output.bytes
    }

    /// A random graph whose text is hostile to every format: separators, quotes, newlines, CR, tabs, markup,
    /// formula characters, non-ASCII, plus the fields graph files allow.
    static func hostileGraph(seed: UInt64, actors actorCount: Int = 6, relations relationCount: Int = 20) -> RelationGraph {
        var random = SyntheticRandom(seed: seed)
        let pieces = [
            "a", "Zé", ",", "\"", "\n", "\r\n", "\t", "<", ">", "&", "'", "=", "+", "-", "@", " ", ";", ":", "\\", "Ж",
            "中", "🙂", "x y", "..", "/", "\u{2028}",
        ]
        func text() -> String {
            var value = ""
            for _ in 0..<(1 + random.below(6)) { value += pieces[random.below(pieces.count)] }
            // Graph files refuse text that is only white space.
            if value.allSatisfy({ $0.isWhitespace }) { value += "z" }
            return value
        }
        var builder = GraphBuilder(vocabulary: .builtIn)
        for position in 0..<actorCount {
            let kind = position == 0 ? ActorKind.state : ActorKind.allCases[random.below(3)]
            let aliases = (0..<random.below(3)).map { _ in text() }
            _ = try? builder.addActor(
                ActorRecord(
                    id: "actor-\(position)", name: text(), kind: kind, subkind: random.chance(50) ? text() : nil,
                    aliases: aliases, description: random.chance(50) ? text() : nil,
                    country: random.chance(30) ? "actor-0" : nil))
        }
        for position in 0..<relationCount {
            let source = ActorIndex(random.below(actorCount))
            var target = ActorIndex(random.below(actorCount))
            if target == source { target = ActorIndex((source.position + 1) % actorCount) }
            var details = RelationDetails()
            if random.chance(30) { details.id = "rel-\(position)" }
            if random.chance(80) { details.note = text() }
            for _ in 0..<random.below(3) {
                let first = 1 + random.below(50)
                details.citations.append(
                    Citation(source: "src-\(random.below(3))", lines: first...(first + random.below(3)),
                        grade: random.chance(50) ? AdmiraltyGrade("B\(1 + random.below(6))") : nil))
            }
            var keys: Set<String> = []
            for _ in 0..<random.below(3) {
                let key = ["place", "role", "amount", "with space", "note"][random.below(5)]
                if keys.insert(key).inserted { details.attributes.append(RelationAttribute(key: key, value: text())) }
            }
            if random.chance(30) { details.dateNote = text() }
            if random.chance(30) { details.grade = AdmiraltyGrade("C\(1 + random.below(6))") }
            if random.chance(30) {
                details.status = random.chance(50) ? .claimed : .denied
                if random.chance(50) { details.claimedBy = "someone " + text() }
            }
            let type = RelationTypeIndex(UInt16(random.below(RelationVocabulary.builtIn.count)))
            _ = try? builder.addRelation(
                from: source, to: target, type: type, date: SyntheticGraph.randomDate(&random), details: details)
        }
        return builder.build()
    }
}
