import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

/// The selection options of `export`: a small, self-contained subset of the query filters (types, categories,
/// time, focus and depth).
///
/// Time uses the query commands' definite reading: a relation is active in a window `[lo, hi]` when every reading
/// of its date overlaps it (`definiteStart <= hi`, `definiteEnd >= lo`); `--include-possible` also keeps those
/// some reading overlaps. Undated relations are left out by a time filter.
// TODO(query group): replace with the shared query option group once Sources/ActorGraphCLI/Queries exists.
struct ExchangeSelectionOptions: ParsableArguments {
    @Option(name: .customLong("types"), help: "Only relations of these types (comma-separated).")
    var types: [String] = []

    @Option(name: .customLong("categories"), help: "Only relations of these categories (comma-separated).")
    var categories: [String] = []

    @Option(help: "Only relations active at this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var at: String?

    @Option(help: "Only relations active at some time in START..END (either side may be left empty).")
    var between: String?

    @Flag(help: "With --at or --between, also keep relations that only possibly match.")
    var includePossible = false

    @Option(help: "Only the neighbourhood of this actor (id, name or alias); repeatable.")
    var focus: [String] = []

    @Option(help: "With --focus, how many steps out to go.")
    var depth: Int = 1

    func validate() throws {
        if at != nil && between != nil { throw ValidationError("give --at or --between, not both") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if focus.isEmpty && depth != 1 { throw ValidationError("--depth needs --focus") }
    }

    var isEmpty: Bool { types.isEmpty && categories.isEmpty && at == nil && between == nil && focus.isEmpty }

    /// The window `[lo, hi]` in day numbers of --at / --between, or `nil`.
    func window() throws -> (lo: Int32, hi: Int32)? {
        func parse(_ text: String, option: String) throws -> TimeSpan {
            switch EDTFDate.parse(text) {
            case .success(let date):
                guard case .point = date.form else {
                    throw CommandFailure("error: \(option) takes a date (YYYY, YYYY-MM or YYYY-MM-DD), found '\(text)'")
                }
                return date.span
            case .failure(let error):
                throw CommandFailure("error: bad date '\(text)' in \(option): \(error.message)")
            }
        }
        if let at {
            let span = try parse(at, option: "--at")
            return (span.possibleStart, span.possibleEnd)
        }
        if let between {
            let parts = between.components(separatedBy: "..")
            guard parts.count == 2 else {
                throw CommandFailure("error: --between takes START..END (e.g. 2021..2023-06), found '\(between)'")
            }
            let lo = parts[0].isEmpty ? TimeSpan.beginningOfTime : try parse(parts[0], option: "--between").possibleStart
            let hi = parts[1].isEmpty ? TimeSpan.endOfTime : try parse(parts[1], option: "--between").possibleEnd
            guard lo <= hi else { throw CommandFailure("error: --between ends before it starts: '\(between)'") }
            return (lo, hi)
        }
        return nil
    }

    /// The selected relations (sorted) and the focus actors.
    func select(_ graph: RelationGraph) throws -> ExportSelection {
        if isEmpty { return .all(graph) }
        var allowedTypes: Set<RelationTypeIndex>?
        let typeNames = types.flatMap { $0.split(separator: ",").map(String.init) }
        if !typeNames.isEmpty {
            allowedTypes = []
            for name in typeNames {
                guard let index = graph.vocabulary.index(named: name) else {
                    throw CommandFailure("error: unknown relation type '\(name)'\nhint: list the types with: actorgraph types")
                }
                allowedTypes?.insert(index)
            }
        }
        var allowedCategories: Set<RelationCategory>?
        let categoryNames = categories.flatMap { $0.split(separator: ",").map(String.init) }
        if !categoryNames.isEmpty {
            allowedCategories = []
            for name in categoryNames {
                guard let category = RelationCategory(rawValue: name) else {
                    throw CommandFailure(
                        "error: unknown category '\(name)'\nhint: one of "
                            + RelationCategory.allCases.map(\.rawValue).joined(separator: ", "))
                }
                allowedCategories?.insert(category)
            }
        }
        let window = try window()
        let includePossible = self.includePossible
        func admits(_ relation: RelationIndex) -> Bool {
            if let allowedTypes, !allowedTypes.contains(graph.typeIndex(of: relation)) { return false }
            if let allowedCategories, !allowedCategories.contains(graph.type(of: relation).category) { return false }
            if let window {
                guard let span = graph.span(of: relation) else { return false }
                // Every reading of the date overlaps the window (see TimeCondition in the query docs).
                if span.definiteStart <= window.hi && span.definiteEnd >= window.lo { return true }
                return includePossible && span.possibleStart <= window.hi && span.possibleEnd >= window.lo
            }
            return true
        }
        guard !focus.isEmpty else {
            return ExportSelection(graph: graph, relations: graph.relationIndices.filter(admits))
        }
        let references = ActorReferences(graph)
        let centers = try focus.map { try references.resolve($0, role: "focus actor") }
        // Breadth-first over admitted relations in both directions, up to `depth` steps.
        var distance = [Int32](repeating: -1, count: graph.actorCount)
        var frontier: [ActorIndex] = []
        for center in centers where distance[center.position] < 0 {
            distance[center.position] = 0
            frontier.append(center)
        }
        var step: Int32 = 0
        while !frontier.isEmpty && step < depth {
            step += 1
            var next: [ActorIndex] = []
            for actor in frontier {
                for relation in graph.relations(of: actor) where admits(relation) {
                    let other = graph.source(of: relation) == actor ? graph.target(of: relation) : graph.source(of: relation)
                    if distance[other.position] < 0 {
                        distance[other.position] = step
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        let relations = graph.relationIndices.filter { relation in
            distance[graph.source(of: relation).position] >= 0 && distance[graph.target(of: relation).position] >= 0
                && admits(relation)
        }
        return ExportSelection(graph: graph, relations: relations, extraActors: centers)
    }
}
