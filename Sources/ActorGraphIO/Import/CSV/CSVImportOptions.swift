import ActorGraph

/// How an edge list is read.
public struct CSVImportOptions: Sendable {
    public var mapping = CSVColumnMapping()
    /// `,` or tab.
    public var separator = UInt8(ascii: ",")
    /// Types rows may use. A type not in it is created from the row's `category` and `directed` cells when the
    /// file has a category column (``inferTypes``), otherwise the row is bad.
    public var vocabulary = RelationVocabulary.builtIn
    public var inferTypes = true
    /// When the file has a `category` column, take every type from the file (category and `directed` of the
    /// first row using it) instead of ``vocabulary``: what `--graph edges.csv` does, since an exported edge list
    /// carries its types' category and direction.
    public var typesFromFile = false
    /// The kind of an actor first met in the edge list when no kind column says.
    public var defaultKind: ActorKind?
    /// Load the good rows and report the bad ones instead of failing.
    public var skipBadRows = false
    /// Rows without a note are bad (graph files require one).
    public var requireNote = false
    /// Rows without a citation are bad (graph files require one).
    public var requireCitation = false
    /// The source catalogue: when not empty, citations must name one of these sources and lie inside its lines,
    /// and the graph carries them.
    public var sources: [SourceDocument] = []
    /// Spreadsheet reading (what `actorgraph import` does): an endpoint cell that is not an id read so far is
    /// a name, resolved against the actors read and ``knownActors`` with the resolver's folding (new actors get
    /// slug ids); a date that is not EDTF is converted (``HumanDate``) and the conversion listed. Applies to the
    /// ends of a file without `source_name`/`target_name` columns (an exported file names its new actors).
    public var readsNames = false
    /// How all-numeric dates (`03/04/2021`) are read; `nil` refuses the ambiguous ones.
    public var dayOrder: DayOrder?
    /// The actors of the graph the import adds to: names resolve to them, and they are not written again.
    public var knownActors: [ActorRecord] = []
    /// The column whose cell names the document a row comes from: it becomes a citation of a catalogue entry
    /// (an existing one whose id or title matches, else a stub; ``CSVImportResult/stubSources``).
    public var documentColumn: String?
    /// The relation type of rows whose type cell is empty (each such row is listed in
    /// ``CSVImportReport/filledTypes``); `nil` makes an empty type cell a problem of its row.
    public var defaultType: String?
    /// Drop exact duplicate rows and make probable variants of one actor a single actor.
    public var merge = false
    /// Whether plain rows take the byte-level fast path; off only in tests that compare both paths.
    var usesFastPath = true
    /// Whether a large edge list's second half is read on another thread; tests turn it on for small files by
    /// lowering ``parallelMinimumBytes``.
    var readsInParallel = true
    var parallelMinimumBytes = 4 << 20
    var parallelWarmUpRows = 1_000

    public init() {}
}
extension CSVImportOptions {
    /// The separator of a file's header line: `,`, `;` or tab, whichever occurs most outside quotes (`,` on a tie
    /// or when none does).
    ///
    /// - Complexity: O(length of the first line).
    public static func sniffSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = [UInt8(0x2C), 0x3B, 0x09].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? 0x2C
        return (counts[best] ?? 0) > (counts[0x2C] ?? 0) ? best : 0x2C
    }

    /// Parses a citations cell, `SOURCE:LINES[:GRADE]` separated by `;`.
    public static func parseCitations(_ text: String) -> Result<[Citation], CitationSyntaxError> {
        CitationListParser.parse(text)
    }
}

/// An imported edge list: the graph, and what was wrong with the rows left out.
public struct CSVImportResult: Sendable {
    public let graph: RelationGraph
    /// Problems of skipped rows (only with ``CSVImportOptions/skipBadRows``), sorted by position.
    public let problems: [Diagnostic]
    public let skippedRows: Int
    /// Data rows read (header and blank lines excluded), skipped ones included.
    public let rows: Int
    /// What spreadsheet reading did: columns matched by synonym, names resolved, actors created, dates
    /// converted, duplicates and variants found.
    public var report = CSVImportReport()
    /// Actors of ``CSVImportOptions/knownActors`` the graph holds only so relations can name them.
    public var knownActorIndices: [ActorIndex] = []
    /// Problems of skipped rows, those left out of ``problems`` included.
    public var problemCount = 0
}
