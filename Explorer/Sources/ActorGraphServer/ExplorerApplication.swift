import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import Foundation
import Graphviz
import HTTPTypes
import Hummingbird
import NIOCore
import Logging

/// How the explorer listens and what it limits.
public struct ExplorerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Requests per second over all clients (0: no limit), and the burst allowed above it.
    public var rateLimit: Int
    public var rateBurst: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, rateLimit: Int = 500, rateBurst: Int = 1000) {
        self.host = host
        self.port = port
        self.rateLimit = rateLimit
        self.rateBurst = rateBurst
    }
}

/// Builds the explorer's routes over a loaded ``ExplorerService``.
public enum ExplorerApplication {
    /// The router with every endpoint of docs/EXPLORER.md behind ``SecurityMiddleware``.
    public static func router(
        service: ExplorerService, renderer: ChartRenderer, assets: AssetTable, hosts: HostAllowList,
        limiter: RateLimiter?, pool: WorkPool = .shared
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityMiddleware(hosts: hosts, limiter: limiter))
        addPages(router, assets: assets)
        addQueries(router, service: service, pool: pool)
        addViews(router, service: service, pool: pool)
        addCharts(router, service: service, renderer: renderer, pool: pool)
        return router
    }

    /// A runnable application: the router bound to `configuration`'s address.
    public static func application(
        service: ExplorerService, renderer: ChartRenderer, assets: AssetTable, configuration: ExplorerConfiguration,
        logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let hosts = HostAllowList(host: configuration.host, port: configuration.port)
        let limiter = configuration.rateLimit > 0
            ? RateLimiter(perSecond: configuration.rateLimit, burst: configuration.rateBurst) : nil
        let router = Self.router(service: service, renderer: renderer, assets: assets, hosts: hosts, limiter: limiter)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                hosts.bound(port: port)
                await onServerRunning(port)
            },
            logger: logger)
    }

    private static func addPages(_ router: Router<BasicRequestContext>, assets: AssetTable) {
        router.get("/") { _, _ throws(APIError) -> Response in
            guard let page = assets["index.html"] else {
                throw APIError(.notFound, "the page's files are missing from this build (Assets/index.html)")
            }
            return bytes(page.bytes, type: page.contentType)
        }
        router.get("/assets/:name") { _, context throws(APIError) -> Response in
            guard let name = context.parameters.get("name"), let asset = assets[name] else {
                throw APIError(.notFound, "no such asset")
            }
            return bytes(asset.bytes, type: asset.contentType)
        }
        router.get("/vendor/d3.min.js") { _, _ throws(APIError) -> Response in
            guard let d3 = assets.d3 else {
                throw APIError(
                    .notFound,
                    "d3 is not installed: install Debian's node-d3 (apt-get install node-d3) for \(AssetTable.d3Path)")
            }
            return bytes(d3.bytes, type: d3.contentType)
        }
    }

    /// Cheap questions (search, a card, one step of neighbours, a shortest path) are answered on the request's own
    /// task; deeper neighbourhoods and other kinds of path go to `pool`, so they never hold up the cheap ones.
    private static func addQueries(_ router: Router<BasicRequestContext>, service: ExplorerService, pool: WorkPool) {
        router.get("/api/graph") { request, _ throws(APIError) -> Response in
            _ = try QueryParameters(query: request.uri.query, allowed: [])
            return json(service.overview())
        }
        router.get("/api/search") { request, _ throws(APIError) -> Response in
            json(try service.searchActors(try QueryParameters(query: request.uri.query, allowed: ["q", "limit"])))
        }
        router.get("/api/actor/:id") { request, context throws(APIError) -> Response in
            _ = try QueryParameters(query: request.uri.query, allowed: [])
            return json(try service.actor(try pathParameter(context)))
        }
        router.get("/api/neighbors/:id") { request, context async throws(APIError) -> Response in
            let allowed = ViewRequest.filterNames.union(["depth", "limit"])
            let parameters = try QueryParameters(query: request.uri.query, allowed: allowed)
            let id = try pathParameter(context)
            guard parameters["depth"] == nil || parameters["depth"] == "1" else {
                return json(try await pool.run { () throws(APIError) in try service.neighbors(id, parameters) })
            }
            return json(try service.neighbors(id, parameters))
        }
        router.get("/api/relation/:id") { request, context throws(APIError) -> Response in
            _ = try QueryParameters(query: request.uri.query, allowed: [])
            return json(try service.relation(try pathParameter(context)))
        }
        router.get("/api/path") { request, _ async throws(APIError) -> Response in
            let allowed = ViewRequest.filterNames.union(["path", "pathMode", "k"])
            let parameters = try QueryParameters(query: request.uri.query, allowed: allowed)
            guard parameters["pathMode"] == nil || parameters["pathMode"] == "shortest" else {
                return json(try await pool.run { () throws(APIError) in try service.path(parameters) })
            }
            return json(try service.path(parameters))
        }
        router.get("/api/timeline") { request, _ throws(APIError) -> Response in
            let allowed = ViewRequest.filterNames.subtracting(["from", "to"]).union(["actor", "other"])
            return json(try service.timeline(try QueryParameters(query: request.uri.query, allowed: allowed)))
        }
    }

    /// A view's selection, its histogram (unless answered before) and its chart's DOT are computed on `pool`.
    private static func addViews(_ router: Router<BasicRequestContext>, service: ExplorerService, pool: WorkPool) {
        router.get("/api/histogram") { request, _ async throws(APIError) -> Response in
            let allowed = ViewRequest.viewNames.union(["bucket"])
            let parameters = try QueryParameters(query: request.uri.query, allowed: allowed)
            if let cached = service.cachedHistogram(parameters) { return bytes(cached, type: jsonType) }
            return bytes(try await pool.run { () throws(APIError) in try service.histogramBytes(parameters) }, type: jsonType)
        }
        router.get("/api/view") { request, _ async throws(APIError) -> Response in
            let parameters = try QueryParameters(query: request.uri.query, allowed: ViewRequest.viewNames)
            return json(
                try await pool.run { () throws(APIError) -> JSONValue in
                    let viewRequest = try service.viewRequest(parameters)
                    let view = try service.view(viewRequest)
                    return view.json(service.graph, request: viewRequest)
                })
        }
    }

    private static func addCharts(
        _ router: Router<BasicRequestContext>, service: ExplorerService, renderer: ChartRenderer, pool: WorkPool
    ) {
        router.get("/api/chart.svg") { request, _ async throws(APIError) -> Response in
            let parameters = try QueryParameters(query: request.uri.query, allowed: ViewRequest.viewNames)
            let svg = try await ExplorerExport.chart(
                parameters, service: service, renderer: renderer, pool: pool, format: .svg)
            return bytes(svg, type: "image/svg+xml")
        }
        router.get("/api/export") { request, _ async throws(APIError) -> Response in
            let parameters = try QueryParameters(query: request.uri.query, allowed: ViewRequest.viewNames.union(["format"]))
            let file = try await ExplorerExport.file(parameters, service: service, renderer: renderer, pool: pool)
            var response = bytes(file.bytes, type: file.contentType)
            response.headers[.contentDisposition] = "attachment; filename=\"\(file.name)\""
            return response
        }
    }

    /// The route's `:id` segment with its percent escapes decoded (`Dmitry%20Zhirnov`); `+` stays a plus here.
    static func pathParameter(_ context: BasicRequestContext) throws(APIError) -> String {
        let raw = context.parameters.get("id") ?? ""
        guard let decoded = raw.removingPercentEncoding else {
            throw APIError(.badRequest, "the actor or relation in the path has a malformed percent escape")
        }
        guard decoded.utf8.count <= QueryParameters.maximumValueLength else {
            throw APIError(.badRequest, "the actor or relation in the path is longer than \(QueryParameters.maximumValueLength) characters")
        }
        return decoded
    }

    static let jsonType = "application/json; charset=utf-8"

    static func json(_ value: JSONValue) -> Response {
        bytes(value.prettyBytes(), type: jsonType)
    }

    static func bytes(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
