import ActorGraphIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// The host names (with port) a request may address: the bound name or address, and for loopback its other
/// spellings. A request for any other `Host` is refused (DNS rebinding).
public final class HostAllowList: Sendable {
    private let hosts: Mutex<Set<String>>
    private let names: [String]

    /// - Parameters:
    ///   - host: the bound name or address.
    ///   - port: the bound port; 0 until ``bound(port:)`` names the one the system chose.
    public init(host: String, port: Int) {
        var names = [host.lowercased()]
        if ["127.0.0.1", "localhost"].contains(host.lowercased()) { names = ["127.0.0.1", "localhost"] }
        if ["::1", "[::1]"].contains(host.lowercased()) { names = ["[::1]", "localhost"] }
        self.names = names
        self.hosts = Mutex(Self.hosts(names, port: port))
    }

    /// Exact `Host` values, e.g. for tests whose client sends `localhost` without a port.
    public init(exactly hosts: Set<String>) {
        self.names = []
        self.hosts = Mutex(Set(hosts.map { $0.lowercased() }))
    }

    private static func hosts(_ names: [String], port: Int) -> Set<String> {
        Set(names.flatMap { name in port == 80 ? [name, "\(name):80"] : ["\(name):\(port)"] })
    }

    /// Records the port the server actually listens on.
    public func bound(port: Int) {
        hosts.withLock { $0 = Self.hosts(names, port: port) }
    }

    func allows(_ host: String) -> Bool { hosts.withLock { $0.contains(host.lowercased()) } }
}

/// A token bucket over all clients: `rate` requests a second, bursts up to `burst`.
public final class RateLimiter: Sendable {
    private let rate: Double
    private let burst: Double
    private let state: Mutex<(tokens: Double, last: ContinuousClock.Instant)>
    private let now: @Sendable () -> ContinuousClock.Instant

    public convenience init(perSecond rate: Int, burst: Int) {
        self.init(perSecond: rate, burst: burst, now: { ContinuousClock.now })
    }

    /// - Parameter now: the clock (tests pass their own, so the bucket's refill does not depend on their speed).
    init(perSecond rate: Int, burst: Int, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.rate = Double(rate)
        self.burst = Double(max(burst, 1))
        self.now = now
        self.state = Mutex((Double(max(burst, 1)), now()))
    }

    /// Whether one more request may go ahead now.
    func admit() -> Bool {
        let now = self.now()
        return state.withLock { state in
            let elapsed = state.last.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            state.tokens = min(burst, state.tokens + seconds * rate)
            state.last = now
            guard state.tokens >= 1 else { return false }
            state.tokens -= 1
            return true
        }
    }
}

/// The header names and values of ``SecurityMiddleware``, made once: building and checking them on every request
/// (`HTTPField.Name("…")` and each value's validation) was a measurable part of a cheap request.
enum SecurityHeaders {
    /// The headers every response leaves with.
    static let page: [HTTPField] = [
        HTTPField(name: .contentSecurityPolicy, value: SecurityMiddleware<BasicRequestContext>.contentSecurityPolicy),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: HTTPField.Name("Referrer-Policy")!, value: "no-referrer"),
        HTTPField(name: HTTPField.Name("X-Frame-Options")!, value: "DENY"),
        HTTPField(name: HTTPField.Name("Cross-Origin-Resource-Policy")!, value: "same-origin"),
    ]
    static let hostName = HTTPField.Name("Host")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    /// API answers are also never stored by the browser.
    static let api: [HTTPField] = page + [HTTPField(name: .cacheControl, value: "no-store")]
}

/// Every request passes here first: method, size, `Host`, origin and rate checks; every response leaves with the
/// security headers, and every error as a JSON document (API) or a plain-text page.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let hosts: HostAllowList
    let limiter: RateLimiter?

    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    }
    /// The longest request target accepted.
    static var maximumTargetLength: Int { 8192 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let isAPI = request.uri.path.hasPrefix("/api/")
        var response: Response
        do throws(APIError) {
            try check(request, isAPI: isAPI)
            do {
                response = try await next(request, context)
            } catch let error as APIError {
                throw error
            } catch let error as HTTPError {
                throw APIError(error.status, error.status == .notFound ? "no such page or endpoint" : error.status.reasonPhrase)
            } catch {
                throw APIError(.internalServerError, "the request failed: \(error)")
            }
        } catch {
            response = Self.errorResponse(error, asJSON: isAPI)
        }
        response.headers.append(contentsOf: isAPI ? SecurityHeaders.api : SecurityHeaders.page)
        return response
    }

    private func check(_ request: Request, isAPI: Bool) throws(APIError) {
        guard request.method == .get || request.method == .head else {
            throw APIError(.methodNotAllowed, "the explorer is read-only: only GET requests are answered")
        }
        let hostValues = [request.head.authority].compactMap { $0 } + request.headers[values: SecurityHeaders.hostName]
        guard !hostValues.isEmpty, hostValues.allSatisfy(hosts.allows) else {
            throw APIError(
                .forbidden,
                "this server answers only requests addressed to its own address (Host header), to refuse DNS rebinding")
        }
        if let length = request.headers[.contentLength], length != "0" {
            throw APIError(.contentTooLarge, "requests carry no body here; this one declares \(length) bytes")
        }
        if request.headers[.transferEncoding] != nil {
            throw APIError(.contentTooLarge, "requests carry no body here")
        }
        if request.uri.string.utf8.count > Self.maximumTargetLength {
            throw APIError(.uriTooLong, "the request target is longer than \(Self.maximumTargetLength) bytes")
        }
        let path = request.uri.path
        if path != "/", path.hasSuffix("/") || path.contains("//") {
            throw APIError(.notFound, "no such page or endpoint")
        }
        if isAPI {
            if let origin = request.headers[.origin] {
                let host = origin.hasPrefix("http://") ? String(origin.dropFirst("http://".count)) : ""
                guard !host.isEmpty, hosts.allows(host) else {
                    throw APIError(.forbidden, "cross-origin API requests are refused (Origin \(origin))")
                }
            }
            if let site = request.headers[SecurityHeaders.secFetchSite], site != "same-origin", site != "none" {
                throw APIError(.forbidden, "cross-site API requests are refused (Sec-Fetch-Site: \(site))")
            }
        }
        if let limiter, !limiter.admit() {
            throw APIError(.tooManyRequests, "too many requests; slow down and retry in a second")
        }
    }

    static func errorResponse(_ error: APIError, asJSON: Bool) -> Response {
        var headers: HTTPFields = [:]
        if error.status == .tooManyRequests { headers[.retryAfter] = "1" }
        if error.status == .methodNotAllowed { headers[.allow] = "GET, HEAD" }
        if asJSON {
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(
                status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: error.json.pretty())))
        }
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: error.message + "\n")))
    }
}
