import ActorGraph
import ArgumentParser

// The `--format` values the commands share, and the core enums typed as option values.

/// `text` or `json`.
public enum TextOrJSON: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json
}

/// `table`, `json` or `csv`.
public enum TableFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, json, csv
}

extension ActorKind: ExpressibleByArgument {}
extension RelationCategory: ExpressibleByArgument {}

/// `--format text|json|csv` for timelines.
public enum TimelineFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json, csv
}
