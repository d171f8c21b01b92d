public import Engine
public import JSONValue

/// Runs Lambda tasks in both of AWS's forms through configured function runners:
///
/// - the bare function ARN (`arn:aws:lambda:REGION:ACCOUNT:function:NAME`): the task's input is
///   the payload and the function's output is the result;
/// - `arn:aws:states:::lambda:invoke`: `Parameters` carry `FunctionName` (name, ARN or partial
///   ARN, optionally qualified), `Qualifier` and `Payload`; the result is what AWS returns:
///   `{ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}`.
///
/// A function no pattern names fails as AWS would: `Lambda.ResourceNotFoundException`.
///
///     var functions = FunctionResolver()
///     functions.add("arn:aws:lambda:*:*:function:etl-*", LocalCommandInvoker(LocalCommand(executable: "./etl.py")))
///     let router = ResourceRouter(routes: ["arn:aws:lambda:": lambda, "arn:aws:states:::lambda:invoke": lambda])
public struct LambdaInvoker: TaskInvoking {
    public var functions: FunctionResolver
    public static let invokeResource = "arn:aws:states:::lambda:invoke"

    public init(functions: FunctionResolver) {
        self.functions = functions
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        if request.resource.hasPrefix(Self.invokeResource) {
            return await invokeIntegration(request)
        }
        guard let function = FunctionReference(request.resource) else {
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed, cause: "The resource '\(request.resource)' is not a Lambda function ARN"))
        }
        let call = FunctionCall(
            functionName: function.name, qualifier: function.qualifier, payload: request.parameters,
            timeoutSeconds: request.timeoutSeconds)
        switch await run(call, function: function) {
        case .success(let response): return .success(response.payload)
        case .failure(let failure): return .failure(failure)
        }
    }

    private func invokeIntegration(_ request: TaskRequest) async -> TaskOutcome {
        let pattern = request.resource.dropFirst(Self.invokeResource.count)
        // With `.waitForTaskToken` the function is invoked as usual (its Payload carries the
        // token); waiting for the token is the engine's part.
        guard pattern.isEmpty || pattern == ".waitForTaskToken" else {
            return .failure(ExecutionFailure(
                error: StatesError.runtime,
                cause: "The integration pattern '\(pattern)' of '\(request.resource)' is not supported by the local engine yet"))
        }
        guard let name = request.parameters["FunctionName"]?.stringValue else {
            return .failure(ExecutionFailure(
                error: StatesError.runtime,
                cause: "The Parameters of '\(request.resource)' need a string field 'FunctionName'"))
        }
        guard var function = FunctionReference(functionName: name) else {
            return .failure(ExecutionFailure(
                error: "Lambda.InvalidParameterValueException",
                cause: "The FunctionName '\(name)' is not a function name, ARN or partial ARN"))
        }
        if let qualifier = request.parameters["Qualifier"]?.stringValue { function.qualifier = qualifier }
        let call = FunctionCall(
            functionName: function.name, qualifier: function.qualifier, payload: request.parameters["Payload"] ?? [:],
            timeoutSeconds: request.timeoutSeconds)
        switch await run(call, function: function) {
        case .success(let response): return .success(Self.invokeResult(response))
        case .failure(let failure): return .failure(failure)
        }
    }

    private func run(_ call: FunctionCall, function: FunctionReference) async -> Result<FunctionResponse, ExecutionFailure> {
        guard let runner = functions.runner(for: function) else {
            var arn = function.arn(region: functions.region, accountId: functions.accountId)
            if let qualifier = function.qualifier { arn += ":\(qualifier)" }
            return .failure(ExecutionFailure(
                error: LambdaErrors.resourceNotFound,
                cause: "Function not found: \(arn) (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException). "
                    + "On the local engine, map it under 'local.handlers' in the environment "
                    + "(\"\(function.name)\": {command: [program, args…]} or {url: …}) or mock the state"))
        }
        return await runner.invoke(call)
    }

    /// `lambda:invoke`'s result, key for key as Step Functions returns it.
    public static func invokeResult(_ response: FunctionResponse) -> JSON {
        var all = JSONObject()
        var first = JSONObject()
        for header in response.headers {
            var values = all[header.name]?.arrayValue ?? []
            values.append(.string(header.value))
            _ = all.updateValue(.array(values), forKey: header.name)
            if first[header.name] == nil { _ = first.updateValue(.string(header.value), forKey: header.name) }
        }
        return [
            "ExecutedVersion": .string(response.executedVersion),
            "Payload": response.payload,
            "SdkHttpMetadata": [
                "AllHttpHeaders": .object(all),
                "HttpHeaders": .object(first),
                "HttpStatusCode": .number(JSONNumber(response.statusCode)),
            ],
            "SdkResponseMetadata": ["RequestId": .string(response.requestId)],
            "StatusCode": .number(JSONNumber(response.statusCode)),
        ]
    }
}
