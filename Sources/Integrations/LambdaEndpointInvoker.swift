import AsyncHTTPClient
public import Engine
import JSONValue
import Foundation
import NIOCore
import NIOHTTP1

/// Runs Lambda functions through an endpoint speaking the Lambda Invoke API
/// (`POST {url}/2015-03-31/functions/{name}/invocations`), as `sam local start-lambda`
/// serves it and as Step Functions Local's Lambda endpoint setting uses it.
///
/// Errors follow what Step Functions reports:
/// - `X-Amz-Function-Error` with an `errorType` in the body → that error, the body as cause;
///   without one → `Lambda.Unknown`;
/// - an error status from the service itself → `Lambda.<x-amzn-ErrorType>` (e.g.
///   `Lambda.ResourceNotFoundException`), `Lambda.ServiceException` when unnamed;
/// - the endpoint unreachable → `Lambda.SdkClientException`;
/// - no answer within the task's `TimeoutSeconds` → `States.Timeout`.
///
/// As a `TaskInvoking` it treats the task as the bare function ARN form: the function named
/// by the resource ARN gets the task's input and its output is the result.
public struct LambdaEndpointInvoker: TaskInvoking, FunctionRunner {
    /// The endpoint's base, e.g. `http://127.0.0.1:3001`.
    public var url: String
    public var httpClient: HTTPClient
    /// The largest response accepted: AWS's 256 KiB payload limit, with room for headers of the body.
    public var responseLimit: Int

    public init(url: String, httpClient: HTTPClient = TaskHTTPClient.shared, responseLimit: Int = 256 * 1024) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.httpClient = httpClient
        self.responseLimit = responseLimit
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        guard let reference = FunctionReference(request.resource) else {
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed, cause: "The resource '\(request.resource)' is not a Lambda function ARN"))
        }
        let call = FunctionCall(
            functionName: reference.name, qualifier: reference.qualifier, payload: request.parameters,
            timeoutSeconds: request.timeoutSeconds)
        switch await invoke(call) {
        case .success(let response): return .success(response.payload)
        case .failure(let failure): return .failure(failure)
        }
    }

    public func invoke(_ call: FunctionCall) async -> Result<FunctionResponse, ExecutionFailure> {
        var path = "\(url)/2015-03-31/functions/\(Self.escape(call.functionName))/invocations"
        if let qualifier = call.qualifier { path += "?Qualifier=\(Self.escape(qualifier))" }
        var request = HTTPClientRequest(url: path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Amz-Invocation-Type", value: "RequestResponse")
        request.body = .bytes(ByteBuffer(string: call.payload.serialized(.compact)))
        let status: Int
        let headers: [FunctionResponse.Header]
        let body: [UInt8]
        do {
            let answer = try await Self.exchange(request, client: httpClient, limit: responseLimit, seconds: call.timeoutSeconds ?? 60)
            (status, headers, body) = (Int(answer.0.code), answer.1, answer.2)
        } catch is NIOTooManyBytesError {
            return .failure(ExecutionFailure(
                error: StatesError.dataLimitExceeded,
                cause: "The function '\(call.functionName)' returned a result with a size exceeding the maximum number of bytes service limit."))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .failure(ExecutionFailure(
                error: StatesError.timeout,
                cause: "The Lambda endpoint \(url) did not answer for '\(call.functionName)' within \(call.timeoutSeconds ?? 60) seconds"))
        } catch {
            return .failure(ExecutionFailure(
                error: LambdaErrors.sdkClientException,
                cause: "Unable to execute HTTP request: \(url) for the function '\(call.functionName)': \(error)"))
        }
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        let requestId = header("x-amzn-RequestId") ?? UUID().uuidString.lowercased()
        let parsed = try? JSON.parse(utf8: body)
        if header("X-Amz-Function-Error") != nil {
            if let parsed, let failure = LambdaErrors.functionError(parsed) { return .failure(failure) }
            return .failure(ExecutionFailure(error: LambdaErrors.unknown, cause: String(decoding: body, as: UTF8.self)))
        }
        guard (200..<300).contains(status) else {
            let type = header("x-amzn-ErrorType").map { String($0.prefix { $0 != ":" }) }
            let message = parsed?["message"]?.stringValue ?? parsed?["Message"]?.stringValue
                ?? String(decoding: body.prefix(4096), as: UTF8.self)
            return .failure(ExecutionFailure(
                error: type.map { "Lambda.\($0)" } ?? LambdaErrors.serviceException,
                cause: "\(message) (Service: AWSLambda; Status Code: \(status); Request ID: \(requestId))"))
        }
        let payload: JSON
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            payload = .null
        } else if let parsed {
            payload = parsed
        } else {
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed,
                cause: "The function '\(call.functionName)' at \(url) returned a payload that is not JSON"))
        }
        return .success(FunctionResponse(
            payload: payload, executedVersion: header("X-Amz-Executed-Version") ?? call.qualifier ?? "$LATEST",
            statusCode: status, headers: headers, requestId: requestId))
    }

    /// The request and the whole response body, raced against the task's timeout plus five seconds:
    /// AsyncHTTPClient's own deadline is not enough on its own (a slow response head was seen to
    /// outlive it under load). A refused connection fails at once (see `TaskHTTPClient`).
    static func exchange(_ request: HTTPClientRequest, client: HTTPClient, limit: Int, seconds: Int64) async throws
        -> (HTTPResponseStatus, [FunctionResponse.Header], [UInt8])
    {
        try await withThrowingTaskGroup(of: (HTTPResponseStatus, [FunctionResponse.Header], [UInt8])?.self) { group in
            group.addTask {
                let response = try await client.execute(request, timeout: .seconds(seconds))
                let headers = response.headers.map { FunctionResponse.Header($0.name, $0.value) }
                let body = Array(try await response.body.collect(upTo: limit).readableBytesView)
                return (response.status, headers, body)
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds + 5))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else { throw HTTPClientError.deadlineExceeded }
            return answer
        }
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?&=")))
            ?? text
    }
}
