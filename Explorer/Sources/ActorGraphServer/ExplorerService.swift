import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import HTTPTypes

/// The explorer's answers: the graph loaded once and never changed, and one method per JSON endpoint, each calling
/// the core queries and the ActorGraphIO JSON shapes the CLI's `--format json` writes.
public struct ExplorerService: Sendable {
    public let graph: RelationGraph
    let resolver: ActorResolver
    let search: ActorSearch
    let texts: SourceTexts
    let title: String
    /// The unfiltered yearly histogram, the time bar's first request, computed at load.
    let wholeHistogram: JSONValue
    /// `/api/graph`'s answer, computed at load (it reads every relation's dates).
    let overviewAnswer: JSONValue
    /// Histograms already answered, by their parameters: the time bar asks the same few again on every brush, step
    /// and filter change of a view. At most 512 of them and 32 MiB: a monthly histogram
    /// of a long range (12,000 bins) is over a megabyte.
    let histograms = AnswerCache(capacity: 512, byteBudget: 32 << 20)
    /// Charts (and exported pictures) already drawn, by format and view parameters: the page asks the same chart
    /// again on back and forward, on play and when a filter is undone, and a drawing costs a Graphviz worker.
    /// At most 256 of them and 64 MiB.
    let charts = AnswerCache(capacity: 256, byteBudget: 64 << 20)
    /// Search workspaces for neighbourhoods and paths, kept between requests (each is the size of the graph).
    let workspaces: WorkspacePool
    /// Seconds one request's path search may take (``QueryDeadline``): `actorgraph-explorer --query-timeout`.
    public var queryTimeout = ExplorerService.defaultQueryTimeout
    public static let defaultQueryTimeout = 10.0

    var deadline: QueryDeadline { QueryDeadline(seconds: queryTimeout) }

    public init(graph: RelationGraph, sourcesDirectory: String?, title: String) {
        self.graph = graph
        self.resolver = ActorResolver(graph: graph)
        self.search = ActorSearch(graph: graph)
        self.workspaces = WorkspacePool(actorCount: graph.actorCount, kept: WorkspacePool.concurrentSearches)
        self.texts = SourceTexts(graph: graph, directory: sourcesDirectory)
        self.title = title
        self.wholeHistogram = Self.histogramJSON(DateHistogram(graph, relations: graph.relationIndices, bucket: .year))
        self.overviewAnswer = Self.overview(graph, title: title, texts: texts)
    }

    /// Loads YAML files, an edge list or a snapshot through ``GraphLoader``, as the CLI does.
    public static func load(_ options: GraphLoadOptions) throws(DiagnosticsError) -> ExplorerService {
        var unverified = options
        // Texts are checked per source here, so one changed text marks its quotes rather than refusing the graph.
        unverified.sourcesDirectory = nil
        let loaded = try GraphLoader.loadAllowingEdgeLists(unverified)
        let title = loaded.files.count == 1 ? loaded.files[0] : options.graphPath
        return ExplorerService(graph: loaded.graph, sourcesDirectory: options.sourcesDirectory, title: title)
    }

    // MARK: Endpoints

    /// `/api/graph`: counts, vocabulary and date range for the page's controls.
    func overview() -> JSONValue { overviewAnswer }

    private static func overview(_ graph: RelationGraph, title: String, texts: SourceTexts) -> JSONValue {
        var first: Int32?
        var last: Int32?
        for relation in graph.relationIndices {
            guard let span = graph.span(of: relation) else { continue }
            if span.possibleStart != TimeSpan.beginningOfTime { first = min(first ?? span.possibleStart, span.possibleStart) }
            if span.possibleEnd != TimeSpan.endOfTime { last = max(last ?? span.possibleEnd, span.possibleEnd) }
        }
        let types = graph.vocabulary.names.compactMap { name -> JSONValue? in
            guard let index = graph.vocabulary.index(named: name) else { return nil }
            let type = graph.vocabulary[index]
            return .object([
                ("name", .string(type.name)), ("label", .string(type.label)),
                ("category", .string(type.category.rawValue)), ("directed", .bool(type.directed)),
            ])
        }
        return .object([
            ("actors", .int(graph.actorCount)), ("relations", .int(graph.relationCount)),
            ("title", .string(title)),
            ("sources", .object([("available", .bool(texts.available)), ("directory", .optional(texts.directory))])),
            ("categories", .array(RelationCategory.allCases.map { .string($0.rawValue) })),
            ("kinds", .array(ActorKind.allCases.map { .string($0.rawValue) })),
            ("types", .array(types)),
            (
                "dates",
                .object([
                    ("first", .optional(first.map { CalendarDay(dayNumber: $0).description })),
                    ("last", .optional(last.map { CalendarDay(dayNumber: $0).description })),
                ])
            ),
        ])
    }

