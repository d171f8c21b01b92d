public import Engine
import JSONValue

/// Where each Task resource runs on the local engine, after the mocks:
///
/// 1. Lambda resources (the bare function ARN, `arn:aws:states:::lambda:invoke`) run the
///    handler whose pattern names the function (`LambdaInvoker`);
/// 2. any other resource runs the command handler whose pattern matches the resource ARN as
///    written or without its integration suffix (`.sync`, `.sync:2`, `.waitForTaskToken`),
///    with the task's effective parameters on stdin;
/// 3. built-in integrations (nested executions, and whatever `builtins` routes);
/// 4. anything else fails with `States.TaskFailed` and a cause saying how to configure it.
public struct LocalTaskRouter: ActivityAnswering {
    public var lambda: LambdaInvoker
    /// Command handlers for non-Lambda resources, in the order written.
    public var resources: [(pattern: String, invoker: any TaskInvoking)]
    public var builtins: ResourceRouter

    public init(
        lambda: LambdaInvoker, resources: [(pattern: String, invoker: any TaskInvoking)] = [],
        builtins: ResourceRouter = ResourceRouter()
    ) {
        self.lambda = lambda
        self.resources = resources
        self.builtins = builtins
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        let resource = request.resource
        if resource.hasPrefix("arn:aws:lambda:") || resource.hasPrefix("arn:aws-") && resource.contains(":lambda:")
            || resource.hasPrefix(LambdaInvoker.invokeResource)
        {
            return await lambda.invoke(request)
        }
        if let handler = handler(for: resource) { return await handler.invoke(request) }
        if builtins.routes.contains(where: { resource.hasPrefix($0.prefix) }) { return await builtins.invoke(request) }
        return .failure(ExecutionFailure(
            error: StatesError.taskFailed,
            cause: "The resource '\(resource)' of the state '\(request.stateName)' has no handler or mock on the local engine: "
                + "map it under 'local.handlers' in the environment (\"\(Self.base(of: resource))\": {command: [program, args…]}) "
                + "or give the state a mocked response in the mock file"))
    }

    /// An Activity state with a handler (or a route among the built-ins) runs here instead of
    /// waiting for a worker; any other task is not answered directly (a `.waitForTaskToken`
    /// handler still leaves the answer to its token).
    public func answers(_ request: TaskRequest) -> Bool {
        guard request.resource.contains(":activity:") else { return false }
        return handler(for: request.resource) != nil || builtins.routes.contains { request.resource.hasPrefix($0.prefix) }
    }

    /// The command handler for a non-Lambda resource: an exact pattern first, then the first glob.
    func handler(for resource: String) -> (any TaskInvoking)? {
        let candidates = Set([resource, Self.base(of: resource)])
        if let exact = resources.first(where: { candidates.contains($0.pattern) }) { return exact.invoker }
        return resources.first { route in
            (route.pattern.contains("*") || route.pattern.contains("?"))
                && candidates.contains { FunctionResolver.glob(route.pattern, matches: $0) }
        }?.invoker
    }

    /// `arn:aws:states:::states:startExecution.sync:2` → `arn:aws:states:::states:startExecution`.
    static func base(of resource: String) -> String {
        for suffix in [".sync:2", ".sync", ".waitForTaskToken"] where resource.hasSuffix(suffix) {
            return String(resource.dropLast(suffix.count))
        }
        return resource
    }
}

/// A configured command handler: the program, with the handler's own `timeout` as an upper
/// bound on every run (the state's `TimeoutSeconds`, when shorter, still applies).
struct CommandHandler: TaskInvoking, FunctionRunner {
    var command: LocalCommandInvoker
    var timeoutSeconds: Int64?

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        var request = request
        request.timeoutSeconds = Self.tighter(request.timeoutSeconds, timeoutSeconds)
        return await command.invoke(request)
    }

    func invoke(_ call: FunctionCall) async -> Result<FunctionResponse, ExecutionFailure> {
        var call = call
        call.timeoutSeconds = Self.tighter(call.timeoutSeconds, timeoutSeconds)
        return await command.invoke(call)
    }

    static func tighter(_ a: Int64?, _ b: Int64?) -> Int64? {
        switch (a, b) {
        case (let a?, let b?): min(a, b)
        default: a ?? b
        }
    }
}
