import ActorGraph
import ActorGraphIO
import HTTPTypes

/// The view parameters shared by `/api/view`, `/api/chart.svg`, `/api/histogram`, `/api/export` and (their filter
/// part) `/api/path`, parsed and resolved against the graph (docs/EXPLORER.md, "Common view parameters").
struct ViewRequest: Sendable {
    /// How parallel relations become links.
    enum Bundling: String, Sendable {
        case pair, type, none
    }

    /// `shortest`, `k` shortest, or a time-respecting problem.
    enum PathMode: String, Sendable {
        case shortest, k, earliest, latest, fastest
    }

    static let filterNames: Set<String> = [
        "hide", "at", "from", "to", "possibly", "undated", "categories", "types", "kinds", "status", "minGrade",
    ]
    static let viewNames: Set<String> =
        filterNames.union(["focus", "depth", "only", "bundle", "path", "pathMode", "k", "labels"])
    /// The deepest neighbourhood a view expands (as `render --depth`).
    static let maximumDepth = 10
    static let maximumPaths = 10

    var focus: [ActorIndex] = []
    var depth = 1
    var hidden: [ActorIndex] = []
    var only: Set<ActorIndex>?
    var filter = RelationFilter()
    var bundling = Bundling.pair
    var pathEnds: (from: ActorIndex, to: ActorIndex)?
    var pathMode = PathMode.shortest
    var k = 3
    var labels = true
    /// The texts as given, for the equivalent command line.
    var given: QueryParameters

    var timeFiltered: Bool { filter.time != .none }

    /// The path question `pathMode` and `k` ask, as the core runs it for `actorgraph path` (`--shortest K`,
    /// `--temporal P`).
    var pathQuery: PathQuery {
        switch pathMode {
        case .shortest: PathQuery(.shortest)
        case .k: PathQuery(.kShortest(k))
        case .earliest: PathQuery(.temporal(.earliest))
        case .latest: PathQuery(.temporal(.latest))
        case .fastest: PathQuery(.temporal(.fastest))
        }
    }

    /// Nothing narrows the graph: no focus, path, selection or filter.
    var isWholeGraph: Bool {
        focus.isEmpty && pathEnds == nil && only == nil && filter.activeComponents.isEmpty
    }

    /// - Parameter pathEnds: the actors `/api/path` names itself (exempt from `kinds`, never hidden).
    init(_ parameters: QueryParameters, graph: RelationGraph, resolver: ActorResolver, pathEnds named: [ActorIndex] = [])
        throws(APIError)
    {
        given = parameters
        focus = try Self.actors(parameters, "focus", graph, resolver)
        depth = try parameters.integer("depth", default: 1, in: 0...Self.maximumDepth)
        hidden = try Self.actors(parameters, "hide", graph, resolver)
        if parameters["only"] != nil { only = Set(try Self.actors(parameters, "only", graph, resolver)) }
        if let path = parameters["path"] {
            let ends = try Self.actors(parameters, "path", graph, resolver)
            guard ends.count == 2 else {
                throw APIError.badParameter("path", "'path' takes two actors, FROM,TO, not '\(path)'")
            }
            guard ends[0] != ends[1] else {
                throw APIError.badParameter("path", "the two ends of 'path' are the same actor (\(graph[ends[0]].name))")
            }
            pathEnds = (ends[0], ends[1])
        }
        if let mode = parameters["pathMode"] {
            guard let parsed = PathMode(rawValue: mode) else {
                throw APIError.badParameter("pathMode", "'pathMode' is shortest, k, earliest, latest or fastest, not '\(mode)'")
            }
            pathMode = parsed
        }
        k = try parameters.integer("k", default: 3, in: 1...Self.maximumPaths)
        labels = try parameters.flag("labels", default: true)
        if let bundle = parameters["bundle"] {
            guard let parsed = Bundling(rawValue: bundle) else {
                throw APIError.badParameter("bundle", "'bundle' is pair, type or none, not '\(bundle)'")
            }
            bundling = parsed
        }
        let named = focus + (pathEnds.map { [$0.from, $0.to] } ?? []) + named
        filter = try Self.filter(parameters, graph: graph, named: named, hidden: hidden)
    }

