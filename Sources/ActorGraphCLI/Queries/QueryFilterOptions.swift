import ActorGraph
import ActorGraphIO
import ArgumentParser

/// The filters every query command shares (docs/QUERIES.md, "Filters"): the time options, the relation filters and
/// `--directed`. `diff`, which takes its dates from `--from` and `--to` and follows no path, takes only
/// ``RelationFilterOptions`` and `--possibly`, so its help lists only what it accepts.
public struct QueryFilterOptions: ParsableArguments {
    @OptionGroup public var time: TimeFilterOptions
    @OptionGroup public var relations: RelationFilterOptions

    @Flag(help: "Follow relations only in their direction (symmetric types still go both ways).")
    public var directed = false

    public init() {}

    public var hasTimeOption: Bool { time.hasTimeOption }

    /// The time condition, or a ``ExitStatus/badFilter`` failure. Needs no graph, so it fails fast.
    public func timeCondition() throws -> TimeCondition { try time.timeCondition() }

    /// The filter for `graph`; `named` are the actors the command names (exempt from `--kinds`, never avoided).
    public func filter(for graph: RelationGraph, named: [ActorIndex]) throws -> RelationFilter {
        var filter = RelationFilter(time: try time.timeCondition())
        filter.includePossible = time.possibly
        filter.includeUndated = time.includeUndated
        filter.directed = directed
        try relations.apply(to: &filter, graph: graph, named: named)
        return filter
    }
}

/// `--at`, `--between` or `--until`, and whether to keep what such a filter matches only possibly or not at all.
public struct TimeFilterOptions: ParsableArguments {
    @Option(help: "Only relations active on this day (YYYY-MM-DD); a month or year means at some time in it.")
    public var at: String?

    @Option(help: "Only relations overlapping the window A..B; either side may be empty (2001.., ..2001-09-11).")
    public var between: String?

    @Option(help: "Only relations that had begun by this day, ended or not.")
    public var until: String?

    @Flag(help: "Also keep relations a time filter matches only possibly (they are marked).")
    public var possibly = false

    @Flag(help: "Keep undated relations when a time filter is given (they are marked).")
    public var includeUndated = false

    public init() {}

    public func validate() throws {
        let given = [at, between, until].compactMap { $0 }
        if given.count > 1 { throw ValidationError("give at most one of --at, --between and --until") }
    }

    public var hasTimeOption: Bool { at != nil || between != nil || until != nil }

    /// The time condition, or a ``ExitStatus/badFilter`` failure naming the option.
    public func timeCondition() throws -> TimeCondition {
        let result: Result<TimeCondition, QueryInputError>
        let option: String
        if let at {
            (result, option) = (TimeCondition.parseAt(at), "--at")
        } else if let between {
            (result, option) = (TimeCondition.parseBetween(between), "--between")
        } else if let until {
            (result, option) = (TimeCondition.parseUntil(until), "--until")
        } else {
            return .none
        }
        switch result {
        case .success(let condition): return condition
        case .failure(let error):
            throw CommandFailure("error: \(option) \(error.message)", status: ExitStatus.badFilter)
        }
    }
}

/// The filters on relations and the actors they join, time aside: types, categories, kinds, avoided actors,
/// grades, statuses and independent sources.
public struct RelationFilterOptions: ParsableArguments {
    @Option(help: "Only these relation types, comma-separated.")
    public var types: String?

    @Option(help: "Leave out these relation types, comma-separated.")
    public var excludeTypes: String?

    @Option(help: "Only relation types of these categories, comma-separated.")
    public var categories: String?

    @Option(help: "Allowed kinds (state, group, official) of every actor except the ones the command names.")
    public var kinds: String?

    @Option(help: "Never pass through or reach this actor (repeatable).")
    public var avoid: [String] = []

    @OptionGroup public var evidence: EvidenceFilterOptions

    public init() {}

    /// Whether any of these options is given.
    var narrows: Bool {
        types != nil || excludeTypes != nil || categories != nil || kinds != nil || !avoid.isEmpty || evidence.narrows
    }

    /// Sets these filters on `filter`; `named` are the actors the command names (exempt from `--kinds`, never avoided).
    func apply(to filter: inout RelationFilter, graph: RelationGraph, named: [ActorIndex]) throws {
        try evidence.apply(to: &filter)
        if let types { filter.types = Set(try Self.typeIndices(types, option: "--types", graph: graph)) }
        if let excludeTypes {
            filter.excludedTypes = Set(try Self.typeIndices(excludeTypes, option: "--exclude-types", graph: graph))
        }
        if let categories {
            filter.categories = Set(try Self.members(categories, option: "--categories", FilterMembers.categories))
        }
        if let kinds { filter.kinds = Set(try Self.members(kinds, option: "--kinds", FilterMembers.kinds)) }
        if !avoid.isEmpty {
            let references = ActorReferences(graph)
            for text in avoid {
                let actor = try references.resolve(text, role: "actor to avoid")
                if named.contains(actor) {
                    throw CommandFailure(
                        "error: --avoid '\(text)' is \(graph[actor].name), which the command itself names",
                        status: ExitStatus.badFilter)
                }
                filter.avoided.insert(actor)
            }
        }
    }

