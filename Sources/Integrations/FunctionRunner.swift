public import Engine
public import JSONValue

/// Something that runs a Lambda function by name: a local command or a Lambda-invoke endpoint.
/// `LambdaInvoker` turns its answer into the shape of the Task state's resource form.
///
/// A runner reports a function error (the function threw) and a service error (the function
/// could not be reached) alike as `ExecutionFailure`, named as Step Functions names them.
public protocol FunctionRunner: Sendable {
    func invoke(_ call: FunctionCall) async -> Result<FunctionResponse, ExecutionFailure>
}

/// One synchronous (RequestResponse) invocation.
public struct FunctionCall: Sendable {
    /// The function's name as resolved (no ARN, no qualifier).
    public var functionName: String
    /// Version or alias (`$LATEST` when absent).
    public var qualifier: String?
    public var payload: JSON
    public var timeoutSeconds: Int64?

    public init(functionName: String, qualifier: String? = nil, payload: JSON, timeoutSeconds: Int64? = nil) {
        self.functionName = functionName
        self.qualifier = qualifier
        self.payload = payload
        self.timeoutSeconds = timeoutSeconds
    }
}

/// A function's successful answer, with the HTTP details `lambda:invoke` reports.
public struct FunctionResponse: Sendable, Hashable {
    public var payload: JSON
    public var executedVersion: String
    public var statusCode: Int
    /// Response headers in the order received (names as sent).
    public var headers: [Header]
    public var requestId: String

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(payload: JSON, executedVersion: String = "$LATEST", statusCode: Int = 200, headers: [Header] = [], requestId: String) {
        self.payload = payload
        self.executedVersion = executedVersion
        self.statusCode = statusCode
        self.headers = headers
        self.requestId = requestId
    }
}

/// Lambda's error conventions, shared by every runner.
public enum LambdaErrors {
    /// The function threw and its error payload has no `errorType` (out of memory, timeouts):
    /// Step Functions reports these as `Lambda.Unknown`.
    public static let unknown = "Lambda.Unknown"
    public static let serviceException = "Lambda.ServiceException"
    /// The SDK could not reach Lambda at all (connection refused, DNS, TLS).
    public static let sdkClientException = "Lambda.SdkClientException"
    public static let resourceNotFound = "Lambda.ResourceNotFoundException"

    /// A function error payload `{"errorType": …, "errorMessage": …}` as Step Functions reports it:
    /// the error is `errorType`, the cause is the whole payload as compact JSON.
    public static func functionError(_ payload: JSON) -> ExecutionFailure? {
        guard case .object(let object) = payload, let type = object["errorType"]?.stringValue, !type.isEmpty else {
            return nil
        }
        return ExecutionFailure(error: type, cause: payload.serialized(.compact))
    }

    /// A function error in raw bytes: the whole text as JSON, else its last JSON-object line
    /// (programs often log before printing the error).
    public static func functionError(in bytes: [UInt8]) -> ExecutionFailure? {
        if let whole = try? JSON.parse(utf8: bytes), let failure = functionError(whole) { return failure }
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
        for line in lines.reversed() where line.trimmingPrefix(while: \.isWhitespace).hasPrefix("{") {
            if let value = try? JSON.parse(String(line)), let failure = functionError(value) { return failure }
        }
        return nil
    }
}