    /// The relation filter of the filter parameters; `hide` avoids actors, as `--avoid` does.
    static func filter(_ parameters: QueryParameters, graph: RelationGraph, named: [ActorIndex], hidden: [ActorIndex])
        throws(APIError) -> RelationFilter
    {
        var filter = RelationFilter(time: try time(parameters))
        filter.includePossible = try parameters.flag("possibly", default: false)
        filter.includeUndated = try parameters.flag("undated", default: true)
        if let grade = parameters["minGrade"] {
            guard let parsed = AdmiraltyGrade(grade) else {
                throw APIError.badParameter("minGrade", "'minGrade' '\(grade)' is not \(AdmiraltyGrade.syntaxHelp)")
            }
            filter.minimumGrade = parsed
        }
        if parameters["types"] != nil {
            filter.types = Set(
                try parameters.list("types").map { (name: String) throws(APIError) -> RelationTypeIndex in
                    guard let index = graph.vocabulary.index(named: name) else {
                        throw APIError.badParameter("types", "unknown relation type '\(name)'")
                    }
                    return index
                })
        }
        if parameters["categories"] != nil {
            filter.categories = Set(try members(parameters, "categories", FilterMembers.categories))
        }
        if parameters["kinds"] != nil { filter.kinds = Set(try members(parameters, "kinds", FilterMembers.kinds)) }
        if parameters["status"] != nil {
            filter.statuses = Set(try members(parameters, "status", FilterMembers.statuses))
        }
        for actor in hidden {
            if named.contains(actor) {
                throw APIError.badParameter(
                    "hide", "'hide' names \(graph[actor].name), which the view itself centres on or connects")
            }
            filter.avoided.insert(actor)
        }
        return filter
    }

    /// The members of a fixed list a parameter names, or a bad parameter naming the choices.
    static func members<Member>(
        _ parameters: QueryParameters, _ name: String, _ parse: ([String]) -> Result<[Member], FilterMembers.Unknown>
    ) throws(APIError) -> [Member] {
        switch parse(parameters.list(name)) {
        case .success(let members): return members
        case .failure(let unknown): throw APIError.badParameter(name, "\(unknown.message) \(unknown.choices)")
        }
    }

    /// `at=D`, or `from=A&to=B` (either side may be absent).
    static func time(_ parameters: QueryParameters) throws(APIError) -> TimeCondition {
        let at = parameters["at"]
        let from = parameters["from"]
        let to = parameters["to"]
        if let at {
            if from != nil || to != nil {
                throw APIError.badParameter("at", "give either 'at' or 'from'/'to', not both")
            }
            switch TimeCondition.parseAt(at) {
            case .success(let condition): return condition
            case .failure(let error): throw APIError.badParameter("at", error.message)
            }
        }
        guard from != nil || to != nil else { return .none }
        switch TimeCondition.parseBetween((from ?? "") + ".." + (to ?? "")) {
        case .success(let condition): return condition
        case .failure(let error): throw APIError.badParameter(from != nil ? "from" : "to", error.message)
        }
    }

    /// The actors a list parameter names, by id, name or alias (the resolver's folding).
    static func actors(_ parameters: QueryParameters, _ name: String, _ graph: RelationGraph, _ resolver: ActorResolver)
        throws(APIError) -> [ActorIndex]
    {
        var result: [ActorIndex] = []
        for text in parameters.list(name) {
            let actor = try resolve(text, parameter: name, graph: graph, resolver: resolver)
            if !result.contains(actor) { result.append(actor) }
        }
        return result
    }

    /// One actor by id, name or alias; ambiguity and absence name the candidates.
    static func resolve(_ text: String, parameter: String?, graph: RelationGraph, resolver: ActorResolver)
        throws(APIError) -> ActorIndex
    {
        if let index = graph.actorIndex(id: text) { return index }
        switch resolver.resolve(text) {
        case .found(let index):
            return index
        case .ambiguous(let candidates):
            let list = candidates.prefix(5).map { "'\(graph[$0].id)' (\(graph[$0].name))" }.joined(separator: ", ")
            throw APIError(.badRequest, "'\(text)' could be several actors: \(list); give the id", parameter: parameter)
        case .notFound(let suggestions):
            var message = "no actor '\(text)' in the graph"
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "'\(graph[$0].id)' (\(graph[$0].name))" }
                    .joined(separator: " or ") + "?"
            }
            throw APIError(.notFound, message, parameter: parameter)
        }
    }
}
