import ActorGraph
import Testing

@testable import ActorGraphIO

/// Control characters are refused in every reader, so no graph holds one and no writer writes one (issue 17,
/// items 6 and 9): raw in YAML (the composer), escaped in YAML (the schema reader), and in CSV cells.
@Suite("Control characters in graph input")
struct ControlCharacterTests {
    private func csvMessages(_ edges: String, actors: String? = nil) -> [String] {
        var options = CSVImportOptions()
        options.defaultKind = .group
        do {
            let result = try CSVEdgeImporter.load(
                edges: ("edges.csv", Array(edges.utf8)), actors: actors.map { ("actors.csv", Array($0.utf8)) },
                options: options)
            return result.problems.map { "\($0.location): \($0.message)" }
        } catch {
            return error.diagnostics.map { "\($0.location): \($0.message)" }
        }
    }

    @Test func anEscapeSequenceInAnEdgeListNameIsRefusedAtItsCell() {
        let edges = "source,source_name,target,type,date\nru,\"\u{1B}]0;owned\u{07}\",tb,meets,2021\n"
        #expect(csvMessages(edges) == ["edges.csv:2:4: control character U+001B is not allowed in 'source_name'"])
    }

    @Test func noncharactersAndC1AreRefusedInActorLists() {
        let actors = "id,name,kind\nru,Rus\u{FFFE}sia,state\ntb,Tali\u{85}ban,group\n"
        let edges = "source,target,type,date\nru,tb,meets,2021\n"
        #expect(
            csvMessages(edges, actors: actors) == [
                "actors.csv:2:4: control character U+FFFE is not allowed in 'name'",
                "actors.csv:3:4: control character U+0085 is not allowed in 'name'",
            ])
    }

    @Test func tabsAndLineEndsInsideCellsStayAllowed() {
        let edges = "source,target,type,date,note\nru,tb,meets,2021,\"two\tcolumns\r\nand lines\"\n"
        #expect(csvMessages(edges) == [])
    }

    @Test func anEscapedControlCharacterInYAMLIsRefused() {
        let graph = """
            actors:
              - id: ru
                name: "Rus\\esia"
                kind: state
              - id: tb
                name: "Tali\\uFFFEban"
                kind: group
            """
        do {
            _ = try GraphLoader.load(files: [("g.yaml", Array(graph.utf8))], catalogue: nil, sourceTexts: nil)
            Issue.record("loaded a graph with control characters")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "g.yaml:3:11: error: actor name holds control character U+001B\n"
                        + "  hint: remove the escape; only tab and line ends may appear as control characters",
                    "g.yaml:6:11: error: actor name holds control character U+FFFE\n"
                        + "  hint: remove the escape; only tab and line ends may appear as control characters",
                ])
        }
    }
}

/// Line numbers are digits only (issue 17, item 13: `"+5- +6"` was read as 5-6).
@Suite("Citation line ranges")
struct CitationLineRangeTests {
    @Test func aSignedLineNumberIsRefusedInCSV() {
        #expect(CSVImportOptions.parseCitations("doc:+5- +6").isFailure)
        #expect(CSVImportOptions.parseCitations("doc:+5").isFailure)
        #expect((try? CSVImportOptions.parseCitations("doc:5-6").get())?.first?.lines == 5...6)
    }

    @Test func aSignedLineNumberIsRefusedInYAML() throws {
        let graph = """
            actors:
              - {id: ru, name: Russia, kind: state}
              - {id: tb, name: Taliban, kind: group}
            relations:
              - {from: ru, to: tb, type: meets, date: "2021", note: n, sources: [{source: doc, lines: "+5- +6"}]}
            """
        let catalogue = """
            sources:
              - {id: doc, file: doc.txt, title: T, language: en, lines: 10, summary: S.,
                 sha256: e9bbd62177fa9ba490cd95db5efa8caf826c1f22bae4079a6fce83b2cf2e2312}
            """
        do {
            _ = try GraphLoader.load(
                files: [("g.yaml", Array(graph.utf8))], catalogue: ("c.yaml", Array(catalogue.utf8)), sourceTexts: nil)
            Issue.record("loaded a citation of lines '+5- +6'")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["bad 'lines' '+5- +6'"])
        }
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
