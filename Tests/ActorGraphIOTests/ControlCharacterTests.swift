import ActorGraph
import Foundation
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
        do {
            _ = try Self.load(citing: "+5- +6", sourceLines: 10)
            Issue.record("loaded a citation of lines '+5- +6'")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["bad 'lines' '+5- +6'"])
        }
    }

    /// Property: random texts of digits, '-', spaces, tabs, '+' and letters are read as a reference reading of the
    /// rule says — split at '-', each part trimmed of spaces, digits only, one or two parts, from 1, not falling,
    /// within ``Citation/maximumLine`` — whichever of the reader's two paths (plain bytes, or the general one)
    /// takes them.
    @Test func lineTextsAreReadAsTheRuleSays() throws {
        var random = SplitMix64(state: 2026_12_06)
        let alphabet: [Character] = ["0", "1", "2", "3", "9", "-", " ", "\t", "+", "x"]
        var texts = ["1", "12-14", "012", "0", "5-3", "7-7", "-3", "3-", "1--2", " 4 - 5 ", "999999999", "1000000000",
                     "\(Citation.maximumLine)", "\(Citation.maximumLine + 1)", "1-\(Citation.maximumLine + 1)"]
        for _ in 0..<400 {
            let length = Int(random.next() % 7) + 1
            texts.append(String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        }
        for text in texts {
            #expect(Self.linesRead(text) == Self.reference(text), "lines: \"\(text)\"")
        }
    }

    private static func reference(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let numbers = parts.map { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } ? Int(part) : nil
        }
        guard (1...2).contains(parts.count), let first = numbers.first ?? nil, let last = numbers.last ?? nil,
            numbers.allSatisfy({ $0 != nil }), first >= 1, first <= last, last <= Citation.maximumLine
        else { return nil }
        return first...last
    }

    /// The range the loader reads from `lines: "TEXT"`, or nil when it refuses it.
    private static func linesRead(_ text: String) -> ClosedRange<Int>? {
        guard let loaded = try? load(citing: text, sourceLines: Citation.maximumLine),
            let relation = loaded.relationIndices.first
        else { return nil }
        return loaded.details(of: relation).citations.first?.lines
    }

    /// A graph of one relation citing `lines` of a catalogued source of `sourceLines` lines.
    private static func load(citing lines: String, sourceLines: Int) throws(DiagnosticsError) -> RelationGraph {
        let escaped = lines.replacingOccurrences(of: "\t", with: "\\t")
        let graph = """
            actors:
              - {id: ru, name: Russia, kind: state}
              - {id: tb, name: Taliban, kind: group}
            relations:
              - {from: ru, to: tb, type: meets, date: "2021", note: n, sources: [{source: doc, lines: "\(escaped)"}]}
            """
        let catalogue = """
            sources:
              - {id: doc, file: doc.txt, title: T, language: en, lines: \(sourceLines), summary: S.,
                 sha256: e9bbd62177fa9ba490cd95db5efa8caf826c1f22bae4079a6fce83b2cf2e2312}
            """
        return try GraphLoader.load(
            files: [("g.yaml", Array(graph.utf8))], catalogue: ("c.yaml", Array(catalogue.utf8)), sourceTexts: nil)
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
