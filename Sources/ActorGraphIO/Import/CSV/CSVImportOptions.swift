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
}
