import ActorGraph
import Testing

@testable import ActorGraphIO

/// The bulk importer reads plain rows on a byte-level fast path and every other record through the general
/// reader and row checks. Whatever the file, both must give the same graph and the same diagnostics.
@Suite("CSV import fast path")
struct ImportFastPathTests {
    private enum Outcome: Equatable {
        case loaded(Snapshot)
        case failed([String])
    }

    /// Everything observable about an import.
    private struct Snapshot: Equatable {
        var actors: [ActorRecord]
        var types: [String]
        var sources: [ActorIndex]
        var targets: [ActorIndex]
        var relationTypes: [RelationTypeIndex]
        var dates: [EDTFDate?]
        var spans: [TimeSpan?]
        var details: [RelationDetails]
        var ids: [String]
        var problems: [String]
        var rows: Int
        var skipped: Int
        var outgoing: [[Int]]
    }

    private func load(
        _ text: [UInt8], actors: [UInt8]?, options: CSVImportOptions, fast: Bool, parallelFrom: Int? = nil
    ) -> Outcome {
        var options = options
        options.usesFastPath = fast
        options.readsInParallel = parallelFrom != nil
        options.parallelMinimumBytes = 64
        options.parallelWarmUpRows = parallelFrom ?? 0
        do {
            let result = try CSVEdgeImporter.load(
                edges: ("edges.csv", text), actors: actors.map { ("actors.csv", $0) }, options: options)
            let graph = result.graph
            return .loaded(
                Snapshot(
                    actors: Array(graph.actors), types: graph.vocabulary.names, sources: Array(graph.relationSource),
                    targets: Array(graph.relationTarget), relationTypes: Array(graph.relationType),
                    dates: graph.relationIndices.map { graph.date(of: $0) },
                    spans: graph.relationIndices.map { graph.span(of: $0) },
                    details: graph.relationIndices.map { graph.details(of: $0) },
                    ids: graph.relationIndices.map { graph.id(of: $0) },
                    problems: result.problems.map(\.description), rows: result.rows, skipped: result.skippedRows,
                    outgoing: graph.actorIndices.map { actor in
                        graph.outgoing(actor).map { graph.outRelations[$0].position }
                    }))
        } catch {
            return .failed(error.diagnostics.map(\.description))
        }
    }

    private static let header =
        "id,source,source_name,source_kind,target,target_name,target_kind,type,category,directed,date,note,status"
    private static let ids = ["a1", "a2", "a3", "b.x", "c-9", "d_1", "A1", "", "1z", "\"a1\"", "a 1"]
    private static let names = ["", "Alpha", "\"Beta, the second\"", "Gamma \"\"G\"\"", "Ünïcode", "\"two\nlines\""]
    private static let kinds = ["state", "group", "official", "", "tribe"]
    private static let types = [
        ("meets", "diplomatic", "false"), ("fights", "conflict", "false"), ("supplies_arms_to", "security", "true"),
        ("shakes_hands", "diplomatic", "false"), ("Bad-Type", "other", "true"), ("hugs", "nonsense", "true"),
        ("meets", "conflict", "false"), ("", "", ""),
    ]
    private static let dates = [
        "", "2021", "2021-08", "2021-08-17", "1979/1989", "2022-03/..", "../2001", "2021~", "2021-02-30", "21",
        "\"2021\"", "2021-02-29", "2020-02-29", "1989/1979", "2021-21",
    ]
    private static let statuses = ["", "reported", "claimed", "denied", "reportedx"]

