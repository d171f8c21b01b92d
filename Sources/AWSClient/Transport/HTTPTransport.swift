import AsyncHTTPClient
import NIOCore
import StepFunctionsAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sends AWS JSON 1.0 requests over HTTP(S) with AsyncHTTPClient, signed with SigV4.
///
/// Each call POSTs the body to the endpoint's path with `X-Amz-Target`, `Content-Type`,
/// `X-Amz-Date`, the session token when there is one, `Authorization` and sfn's `User-Agent`.
/// It returns AWS's status and body (retries are `RetryingTransport`'s job), with two
/// rewrites that keep `StepFunctionsClient`'s error decoding simple and messages clear: a
/// non-JSON error body (a proxy's HTML page) becomes an AWS-shaped body naming the HTTP status,
/// and authentication errors gain a hint naming where the credentials came from (never the keys).
///
/// The `HTTPClient` defaults to `HTTPClient.shared`, which lives for the process and needs no
/// shutdown; a caller that passes its own client owns its lifecycle.
public struct HTTPTransport: StepFunctionsTransport {
    public let endpoint: StepFunctionsEndpoint
    public let credentials: AWSCredentials
    public let httpClient: HTTPClient
    /// The deadline of one attempt, connection included.
    public var timeout: Duration
    public var userAgent: String
    /// The signing clock (injectable so a test can sign at a fixed time).
    public var now: @Sendable () -> Date
    /// Larger responses are refused rather than buffered (AWS's own pages are far smaller).
    public var maxResponseBytes = 64 * 1024 * 1024

    public static let defaultUserAgent = "sfn/0.1 (AWSClient; Swift)"

    public init(
        endpoint: StepFunctionsEndpoint, credentials: AWSCredentials, httpClient: HTTPClient = .shared,
        timeout: Duration = .seconds(60), userAgent: String = HTTPTransport.defaultUserAgent,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.httpClient = httpClient
        self.timeout = timeout
        self.userAgent = userAgent
        self.now = now
    }

    /// The signed request for one API call, without sending it.
    public func signedRequest(_ request: StepFunctionsTransportRequest) -> SigV4Request {
        var signed = SigV4Request(
            method: "POST", path: endpoint.path,
            headers: [
                .init("Host", endpoint.hostHeader),
                .init("Content-Type", StepFunctionsTransportRequest.contentType),
                .init("X-Amz-Target", request.target),
            ], body: request.body)
        let signer = SigV4Signer(credentials: credentials, region: endpoint.region, service: StepFunctionsEndpoint.signingName)
        signer.sign(&signed, at: now())
        signed.setHeader("User-Agent", userAgent)
        return signed
    }

    public func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError)
        -> StepFunctionsTransportResponse
    {
        let signed = signedRequest(request)
        var httpRequest = HTTPClientRequest(url: endpoint.url)
        httpRequest.method = .POST
        for header in signed.headers { httpRequest.headers.add(name: header.name, value: header.value) }
        httpRequest.body = .bytes(signed.body)
        let status: Int
        let body: [UInt8]
        do {
            let response = try await httpClient.execute(httpRequest, timeout: HTTPTransport.timeAmount(timeout))
            status = Int(response.status.code)
            let buffer = try await response.body.collect(upTo: maxResponseBytes)
            body = Array(buffer.readableBytesView)
        } catch let error as NIOTooManyBytesError {
            throw StepFunctionsError(
                .serializationException,
                "The \(request.action.rawValue) response from \(endpoint) is larger than \(maxResponseBytes) bytes: \(error)")
        } catch {
            throw StepFunctionsError(
                .serviceUnavailable, "Cannot reach the Step Functions endpoint \(endpoint): \(HTTPTransport.describe(error))")
        }
        guard !(200..<300).contains(status) else { return StepFunctionsTransportResponse(status: status, body: body) }
        return StepFunctionsTransportResponse(status: status, body: explainedErrorBody(body, status: status))
    }

    /// The error body the client will decode: AWS's, with a hint for credential problems; or,
    /// for a body that is not an AWS error, one built from the status and the start of the text.
    func explainedErrorBody(_ body: [UInt8], status: Int) -> [UInt8] {
        var error = StepFunctionsError(responseBody: body, httpStatus: status)
        let isAWSError = (try? APICoding.decode(StepFunctionsError.self, from: body)) != nil
        if !isAWSError {
            error.message = "HTTP \(status) from \(endpoint) without an AWS error body: \(error.message)"
        }
        if let hint = AWSErrorHints.hint(for: error.code.rawValue, credentials: credentials, endpoint: endpoint) {
            error.message += error.message.isEmpty ? hint : " (\(hint))"
        }
        return error.responseBody
    }

    /// AsyncHTTPClient errors name the failure (`connectTimeout`, `connection refused`) without
    /// request headers, so they are safe to show.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, error == .deadlineExceeded { return "the request timed out" }
        return String(describing: error)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
