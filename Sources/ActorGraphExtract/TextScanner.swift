import ActorGraph

/// One word of a text: a run of letters and digits, with its place and its folded form.
public struct Token: Hashable, Sendable {
    /// The word as written.
    public var text: String
    /// Lower case, diacritics removed (the resolver's folding): what gazetteer and triggers compare.
    public var folded: String
    /// 1-based line and column of the first character.
    public var line: Int
    public var column: Int
    /// What stands between this word and the next one on the line (spaces, punctuation).
    public var gapAfter: String

    public var isCapitalised: Bool { text.first?.isUppercase ?? false }
    /// Two or more letters, all upper case (`USA`, `UNSC`).
    public var isAcronym: Bool {
        text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber } && text.contains(where: \.isLetter)
    }
    public var number: Int? { text.allSatisfy(\.isASCII) ? Int(text) : nil }

    /// A token that matches nothing, standing in for words already read as something else.
    static let blank = Token(text: "", folded: "", line: 0, column: 0, gapAfter: " ")
}

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

    /// The words of one line with their columns and the text after each.
    public static func tokenize<S: StringProtocol>(_ line: S, line number: Int) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var gap = ""
        var start = 0
        var column = 0
        for character in line {
            column += 1
            if character.isLetter || character.isNumber {
                if word.isEmpty {
                    if !tokens.isEmpty { tokens[tokens.count - 1].gapAfter = gap }
                    gap = ""
                    start = column
                }
                word.append(character)
            } else {
                if !word.isEmpty {
                    tokens.append(Token(text: word, folded: ActorResolver.normalize(word), line: number, column: start, gapAfter: ""))
                    word = ""
                }
                gap.append(character)
            }
        }
        if !word.isEmpty {
            tokens.append(Token(text: word, folded: ActorResolver.normalize(word), line: number, column: start, gapAfter: ""))
        } else if !tokens.isEmpty {
            tokens[tokens.count - 1].gapAfter = gap
        }
        return tokens
    }
}