    private func randomFile(_ random: inout SyntheticRandom) -> [UInt8] {
        func pick(_ items: [String]) -> String { items[random.below(items.count)] }
        let lineEnd = random.below(4) == 0 ? "\r\n" : "\n"
        var text = Self.header + lineEnd
        for _ in 0..<(1 + random.below(40)) {
            switch random.below(30) {
            case 0:
                text += lineEnd  // blank line
                continue
            case 1:
                text += "r1,a1,x,state,a2" + lineEnd  // too few fields
                continue
            case 2:
                text += "r1,a1,\"open,state" + lineEnd  // unterminated quote
                continue
            default: break
            }
            let type = Self.types[random.below(random.below(2) == 0 ? 3 : Self.types.count)]
            let plain = random.below(3) != 0
            let source = plain ? pick(Array(Self.ids.prefix(6))) : pick(Self.ids)
            let target = plain ? pick(Array(Self.ids.prefix(6))) : pick(Self.ids)
            let id =
                random.below(10) == 0
                ? pick(["x", "y", "r7", "R1", "r"]) : (random.below(2) == 0 ? "r\(random.below(9) + 1)" : "")
            let cells = [
                id, source, plain ? "" : pick(Self.names), plain ? pick(Array(Self.kinds.prefix(3))) : pick(Self.kinds),
                target, plain ? "" : pick(Self.names), plain ? pick(Array(Self.kinds.prefix(3))) : pick(Self.kinds),
                type.0, type.1, type.2, plain ? pick(Array(Self.dates.prefix(8))) : pick(Self.dates),
                random.below(8) == 0 ? "a note" : "",
                plain ? pick(Array(Self.statuses.prefix(2))) : pick(Self.statuses),
            ]
            text += cells.joined(separator: ",")
            if random.below(3) != 0 { text += lineEnd }
        }
        var bytes = Array(text.utf8)
        if random.below(10) == 0, bytes.count > 60 { bytes[bytes.count / 2] = 0xFF }  // invalid UTF-8 somewhere
        return bytes
    }

    @Test func bothPathsAgreeOnRandomFiles() {
        var random = SyntheticRandom(seed: 17)
        var loaded = 0
        for round in 0..<3_000 {
            let text = randomFile(&random)
            var options = CSVImportOptions()
            options.skipBadRows = random.below(2) == 0
            options.typesFromFile = random.below(2) == 0
            options.inferTypes = random.below(4) != 0
            if random.below(2) == 0 { options.defaultKind = .group }
            let actors: [UInt8]? =
                random.below(3) == 0 ? Array("id,name,kind,country\na1,Alpha,state,\na2,Beta,group,a1\n".utf8) : nil
            let fast = load(text, actors: actors, options: options, fast: true)
            let general = load(text, actors: actors, options: options, fast: false)
            #expect(fast == general, "round \(round): \(String(decoding: text, as: UTF8.self))")
            // The same with the second half read on another thread (files here are small, so split them all).
            let parallel = load(text, actors: actors, options: options, fast: true, parallelFrom: random.below(4))
            #expect(parallel == general, "round \(round), in parallel: \(String(decoding: text, as: UTF8.self))")
            if case .loaded(let snapshot) = fast, !snapshot.sources.isEmpty { loaded += 1 }
        }
        #expect(loaded > 500)
    }

    /// A split that falls inside a quoted field (here the middle of a long note spanning lines) must be
    /// detected and its speculative rows dropped.
    @Test func splitInsideAQuotedFieldIsDropped() {
        var options = CSVImportOptions()
        options.defaultKind = .group
        var text = "source,target,type,note\n"
        for row in 0..<50 { text += "a\(row % 7),b\(row % 5),meets,\n" }
        text += "a1,b1,meets,\"" + String(repeating: "x\na9,b9,meets,\n", count: 200) + "\"\n"
        for row in 0..<5 { text += "c\(row),a1,meets,\n" }
        let bytes = Array(text.utf8)
        let general = load(bytes, actors: nil, options: options, fast: false)
        for warmUp in [0, 10, 49] {
            #expect(load(bytes, actors: nil, options: options, fast: true, parallelFrom: warmUp) == general)
        }
        guard case .loaded(let snapshot) = general else {
            Issue.record("not loaded: \(general)")
            return
        }
        #expect(snapshot.sources.count == 56)
    }

    @Test func plainRowsInternDatesAndActorsInFileOrder() throws {
        var options = CSVImportOptions()
        options.defaultKind = .state
        let text = "source,target,type,date\nb,a,meets,2021\nc,b,meets,2021\na,c,meets,\n"
        let outcome = load(Array(text.utf8), actors: nil, options: options, fast: true)
        guard case .loaded(let snapshot) = outcome else {
            Issue.record("not loaded: \(outcome)")
            return
        }
        #expect(snapshot.actors.map(\.id) == ["b", "a", "c"])
        #expect(snapshot.dates.map { $0?.description } == ["2021", "2021", nil])
        #expect(snapshot.problems == [])
    }
}
