import HTTPTypes
import Hummingbird
import JSONValue
import StepFunctionsAPI

/// The responses the server sends, built in one place so every one carries AWS's content type.
///
/// The `x-amzn-RequestId` header is added by `RequestLoggingMiddleware`, which also answers
/// errors thrown by Hummingbird itself (no route, a body it refused): every response has it.
enum APIResponse {
    /// The `Content-Type` of every API response, success or error, as AWS sends it.
    static let contentType = StepFunctionsTransportRequest.contentType

    /// The media types accepted on a request: the protocol's own, and plain JSON for people
    /// calling with curl. Parameters (`; charset=utf-8`) are ignored.
    static let acceptedContentTypes: Set<String> = ["application/x-amz-json-1.0", "application/json"]

    /// `application/x-amz-json-1.0` of `Application/X-Amz-JSON-1.0; charset=utf-8`.
    static func mediaType(of contentType: String) -> String {
        // What SDKs send, already bare and lower-case: no string building on every request.
        if acceptedContentTypes.contains(contentType) { return contentType }
        let type = contentType.prefix { $0 != ";" }
        return String(type.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            .lowercased()
    }

    /// A successful action's encoded response.
    static func success(_ body: [UInt8]) -> Response {
        response(status: .ok, body: body)
    }

    /// AWS's error body `{"__type": …, "message": …}`, with the status AWS uses for the error's
    /// code unless the protocol layer needs another (404 for an unknown path, 405 for a method).
    static func error(_ error: StepFunctionsError, status: HTTPResponse.Status? = nil) -> Response {
        response(status: status ?? HTTPResponse.Status(code: error.httpStatus), body: error.responseBody)
    }

    /// `GET /health`: `{"status":"ok"}`, for load balancers, scripts and `docker compose` probes.
    static func health() -> Response {
        let health: JSON = ["status": "ok"]
        let body = health.serialized(.compact)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Built once: every response copies it (copy-on-write) and adds its request ID.
    private static let apiHeaders: HTTPFields = [.contentType: contentType]

    private static func response(status: HTTPResponse.Status, body: [UInt8]) -> Response {
        Response(status: status, headers: apiHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
