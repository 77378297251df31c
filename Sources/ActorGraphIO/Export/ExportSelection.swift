import ActorGraph

/// What an export writes: a sorted list of relations and the sorted actors to include — the endpoints of those
/// relations, any actor chosen on its own (a focus actor without relations still appears), and the states these
/// actors name as their `country`.
///
/// Exporters take a selection, not a filter, so they write whatever a query chose, however it chose it.
public struct ExportSelection: Sendable, Hashable {
    public let relations: [RelationIndex]
    public let actors: [ActorIndex]

    /// The relations (sorted and deduplicated here) with their endpoints, plus `extraActors`.
    ///
    /// - Complexity: O(actors + relations log relations).
    public init(graph: RelationGraph, relations: [RelationIndex], extraActors: [ActorIndex] = []) {
        var sorted = relations.sorted()
        var unique: [RelationIndex] = []
        unique.reserveCapacity(sorted.count)
        for relation in sorted where unique.last != relation { unique.append(relation) }
        sorted = unique
        var included = [Bool](repeating: false, count: graph.actorCount)
        for relation in sorted {
            included[graph.source(of: relation).position] = true
            included[graph.target(of: relation).position] = true
        }
        for actor in extraActors { included[actor.position] = true }
        // The state an included actor names as its `country` comes too, so the actor list stands on its own
        // (a graph file refuses a country that is not an actor).
        for position in included.indices where included[position] {
            if let country = graph.actors[position].country, let state = graph.actorIndex(id: country) {
                included[state.position] = true
            }
        }
        self.relations = sorted
        self.actors = included.indices.filter { included[$0] }.map { ActorIndex($0) }
    }

    /// The relations in the order given (repeats dropped), for listings that write in date order, with the actors
    /// of ``init(graph:relations:extraActors:)``.
    public static func ordered(_ graph: RelationGraph, _ relations: [RelationIndex]) -> ExportSelection {
        var seen: Set<RelationIndex> = []
        let unique = relations.filter { seen.insert($0).inserted }
        return ExportSelection(relations: unique, actors: ExportSelection(graph: graph, relations: relations).actors)
    }

    /// Every actor and every relation of `graph`.
    public static func all(_ graph: RelationGraph) -> ExportSelection {
        ExportSelection(relations: Array(graph.relationIndices), actors: Array(graph.actorIndices))
    }

    /// Every relation of `graph` and every actor but `excluded` (actors another graph file defines).
    public static func all(_ graph: RelationGraph, excluding excluded: Set<ActorIndex>) -> ExportSelection {
        ExportSelection(
            relations: Array(graph.relationIndices), actors: graph.actorIndices.filter { !excluded.contains($0) })
    }

    private init(relations: [RelationIndex], actors: [ActorIndex]) {
        self.relations = relations
        self.actors = actors
    }

    /// The union of the attribute keys of the selected relations, sorted by their UTF-8 bytes.
    public func attributeKeys(in graph: RelationGraph) -> [String] {
        var keys: Set<String> = []
        for relation in relations {
            for attribute in graph.details(of: relation).attributes { keys.insert(attribute.key) }
        }
        return keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The sources cited by the selected relations, in catalogue order; citations of unknown sources are skipped.
    public func citedSources(in graph: RelationGraph) -> [SourceDocument] {
        var cited: Set<String> = []
        for relation in relations {
            for citation in graph.details(of: relation).citations { cited.insert(citation.source) }
        }
        return graph.sources.filter { cited.contains($0.id) }
    }
}

/// The text forms every exporter shares, so a date or a citation reads the same in every format.
public enum ExportText {
    /// `src:12-14:B2; other:3; cap:8:date` — source id, lines, optional grade, `date` for a citation of the date
    /// only; ids hold no `:` or `;`, so this splits back.
    public static func citations(_ citations: [Citation]) -> String {
        citations.map { citation in
            var text = "\(citation.source):\(citation.linesText)"
            if let grade = citation.grade { text += ":\(grade)" }
            if citation.forDate { text += ":date" }
            return text
        }.joined(separator: "; ")
    }

    /// Aliases joined by `;`, with `\` and `;` inside an alias escaped by a backslash.
    public static func aliases(_ aliases: [String]) -> String {
        aliases.map { alias in
            var escaped = ""
            for character in alias {
                if character == "\\" || character == ";" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped
        }.joined(separator: ";")
    }

    /// Splits an ``aliases(_:)`` cell back into the aliases.
    public static func splitAliases(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var result: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == ";" {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaping { current.append("\\") }
        result.append(current)
        return result
    }

    /// The first day a relation may cover, `YYYY-MM-DD`, or `nil` when undated or open at the start.
    public static func startDay(_ span: TimeSpan?) -> CalendarDay? {
        guard let span, span.possibleStart != TimeSpan.beginningOfTime else { return nil }
        return CalendarDay(dayNumber: span.possibleStart)
    }

    /// The last day a relation may cover, or `nil` when undated or open at the end.
    public static func endDay(_ span: TimeSpan?) -> CalendarDay? {
        guard let span, span.possibleEnd != TimeSpan.endOfTime else { return nil }
        return CalendarDay(dayNumber: span.possibleEnd)
    }
}

extension ExportOutput {
    /// `YYYY-MM-DD` without going through String.
    func write(day: CalendarDay) {
        let (year, month, dayOfMonth) = day.components
        write(decimal: year, width: 4)
        write(byte: UInt8(ascii: "-"))
        write(decimal: month, width: 2)
        write(byte: UInt8(ascii: "-"))
        write(decimal: dayOfMonth, width: 2)
    }

    /// The EDTF text of `date`, exactly as ``EDTFDate/description`` gives it, without going through String.
    func write(date: EDTFDate) {
        switch date.form {
        case .point(let bound): write(bound: bound)
        case .interval(let start, let end):
            write(endpoint: start)
            write(byte: UInt8(ascii: "/"))
            write(endpoint: end)
        }
    }

    private func write(endpoint: EDTFDate.Endpoint) {
        switch endpoint {
        case .bound(let bound): write(bound: bound)
        case .open:
            write(byte: UInt8(ascii: "."))
            write(byte: UInt8(ascii: "."))
        case .unknown: break
        }
    }

    private func write(bound: EDTFDate.Bound) {
        let (year, month, day) = bound.first.components
        write(decimal: year, width: 4)
        if bound.precision >= .month {
            write(byte: UInt8(ascii: "-"))
            write(decimal: month, width: 2)
        }
        if bound.precision == .day {
            write(byte: UInt8(ascii: "-"))
            write(decimal: day, width: 2)
        }
        switch (bound.qualifiers.contains(.approximate), bound.qualifiers.contains(.uncertain)) {
        case (true, true): write(byte: UInt8(ascii: "%"))
        case (true, false): write(byte: UInt8(ascii: "~"))
        case (false, true): write(byte: UInt8(ascii: "?"))
        case (false, false): break
        }
    }
}
