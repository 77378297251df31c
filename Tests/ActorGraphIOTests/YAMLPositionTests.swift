import ActorGraph
import ActorGraphIO
import Testing

/// Positions as an editor shows them, and libyaml's own limits told in the composer's words.
@Suite("YAML positions")
struct YAMLPositionTests {
    private func messages(_ text: String) -> [String] {
        do {
            _ = try GraphLoader.load(files: [(name: "g.yaml", bytes: Array(text.utf8))], catalogue: nil, sourceTexts: nil)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        }
    }

    /// U+2028 and U+2029 end a line for libyaml (YAML 1.1) but for no editor, `grep -n` or `sed -n`: a position after
    /// one is counted by line feeds only, and its column in characters from the line feed.
    @Test func lineAndParagraphSeparatorsDoNotStartLines() {
        let text = "actors:\n  - id: a\n    name: \"A\u{2028}B\u{2029}C\"\n    bogus: 1\n    kind: state\n"
        #expect(messages(text) == ["4:5 unknown key 'bogus' in an actor"])
        // On the separator's own line, the column counts the separator as one character.
        let sameLine = "actors:\n  - {id: a, name: \"A\u{2028}B\", bogus: 1, kind: state}\n"
        #expect(messages(sameLine) == ["2:26 unknown key 'bogus' in an actor"])
        // A syntax error after a separator, with CRLF line ends before it.
        let syntax = "actors:\r\n  - {id: a, name: \"A\u{2029}B\", kind: state}\r\n  x: [\n"
        #expect(messages(syntax).first?.hasPrefix("3:3 YAML syntax error") == true)
    }

    /// libyaml's scanner reads a deep flow collection ahead of its events and stops at its own limit first: the
    /// refusal is the composer's, at the level that is too deep, never libyaml's message about its setter.
    @Test func libyamlsDepthLimitIsToldAsTheComposers() {
        let text = "actors: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let found = messages(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("1:") == true)
        #expect(found.first?.hasSuffix(" nesting deeper than \(64) levels") == true)
        #expect(!found.contains { $0.contains("yaml_set_max_nest_level") })
    }
}
