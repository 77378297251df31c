/// The attributes ActorGraph may write, in the order they are written.
///
/// A whitelist: attributes that crash Graphviz 2.43 in combination (`concentrate`, `newrank`),
/// read files (`image`, `shapefile`, `fontpath`) or add links (`URL`, `href`) have no case, so they
/// cannot be written at all. HTML labels exist only as a typed ``DOTTable``, which cannot hold `IMG`.
public enum DOTAttributeName: String, CaseIterable, Sendable, Comparable {
    case id
    case `class`
    case label
    case tooltip
    case shape
    case style
    case color
    case fillcolor
    case fontcolor
    case fontname
    case fontsize
    case penwidth
    case width
    case height
    case fixedsize
    case peripheries
    case arrowhead
    case arrowtail
    case dir
    case minlen
    case weight
    case constraint
    case rankdir
    case rank
    case splines
    case nodesep
    case ranksep
    case margin
    case pad
    case bgcolor
    case labelloc
    case labeljust
    case labelfloat
    case decorate
    case mclimit
    case nslimit
    case nslimit1
    case overlap
    case pos
    case size
    case ratio

    /// Position in the declared order, which is the written order.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (left: Self, right: Self) -> Bool { left.order < right.order }
}

public enum DOTShape: String, CaseIterable, Sendable {
    case box, rect, rectangle, square, ellipse, oval, circle, doublecircle, point, egg, triangle
    case diamond, trapezium, parallelogram, house, invhouse, pentagon, hexagon, octagon
    case note, tab, folder, box3d, component, cylinder, underline, plaintext, plain, none
}

/// How a layout larger than `size` is fitted: `compress` packs it before scaling, `fill` stretches to the size.
public enum DOTRatio: String, CaseIterable, Sendable {
    case compress, fill, auto
}

public enum DOTStyle: String, CaseIterable, Sendable {
    case solid, dashed, dotted, bold, invis, filled, rounded, diagonals, striped, wedged
}

public enum DOTArrow: String, CaseIterable, Sendable {
    case normal, inv, dot, odot, invdot, invodot, none, empty, invempty
    case diamond, odiamond, ediamond, box, obox, open, halfopen, vee, tee, crow
}

public enum DOTDirection: String, CaseIterable, Sendable {
    case forward, back, both, none
}

public enum DOTRankDirection: String, CaseIterable, Sendable {
    case topToBottom = "TB"
    case leftToRight = "LR"
    case bottomToTop = "BT"
    case rightToLeft = "RL"
}

public enum DOTRank: String, CaseIterable, Sendable {
    case same, min, max, source, sink
}

/// Edge routing. `ortho` is deliberately missing: it crashes Graphviz 2.43 on some graphs and
/// ignores edge labels.
public enum DOTSplines: String, CaseIterable, Sendable {
    case line, polyline, curved
    /// Graphviz's default smooth splines (`true`).
    case spline = "true"
    /// Straight segments, like `line` (`false`).
    case straight = "false"
}

public enum DOTLabelLocation: String, CaseIterable, Sendable {
    case top = "t"
    case center = "c"
    case bottom = "b"
}

public enum DOTLabelJustification: String, CaseIterable, Sendable {
    case left = "l"
    case center = "c"
    case right = "r"
}

public enum DOTOverlap: String, CaseIterable, Sendable {
    case keep = "true"
    case remove = "false"
    case scale, scalexy, compress, prism, voronoi
}

/// A color: exact RGB(A), or a name from Graphviz's color schemes.
public enum DOTColor: Sendable, Hashable {
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
    case rgba(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8)
    /// An X11/SVG color name such as `gray40`; anything but letters and digits is dropped. An
    /// unknown name only makes Graphviz warn and draw black.
    case named(String)

