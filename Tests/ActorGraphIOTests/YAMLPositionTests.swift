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

    /// A duplicate key is told at its second position with the first's, whether the mapping is short (its keys
    /// compared in order) or long (hashed), and the first value is the one read.
    @Test func duplicateKeysInShortAndLongMappings() {
        let short = "actors:\n  - id: a\n    name: A\n    kind: state\n    name: B\n"
        #expect(messages(short) == ["5:5 duplicate key 'name' (first defined at line 3, column 5)"])
        // A long mapping: 19 keys of a `relation_types:` table, the 18th repeating the 3rd.
        var types = "relation_types:\n"
        for number in 1...17 { types += "  t\(number): {directed: true, category: other}\n" }
        types += "  t3: {directed: false, category: other}\n  t18: {directed: true, category: other}\n"
        #expect(messages(types) == [
            "19:3 duplicate key 't3' (first defined at line 4, column 3)",
            "19:3 relation type 't3' is defined twice (first at g.yaml:4:3)",
        ])
        // Three keys repeated in one short mapping: each repeat is told once, against the first occurrence.
        let repeated = "actors:\n  - {id: a, id: b, name: A, id: c, kind: state}\n"
        #expect(messages(repeated) == [
            "2:13 duplicate key 'id' (first defined at line 2, column 6)",
            "2:29 duplicate key 'id' (first defined at line 2, column 6)",
        ])
    }

    /// Blank text is refused, whether it starts with a space, a tab or a Unicode space; text starting with a
    /// visible character is not blank.
    @Test func blankValuesAreRefused() {
        for blank in ["\" \"", "\"\\t \"", "\"\u{3000}\"", "\"\""] {
            let text = "actors:\n  - id: a\n    name: \(blank)\n    kind: state\n"
            #expect(messages(text) == ["3:11 actor name is empty"], "\(blank)")
        }
        #expect(messages("actors:\n  - id: a\n    name: \"x \"\n    kind: state\n") == [])
    }
}
