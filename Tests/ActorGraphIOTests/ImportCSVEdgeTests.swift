import ActorGraph
import Testing

@testable import ActorGraphIO

private func load(
    _ edges: String, actors: String? = nil, name: String = "edges.csv", options: CSVImportOptions = CSVImportOptions()
) -> Result<CSVImportResult, DiagnosticsError> {
    do {
        return .success(
            try CSVEdgeImporter.load(
                edges: (name, Array(edges.utf8)), actors: actors.map { ("actors.csv", Array($0.utf8)) }, options: options))
    } catch {
        return .failure(error)
    }
}

private func messages(_ result: Result<CSVImportResult, DiagnosticsError>) -> [String] {
    switch result {
    case .success(let imported): return imported.problems.map { "\($0.location): \($0.message)" }
    case .failure(let error): return error.diagnostics.map { "\($0.location): \($0.message)" }
    }
}

@Suite("CSV edge list import")
struct ImportCSVEdgeTests {
    @Test func minimalEdgeListWithDefaultKind() throws {
        var options = CSVImportOptions()
        options.defaultKind = .group
        let graph = try load("source,target,type,date\nru,tb,meets,2021-07\ntb,us,fights,2001/2021\n", options: options).get().graph
        #expect(graph.actors.map(\.id) == ["ru", "tb", "us"])
        #expect(graph.actors.map(\.kind) == [.group, .group, .group])
        #expect(graph.relationCount == 2)
        #expect(graph.date(of: RelationIndex(0))?.description == "2021-07")
        #expect(graph.id(of: RelationIndex(1)) == "r2")
    }

