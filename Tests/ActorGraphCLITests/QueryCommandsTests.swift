import ActorGraphCLI
import ArgumentParser
import Foundation
import Testing

/// A small graph for the query commands, independent of the curated seed graph.
private let queryGraph = """
    relation_types:
      represents: {directed: true, category: role, inverse: represented by}
      fights: {directed: false, category: conflict}
      allied_with: {directed: false, category: affiliation}
      designates_terrorist: {directed: true, category: legal, inverse: designated terrorist by}
      meets: {directed: false, category: diplomatic}
    sources:
      - {id: doc, file: doc.txt, title: Doc, language: en, sha256: 0000000000000000000000000000000000000000000000000000000000000000, lines: 40, summary: A test document.}
    actors:
      - {id: putin, name: Vladimir Putin, kind: official}
      - {id: russia, name: Russia, kind: state}
      - {id: taliban, name: Taliban, kind: group}
      - {id: al-qaeda, name: al-Qaeda, kind: group}
      - {id: usa, name: United States, kind: state}
      - {id: john-smith, name: John Smith, kind: official}
      - {id: jane-smith, name: Jane Smith, kind: official}
    relations:
      - {id: putin-2001, from: putin, to: russia, type: represents, date: "2001", sources: [{source: doc, lines: "1"}], note: President.}
      - {id: putin-2021, from: putin, to: russia, type: represents, date: 2021-08, sources: [{source: doc, lines: "2"}], note: President.}
      - {id: war, from: russia, to: taliban, type: fights, date: 1999/2001, sources: [{source: doc, lines: "3-4"}], note: War., grade: B2}
      - {id: alliance, from: taliban, to: al-qaeda, type: allied_with, date: 1999/2001, sources: [{source: doc, lines: "5"}], note: Alliance.}
      - {id: ban, from: russia, to: al-qaeda, type: designates_terrorist, sources: [{source: doc, lines: "6"}], note: Ban.}
      - {id: us-war, from: usa, to: taliban, type: fights, date: "2001", sources: [{source: doc, lines: "7"}], note: War.}
      - {id: talks, from: russia, to: taliban, type: meets, date: 2021-08-17, sources: [{source: doc, lines: "8"}], note: Talks.}
    """