    /// `/api/search?q=&limit=`.
    func searchActors(_ parameters: QueryParameters) throws(APIError) -> JSONValue {
        let query = parameters["q"] ?? ""
        let limit = try parameters.integer("limit", default: 20, in: 1...100)
        let hits = search.search(query, limit: limit)
        return .object([
            ("query", .string(query)),
            (
                "results",
                .array(
                    hits.map { hit in
                        let actor = graph[hit.actor]
                        return .object([
                            ("id", .string(actor.id)), ("name", .string(actor.name)),
                            ("kind", .string(actor.kind.rawValue)), ("matched", .string(hit.matched)),
                        ])
                    })
            ),
        ])
    }

    /// `/api/actor/ID`: `actorgraph show ID --format json`.
    func actor(_ id: String) throws(APIError) -> JSONValue {
        QueryJSON.card(graph, try ViewRequest.resolve(id, parameter: nil, graph: graph, resolver: resolver))
    }

    /// `/api/neighbors/ID?depth=&limit=&…filters`: `actorgraph neighbors ID --format json`.
    func neighbors(_ id: String, _ parameters: QueryParameters) throws(APIError) -> JSONValue {
        let center = try ViewRequest.resolve(id, parameter: nil, graph: graph, resolver: resolver)
        let depth = try parameters.integer("depth", default: 1, in: 1...ViewRequest.maximumDepth)
        let limit = try parameters.integer("limit", default: 1000, in: 1...100_000)
        let hidden = try ViewRequest.actors(parameters, "hide", graph, resolver)
        let filter = try ViewRequest.filter(parameters, graph: graph, named: [center], hidden: hidden)
        let view = FilteredGraph(graph, filter: filter, namedActors: [center])
        return workspaces.withWorkspace { workspace in
            let neighbourhood = Neighborhood(view, center: center, depth: depth, limit: limit, workspace: workspace)
            let leftOut = QueryJSON.leftOut(view) { lenient in
                Neighborhood(lenient, center: center, depth: depth, limit: limit, workspace: workspace).members.flatMap(\.via)
            }
            return QueryJSON.neighborhood(neighbourhood, view: view, timeFiltered: filter.time != .none, leftOut: leftOut)
        }
    }

    /// `/api/path?path=FROM,TO&pathMode=&k=&…filters`: `actorgraph path --format json`, through the same
    /// ``PathQuery`` and JSON; every filter of the view applies, the time window (`from`/`to`, `at`) included.
    func path(_ parameters: QueryParameters) throws(APIError) -> JSONValue {
        let request = try ViewRequest(parameters, graph: graph, resolver: resolver)
        guard let ends = request.pathEnds else {
            throw APIError.badParameter("path", "'path' names the two ends of the path, FROM,TO")
        }
        let view = FilteredGraph(graph, filter: request.filter, namedActors: [ends.from, ends.to])
        let answer = try deadline.run("the path search") { stop in
            try workspaces.withWorkspace { workspace throws(QueryStopped) in
                try request.pathQuery.answer(view, from: ends.from, to: ends.to, workspace: workspace, stop: stop)
            }
        }
        return QueryJSON.path(answer, view: view, timeFiltered: request.timeFiltered)
    }

    /// What a view request shows (``ExplorerView``), its path search under the request's deadline.
    func view(_ request: ViewRequest, relationLimit: Int = ExplorerView.relationLimit) throws(APIError) -> ExplorerView {
        try deadline.run("the view's path search") { stop in
            try ExplorerView(request, graph: graph, relationLimit: relationLimit, stop: stop)
        }
    }

