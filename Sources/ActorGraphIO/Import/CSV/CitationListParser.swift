import ActorGraph

public struct CitationSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Substring {
    func trimmingSpacesSubstring() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

enum CitationListParser {
    static func parse(_ text: String) -> Result<[Citation], CitationSyntaxError> {
        var citations: [Citation] = []
        for part in text.split(separator: ";") {
            var pieces = part.trimmingSpacesSubstring().split(separator: ":", omittingEmptySubsequences: false).map(
                String.init)
            let forDate = pieces.count > 2 && pieces.last == "date"
            if forDate { pieces.removeLast() }
            guard pieces.count == 2 || pieces.count == 3 else {
                return .failure(CitationSyntaxError("expected SOURCE:LINES[:GRADE][:date]"))
            }
            if let problem = Identifier.problem(with: pieces[0]) {
                return .failure(CitationSyntaxError("source id '\(pieces[0])' \(problem)"))
            }
            // Digits only: `Int` alone would take "+5".
            let bounds = pieces[1].split(separator: "-", omittingEmptySubsequences: false).map { bound in
                bound.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(bound) : nil
            }
            guard bounds.count <= 2, let first = bounds[0], let last = bounds.last ?? nil, first >= 1,
                last >= first, last <= Citation.maximumLine
            else {
                return .failure(CitationSyntaxError("lines '\(pieces[1])' must be A or A-B with 1 <= A <= B <= \(Citation.maximumLine)"))
            }
            var grade: AdmiraltyGrade?
            if pieces.count == 3 {
                guard let parsed = AdmiraltyGrade(pieces[2]) else {
                    return .failure(CitationSyntaxError("bad grade '\(pieces[2])'"))
                }
                grade = parsed
            }
            citations.append(Citation(source: pieces[0], lines: first...last, grade: grade, forDate: forDate))
        }
        return .success(citations)
    }

}
