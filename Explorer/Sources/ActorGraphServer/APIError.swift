import ActorGraphIO
import HTTPTypes

/// A refusal the API reports as `{"error": {"message", "parameter"}}` with a 4xx or 5xx status.
public struct APIError: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let message: String
    /// The query parameter at fault, when one is.
    public let parameter: String?

    public init(_ status: HTTPResponse.Status, _ message: String, parameter: String? = nil) {
        self.status = status
        self.message = message
        self.parameter = parameter
    }

    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(.badRequest, message, parameter: name)
    }

    static func notFound(_ message: String, parameter: String? = nil) -> APIError {
        APIError(.notFound, message, parameter: parameter)
    }

    /// The error document, written by the same JSON writer as every answer.
    public var json: JSONValue {
        .object([("error", .object([("message", .string(message)), ("parameter", .optional(parameter))]))])
    }
}
