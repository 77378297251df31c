import Foundation
import Testing

/// A graph with a graded catalogue: `ips` (B), `digest` restating it (E), `wire` (C); one relation of each status.
private let evidenceGraph = """
    relation_types:
      meets: {directed: false, category: diplomatic}
      supplies_arms_to: {directed: true, category: security, inverse: armed by}
      accuses: {directed: true, category: statement, inverse: accused by}
      forecasts: {directed: true, category: statement, inverse: forecast by}
    sources:
      - {id: ips, file: ips.txt, title: IPS, language: en, sha256: 0000000000000000000000000000000000000000000000000000000000000000, lines: 40, summary: An article., reliability: B, reliability_note: A signed article.}
      - {id: digest, file: digest.txt, title: Digest, language: en, sha256: 0000000000000000000000000000000000000000000000000000000000000000, lines: 40, summary: A digest., reliability: E, reliability_note: Restates ips., derived_from: [ips]}
      - {id: wire, file: wire.txt, title: Wire, language: en, sha256: 0000000000000000000000000000000000000000000000000000000000000000, lines: 40, summary: A wire., reliability: C, reliability_note: A wire report.}
    actors:
      - {id: russia, name: Russia, kind: state}
      - {id: taliban, name: Taliban, kind: group}
      - {id: usa, name: United States, kind: state}
    relations:
      - {id: talks, from: russia, to: taliban, type: meets, date: 2021-08-17, sources: [{source: ips, lines: "1"}, {source: digest, lines: "2"}, {source: wire, lines: "9", for: date}], note: Talks.}
      - {id: talks-2023, from: russia, to: taliban, type: meets, date: "2023", sources: [{source: ips, lines: "3"}, {source: wire, lines: "4"}], note: Talks again.}
      - {id: arms, from: russia, to: taliban, type: supplies_arms_to, date: "2017", status: denied, claimed_by: usa, sources: [{source: wire, lines: "5"}], note: Alleged arms.}
      - {id: accusation, from: usa, to: russia, type: accuses, date: "2017", sources: [{source: wire, lines: "5"}], note: The accusation., attributes: {subject: arms}}
      - {id: forecast, from: russia, to: taliban, type: forecasts, date: 2025?, status: claimed, claimed_by: an expert, sources: [{source: wire, lines: "6"}], note: A forecast.}
      - {id: undated-talks, from: usa, to: taliban, type: meets, sources: [{source: wire, lines: "7"}], note: Undated talks., grade: A2}
    """

