import ActorGraph
import ActorGraphIO
import Testing

/// Two files stating one relation (the same ends, type, date, status and claimant), as when an `extract` draft and an
/// imported spreadsheet both hold it: a warning at the second, naming the first. Made-up actors.
@Suite("Cross-file duplicate relations")
struct CrossFileDuplicateTests {
    private let actors = """
        actors:
          - {id: freedonia, name: Freedonia, kind: state}
          - {id: sylvania, name: Sylvania, kind: state}
        """

    private func load(_ files: [(String, String)]) -> (RelationGraph?, [String]) {
        var warnings: [Diagnostic] = []
        do {
            let graph = try GraphLoader.load(
                files: files.map { ($0.0, Array($0.1.utf8)) }, catalogue: nil, sourceTexts: nil, warnings: &warnings)
            return (graph, warnings.map(\.description))
        } catch {
            return (nil, error.diagnostics.map(\.description))
        }
    }

    @Test func theSameRelationInTwoFilesIsWarnedAtTheSecond() throws {
        let draft = """
            relations:
              - {from: freedonia, to: sylvania, type: meets, date: 2021-05}
              - {from: freedonia, to: sylvania, type: fights, date: "2020"}
            """
        let sheet = """
            relations:
              - {id: talks-may, from: sylvania, to: freedonia, type: meets, date: 2021-05}
              - {id: war-2019, from: freedonia, to: sylvania, type: fights, date: "2019"}
              - {id: talks-denied, from: freedonia, to: sylvania, type: meets, date: 2021-05, status: denied}
            """
        let (graph, messages) = load([("a.yaml", actors), ("draft.yaml", draft), ("sheet.yaml", sheet)])
        #expect(graph?.relationCount == 5)
        #expect(messages == [
            "sheet.yaml:2:5: warning: relation 'talks-may' (sylvania -meets- freedonia, 2021-05) is also in draft.yaml:2:5\n"
                + "  hint: the same relation twice, in two files (an extract draft and an import often overlap): keep one, with both citations"
        ])
    }

    /// One file may hold what looks the same (two sources' accounts kept apart on purpose): no warning.
    @Test func repeatsWithinOneFileAreLeftAlone() {
        let one = actors + """

            relations:
              - {from: freedonia, to: sylvania, type: meets}
              - {from: freedonia, to: sylvania, type: meets}
            """
        #expect(load([("a.yaml", one)]).1 == [])
    }
}