    static func names(_ list: String, option: String) throws -> [String] {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        }
        if names.contains(where: \.isEmpty) {
            throw CommandFailure("error: \(option) '\(list)' has an empty name", status: ExitStatus.badFilter)
        }
        return names
    }

    /// The members of a fixed list a comma-separated option names, or a bad-filter failure naming the choices.
    static func members<Member>(
        _ list: String, option: String, _ parse: ([String]) -> Result<[Member], FilterMembers.Unknown>
    ) throws -> [Member] {
        switch parse(try names(list, option: option)) {
        case .success(let members): return members
        case .failure(let unknown):
            throw CommandFailure("error: \(unknown.message) in \(option) \(unknown.choices)", status: ExitStatus.badFilter)
        }
    }

    static func typeIndices(_ list: String, option: String, graph: RelationGraph) throws -> [RelationTypeIndex] {
        try names(list, option: option).map { name in
            if let index = graph.vocabulary.index(named: name) { return index }
            let nearest = NearestName.nearest(name, among: graph.vocabulary.names)
            let hint = nearest.map { " (did you mean '\($0)'?)" } ?? " (list them with: actorgraph types)"
            throw CommandFailure("error: unknown relation type '\(name)' in \(option)\(hint)", status: ExitStatus.badFilter)
        }
    }
}

/// The evidence a relation must have: a grade at least this good, a status, independent sources. The listing
/// commands (`relations`, `show`) take these and the time options; the queries take them inside
/// ``RelationFilterOptions``.
public struct EvidenceFilterOptions: ParsableArguments {
    @Option(help: "Only relations graded at least this well, e.g. B3 (ungraded kept unless --graded-only).")
    public var minGrade: String?

    @Flag(help: "Leave out relations without an Admiralty grade.")
    public var gradedOnly = false

    @Option(help: "Only relations of these statuses, comma-separated: reported, claimed, denied (default: all).")
    public var status: String?

    @Option(help: "Only relations citing at least N independent sources (a source restating another cited one is not independent).")
    public var minSources: Int?

    public init() {}

    public func validate() throws {
        if let minSources, minSources < 0 { throw ValidationError("--min-sources must be 0 or more") }
    }

    /// Whether any of these options is given.
    var narrows: Bool { minGrade != nil || gradedOnly || status != nil || (minSources ?? 0) > 0 }

    /// The grade, or a bad-filter failure.
    func grade() throws -> AdmiraltyGrade? {
        guard let minGrade else { return nil }
        guard let grade = AdmiraltyGrade(minGrade) else {
            throw CommandFailure(
                "error: --min-grade '\(minGrade)' is not \(AdmiraltyGrade.syntaxHelp)", status: ExitStatus.badFilter)
        }
        return grade
    }

    /// Sets these filters on `filter`.
    func apply(to filter: inout RelationFilter) throws {
        filter.minimumGrade = try grade()
        filter.gradedOnly = gradedOnly
        filter.minimumSources = minSources ?? 0
        if let status {
            filter.statuses = Set(
                try RelationFilterOptions.members(status, option: "--status", FilterMembers.statuses))
        }
    }
}

/// Text and JSON pieces the query commands share.
enum QueryPresentation {
    /// `  {possibly}` after a relation line when a time filter is active; nothing otherwise.
    static func mark(_ match: TimeMatch?, timeFiltered: Bool) -> String {
        guard timeFiltered, let match else { return "" }
        return "  {\(match)}"
    }

    /// `+12 possibly active: add --possibly` (and the undated ones), or `nil` when nothing was left out.
    static func leftOutNotice(_ leftOut: LeftOut?) -> String? {
        guard let leftOut, !leftOut.isEmpty else { return nil }
        var parts: [String] = []
        if leftOut.possibly > 0 { parts.append("+\(leftOut.possibly) possibly active: add --possibly") }
        if leftOut.undated > 0 { parts.append("+\(leftOut.undated) undated: add --include-undated") }
        return "(" + parts.joined(separator: "; ") + ")"
    }

    /// `{"possibly": n, "undated": m}`, or `null` when the answer left nothing out for its time (no time filter, or
    /// both kinds already kept).
    static func leftOutJSON(_ leftOut: LeftOut?) -> JSONValue { QueryJSON.leftOut(leftOut) }

    /// What the query left out for time: `answer` is the same query run on `view` under its lenient filter (see
    /// ``RelationFilter/lenient``); `nil` when there is nothing it could leave out.
    static func leftOut(_ view: FilteredGraph, _ answer: (FilteredGraph) -> [RelationIndex]) -> LeftOut? {
        QueryJSON.leftOut(view, answer)
    }

    /// The shared relation object plus `time_match` (`null` without a time filter).
    static func relation(_ graph: RelationGraph, _ relation: RelationIndex, match: TimeMatch?, timeFiltered: Bool)
        -> JSONValue
    {
        QueryJSON.relation(graph, relation, match: match, timeFiltered: timeFiltered)
    }

    /// A day number as `YYYY-MM-DD`, or `open` at either end of time.
    static func day(_ day: Int32) -> String { QueryJSON.day(day) }

    static func actorLabel(_ graph: RelationGraph, _ actor: ActorIndex) -> String {
        "\(graph[actor].name) [\(graph[actor].id)]"
    }
}
