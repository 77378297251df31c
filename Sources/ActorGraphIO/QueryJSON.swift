import ActorGraph

/// The `--format json` answers of the query commands (shapes in docs/QUERIES.md), shared by the CLI and the
/// explorer server so that both write the same bytes for the same question.
public enum QueryJSON {
    /// The shared relation object plus `time_match` (`null` without a time filter).
    public static func relation(_ graph: RelationGraph, _ relation: RelationIndex, match: TimeMatch?, timeFiltered: Bool)
        -> JSONValue
    {
        guard case .object(var members) = GraphJSON.relation(graph, relation) else { return .null }
        members.append(("time_match", timeFiltered ? .optional(match?.description) : .null))
        return .object(members)
    }

    /// A day number as `YYYY-MM-DD`, or `open` at either end of time.
    public static func day(_ day: Int32) -> String {
        day == TimeSpan.beginningOfTime || day == TimeSpan.endOfTime ? "open" : CalendarDay(dayNumber: day).description
    }

    /// An actor card's relations: date order (earliest possible start first), undated last; ties in file order.
    public static func cardOrder(_ graph: RelationGraph, _ relations: [RelationIndex]) -> [RelationIndex] {
        relations.sorted { left, right in
            let leftKey = graph.span(of: left).map { ($0.possibleStart, $0.possibleEnd) } ?? (Int32.max, Int32.max)
            let rightKey = graph.span(of: right).map { ($0.possibleStart, $0.possibleEnd) } ?? (Int32.max, Int32.max)
            return leftKey != rightKey ? leftKey < rightKey : left < right
        }
    }

    /// `show --format json`: `{"actor": full actor, "relations": [relation]}` in card order.
    /// `relations`: the ones to list (a filtered `show`); all of the actor's by default.
    public static func card(_ graph: RelationGraph, _ index: ActorIndex, relations: [RelationIndex]? = nil) -> JSONValue {
        let relations = cardOrder(graph, relations ?? graph.relations(of: index))
        return .object([
            ("actor", GraphJSON.actor(graph, index, full: true)),
            ("relations", .array(relations.map { GraphJSON.relation(graph, $0) })),
        ])
    }

    /// `neighbors --format json`: the centre, the depth, each member with the relations that bring it in.
    public static func neighborhood(
        _ neighbourhood: Neighborhood, view: FilteredGraph, timeFiltered: Bool, leftOut: LeftOut?
    ) -> JSONValue {
        let graph = view.graph
        return .object([
            ("actor", GraphJSON.actor(graph, neighbourhood.center)),
            ("depth", .int(neighbourhood.depth)),
            (
                "neighbors",
                .array(
                    neighbourhood.members.map { member in
                        .object([
                            ("actor", GraphJSON.actor(graph, member.actor)),
                            ("distance", .int(member.distance)),
                            (
                                "via",
                                .array(
                                    member.via.map { relation in
                                        Self.relation(graph, relation, match: view.match(relation), timeFiltered: timeFiltered)
                                    })
                            ),
                        ])
                    })
            ),
            ("truncated", .bool(neighbourhood.truncated)),
            ("left_out", Self.leftOut(leftOut)),
        ])
    }

    /// `timeline --format json`: the named actors, the relations in date order, their count.
    public static func timeline(
        _ entries: [MatchedRelation], graph: RelationGraph, actors: [ActorIndex], timeFiltered: Bool, leftOut: LeftOut?
    ) -> JSONValue {
        .object([
            ("actors", .array(actors.map { .string(graph[$0].id) })),
            (
                "relations",
                .array(entries.map { relation(graph, $0.relation, match: $0.match, timeFiltered: timeFiltered) })
            ),
            ("count", .int(entries.count)),
            ("left_out", Self.leftOut(leftOut)),
        ])
    }

    /// One path: its actors, its relations (each with its `hop`), its length, then `extra` members.
    public static func path(_ path: Path, view: FilteredGraph, timeFiltered: Bool, extra: [(String, JSONValue)] = [])
        -> JSONValue
    {
        let graph = view.graph
        var relations: [JSONValue] = []
        for (position, hop) in path.hops.enumerated() {
            for relation in hop {
                guard
                    case .object(var members) = Self.relation(
                        graph, relation, match: view.match(relation), timeFiltered: timeFiltered)
                else { continue }
                members.append(("hop", .int(position)))
                relations.append(.object(members))
            }
        }
        return .object(
            [
                ("actors", .array(path.actors.map { .string(graph[$0].id) })),
                ("relations", .array(relations)),
                ("length", .int(path.length)),
            ] + extra)
    }

