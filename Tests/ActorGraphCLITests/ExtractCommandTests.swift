import Foundation
import Testing

/// A made-up article for these tests.
private let article = """
    Harbour talks resume

    The Harbour Authority of Freedonia met the Sylvanian Trade Office on Tuesday, officials said.

    The Northern Shipping League did not recognise the Harbour Authority of Freedonia.
    """

/// A new case: an empty graph folder, the article catalogued with its publication day.
private func withNewCase(_ body: (URL) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["graphs", "seeds", "drafts"] {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    try Data(article.utf8).write(to: folder.appendingPathComponent("seeds/harbour.txt"))
    let added = try runActorGraph(["sources", "add", "seeds/harbour.txt", "--published", "2024-03-08"], in: folder)
    #expect(added.status == 0, "\(added.stderr)")
    try body(folder)
}

@Suite("extract")
struct ExtractCommandTests {
    @Test func aNewCaseGetsADraftCitingTheCataloguedText() throws {
        try withNewCase { folder in
            let result = try runActorGraph(["extract", "seeds/harbour.txt", "-o", "drafts/harbour.yaml"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr
                    == "1 candidate relation from 3 sentences of seeds/harbour.txt (1 negated left out; 3 possible new actor names)\n")
            let draft = String(decoding: try Data(contentsOf: folder.appendingPathComponent("drafts/harbour.yaml")), as: UTF8.self)
            #expect(
                draft == """
                    # Candidate relations proposed by actorgraph extract from seeds/harbour.txt (source harbour, published 2024-03-08).
                    # Nothing here is established: read each cited line, fix or delete the relation, set 'status' to reported,
                    # claimed or denied, and write a note in your own words. 'check' refuses 'status: candidate'.
                    actorgraph: 1

                    actors:
                      # Possible new actors: capitalised names no actor answers to. Keep the real ones; check the kind.
                      - {id: harbour-authority-of-freedonia, name: "Harbour Authority of Freedonia", kind: group}  # lines 3, 5
                      - {id: sylvanian-trade-office, name: "Sylvanian Trade Office", kind: group}  # line 3

                    relations:
                      - from: harbour-authority-of-freedonia
                        to: sylvanian-trade-office
                        type: meets
                        date: 2024-03-05
                        status: candidate  # reads as claimed
                        sources: [{source: harbour, lines: "3"}]
                        # trigger "met" on line 3; attributed

                    """)
            // Moved into the graph folder unreviewed, the draft is refused at each candidate.
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("drafts/harbour.yaml"), to: folder.appendingPathComponent("graphs/harbour.yaml"))
            let check = try runActorGraph(["check"], in: folder)
            #expect(check.status == 1)
            #expect(check.stderr.hasPrefix("graphs/harbour.yaml:16:13: error: relation is a candidate proposed by 'actorgraph extract'"))
        }
    }

    @Test func jsonExplainsAndTheGraphFolderRefusesDrafts() throws {
        try withNewCase { folder in
            let json = try runActorGraph(["extract", "seeds/harbour.txt", "--format", "json", "--explain", "--keep-negated"], in: folder)
            #expect(json.status == 0)
            #expect(json.stdout.contains("\"date\": \"2024-03-05\","))
            #expect(json.stdout.contains("→ 2024-03-05 (Tuesday on or before the publication day 2024-03-08)\""))
            #expect(json.stdout.contains("\"status\": \"reported\",\n      \"claimed_by\": null,\n      \"flags\": [\n        \"negated\"\n      ],"))
            let refused = try runActorGraph(["extract", "seeds/harbour.txt", "-o", "graphs/draft.yaml"], in: folder)
            #expect(refused.status == 1)
            #expect(refused.stderr.hasPrefix("error: 'graphs/draft.yaml' is in the graph folder 'graphs', which refuses candidates"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("graphs/draft.yaml").path))
        }
    }

    @Test func theVocabularyCarriesTriggersAndRefusesBadOnes() throws {
        let types = try runActorGraph(["types", "--built-in", "--format", "json"])
        #expect(types.stdout.contains("\"triggers\": [\n      \"met\","))
        let bad = """
            relation_types:
              meets: {directed: false, category: diplomatic, triggers: ["*met"]}
            actors: []
            """
        try withGraph(bad) { folder in
            let result = try runActorGraph(["check"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("graphs/graph.yaml:2:60: error: trigger '*met' of 'meets' must hold a letter or digit, with '*' only at a word's end"))
        }
    }

    /// "The new government in X" is the government the graph's dated `governs` relations give for the text's
    /// publication date; a denied `governs` relation counts for nothing.
    @Test func aGovernmentIsReadFromTheGraphsDatedGovernsRelations() throws {
        let graph = """
            relation_types:
              governs: {directed: true, category: affiliation, triggers: ["governs"]}
              meets: {directed: false, category: diplomatic, triggers: ["met"]}
            actors:
              - {id: merovia, name: Merovia, kind: state}
              - {id: ostravia, name: Ostravia, kind: state}
              - {id: republic, name: Merovian Republic, kind: group, subkind: government, country: merovia}
              - {id: council, name: Council of the Dawn, kind: group, subkind: government, country: merovia}
              - {id: junta, name: Merovian Junta, kind: group, subkind: government, country: merovia}
            relations:
              - {id: republic-rule, from: republic, to: merovia, type: governs, date: /2021-08-15}
              - {id: council-rule, from: council, to: merovia, type: governs, date: 2021-08-15/..}
              - {id: junta-rule, from: junta, to: merovia, type: governs, date: 2022/.., status: denied}
            """
        try withGraph(graph) { folder in
            try Data("Ostravia met the new government in Merovia.\n".utf8).write(to: folder.appendingPathComponent("talks.txt"))
            func to(_ published: String) throws -> String? {
                let result = try runActorGraph(["extract", "talks.txt", "--known-only", "--format", "json", "--published", published], in: folder)
                #expect(result.status == 0, "\(result.stderr)")
                let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
                let candidates = json?["candidates"] as? [[String: Any]]
                return (candidates?.first?["to"] as? [String: Any])?["id"] as? String
            }
            #expect(try to("2023-05") == "council")
            #expect(try to("2020") == "republic")
        }
    }

    /// A text that is not a seed, written for the test with known relations (Fixtures/ferry-dispute): a capital the
    /// graph lists as an alias, "the movement" and "it" taken up from before, and trade with a movement read as trade
    /// with its government. Every relation of its graph is found and every candidate matches one.
    @Test func aNonSeedArticleIsFoundWhole() throws {
        let fixture = "Tests/ActorGraphExtractTests/Fixtures/ferry-dispute"
        let result = try runActorGraph(
            ["extract", "\(fixture)/ferry-dispute.txt", "--graph", "\(fixture)/ferry-dispute.yaml", "--catalogue",
             "\(fixture)/sources.yaml", "--known-only", "--format", "json", "--explain"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix(
            "the graph cites ferry-dispute for 5 (actor pair, lines): 5 found (100 %); 6 of 6 candidates match a relation (100 %)\n"),
            "\(result.stderr)")
        for reason in [
            "'Vell' → actor 'merovia' (name 'Vell')", "'The movement' → actor 'green-dawn' ('The movement' refers to 'Green Dawn'",
            "'it' → actor 'green-dawn'", "'Green Dawn' read as its government 'dawn-council' (an act of the 'economic' category)",
        ] {
            #expect(result.stdout.contains(reason), "\(reason)")
        }
    }
}

