/// A state, group or official. Named `ActorRecord` because Swift's concurrency already owns `Actor`.
public struct ActorRecord: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    /// Free text refining the kind: `government`, `armed group`, `institution`, …
    public var subkind: String?
    public var aliases: [String]
    public var description: String?
    /// Id of the state the actor belongs to.
    public var country: String?

    public init(
        id: String, name: String, kind: ActorKind, subkind: String? = nil, aliases: [String] = [],
        description: String? = nil, country: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.subkind = subkind
        self.aliases = aliases
        self.description = description
        self.country = country
    }
}

/// One entry of the vocabulary: what a relation type means and how it reads.
public struct RelationType: Hashable, Sendable {
    public var name: String
    public var directed: Bool
    public var category: RelationCategory
    /// How to read the relation from its target back to its source ("designated terrorist by").
    public var inverse: String?
    /// Whether an actor may stand in this relation to itself.
    public var allowsSelf: Bool
    public var description: String?
    /// Words and phrases that state a relation of this type in a text (`met`, `talks with`, `recogni*`), for
    /// `actorgraph extract`; a `*` ends a word prefix.
    public var triggers: [String]

    public init(
        name: String, directed: Bool, category: RelationCategory, inverse: String? = nil, allowsSelf: Bool = false,
        description: String? = nil, triggers: [String] = []
    ) {
        self.name = name
        self.directed = directed
        self.category = category
        self.inverse = inverse
        self.allowsSelf = allowsSelf
        self.description = description
        self.triggers = triggers
    }

    /// The words for reading the relation forwards: the name with underscores as spaces.
    public var label: String { name.replacingUnderscores() }

    /// The words for reading the relation from target to source.
    public var inverseLabel: String { directed ? (inverse ?? "\(label) (reversed)") : label }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}

/// A place in a source document that states a relation.
public struct Citation: Hashable, Sendable {
    /// The largest line number a citation or a source's line count may hold (2^31 - 1): every reader refuses more, so
    /// whatever is read can be written and read back, a snapshot included.
    public static let maximumLine = Int(Int32.max)

    public var source: String
    /// 1-based, inclusive line numbers.
    public var lines: ClosedRange<Int>
    public var grade: AdmiraltyGrade?
    /// The lines support only the relation's date (`for: date`), not the relation: such a citation is not one of
    /// its sources, and may lie outside the article body (a caption's date), which `check --sources` warns of.
    public var forDate: Bool

    public init(source: String, lines: ClosedRange<Int>, grade: AdmiraltyGrade? = nil) {
        self.init(source: source, lines: lines, grade: grade, forDate: false)
    }

    public init(source: String, lines: ClosedRange<Int>, grade: AdmiraltyGrade?, forDate: Bool) {
        self.source = source
        self.lines = lines
        self.grade = grade
        self.forDate = forDate
    }

    /// `src L12-14` or `src L12`, with ` (date)` for a citation of the date only.
    public var shortDescription: String {
        let range = lines.lowerBound == lines.upperBound ? "\(lines.lowerBound)" : "\(lines.lowerBound)-\(lines.upperBound)"
        return "\(source) L\(range)" + (forDate ? " (date)" : "")
    }

    /// `12-14` or `12`, as written in graph files.
    public var linesText: String {
        lines.lowerBound == lines.upperBound ? "\(lines.lowerBound)" : "\(lines.lowerBound)-\(lines.upperBound)"
    }
}

/// A free key/value pair on a relation (`amount`, `commodity`, `place`…), kept as written.
public struct RelationAttribute: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Everything about a relation beyond its endpoints, type and date. Stored apart from the hot arrays,
/// so bulk graphs without notes or citations pay nothing for it.
public struct RelationDetails: Hashable, Sendable {
    /// The id written in the file; `nil` means a generated id (`r1`, `r2`, … by position).
    public var id: String?
    public var note: String?
    public var citations: [Citation]
    public var attributes: [RelationAttribute]
    public var dateNote: String?
    public var grade: AdmiraltyGrade?
    public var status: RelationStatus
    public var claimedBy: String?

    public init(
        id: String? = nil, note: String? = nil, citations: [Citation] = [], attributes: [RelationAttribute] = [],
        dateNote: String? = nil, grade: AdmiraltyGrade? = nil, status: RelationStatus = .reported,
        claimedBy: String? = nil
    ) {
        self.id = id
        self.note = note
        self.citations = citations
        self.attributes = attributes
        self.dateNote = dateNote
        self.grade = grade
        self.status = status
        self.claimedBy = claimedBy
    }

    public static let empty = RelationDetails()

    /// A sketch: no citation yet. Outputs mark it *unsourced*; `check --require-sources` refuses it.
    public var isUnsourced: Bool { citations.isEmpty }

    /// The best grade stated for the relation: its own, else the best of its citations'.
    public var effectiveGrade: AdmiraltyGrade? {
        if let grade { return grade }
        return citations.compactMap(\.grade).min {
            ($0.reliabilityRank, $0.credibilityRank) < ($1.reliabilityRank, $1.credibilityRank)
        }
    }
}

/// A catalogued source document.
public struct SourceDocument: Hashable, Sendable {
    public var id: String
    public var file: String
    public var title: String
    public var outlet: String?
    public var author: String?
    public var published: EDTFDate?
    public var publishedNote: String?
    public var url: String?
    /// BCP 47 code; `nil` when not catalogued yet (`sources add` does not ask for it).
    public var language: String?
    public var sha256: String
    public var lines: Int
    /// Our own words on the document; `nil` when not written yet.
    public var summary: String?
    /// Admiralty source reliability (`A`–`F`), with its one-line reason.
    public var reliability: SourceReliability?
    public var reliabilityNote: String?
    /// Ids of the sources this one restates: citing both counts as one independent source.
    public var derivedFrom: [String] = []
    /// The line ranges of the article itself (not menus, teasers, captions, comments, biographies); empty when not
    /// marked, which means the whole text.
    public var body: [ClosedRange<Int>] = []
    /// The lines `published` was read from, when the text gives it.
    public var publishedLines: ClosedRange<Int>?

    public init(
        id: String, file: String, title: String, outlet: String? = nil, author: String? = nil,
        published: EDTFDate? = nil, publishedNote: String? = nil, url: String? = nil, language: String?,
        sha256: String, lines: Int, summary: String?
    ) {
        self.id = id
        self.file = file
        self.title = title
        self.outlet = outlet
        self.author = author
        self.published = published
        self.publishedNote = publishedNote
        self.url = url
        self.language = language
        self.sha256 = sha256
        self.lines = lines
        self.summary = summary
    }

    /// Whether every line of `lines` lies in the article body (always, when no body is marked).
    public func bodyContains(_ lines: ClosedRange<Int>) -> Bool {
        body.isEmpty || lines.allSatisfy { line in body.contains { $0.contains(line) } }
    }
}