    /// `path --format json` for the shortest, k-shortest and enumerated paths; `reason` when none was found.
    /// `actorgraph path --format json` (and the explorer's `/api/path`): a ``PathAnswer`` as the plain or the
    /// time-respecting shape, with `reason` naming the filter that blocks a plain path when none was found.
    public static func path(_ answer: PathAnswer, view: FilteredGraph, timeFiltered: Bool) -> JSONValue {
        switch answer.found {
        case .paths(let result):
            let reason = answer.diagnosis.map { noPathReason(view.graph, from: answer.from, to: answer.to, $0) }
            return paths(
                result, view: view, timeFiltered: timeFiltered, from: answer.from, to: answer.to, leftOut: answer.leftOut,
                reason: reason)
        case .temporal(let found, let problem, let reading):
            return temporal(
                found, problem: problem, reading: reading, view: view, timeFiltered: timeFiltered, from: answer.from,
                to: answer.to, leftOut: answer.leftOut)
        }
    }

    public static func paths(
        _ result: PathSearchResult, view: FilteredGraph, timeFiltered: Bool, from: ActorIndex, to: ActorIndex,
        leftOut: LeftOut?, reason: String?
    ) -> JSONValue {
        let graph = view.graph
        var members: [(String, JSONValue)] = [
            ("from", .string(graph[from].id)), ("to", .string(graph[to].id)),
            ("paths", .array(result.paths.map { path($0, view: view, timeFiltered: timeFiltered) })),
            ("truncated", .bool(result.truncated)),
            ("left_out", Self.leftOut(leftOut)),
        ]
        if let reason { members.append(("reason", .string(reason))) }
        return .object(members)
    }

    /// `path --temporal … --format json`: the problem, the reading and at most one path with its departure and
    /// arrival days.
    public static func temporal(
        _ found: TemporalPath?, problem: TemporalProblem, reading: TemporalReading, view: FilteredGraph,
        timeFiltered: Bool, from: ActorIndex, to: ActorIndex, leftOut: LeftOut?
    ) -> JSONValue {
        let graph = view.graph
        let paths: [JSONValue] =
            found.map { found in
                [
                    path(
                        found.path, view: view, timeFiltered: timeFiltered,
                        extra: [
                            ("departure", .string(day(found.departure))),
                            ("arrival", .string(day(found.arrival))),
                            ("time_respecting", .string(found.certainty.description)),
                        ])
                ]
            } ?? []
        return .object([
            ("from", .string(graph[from].id)), ("to", .string(graph[to].id)),
            ("problem", .string(problem.rawValue)), ("reading", .string(readingName(reading))),
            ("paths", .array(paths)), ("truncated", .bool(false)),
            ("left_out", Self.leftOut(leftOut)),
        ])
    }

    /// `{"possibly": n, "undated": m}`, or `null` when the answer left nothing out for its time (no time filter, or
    /// both kinds already kept).
    public static func leftOut(_ leftOut: LeftOut?) -> JSONValue {
        guard let leftOut else { return .null }
        return .object([("possibly", .int(leftOut.possibly)), ("undated", .int(leftOut.undated))])
    }

    /// What a query left out for time: `answer` is the same query run on `view` under its lenient filter (see
    /// ``RelationFilter/lenient``); `nil` when there is nothing it could leave out.
    public static func leftOut(_ view: FilteredGraph, _ answer: (FilteredGraph) -> [RelationIndex]) -> LeftOut? {
        guard let lenient = view.filter.lenient else { return nil }
        let lenientView = FilteredGraph(view.graph, filter: lenient, namedActors: view.namedActors)
        return view.leftOut(answer(lenientView))
    }

    /// `definite` or `lenient`.
    public static func readingName(_ reading: TemporalReading) -> String {
        reading == .definite ? "definite" : "lenient"
    }

    /// Why no path was found, naming the filter (by its CLI option) that blocks it.
    public static func noPathReason(_ graph: RelationGraph, from: ActorIndex, to: ActorIndex, _ diagnosis: PathDiagnosis)
        -> String
    {
        var text = "No path from \(graph[from].name) to \(graph[to].name)"
        if !diagnosis.connectedWithoutFilters {
            return text + ": they are not connected in the graph at all."
        }
        let options = diagnosis.blockingComponents.map(optionName)
        if options.isEmpty {
            text += " with these filters (no single filter is to blame; they are connected without filters)."
        } else {
            text += " with these filters; one exists without " + options.joined(separator: ", or without ") + "."
        }
        return text
    }

    /// The CLI option that sets a filter component.
    public static func optionName(_ component: RelationFilter.Component) -> String {
        switch component {
        case .time: return "the time filter (--at/--between/--until)"
        case .types: return "--types/--exclude-types"
        case .categories: return "--categories"
        case .kinds: return "--kinds"
        case .avoided: return "--avoid"
        case .directed: return "--directed"
        case .grade: return "--min-grade/--graded-only"
        case .status: return "--status"
        case .sources: return "--min-sources"
        }
    }
}