    var dotValue: String {
        switch self {
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map(Self.hex).joined()
        case .rgba(let red, let green, let blue, let alpha):
            return "#" + [red, green, blue, alpha].map(Self.hex).joined()
        case .named(let name):
            let cleaned = DOTEscaping.restricted(name) { scalar in
                scalar.isASCII && scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            }
            return cleaned.isEmpty ? "black" : cleaned.lowercased()
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}

/// One attribute with a typed value. Out-of-range numbers are clamped when written.
public enum DOTAttribute: Sendable, Hashable {
    /// The SVG element id. Text, escaped like a label.
    case id(String)
    /// CSS classes for SVG, separated by spaces; only letters, digits, `-`, `_` and spaces kept.
    case `class`(String)
    /// Plain text (never HTML); line breaks are kept.
    case label(String)
    /// A table as an HTML-like label (written `label=<…>`).
    case tableLabel(DOTTable)
    case tooltip(String)
    case shape(DOTShape)
    case style([DOTStyle])
    case color(DOTColor)
    case fillcolor(DOTColor)
    case fontcolor(DOTColor)
    /// A font family; only letters, digits, spaces and `-_.,` kept.
    case fontname(String)
    /// Points, 1...200.
    case fontsize(Double)
    /// Points, 0...50.
    case penwidth(Double)
    /// Inches, 0.01...50.
    case width(Double)
    /// Inches, 0.01...50.
    case height(Double)
    case fixedsize(Bool)
    /// 0...10.
    case peripheries(Int)
    case arrowhead(DOTArrow)
    case arrowtail(DOTArrow)
    case dir(DOTDirection)
    /// Ranks, 0...100.
    case minlen(Int)
    /// Clamped to 0...1000: very large weights overflow Graphviz 2.43's network simplex.
    case weight(Int)
    case constraint(Bool)
    case rankdir(DOTRankDirection)
    case rank(DOTRank)
    case splines(DOTSplines)
    /// Inches, 0.02...20.
    case nodesep(Double)
    /// Inches, 0.02...20.
    case ranksep(Double)
    /// Inches, 0...10.
    case margin(Double)
    /// Inches, 0...10.
    case pad(Double)
    case bgcolor(DOTColor)
    case labelloc(DOTLabelLocation)
    case labeljust(DOTLabelJustification)
    /// Lets a dot edge label move off its edge's virtual node to reduce overlaps.
    case labelfloat(Bool)
    /// Draws a line from an edge's label to the edge, so a label is never read as another edge's.
    case decorate(Bool)
    /// Crossing-minimisation effort factor, 0.01...100.
    case mclimit(Double)
    /// Network-simplex iteration factor, 0.01...100.
    case nslimit(Double)
    /// Network-simplex iteration factor for ranking, 0.01...100.
    case nslimit1(Double)
    case overlap(DOTOverlap)
    /// A pinned position in inches (`x,y!`), which `neato` keeps: for charts that place everything themselves.
    case pinnedPosition(x: Double, y: Double)
    /// The largest drawing in inches, 0.5...200 each way: a larger layout is scaled down to fit (a page).
    case size(width: Double, height: Double)
    case ratio(DOTRatio)

    public var name: DOTAttributeName {
        switch self {
        case .id: .id
        case .class: .class
        case .label, .tableLabel: .label
        case .tooltip: .tooltip
        case .shape: .shape
        case .style: .style
        case .color: .color
        case .fillcolor: .fillcolor
        case .fontcolor: .fontcolor
        case .fontname: .fontname
        case .fontsize: .fontsize
        case .penwidth: .penwidth
        case .width: .width
        case .height: .height
        case .fixedsize: .fixedsize
        case .peripheries: .peripheries
        case .arrowhead: .arrowhead
        case .arrowtail: .arrowtail
        case .dir: .dir
        case .minlen: .minlen
        case .weight: .weight
        case .constraint: .constraint
        case .rankdir: .rankdir
        case .rank: .rank
        case .splines: .splines
        case .nodesep: .nodesep
        case .ranksep: .ranksep
        case .margin: .margin
        case .pad: .pad
        case .bgcolor: .bgcolor
        case .labelloc: .labelloc
        case .labeljust: .labeljust
        case .labelfloat: .labelfloat
        case .decorate: .decorate
        case .mclimit: .mclimit
        case .nslimit: .nslimit
        case .nslimit1: .nslimit1
        case .overlap: .overlap
        case .size: .size
        case .ratio: .ratio
        case .pinnedPosition: .pos
        }
    }

    /// The inside of the quoted value, already escaped; `nil` when there is nothing valid to write.
    var escapedValue: String? {
        switch self {
        case .id(let text), .label(let text), .tooltip(let text):
            return DOTEscaping.escapedText(text)
        case .tableLabel(let table):
            return table.markup
        case .class(let text):
            return DOTEscaping.restricted(text) { Self.isWordCharacter($0) || $0 == " " }
        case .fontname(let text):
            return DOTEscaping.restricted(text) { Self.isWordCharacter($0) || " .,".unicodeScalars.contains($0) }
        case .shape(let value): return value.rawValue
        case .style(let values): return values.map(\.rawValue).joined(separator: ",")
        case .color(let value), .fillcolor(let value), .fontcolor(let value), .bgcolor(let value):
            return value.dotValue
        case .fontsize(let value): return DOTEscaping.number(value, clampedTo: 1...200)
        case .penwidth(let value): return DOTEscaping.number(value, clampedTo: 0...50)
        case .width(let value), .height(let value): return DOTEscaping.number(value, clampedTo: 0.01...50)
        case .fixedsize(let value), .constraint(let value), .labelfloat(let value), .decorate(let value):
            return value ? "true" : "false"
        case .peripheries(let value): return String(min(max(value, 0), 10))
        case .arrowhead(let value), .arrowtail(let value): return value.rawValue
        case .dir(let value): return value.rawValue
        case .minlen(let value): return String(min(max(value, 0), 100))
        case .weight(let value): return String(min(max(value, 0), 1000))
        case .rankdir(let value): return value.rawValue
        case .rank(let value): return value.rawValue
        case .splines(let value): return value.rawValue
        case .nodesep(let value), .ranksep(let value): return DOTEscaping.number(value, clampedTo: 0.02...20)
        case .margin(let value), .pad(let value): return DOTEscaping.number(value, clampedTo: 0...10)
        case .labelloc(let value): return value.rawValue
        case .labeljust(let value): return value.rawValue
        case .mclimit(let value), .nslimit(let value), .nslimit1(let value):
            return DOTEscaping.number(value, clampedTo: 0.01...100)
        case .overlap(let value): return value.rawValue
        case .size(let width, let height):
            guard let width = DOTEscaping.number(width, clampedTo: 0.5...200),
                let height = DOTEscaping.number(height, clampedTo: 0.5...200)
            else { return nil }
            return "\(width),\(height)"
        case .ratio(let value): return value.rawValue
        case .pinnedPosition(let x, let y):
            guard let x = DOTEscaping.number(x, clampedTo: -10_000...10_000),
                let y = DOTEscaping.number(y, clampedTo: -10_000...10_000)
            else { return nil }
            return "\(x),\(y)!"
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
        return isLetter || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}

/// A set of attributes, at most one per name; written in `DOTAttributeName` order.
public struct DOTAttributes: Sendable, Hashable, ExpressibleByArrayLiteral {
    private var storage: [DOTAttributeName: DOTAttribute] = [:]

    public init(_ attributes: [DOTAttribute] = []) {
        for attribute in attributes { set(attribute) }
    }

    public init(arrayLiteral attributes: DOTAttribute...) {
        self.init(attributes)
    }

    /// Adds `attribute`, replacing any earlier one with the same name.
    public mutating func set(_ attribute: DOTAttribute) {
        storage[attribute.name] = attribute
    }

    public mutating func remove(_ name: DOTAttributeName) {
        storage[name] = nil
    }

    public subscript(name: DOTAttributeName) -> DOTAttribute? { storage[name] }

    public var isEmpty: Bool { storage.isEmpty }

    /// The attributes in written order.
    ///
    /// - Complexity: O(k log k) for k attributes.
    public var ordered: [DOTAttribute] { storage.keys.sorted().compactMap { storage[$0] } }
}
