import ActorGraph

/// A sentence: the unit within which extraction pairs actors with a trigger. It may run over several lines.
public struct Sentence: Sendable {
    public var tokens: [Token]
    public var line: Int { tokens.first?.line ?? 0 }
}

/// Splits text into sentences of tokens. A blank line ends a sentence; a single line break does not (texts wrapped
/// at 80 columns run sentences across lines). A sentence ends after `.`, `!` or `?` before a capital, unless the
/// word before is an abbreviation (`Mr.`, `U.S.`, an initial).
public enum TextScanner {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "prof", "rep", "sen", "gov", "jr", "sr",
        "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e", "i",
    ]

    /// The sentences of `text`, in order.
    ///
    /// - Complexity: O(characters); each word is folded once.
    public static func sentences(_ text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var current: [Token] = []
        func finish() {
            if !current.isEmpty { sentences.append(Sentence(tokens: current)) }
            current = []
        }
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let tokens = tokenize(line, line: offset + 1)
            if tokens.isEmpty {
                finish()
                continue
            }
            // The previous line's last word meets this line's first across the break.
            if let last = current.last, endsSentence(last, next: tokens[0]) { finish() }
            for (position, token) in tokens.enumerated() {
                current.append(token)
                if position + 1 < tokens.count, endsSentence(token, next: tokens[position + 1]) { finish() }
            }
        }
        finish()
        return sentences
    }

    private static func endsSentence(_ token: Token, next: Token?) -> Bool {
        guard let next else { return false }
        let gap = token.gapAfter
        guard gap.contains(where: { $0 == "." || $0 == "!" || $0 == "?" }) else { return false }
        guard next.isCapitalised || next.number != nil || gap.contains(where: { $0 == "\"" || $0 == "“" }) else {
            return false
        }
        if gap.hasPrefix("."), abbreviations.contains(token.folded) || (token.text.count == 1 && token.isCapitalised) {
            return false
        }
        return true
    }

    /// The words of one line with their columns and the text after each (``Token/words(in:line:)``).
    public static func tokenize<S: StringProtocol>(_ line: S, line number: Int) -> [Token] {
        Token.words(in: line, line: number)
    }
}
