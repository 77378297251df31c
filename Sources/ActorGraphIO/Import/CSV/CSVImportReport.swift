import ActorGraph

/// What reading a spreadsheet did beyond loading rows, for the user to review: every conversion is listed.
public struct CSVImportReport: Sendable {
    /// A column read as a field under another name (`from` as `source`, `notes` as `note`).
    public struct ColumnMatch: Sendable, Hashable {
        public var column: String
        public var field: String
    }

    /// A cell rewritten: a name resolved to an actor's id, or a date to EDTF.
    public struct Conversion: Sendable, Hashable {
        public var location: SourceLocation
        public var text: String
        public var result: String
        public var reason: String
    }

    /// Two rows with the same cells.
    public struct Duplicate: Sendable, Hashable {
        public var location: SourceLocation
        public var firstLine: Int
    }

    /// Two actors whose names are probably one actor's.
    public struct Variant: Sendable, Hashable {
        /// The actor kept (met first) and the one that would merge into it.
        public var kept: String
        public var variant: String
        public var keptName: String
        public var variantName: String
        public var location: SourceLocation
        public var reason: String
        public var merged: Bool
        /// Whether the kept actor is one of the graph's (not written by the import).
        public var keptInGraph = false
    }

    /// A document cell that names no catalogue entry: its text, where it first appears, how many rows name it.
    public struct MissingDocument: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
        public var rows: Int
        /// The catalogue stub that stands for it (set by the caller that writes the catalogue), and whether it
        /// was already there.
        public var stub: String?
        public var stubExisted = false
    }

    public var columns: [ColumnMatch] = []
    /// Names resolved to existing actors (whose id differs from the text).
    public var names: [Conversion] = []
    /// Actors created from names, with their slug ids.
    public var newActors: [Conversion] = []
    public var dates: [Conversion] = []
    /// Empty type cells given ``CSVImportOptions/defaultType``.
    public var filledTypes: [Conversion] = []
    public var duplicates: [Duplicate] = []
    public var variants: [Variant] = []
    /// Document cells that name no catalogue entry, with the first place each appears.
    public var missingDocuments: [MissingDocument] = []
    /// Rows citing a catalogue entry through the document column.
    public var citedRows = 0

    public init() {}

    public var isEmpty: Bool {
        columns.isEmpty && names.isEmpty && newActors.isEmpty && dates.isEmpty && filledTypes.isEmpty
            && duplicates.isEmpty && variants.isEmpty && missingDocuments.isEmpty && citedRows == 0
    }
}
