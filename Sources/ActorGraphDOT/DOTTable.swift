/// A Graphviz HTML-like table built from typed cells, for the one place plain labels cannot serve: a
/// caption and legend that must stay one piece in every layout (the graph's own label).
///
/// Only `TABLE`, `TR`, `TD`, `FONT`, `B` and `BR` are ever written, so no `IMG` (which reads files) can
/// appear; cell text is escaped as XML, so user text never becomes markup.
public struct DOTTable: Sendable, Hashable {
    public var rows: [[DOTTableCell]]
    /// Space between cells, points.
    public var cellSpacing: Int
    public var border: DOTColor?

    public init(rows: [[DOTTableCell]], cellSpacing: Int = 1, border: DOTColor? = nil) {
        self.rows = rows
        self.cellSpacing = cellSpacing
        self.border = border
    }

    /// The markup between the `<` and `>` that delimit an HTML label.
    var markup: String {
        // ALIGN="LEFT": a table given more room than it needs (a nested one) keeps its cells together at the left.
        var text = "<TABLE ALIGN=\"LEFT\" BORDER=\"\(border == nil ? 0 : 1)\" CELLBORDER=\"0\" CELLSPACING=\""
        text += "\(min(max(cellSpacing, 0), 20))\" CELLPADDING=\"2\""
        if let border { text += " COLOR=\"\(border.dotValue)\"" }
        text += ">"
        for row in rows where !row.isEmpty {
            text += "<TR>"
            for cell in row { text += cell.markup }
            text += "</TR>"
        }
        return text + "</TABLE>"
    }
}

/// A piece of text in its own colour and weight, for cells that mix samples and words.
public struct DOTTextRun: Sendable, Hashable {
    public var text: String
    public var color: DOTColor?
    public var bold: Bool

    public init(_ text: String, color: DOTColor? = nil, bold: Bool = false) {
        self.text = text
        self.color = color
        self.bold = bold
    }

    var markup: String {
        var body = DOTTableCell.escapedHTML(text)
        if bold { body = "<B>" + body + "</B>" }
        if let color { body = "<FONT COLOR=\"\(color.dotValue)\">" + body + "</FONT>" }
        return body
    }
}

/// One cell: text (line breaks kept) in a colour and size, optionally on a filled, bordered box.
public struct DOTTableCell: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable {
        case left = "LEFT"
        case center = "CENTER"
        case right = "RIGHT"
    }

    public var text: String
    public var color: DOTColor?
    public var pointSize: Double?
    public var bold: Bool
    public var background: DOTColor?
    /// Draws a one-point border in this colour around the cell.
    public var border: DOTColor?
    public var alignment: Alignment
    public var columnSpan: Int
    /// A table nested in the cell instead of text (at most one; an array only because a struct cannot hold itself).
    public var nested: [DOTTable]
    /// A sample drawn before the text in its own colour, such as a line "━━━" in a category's colour.
    public var swatch: (text: String, color: DOTColor)? {
        get { swatchText.map { ($0, swatchColor ?? .named("black")) } }
        set {
            swatchText = newValue?.text
            swatchColor = newValue?.color
        }
    }
    private var swatchText: String?
    /// Text in several colours, written instead of `text` when not empty.
    public var runs: [DOTTextRun] = []
    private var swatchColor: DOTColor?

    public init(
        _ text: String, color: DOTColor? = nil, pointSize: Double? = nil, bold: Bool = false,
        background: DOTColor? = nil, border: DOTColor? = nil, alignment: Alignment = .left, columnSpan: Int = 1
    ) {
        self.text = text
        self.color = color
        self.pointSize = pointSize
        self.bold = bold
        self.background = background
        self.border = border
        self.alignment = alignment
        self.columnSpan = columnSpan
        self.nested = []
    }

    /// A cell of text runs, each in its own colour.
    public init(runs: [DOTTextRun], pointSize: Double? = nil, alignment: Alignment = .left) {
        self.init("", pointSize: pointSize, alignment: alignment)
        self.runs = runs
    }

    /// A cell holding a nested table.
    public init(table: DOTTable, alignment: Alignment = .left) {
        self.init("", alignment: alignment)
        self.nested = [table]
    }

    var markup: String {
        var text = "<TD ALIGN=\"\(alignment.rawValue)\" BALIGN=\"\(alignment.rawValue)\""
        if columnSpan > 1 { text += " COLSPAN=\"\(min(columnSpan, 50))\"" }
        if let background { text += " BGCOLOR=\"\(background.dotValue)\"" }
        if let border { text += " BORDER=\"1\" COLOR=\"\(border.dotValue)\"" }
        text += ">"
        if let table = nested.first { return text + table.markup + "</TD>" }
        var font = ""
        if let color { font += " COLOR=\"\(color.dotValue)\"" }
        if let pointSize, let size = DOTEscaping.number(pointSize, clampedTo: 1...200) {
            font += " POINT-SIZE=\"\(size)\""
        }
        var body = runs.isEmpty ? DOTTableCell.escapedHTML(self.text) : runs.map(\.markup).joined()
        if body.isEmpty { body = " " }
        if bold { body = "<B>" + body + "</B>" }
        if !font.isEmpty { body = "<FONT" + font + ">" + body + "</FONT>" }
        if let swatchText, let swatchColor {
            var sample = "<FONT COLOR=\"\(swatchColor.dotValue)\""
            if let pointSize, let size = DOTEscaping.number(pointSize, clampedTo: 1...200) {
                sample += " POINT-SIZE=\"\(size)\""
            }
            body = sample + ">" + DOTTableCell.escapedHTML(swatchText) + "</FONT> " + body
        }
        return text + body + "</TD>"
    }

    /// XML-escaped text with line breaks as `<BR/>`, capped like every quoted DOT string.
    static func escapedHTML(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result += "<BR/>"
                continue
            }
            for scalar in character.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case _ where DOTEscaping.isForbiddenInXML(scalar) && scalar != "\t": continue
                default: result.unicodeScalars.append(scalar)
                }
            }
            if result.utf8.count > DOTEscaping.maximumQuotedBytes / 4 { return result + DOTEscaping.ellipsis }
        }
        return result
    }
}
