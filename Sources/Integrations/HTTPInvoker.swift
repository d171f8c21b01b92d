import AsyncHTTPClient
public import Engine
import Foundation
public import JSONValue
import NIOCore
import NIOHTTP1

/// `arn:aws:states:::http:invoke`: performs the HTTP request a Task state describes and
/// answers with AWS's result shape, `{Headers, ResponseBody, StatusCode, StatusText}`.
///
/// Parameters as AWS reads them: `ApiEndpoint`, `Method`, `Headers`, `QueryParameters`,
/// `RequestBody` and `Transform` (`RequestBodyEncoding: URL_ENCODED` with
/// `RequestEncodingOptions.ArrayFormat` INDICES, REPEAT, COMMAS or BRACKETS). The EventBridge
/// connection (`Authentication.ConnectionArn`) does not exist locally: its credentials are
/// replaced by the headers the environment configures for it (`local.connections`).
///
/// Errors: a status outside 2xx fails with `States.Http.StatusCode.<code>` and the response
/// (the result shape) as cause; an unreachable endpoint with `States.Http.Socket`; no answer
/// within `TimeoutSeconds` (60 s by default) with `States.Timeout`.
public struct HTTPInvoker: TaskInvoking {
    public static let resource = "arn:aws:states:::http:invoke"
    /// Connection ARN patterns (exact or glob) → headers sent in place of its credentials.
    public var connections: [(pattern: String, headers: [String: String])]
    public var httpClient: HTTPClient
    /// The largest response body accepted: AWS's 256 KiB payload limit.
    public var responseLimit: Int

    public init(
        connections: [(pattern: String, headers: [String: String])] = [], httpClient: HTTPClient = TaskHTTPClient.shared,
        responseLimit: Int = 256 * 1024
    ) {
        self.connections = connections
        self.httpClient = httpClient
        self.responseLimit = responseLimit
    }

    static let methods: Set<String> = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        let parameters = request.parameters
        guard let endpoint = parameters["ApiEndpoint"]?.stringValue,
            endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")
        else {
            return Self.invalid("'ApiEndpoint' must be an http:// or https:// URL")
        }
        guard let method = parameters["Method"]?.stringValue?.uppercased(), Self.methods.contains(method) else {
            return Self.invalid("'Method' must be one of \(Self.methods.sorted().joined(separator: ", "))")
        }
        var url = endpoint
        if let query = parameters["QueryParameters"] {
            guard case .object(let fields) = query else { return Self.invalid("'QueryParameters' must be an object") }
            let encoded = FormEncoding.encode(fields, arrays: .repeat)
            if !encoded.isEmpty { url += (url.contains("?") ? "&" : "?") + encoded }
        }
        var http = HTTPClientRequest(url: url)
        http.method = HTTPMethod(rawValue: method)
        if let headers = parameters["Headers"] {
            guard case .object(let fields) = headers else { return Self.invalid("'Headers' must be an object") }
            for (name, value) in fields {
                http.headers.add(name: name, value: value.stringValue ?? value.serialized(.compact))
            }
        }
        if let connection = parameters["Authentication"]?["ConnectionArn"]?.stringValue {
            for (name, value) in headers(forConnection: connection) { http.headers.replaceOrAdd(name: name, value: value) }
        }
        if let body = parameters["RequestBody"], method != "GET", method != "HEAD" {
            let encoding = parameters["Transform"]?["RequestBodyEncoding"]?.stringValue ?? "NONE"
            switch (encoding, body) {
            case ("URL_ENCODED", .object(let fields)):
                let format = parameters["Transform"]?["RequestEncodingOptions"]?["ArrayFormat"]?.stringValue ?? "INDICES"
                guard let arrays = FormEncoding.ArrayFormat(rawValue: format) else {
                    return Self.invalid("'ArrayFormat' must be INDICES, REPEAT, COMMAS or BRACKETS")
                }
                Self.setDefault(&http, "Content-Type", "application/x-www-form-urlencoded")
                http.body = .bytes(ByteBuffer(string: FormEncoding.encode(fields, arrays: arrays)))
            case ("URL_ENCODED", _):
                return Self.invalid("'RequestBody' must be an object to be URL_ENCODED")
            case ("NONE", .string(let text)):
                Self.setDefault(&http, "Content-Type", "text/plain; charset=utf-8")
                http.body = .bytes(ByteBuffer(string: text))
            case ("NONE", _):
                Self.setDefault(&http, "Content-Type", "application/json; charset=utf-8")
                http.body = .bytes(ByteBuffer(string: body.serialized(.compact)))
            default:
                return Self.invalid("'RequestBodyEncoding' must be NONE or URL_ENCODED")
            }
        }
        let seconds = request.timeoutSeconds ?? 60
        do {
            let (status, headers, body) = try await LambdaEndpointInvoker.exchange(
                http, client: httpClient, limit: responseLimit, seconds: seconds)
            let result = Self.result(status: status, headers: headers, body: body)
            guard (200..<300).contains(Int(status.code)) else {
                return .failure(ExecutionFailure(error: "States.Http.StatusCode.\(status.code)", cause: result.serialized(.compact)))
            }
            return .success(result)
        } catch is NIOTooManyBytesError {
            return .failure(ExecutionFailure(
                error: StatesError.dataLimitExceeded,
                cause: "The response of \(method) \(endpoint) exceeds the maximum number of bytes service limit."))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .failure(ExecutionFailure(
                error: StatesError.timeout, cause: "\(method) \(endpoint) did not answer within \(seconds) seconds"))
        } catch {
            return .failure(ExecutionFailure(error: "States.Http.Socket", cause: "\(method) \(endpoint) failed: \(error)"))
        }
    }

    /// The headers configured for a connection: an exact pattern first, then the first glob.
    func headers(forConnection arn: String) -> [String: String] {
        if let exact = connections.first(where: { $0.pattern == arn }) { return exact.headers }
        return connections.first { FunctionResolver.glob($0.pattern, matches: arn) }?.headers ?? [:]
    }

    /// AWS's result: headers as lists of values, the body as JSON when it is JSON, else text.
    static func result(status: HTTPResponseStatus, headers: [FunctionResponse.Header], body: [UInt8]) -> JSON {
        var grouped = JSONObject()
        for header in headers {
            var values = grouped[header.name]?.arrayValue ?? []
            values.append(.string(header.value))
            grouped[header.name] = .array(values)
        }
        let text = String(decoding: body, as: UTF8.self)
        let responseBody: JSON = (try? JSON.parse(utf8: body)) ?? .string(text)
        return [
            "Headers": .object(grouped), "ResponseBody": responseBody,
            "StatusCode": .number(JSONNumber(Int(status.code))), "StatusText": .string(status.reasonPhrase),
        ]
    }

    private static func setDefault(_ request: inout HTTPClientRequest, _ name: String, _ value: String) {
        if !request.headers.contains(name: name) { request.headers.add(name: name, value: value) }
    }

    private static func invalid(_ message: String) -> TaskOutcome {
        .failure(ExecutionFailure(error: StatesError.runtime, cause: "The Parameters of '\(resource)' are invalid: \(message)"))
    }
}