private func withEvidenceGraph(_ body: (URL) throws -> Void) throws {
    try withGraph(evidenceGraph, named: "evidence.yaml", body)
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("Evidence in every command")
struct EvidenceCommandsTests {
    static let denied = "{denied, claimed by usa; grade C5 (derived); 1 source}"

    @Test func timelineTextShowsStatusGradeAndSources() throws {
        try withEvidenceGraph { folder in
            let result = try runActorGraph(["timeline", "russia", "taliban"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == """
                2017        Russia —supplies arms to→ Taliban  [wire L5]  \(Self.denied)
                2021-08-17  Russia —meets— Taliban  [ips L1; digest L2; wire L9 (date)]  {reported; grade B2 (derived); 2 sources, 1 independent}
                2023        Russia —meets— Taliban  [ips L3; wire L4]  {reported; grade B1 (derived); 2 independent sources}
                2025?       Russia —forecasts→ Taliban  [wire L6]  {claimed by an expert; grade C4 (derived); 1 source}
                4 relations

                """)
        }
    }

    @Test func relationsTableShowsStatusGradeAndSources() throws {
        try withEvidenceGraph { folder in
            let result = try runActorGraph(["relations", "--actor", "taliban"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines[0].hasPrefix("ID "))
            #expect(lines[0].contains("STATUS") && lines[0].contains("GRADE") && lines[0].contains("INDEP/CITED"))
            let arms = try #require(lines.first { $0.hasPrefix("arms ") })
            #expect(arms.contains("denied, claimed by usa") && arms.contains("C5*") && arms.contains("1/1"))
            let undated = try #require(lines.first { $0.hasPrefix("undated-talks ") })
            #expect(undated.contains(" reported ") && undated.contains(" A2 ") && !undated.contains("A2*"))
        }
    }

    @Test func pathNeighborsShowAndDiffShowTheSameEvidence() throws {
        try withEvidenceGraph { folder in
            let path = try runActorGraph(["path", "usa", "russia", "--directed"], in: folder)
            #expect(path.stdout.contains("United States —accuses→ Russia (2017)  [wire L5]  {reported; grade C2 (derived); 1 source}"))
            let neighbors = try runActorGraph(["neighbors", "russia"], in: folder)
            #expect(neighbors.stdout.contains("Russia —supplies arms to→ Taliban (2017)  [wire L5]  \(Self.denied)"))
            let show = try runActorGraph(["show", "taliban"], in: folder)
            #expect(show.stdout.contains("Taliban —armed by→ Russia (2017)  [wire L5]  \(Self.denied)"))
            #expect(show.stdout.contains("Taliban —meets— United States (undated)  [wire L7]  {reported; grade A2; 1 source}"))
            let diff = try runActorGraph(["diff", "--from", "2016", "--to", "2017"], in: folder)
            #expect(diff.stdout.contains("Russia —supplies arms to→ Taliban (2017)  [wire L5]  \(Self.denied)  {definitely}"))
        }
    }

    @Test func jsonRelationsCarryEvidence() throws {
        try withEvidenceGraph { folder in
            let result = try runActorGraph(["show", "russia", "--format", "json"], in: folder)
            let object = try jsonObject(result.stdout)
            let relations = try #require(object["relations"] as? [[String: Any]])
            let talks = try #require(relations.first { $0["id"] as? String == "talks" })
            let evidence = try #require(talks["evidence"] as? [String: Any])
            #expect(evidence["grade"] as? String == "B2")
            #expect(evidence["grade_derived"] as? Bool == true)
            #expect(evidence["independent_sources"] as? Int == 1)
            #expect(evidence["cited_sources"] as? [String] == ["ips", "digest"])
            #expect(evidence["derived_sources"] as? [String] == ["digest"])
            #expect(talks["status"] as? String == "reported")
        }
    }

    @Test func statusAndMinSourcesFilterEveryQuery() throws {
        try withEvidenceGraph { folder in
            let reported = try runActorGraph(["timeline", "russia", "taliban", "--status", "reported"], in: folder)
            #expect(reported.stdout.contains("2 relations") && !reported.stdout.contains("supplies arms"))
            let allegations = try runActorGraph(["timeline", "--status", "claimed,denied", "--format", "json"], in: folder)
            let ids = try #require(try jsonObject(allegations.stdout)["relations"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(ids == ["arms", "forecast"])
            // The digest does not make the first talks doubly sourced.
            let corroborated = try runActorGraph(["neighbors", "russia", "--min-sources", "2", "--format", "json"], in: folder)
            let members = try #require(try jsonObject(corroborated.stdout)["neighbors"] as? [[String: Any]])
            let via = try #require(members.first?["via"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(members.count == 1 && via == ["talks-2023"])
            // A search honours --status during the search: without the allegation there is no directed path.
            let path = try runActorGraph(["path", "russia", "taliban", "--directed", "--types", "supplies_arms_to", "--status", "reported"], in: folder)
            #expect(path.status == 3)
            #expect(path.stdout.contains("without --status."))
            let central = try runActorGraph(["central", "--measure", "degree", "--status", "denied"], in: folder)
            #expect(central.status == 0)
            let bad = try runActorGraph(["path", "russia", "taliban", "--status", "rumoured"], in: folder)
            #expect(bad.status == 65)
            #expect(bad.stderr.contains("unknown status 'rumoured' in --status (one of: reported, claimed, denied)"))
        }
    }

    /// The listings take the evidence and time options through the queries' own filter.
    @Test func relationsAndShowFilterByStatusEvidenceAndTime() throws {
        try withEvidenceGraph { folder in
            func ids(_ arguments: [String]) throws -> [String] {
                let result = try runActorGraph(arguments + ["--format", "json"], in: folder)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
                return array.compactMap { $0["id"] as? String }
            }
            #expect(try ids(["relations", "--status", "denied"]) == ["arms"])
            #expect(try ids(["relations", "--status", "claimed,denied"]) == ["arms", "forecast"])
            #expect(try ids(["relations", "--min-sources", "2"]) == ["talks-2023"])
            #expect(try ids(["relations", "--min-grade", "B2"]) == ["talks", "talks-2023", "undated-talks"])
            #expect(try ids(["relations", "--at", "2017"]) == ["arms", "accusation"])
            #expect(try ids(["relations", "--at", "2025", "--possibly"]) == ["forecast"])
            let table = try runActorGraph(["relations", "--at", "2025"], in: folder)
            #expect(table.stdout.hasSuffix("0 of 6 relations\n(+1 possibly active: add --possibly; +1 undated: add --include-undated)\n"), "\(table.stdout)")
            let card = try runActorGraph(["show", "russia", "--status", "reported", "--format", "json"], in: folder)
            let relations = try #require(try jsonObject(card.stdout)["relations"] as? [[String: Any]])
            #expect(relations.compactMap { $0["id"] as? String } == ["accusation", "talks", "talks-2023"])
            let text = try runActorGraph(["show", "taliban", "--at", "2021-08-17"], in: folder)
            #expect(text.stdout.contains("Relations (1)") && text.stdout.hasSuffix("(+1 undated: add --include-undated)\n"), "\(text.stdout)")
            let bad = try runActorGraph(["relations", "--min-grade", "Z9"], in: folder)
            #expect(bad.status == 65 && bad.stderr.hasPrefix("error: --min-grade 'Z9' is not"))
        }
    }

    @Test func everyAnswerSaysWhatTheTimeFilterLeftOut() throws {
        try withEvidenceGraph { folder in
            let timeline = try runActorGraph(["timeline", "russia", "taliban", "--at", "2025"], in: folder)
            #expect(timeline.stdout == "0 relations\n(+1 possibly active: add --possibly)\n")
            let neighbors = try runActorGraph(["neighbors", "taliban", "--at", "2021-08", "--format", "json"], in: folder)
            let leftOut = try #require(try jsonObject(neighbors.stdout)["left_out"] as? [String: Any])
            #expect(leftOut["possibly"] as? Int == 0 && leftOut["undated"] as? Int == 1)
            let path = try runActorGraph(["path", "usa", "taliban", "--at", "2022"], in: folder)
            #expect(path.status == 3)
            #expect(path.stdout.hasSuffix("(+1 undated: add --include-undated)\n"))
            let none = try runActorGraph(["timeline", "--format", "json"], in: folder)
            #expect(try jsonObject(none.stdout)["left_out"] is NSNull)
            let central = try runActorGraph(["central", "--at", "2023"], in: folder)
            #expect(central.stdout.hasSuffix("(+1 undated: add --include-undated)\n"))
        }
    }

    @Test func diffListsNoRelationTwiceAndCountsTheUncertain() throws {
        try withEvidenceGraph { folder in
            // The forecast (2025?) is possibly active on both days of 2025: neither added nor removed.
            let diff = try runActorGraph(["diff", "--from", "2025-01-01", "--to", "2025-12-31", "--possibly", "--format", "json"], in: folder)
            let object = try jsonObject(diff.stdout)
            #expect((object["added"] as? [Any])?.isEmpty == true)
            #expect((object["removed"] as? [Any])?.isEmpty == true)
            #expect(object["possibly_active_at_both"] as? Int == 1)
            let text = try runActorGraph(["diff", "--from", "2024", "--to", "2025"], in: folder)
            #expect(text.stdout.hasSuffix("(+1 possibly active: add --possibly)\n"))
        }
    }

    /// Every CSV a command writes goes back through `import` into the same relations.
    @Test func listingCSVsReadBackThroughImport() throws {
        try withEvidenceGraph { folder in
            let catalogue = folder.appendingPathComponent("catalogue.yaml")
            // The sources of the graph, as a catalogue for the import to check citations against.
            let sourcesOnly = evidenceGraph.components(separatedBy: "\nactors:")[0].components(separatedBy: "\nsources:")[1]
            try Data(("sources:" + sourcesOnly + "\n").utf8).write(to: catalogue)
            let actors = try runActorGraph(["actors", "--format", "csv"], in: folder)
            #expect(actors.stdout.hasPrefix("id,name,kind,subkind,aliases,description,country\r\n"))
            try Data(actors.stdout.utf8).write(to: folder.appendingPathComponent("actors.csv"))
            let original = try runActorGraph(["relations", "--format", "json"], in: folder)
            #expect(try #require(try JSONSerialization.jsonObject(with: Data(original.stdout.utf8)) as? [Any]).count == 6)
            for (name, arguments) in [
                ("timeline", ["timeline", "--format", "csv", "--between", "2000..", "--possibly", "--include-undated"]),
                ("relations", ["relations", "--format", "csv"]),
            ] {
                let csv = try runActorGraph(arguments, in: folder)
                #expect(csv.status == 0)
                #expect(csv.stdout.contains(",status,claimed_by,evidence_grade,independent_sources,time_match"), "\(name)")
                let edges = folder.appendingPathComponent("\(name).csv")
                try Data(csv.stdout.utf8).write(to: edges)
                let output = folder.appendingPathComponent("\(name)-imported.yaml").path
                let imported = try runActorGraph(
                    ["import", edges.path, "--actors", "actors.csv", "--vocabulary", "graphs", "--catalogue", catalogue.path,
                     "-o", output], in: folder)
                #expect(imported.status == 0, "\(name): \(imported.stderr)")
                let back = try runActorGraph(["relations", "--graph", output, "--catalogue", catalogue.path, "--format", "json"], in: folder)
                // The JSON printer's key order is fixed, so equal relations print the same bytes.
                #expect(back.stdout == original.stdout, "\(name)")
            }
        }
    }
}

/// The shared source texts, when this checkout sits beside them (as in CI; see .ci/run).
private let sharedSeeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

@Suite("What is cited is article text")
struct CitedTextTests {
    /// The seed graph, plus one relation citing a reader comment of 000 (line 45): `check --sources` names it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedSeeds.path)))
    func aCitationOfACommentLineIsReported() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("graphs"), withIntermediateDirectories: true)
        let seed = try String(contentsOf: packageRoot.appendingPathComponent("graphs/russia-taliban.yaml"), encoding: .utf8)
        let comment = """

              - id: comment-cited
                from: russia
                to: taliban
                type: cooperates_with
                sources: [{ source: op-2023-why-cooperate, lines: "45" }]
                note: A reader's view, cited by mistake.

            """
        try Data((seed + comment).utf8).write(to: folder.appendingPathComponent("graphs/russia-taliban.yaml"))
        let catalogue = packageRoot.appendingPathComponent("seeds/sources.yaml").path
        let result = try runActorGraph(
            ["check", "--graph", "graphs", "--catalogue", catalogue, "--sources", sharedSeeds.path], in: folder)
        #expect(result.status == 1)
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(result.stderr.contains(
            "graphs/russia-taliban.yaml:\(lines + 5):55: error: line 45 of 'op-2023-why-cooperate' lies outside its article body (lines 1-37)"),
            "\(result.stderr)")
        #expect(result.stderr.contains("1 error found."))
        // The seed graph itself is clean: no error; a warning names 004's teaser date ...
        let clean = try runActorGraph(["check", "--graph", "graphs", "--sources", sharedSeeds.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.contains("warning: the 'published' date of 'sangar-2025-delisting' is read from line 32, outside the article body (lines 1, 5-19)"))
        // ... and the three relations dated by 001's photo caption, cited for the date only.
        for relation in ["taliban-visits-moscow-2021-07", "taliban-assures-russia-2021-07", "taliban-guarantees-central-asia-2021-07"] {
            #expect(clean.stderr.contains(
                "warning: the date of relation '\(relation)' is taken from line 8 of 'world-2021-friends', outside its article body"))
        }
        #expect(clean.stderr.split(separator: "\n").filter { $0.contains(": warning:") }.count == 4)
        #expect(clean.stdout.hasSuffix("No errors found; 4 warnings (on standard error).\n"))
    }
}
