import ActorGraph
import ActorGraphIO
import Foundation

/// Counts of a graph by actor kind, relation type, category and decade.
struct GraphSummary {
    let graph: RelationGraph
    var actorsByKind: [(ActorKind, Int)] = []
    var relationsByType: [(String, Int)] = []
    var relationsByCategory: [(RelationCategory, Int)] = []
    var relationsByDecade: [(String, Int)] = []
    var dated = 0
    /// Relations citing no source: sketches to cite later.
    var unsourced = 0
    /// Catalogue entries still to complete with `sources add` (set by `check`).
    var stubs: [CatalogueStub] = []

    init(_ graph: RelationGraph) {
        self.graph = graph
        var kinds: [ActorKind: Int] = [:]
        for actor in graph.actorIndices { kinds[graph.kind(of: actor), default: 0] += 1 }
        actorsByKind = ActorKind.allCases.map { ($0, kinds[$0] ?? 0) }
        // Types counted by index (categories follow from them); the dated relations' days are put in decades against
        // a table of decade boundaries, not converted to calendar dates one by one.
        let types = graph.relationCountsByType()
        let days = graph.datedDays()
        dated = days.count
        unsourced = graph.unsourcedCount
        relationsByType = zip(graph.vocabulary.names, types).filter { $0.1 > 0 }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        var categories: [RelationCategory: Int] = [:]
        for (position, count) in types.enumerated() where count > 0 {
            categories[graph.vocabulary.all[position].category, default: 0] += count
        }
        relationsByCategory = RelationCategory.allCases.compactMap { category in
            categories[category].map { (category, $0) }
        }
        relationsByDecade = Self.decades(of: days).map { ("\($0.decade)s", $0.count) }
    }

    /// How many of `days` fall in each decade (`year / 10 * 10`: decade 0 holds years 1–9), for the decades that
    /// have any, in order. Each day is placed by a binary search over the first days of the decades between the
    /// earliest and the latest day: one calendar conversion per decade, not per day.
    ///
    /// - Complexity: O(days · log decades).
    static func decades(of days: [Int32]) -> [(decade: Int, count: Int)] {
        guard let earliest = days.min(), let latest = days.max() else { return [] }
        let first = CalendarDay(dayNumber: earliest).components.year / 10 * 10
        let last = CalendarDay(dayNumber: latest).components.year / 10 * 10
        // starts[k]: the first day of decade first + 10k, for k ≥ 1 (every day is at or after decade `first`).
        let starts: [Int32] = stride(from: first, through: last, by: 10).map { decade in
            CalendarDay(year: max(decade, 1), month: 1, day: 1)?.dayNumber ?? Int32.max
        }
        var counts = [Int](repeating: 0, count: starts.count)
        for day in days {
            // The last k with starts[k] <= day, k ≥ 0.
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= day { low = middle } else { high = middle - 1 }
            }
            counts[low] += 1
        }
        return counts.enumerated().compactMap { $0.element > 0 ? (first + 10 * $0.offset, $0.element) : nil }
    }

    func json(_ loaded: LoadedGraph) -> JSONValue {
        .object([
            ("actors", .int(graph.actorCount)),
            ("relations", .int(graph.relationCount)),
            ("errors", .array([])),
            ("warnings", .array(loaded.warnings.map(GraphJSON.diagnostic))),
            ("files", .array(loaded.files.map { .string($0) })),
            ("catalogue", .optional(loaded.cataloguePath)),
            ("sources", .int(graph.sources.count)),
            ("sources_verified", .bool(loaded.verifiedSources)),
            ("actors_by_kind", .object(actorsByKind.map { ($0.0.rawValue, .int($0.1)) })),
            ("relations_by_category", .object(relationsByCategory.map { ($0.0.rawValue, .int($0.1)) })),
            ("relations_by_type", .object(relationsByType.map { ($0.0, .int($0.1)) })),
            ("relations_by_decade", .object(relationsByDecade.map { ($0.0, .int($0.1)) })),
            ("dated", .int(dated)),
            ("unsourced", .int(unsourced)),
            ("stubs", .array(stubs.map { stub in
                .object([
                    ("id", .string(stub.id)), ("file", .string(stub.file)), ("location", .string("\(stub.location)")),
                    ("complete_with", .string(Self.completion(stub))),
                ])
            })),
            ("undated", .int(graph.relationCount - dated)),
            ("bytes_per_relation", .double((graph.bytesPerRelation * 10).rounded() / 10)),
        ])
    }

    /// How to complete a stub: the command, run with the text in the catalogue's folder.
    static func completion(_ stub: CatalogueStub) -> String {
        let folder = URL(fileURLWithPath: stub.location.file).deletingLastPathComponent().relativePathFromHere
        let path = (folder == "." ? "" : folder + "/") + stub.file
        return "put the text at \(path), then run: actorgraph sources add \(path) --id \(stub.id) "
            + "(it replaces the stub); rows imported with this document cite it once imported again"
    }

    func text(_ loaded: LoadedGraph) -> String {
        var lines: [String] = []
        let fileWord = loaded.files.count == 1 ? "file" : "files"
        lines.append("Read \(loaded.files.count) graph \(fileWord): \(loaded.files.joined(separator: ", "))")
        if let catalogue = loaded.cataloguePath {
            lines.append(
                "Catalogue \(catalogue): \(graph.sources.count) sources"
                    + (loaded.verifiedSources
                        ? ", texts verified (sha256, lines, cited ranges)"
                        : " (texts not verified; pass --sources DIR)"))
        }
        lines.append(
            "\(graph.actorCount) actors: " + actorsByKind.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", "))
        lines.append("\(graph.relationCount) relations: \(dated) dated, \(graph.relationCount - dated) undated")
        if unsourced > 0 {
            lines.append("  unsourced:   \(unsourced) (no citation yet; check --require-sources refuses them)")
        }
        lines.append("  by category: " + relationsByCategory.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("  by decade:   " + relationsByDecade.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        lines.append("  by type:")
        for (name, count) in relationsByType { lines.append("    \(Presentation.padded(name, 32)) \(count)") }
        if !stubs.isEmpty {
            lines.append("Catalogue stubs to complete (\(stubs.count)): entries with no text yet; nothing can cite them")
            for stub in stubs { lines.append("  \(stub.location): \(stub.id) (file \(stub.file)): \(Self.completion(stub))") }
        }
        let warnings = loaded.warnings.count
        lines.append(
            warnings == 0 ? "No problems found." : "No errors found; \(warnings) warning\(warnings == 1 ? "" : "s") (on standard error).")
        return lines.joined(separator: "\n") + "\n"
    }
}