private func withQueryGraph(_ body: (URL) throws -> Void) throws {
    try withGraph(queryGraph, named: "query.yaml", body)
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("Query commands end to end")
struct QueryCommandsTests {
    @Test func pathTextShowsParallelRelationsTogether() throws {
        try withQueryGraph { folder in
            let result = try runActorGraph(["path", "putin", "al-qaeda"], in: folder)
            #expect(result.status == 0)
            #expect(result.stdout == """
                Vladimir Putin to al-Qaeda: 2 steps, 3 relations
                  1. Vladimir Putin —represents→ Russia (2001)  [doc L1]  {reported; ungraded; 1 source}
                     Vladimir Putin —represents→ Russia (2021-08)  [doc L2]  {reported; ungraded; 1 source}
                  2. Russia —designates terrorist→ al-Qaeda (undated)  [doc L6]  {reported; ungraded; 1 source}

                """)
            // Backwards edges read with the inverse label.
            let back = try runActorGraph(["path", "al-qaeda", "putin"], in: folder)
            #expect(back.stdout.contains("  1. al-Qaeda —designated terrorist by→ Russia (undated)  [doc L6]  {reported; ungraded; 1 source}"))
            #expect(back.stdout.contains("  2. Russia —represented by→ Vladimir Putin (2001)  [doc L1]  {reported; ungraded; 1 source}"))
        }
    }

    @Test func pathJSONShape() throws {
        try withQueryGraph { folder in
            let result = try runActorGraph(["path", "putin", "al-qaeda", "--format", "json", "--at", "2001", "--possibly"], in: folder)
            #expect(result.status == 0)
            let object = try json(result.stdout)
            #expect(object["truncated"] as? Bool == false)
            let paths = try #require(object["paths"] as? [[String: Any]])
            #expect(paths.count == 1)
            #expect(paths[0]["actors"] as? [String] == ["putin", "russia", "taliban", "al-qaeda"])
            #expect(paths[0]["length"] as? Int == 3)
            let relations = try #require(paths[0]["relations"] as? [[String: Any]])
            #expect(relations.map { $0["id"] as? String } == ["putin-2001", "war", "alliance"])
            #expect(relations.map { $0["time_match"] as? String } == ["definitely", "definitely", "definitely"])
            #expect(relations.map { $0["hop"] as? Int } == [0, 1, 2])
            for key in ["id", "from", "to", "type", "date", "directed", "sources"] { #expect(relations[0][key] != nil) }
            #expect(relations[0]["directed"] as? Bool == true)
            #expect(relations[0]["date"] as? String == "2001")
        }
    }

    @Test func selectorsAndModes() throws {
        try withQueryGraph { folder in
            let k = try runActorGraph(["path", "putin", "al-qaeda", "--shortest", "2", "--format", "json"], in: folder)
            let paths = try #require(try json(k.stdout)["paths"] as? [[String: Any]])
            #expect(paths.map { $0["length"] as? Int } == [2, 3])
            // Those are the only two acyclic paths.
            #expect(try json(k.stdout)["truncated"] as? Bool == false)
            let one = try runActorGraph(["path", "putin", "al-qaeda", "--shortest", "1", "--format", "json"], in: folder)
            #expect(try json(one.stdout)["truncated"] as? Bool == true)
            let all = try runActorGraph(["path", "usa", "al-qaeda", "--all", "--max-length", "3", "--format", "json"], in: folder)
            let allPaths = try #require(try json(all.stdout)["paths"] as? [[String: Any]])
            #expect(allPaths.map { $0["actors"] as? [String] ?? [] } == [
                ["usa", "taliban", "al-qaeda"], ["usa", "taliban", "russia", "al-qaeda"],
            ])
            let limited = try runActorGraph(["path", "usa", "al-qaeda", "--all", "--max-length", "3", "--limit", "1"], in: folder)
            #expect(limited.stdout.hasSuffix("(more paths exist: the first 1 are shown; raise --limit or --shortest)\n"))
            let allShortest = try runActorGraph(["path", "usa", "russia", "--all-shortest", "--format", "json"], in: folder)
            #expect((try json(allShortest.stdout)["paths"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func noPathExitsThreeAndNamesTheFilter() throws {
        try withQueryGraph { folder in
            let result = try runActorGraph(["path", "al-qaeda", "putin", "--directed"], in: folder)
            #expect(result.status == 3)
            #expect(result.stdout == "No path from al-Qaeda to Vladimir Putin with these filters; one exists without --directed.\n")
            let apart = try runActorGraph(["path", "putin", "john-smith"], in: folder)
            #expect(apart.status == 3)
            #expect(apart.stdout == "No path from Vladimir Putin to John Smith: they are not connected in the graph at all.\n")
            let json = try runActorGraph(["path", "al-qaeda", "putin", "--directed", "--format", "json"], in: folder)
            #expect(json.status == 3)
            #expect(json.stdout.contains("\"paths\": []"))
        }
    }

    @Test func temporalPaths() throws {
        try withQueryGraph { folder in
            let definite = try runActorGraph(["path", "al-qaeda", "putin", "--time-respecting"], in: folder)
            #expect(definite.status == 3)
            let lenient = try runActorGraph(
                ["path", "al-qaeda", "putin", "--temporal", "earliest", "--possibly", "--format", "json"], in: folder)
            #expect(lenient.status == 0)
            let object = try json(lenient.stdout)
            #expect(object["problem"] as? String == "earliest")
            #expect(object["reading"] as? String == "lenient")
            let path = try #require((object["paths"] as? [[String: Any]])?.first)
            #expect(path["actors"] as? [String] == ["al-qaeda", "taliban", "russia", "putin"])
            #expect(path["arrival"] as? String == "2001-01-01")
            #expect(path["time_respecting"] as? String == "possibly")
        }
    }

    @Test func badInputExitsWithDistinctStatuses() throws {
        try withQueryGraph { folder in
            let cases: [([String], Int32, String)] = [
                (["path", "putin", "nobody"], 2, "error: no TO actor 'nobody' in the graph"),
                (["path", "smith", "putin"], 2, "error: FROM actor 'smith' is ambiguous; it could be:"),
                (["path", "putin", "Vladimir Putin"], 66, "error: FROM and TO are the same actor (Vladimir Putin [putin])"),
                (["path", "putin", "russia", "--at", "2021-02-30"], 65, "error: --at '2021-02-30' is not a date"),
                (["path", "putin", "russia", "--between", "2003..2001"], 65,
                    "error: --between 2003..2001: the end 2001 is before the start 2003"),
                (["path", "putin", "russia", "--types", "figths"], 65,
                    "error: unknown relation type 'figths' in --types (did you mean 'fights'?)"),
                (["path", "putin", "russia", "--categories", "war"], 65, "error: unknown category 'war' in --categories"),
                (["path", "putin", "russia", "--kinds", "person"], 65, "error: unknown kind 'person' in --kinds"),
                (["path", "putin", "russia", "--min-grade", "Z9"], 65, "error: --min-grade 'Z9' is not an Admiralty code"),
                (["path", "putin", "russia", "--avoid", "russia"], 65, "error: --avoid 'russia' is Russia, which the command itself names"),
                (["path", "putin", "russia", "--avoid", "nobody"], 2, "error: no actor to avoid 'nobody' in the graph"),
                (["path", "putin", "russia", "--shortest", "0"], 64, "Error: --shortest must be at least 1"),
                (["path", "putin", "russia", "--all", "--max-length", "50"], 64,
                    "Error: --max-length 50 is above 10; give --limit N to enumerate that far"),
                (["path", "putin", "russia", "--at", "2001", "--until", "2002"], 64,
                    "Error: give at most one of --at, --between and --until"),
                (["path", "putin", "russia", "--shortest", "2", "--all"], 64,
                    "Error: give at most one of --shortest, --all-shortest and --all"),
                (["diff", "--from", "2001", "--to", "20x1"], 65, "error: --to '20x1' is not a date"),
                (["diff", "--from", "2001", "--to", "2002", "--at", "2001"], 64,
                    "error: 'actorgraph diff' has no option '--at': diff takes its dates from --from and --to\n"),
                (["timeline", "russia", "Russia"], 66, "error: the two actors are the same"),
                (["neighbors", "russia", "--depth", "0"], 64, "Error: --depth must be at least 1"),
                (["central", "--top", "0"], 64, "Error: --top must be at least 1"),
            ]
            for (arguments, status, message) in cases {
                let result = try runActorGraph(arguments, in: folder)
                #expect(result.status == status, "\(arguments)")
                #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(arguments)")
            }
        }
    }

    @Test func timelineInDateOrderWithMarks() throws {
        try withQueryGraph { folder in
            let result = try runActorGraph(["timeline", "russia", "taliban"], in: folder)
            #expect(result.status == 0)
            #expect(result.stdout == """
                1999/2001   Russia —fights— Taliban  [doc L3-4]  {reported; grade B2; 1 source}
                2021-08-17  Russia —meets— Taliban  [doc L8]  {reported; ungraded; 1 source}
                2 relations

                """)
            let at = try runActorGraph(["timeline", "russia", "--at", "2001-06-01", "--possibly", "--include-undated"], in: folder)
            #expect(at.stdout == """
                1999/2001  Russia —fights— Taliban  [doc L3-4]  {reported; grade B2; 1 source}  {possibly}
                2001       Russia —represented by→ Vladimir Putin  [doc L1]  {reported; ungraded; 1 source}  {possibly}
                undated    Russia —designates terrorist→ al-Qaeda  [doc L6]  {reported; ungraded; 1 source}  {undated}
                3 relations

                """)
            let csv = try runActorGraph(["timeline", "taliban", "al-qaeda", "--format", "csv"], in: folder)
            // The export's edge list: `import` reads it back.
            #expect(csv.stdout == "id,source,source_name,source_kind,target,target_name,target_kind,type,category,directed,"
                + "date,start,end,citations,note,date_note,grade,status,claimed_by,evidence_grade,independent_sources,time_match\r\n"
                + "alliance,taliban,Taliban,group,al-qaeda,al-Qaeda,group,allied_with,affiliation,false,1999/2001,1999-01-01,"
                + "2001-12-31,doc:5,Alliance.,,,reported,,,1,\r\n")
            let json = try runActorGraph(["timeline", "--format", "json", "--types", "fights"], in: folder)
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(object?["count"] as? Int == 2)
        }
    }

    @Test func diffNeighborsAndCentral() throws {
        try withQueryGraph { folder in
            let diff = try runActorGraph(["diff", "--from", "2000", "--to", "2021-08-20", "--actor", "russia"], in: folder)
            #expect(diff.status == 0)
            #expect(diff.stdout == """
                Active at 2021-08-20 but not at 2000 (0)
                Active at 2000 but not at 2021-08-20 (1)
                  Russia —fights— Taliban (1999/2001)  [doc L3-4]  {reported; grade B2; 1 source}  {definitely}
                (+1 possibly active: add --possibly)

                """)
            let possible = try runActorGraph(
                ["diff", "--from", "2000", "--to", "2021-08-20", "--possibly", "--format", "json"], in: folder)
            let object = try json(possible.stdout)
            #expect((object["added"] as? [[String: Any]])?.map { $0["id"] as? String } == ["putin-2021"])
            #expect((object["removed"] as? [[String: Any]])?.map { $0["id"] as? String } == ["war", "alliance"])

            let neighbors = try runActorGraph(["neighbors", "putin", "--depth", "2"], in: folder)
            #expect(neighbors.stdout == """
                Vladimir Putin: 3 actors within 2 steps
                  1  Russia [russia] (state)
                       Vladimir Putin —represents→ Russia (2001)  [doc L1]  {reported; ungraded; 1 source}
                       Vladimir Putin —represents→ Russia (2021-08)  [doc L2]  {reported; ungraded; 1 source}
                  2  Taliban [taliban] (group)
                       Russia —fights— Taliban (1999/2001)  [doc L3-4]  {reported; grade B2; 1 source}
                       Russia —meets— Taliban (2021-08-17)  [doc L8]  {reported; ungraded; 1 source}
                  2  al-Qaeda [al-qaeda] (group)
                       Russia —designates terrorist→ al-Qaeda (undated)  [doc L6]  {reported; ungraded; 1 source}

                """)
            let central = try runActorGraph(["central", "--top", "2", "--format", "json"], in: folder)
            let ranked = try #require(try json(central.stdout)["actors"] as? [[String: Any]])
            #expect(ranked.map { ($0["actor"] as? [String: Any])?["id"] as? String } == ["russia", "taliban"])
            // Russia joins Putin to three actors; the Taliban join the United States to three.
            #expect(ranked.map { $0["score"] as? Double } == [3, 3])
        }
    }
}
