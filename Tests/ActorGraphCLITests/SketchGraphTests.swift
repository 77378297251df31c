import Foundation
import Testing

/// Two relations: one cited, one a sketch with neither citation nor note.
private let sketch = """
    sources:
      - {id: memo, file: memo.txt, title: Memo, sha256: \(String(repeating: "a", count: 64)), lines: 9}
    actors:
      - {id: alpha, name: Alpha, kind: state}
      - {id: beta, name: Beta, kind: state}
    relations:
      - {id: cited, from: alpha, to: beta, type: meets, date: 2024, sources: [{source: memo, lines: "2"}], note: They met.}
      - from: beta
        to: alpha
        type: trades_with
    """

@Suite("Sketch first, cite later")
struct SketchGraphTests {
    @Test func aRelationWithoutCitationOrNoteLoadsAndIsMarkedUnsourced() throws {
        try withGraph(sketch) { folder in
            let table = try runActorGraph(["relations"], in: folder)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(
                table.stdout == """
                    ID     DATE     RELATION      TYPE         STATUS    GRADE  INDEP/CITED  SOURCES
                    -----  -------  ------------  -----------  --------  -----  -----------  -----------
                    cited  2024     Alpha — Beta  meets        reported  -      1/1          [memo L2]
                    r2     undated  Beta — Alpha  trades_with  reported  -      0/0          [unsourced]
                    GRADE * = derived from the catalogue (docs/FORMAT.md, "Grades"); INDEP = independent sources
                    2 of 2 relations

                    """)
            let json = try runActorGraph(["relations", "--format", "json"], in: folder)
            #expect(json.stdout.components(separatedBy: "\"unsourced\": false").count == 2)
            #expect(json.stdout.components(separatedBy: "\"unsourced\": true").count == 2)
            let check = try runActorGraph(["check"], in: folder)
            #expect(check.stdout.contains("\n  unsourced:   1 (no citation yet; check --require-sources refuses them)\n"))
            let checkJSON = try runActorGraph(["check", "--format", "json"], in: folder)
            #expect(checkJSON.stdout.contains("\"unsourced\": 1,"))
        }
    }

    @Test func requireSourcesRefusesTheSketchAtItsPlace() throws {
        try withGraph(sketch) { folder in
            let result = try runActorGraph(["check", "--require-sources"], in: folder)
            #expect(result.status == 1)
            #expect(
                result.stderr == """
                    graphs/graph.yaml:8:5: error: relation beta -trades_with- alpha cites no source (unsourced)
                      hint: cite the document and lines that state it: sources: [{source: ID, lines: "12-14"}]
                    graphs/graph.yaml:8:5: error: relation beta -trades_with- alpha has no note
                      hint: add 'note:' with one sentence in your own words
                    2 errors found.

                    """)
        }
    }

    @Test func theCuratedGraphMeetsRequireSources() throws {
        let result = try runActorGraph(["check", "--require-sources", "--graph", "graphs"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aCandidateFromExtractIsRefusedUntilReviewed() throws {
        let draft = sketch.replacingOccurrences(of: "    type: trades_with", with: "    type: trades_with\n    status: candidate")
        try withGraph(draft) { folder in
            let result = try runActorGraph(["check"], in: folder)
            #expect(result.status == 1)
            #expect(
                result.stderr == """
                    graphs/graph.yaml:11:13: error: relation is a candidate proposed by 'actorgraph extract', not yet reviewed
                      hint: read the cited lines, fix the relation, then set 'status' to reported, claimed or denied (or delete it)
                    1 error found.

                    """)
        }
    }
}