    /// `/api/relation/ID`: the relation object and, per citation, the quoted lines of its source.
    func relation(_ id: String) throws(APIError) -> JSONValue {
        guard let index = graph.relationIndex(id: id) else {
            throw APIError.notFound("no relation '\(id)' in the graph")
        }
        let citations = graph.details(of: index).citations
        return .object([
            ("relation", GraphJSON.relation(graph, index)),
            ("evidence", .array(citations.map { texts.evidence($0, graph: graph) })),
        ])
    }

    /// `/api/timeline?actor=&other=&…filters`: `actorgraph timeline --format json`.
    func timeline(_ parameters: QueryParameters) throws(APIError) -> JSONValue {
        let first = try parameters["actor"].map { (text: String) throws(APIError) -> ActorIndex in
            try ViewRequest.resolve(text, parameter: "actor", graph: graph, resolver: resolver)
        }
        let second = try parameters["other"].map { (text: String) throws(APIError) -> ActorIndex in
            try ViewRequest.resolve(text, parameter: "other", graph: graph, resolver: resolver)
        }
        let named = [first, second].compactMap { $0 }
        let hidden = try ViewRequest.actors(parameters, "hide", graph, resolver)
        let filter = try ViewRequest.filter(parameters, graph: graph, named: named, hidden: hidden)
        let view = FilteredGraph(graph, filter: filter, namedActors: named)
        let entries = Timeline.entries(view, actor: first, other: second)
        let leftOut = QueryJSON.leftOut(view) { Timeline.entries($0, actor: first, other: second).map(\.relation) }
        return QueryJSON.timeline(
            entries, graph: graph, actors: named, timeFiltered: filter.time != .none, leftOut: leftOut)
    }

    /// `/api/histogram`'s answer when these parameters were answered before.
    func cachedHistogram(_ parameters: QueryParameters) -> [UInt8]? {
        histograms[parameters.canonical]
    }

    /// `/api/histogram`'s answer as bytes, kept for the next request with the same parameters.
    func histogramBytes(_ parameters: QueryParameters) throws(APIError) -> [UInt8] {
        let bytes = try histogram(parameters).prettyBytes()
        histograms.store(bytes, for: parameters.canonical)
        return bytes
    }

    /// `/api/histogram?bucket=&…view`: relation counts per year or month and category.
    func histogram(_ parameters: QueryParameters) throws(APIError) -> JSONValue {
        let bucketText = parameters["bucket"] ?? "year"
        guard let bucket = DateHistogram.Bucket(rawValue: bucketText) else {
            throw APIError.badParameter("bucket", "'bucket' is year or month, not '\(bucketText)'")
        }
        let request = try ViewRequest(parameters.removing("bucket"), graph: graph, resolver: resolver)
        if bucket == .year, request.isWholeGraph { return wholeHistogram }
        // The relations the view's chart would draw, without bundling them (the time bar needs only their dates).
        let relations =
            request.pathEnds == nil
            ? LinkChart.selectedRelations(graph, ExplorerView.chartRequest(request))
            : try view(request, relationLimit: Int.max).links.flatMap(\.relations)
        return Self.histogramJSON(DateHistogram(graph, relations: relations, bucket: bucket))
    }

    static func histogramJSON(_ histogram: DateHistogram) -> JSONValue {
        .object([
            ("bucket", .string(histogram.bucket.rawValue)),
            (
                "bins",
                .array(
                    histogram.bins.map { bin in
                        .object([
                            ("start", .string(bin.start.description)), ("end", .string(bin.end.description)),
                            ("counts", .object(bin.counts.map { ($0.category.rawValue, .int($0.count)) })),
                        ])
                    })
            ),
            ("undated", .int(histogram.undated)),
        ])
    }

    /// The view request for `parameters`, resolved against the graph.
    func viewRequest(_ parameters: QueryParameters) throws(APIError) -> ViewRequest {
        try ViewRequest(parameters, graph: graph, resolver: resolver)
    }
}
