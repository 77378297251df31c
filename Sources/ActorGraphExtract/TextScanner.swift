import ActorGraph

/// A sentence: the unit within which extraction pairs actors with a trigger. It may run over several lines.
public struct Sentence: Sendable {
    public var tokens: [Token]
    /// Its cues and dates, found once per sentence by the extractor.
    var cues: SentenceCues?
    public var line: Int { tokens.first?.line ?? 0 }
}

/// Splits text into sentences of tokens. A blank line ends a sentence; a single line break does not (texts wrapped
/// at 80 columns run sentences across lines) unless the line before is short for the text (a headline, a byline). A sentence ends after `.`, `!` or `?` before a capital, unless the
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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let short = shortLine(lines)
        var previousLength = Int.max
        for (offset, line) in lines.enumerated() {
            let tokens = tokenize(line, line: offset + 1)
            if tokens.isEmpty {
                finish()
                continue
            }
            // A line well short of the text's usual width ends its sentence: a headline, a byline, a list item.
            if previousLength < short { finish() }
            previousLength = line.count
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

    /// Lines shorter than this end their sentence: 60 % of the median length of the text's lines with words, so a
    /// text wrapped at 80 columns keeps joining its lines and a headline above a paragraph stands alone.
    static func shortLine(_ lines: [Substring]) -> Int {
        let lengths = lines.map(\.count).filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[lengths.count / 2] * 3 / 5
    }

    private static func endsSentence(_ token: Token, next: Token?) -> Bool {
        guard let next else { return false }
        let gap = token.gapAfter
        guard gap.contains(where: { $0 == "." || $0 == "!" || $0 == "?" }) else { return false }
        guard next.isCapitalised || next.number != nil || gap.contains(where: { $0 == "\"" || $0 == "“" }) else {
            return false
        }
        // A decimal point: "$1.4 billion", "2.5 per cent".
        if gap == ".", token.number != nil, next.number != nil { return false }
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