    @Test func everyBadRowIsReportedAtOnce() {
        let text = """
            source,target,type,date,note
            ru,tb,meets,2021-02-30,bad date
            ,tb,meets,2021,missing source
            ru,tb,meets
            ru,tb,meeets,2021,unknown type
            ru,tb,meets,2021,"unterminated
            ru,ru,meets,2021,self
            ru,tb,meets,2021,fine

            """
        var options = CSVImportOptions()
        options.defaultKind = .state
        #expect(
            messages(load(text, options: options)) == [
                "edges.csv:2:13: bad date '2021-02-30': 2021-02-30 does not exist (that month has 28 days)",
                "edges.csv:3:1: missing source",
                "edges.csv:4:1: expected 5 fields, found 3",
                "edges.csv:5:7: unknown relation type 'meeets'",
                "edges.csv:6:18: unterminated quote: the quoted field opened here is never closed",
                "edges.csv:7:4: 'ru' cannot meets itself",
            ])
    }

    @Test func skipBadRowsLoadsTheRestAndCounts() throws {
        var options = CSVImportOptions()
        options.defaultKind = .state
        options.skipBadRows = true
        let result = try load("source,target,type,date\nru,tb,meets,2021\nru,tb,meets,20x1\nru,us,meets,\n", options: options).get()
        #expect(result.graph.relationCount == 2)
        #expect(result.skippedRows == 1)
        #expect(result.rows == 3)
        #expect(result.problems.map(\.location.line) == [3])
    }

    @Test func unknownActorWithoutKindIsAnError() {
        #expect(messages(load("source,target,type\nru,tb,meets\n")) == [
            "edges.csv:2:1: unknown actor 'ru' and no kind for it", "edges.csv:2:4: unknown actor 'tb' and no kind for it",
        ])
    }

    @Test func kindsAndNamesFromColumnsAndActorList() throws {
        let actors = "id,name,kind,aliases\nru,Russia,state,RF;Russian Federation\n"
        let edges = "source,target,target_name,target_kind,type\nru,tb,Taliban,group,meets\n"
        let graph = try load(edges, actors: actors).get().graph
        #expect(graph.actors.map(\.name) == ["Russia", "Taliban"])
        #expect(graph.actors.map(\.kind) == [.state, .group])
        #expect(graph.actors[0].aliases == ["RF", "Russian Federation"])
    }

    /// One reading of a kind cell (ActorKindCell) for the actor list, an id's kind column and a name's kind column:
    /// case and spacing folded, anything else refused with the same message.
    @Test func kindCellsAreReadAlikeEverywhere() throws {
        let actors = "id,name,kind\nru,Russia, State \n"
        let edges = "source,target,target_kind,type\nru,tb,GROUP,meets\n"
        let byID = try load(edges, actors: actors).get().graph
        #expect(byID.actors.map(\.kind) == [.state, .group])
        var names = CSVImportOptions()
        names.readsNames = true
        let byName = try load("source,target,target_kind,type\nru,The Taliban,Group,meets\n", actors: actors, options: names)
            .get().graph
        #expect(byName.actors.map(\.kind) == [.state, .group])
        #expect(messages(load("source,target,target_kind,type\nru,tb,party,meets\n", actors: actors)) == [
            "edges.csv:2:7: unknown actor kind 'party'"
        ])
        #expect(
            messages(load("source,target,target_kind,type\nru,Taliban,party,meets\n", actors: actors, options: names))
                == ["edges.csv:2:12: unknown actor kind 'party'"])
        #expect(messages(load(edges, actors: "id,name,kind\nru,Russia,country\n")) == [
            "actors.csv:2:11: unknown actor kind 'country'", "edges.csv:2:1: unknown actor 'ru' and no kind for it",
        ])
    }

    @Test func mappingRenamesColumnsAndUnknownColumnsBecomeAttributes() throws {
        var options = CSVImportOptions()
        try options.mapping.apply("source=from, target=to,type=relation,actor.kind=category")
        options.defaultKind = .group
        let graph = try load("from,to,relation,weight,attr.place\na,b,meets,3,Doha\n", options: options).get().graph
        #expect(graph.details(of: RelationIndex(0)).attributes == [
            RelationAttribute(key: "weight", value: "3"), RelationAttribute(key: "place", value: "Doha"),
        ])
        #expect(throws: CSVColumnMapping.MappingError.self) { try options.mapping.apply("sauce=x") }
    }

    @Test func missingRequiredColumnIsFatal() {
        #expect(messages(load("from,to,type\na,b,meets\n")) == [
            "edges.csv:1:1: no 'source' column in the header", "edges.csv:1:1: no 'target' column in the header",
        ])
    }

    @Test func unknownTypesAreInferredFromCategoryAndDirected() throws {
        var options = CSVImportOptions()
        options.defaultKind = .group
        let graph = try load(
            "source,target,type,category,directed\na,b,shakes_hands,diplomatic,false\nb,c,shakes_hands,diplomatic,false\n",
            options: options
        ).get().graph
        #expect(graph.vocabulary["shakes_hands"] == RelationType(name: "shakes_hands", directed: false, category: .diplomatic))
        #expect(graph.vocabulary.count == RelationVocabulary.builtIn.count + 1)
    }

    @Test func rowsMustAgreeWithTheVocabulary() {
        var options = CSVImportOptions()
        options.defaultKind = .group
        #expect(messages(load("source,target,type,category,directed\na,b,meets,conflict,false\na,b,meets,diplomatic,true\n", options: options)) == [
            "edges.csv:2:11: type 'meets' has category 'diplomatic' in the vocabulary, not 'conflict'",
            "edges.csv:3:22: type 'meets' is undirected in the vocabulary, not directed=true",
        ])
    }

    @Test func citationsAreCheckedAgainstTheCatalogue() {
        var options = CSVImportOptions()
        options.defaultKind = .group
        options.sources = [SourceDocument(id: "doc", file: "d.txt", title: "D", language: "en", sha256: "", lines: 10, summary: "")]
        #expect(
            messages(load("source,target,type,citations\na,b,meets,doc:3\na,b,meets,doc:9-12\na,b,meets,dox:1\na,b,meets,doc\n", options: options)) == [
                "edges.csv:3:11: lines 9-12 lie outside source 'doc', which has 10 lines",
                "edges.csv:4:11: unknown source 'dox'",
                "edges.csv:5:11: bad citations 'doc': expected SOURCE:LINES[:GRADE][:date]",
            ])
    }

    @Test func requiredProvenance() {
        var options = CSVImportOptions()
        options.defaultKind = .group
        options.requireNote = true
        options.requireCitation = true
        #expect(messages(load("source,target,type,note\na,b,meets,\n", options: options)) == [
            "edges.csv:2:1: no citation: a graph file needs at least one for every relation",
            "edges.csv:2:11: no note: a graph file needs one for every relation",
        ])
    }

    @Test func duplicateExplicitIdsAndPositionalIds() {
        var options = CSVImportOptions()
        options.defaultKind = .group
        let result = load("id,source,target,type\nx,a,b,meets\nx,a,b,meets\nr7,a,b,meets\n", options: options)
        #expect(messages(result) == ["edges.csv:3:1: relation id 'x' is defined twice (first on line 2)"])
        options.skipBadRows = true
        let graph = try? load("id,source,target,type\nx,a,b,meets\nr7,a,b,meets\n", options: options).get().graph
        #expect(graph.map { [$0.id(of: RelationIndex(0)), $0.id(of: RelationIndex(1))] } == ["x", "r2"])
    }

    @Test func bomCRLFAndEmbeddedNewlines() throws {
        var options = CSVImportOptions()
        options.defaultKind = .official
        let text = "\u{FEFF}source,target,type,note\r\na,b,meets,\"two\r\nlines, \"\"quoted\"\"\"\r\n"
        let graph = try load(text, options: options).get().graph
        #expect(graph.details(of: RelationIndex(0)).note == "two\r\nlines, \"quoted\"")
    }
}
