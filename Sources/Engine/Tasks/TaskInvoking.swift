public import JSONValue

/// Runs the work of a Task state. The engine picks an invoker by the state's
/// `Resource` (see `ResourceRouter`) and hands it the effective parameters.
///
/// Invokers never throw: a failing task is a `TaskOutcome.failure` with an ASL error
/// name and cause, which the engine feeds to Retry and Catch like AWS does. Real
/// integrations (local commands, Lambda endpoints, nested executions, activities,
/// task tokens, HTTP) conform to this protocol in later steps.
public protocol TaskInvoking: Sendable {
    func invoke(_ request: TaskRequest) async -> TaskOutcome
}

/// What a Task state asks its invoker to do.
public struct TaskRequest: Sendable {
    /// The `Resource` ARN as written.
    public var resource: String
    /// The effective input (after InputPath and Parameters).
    public var parameters: JSON
    public var stateName: String
    public var executionArn: String
    public var stateMachineName: String
    /// 0 for the first attempt, +1 per retry.
    public var retryCount: Int
    /// The task token for `.waitForTaskToken` resources (`$$.Task.Token`).
    public var taskToken: String?
    public var timeoutSeconds: Int64?
    public var heartbeatSeconds: Int64?
    /// The mock test case the execution was started with (`stateMachineArn#TestCase` at
    /// StartExecution, or `sfn run --test-case`); nil when none was named.
    public var testCase: String?
    /// The iteration of the innermost Map the state runs in (`$$.Map.Item.Index` of its
    /// ItemSelector), nil outside a Map: lets a mock answer one iteration differently.
    public var mapIterationIndex: Int?

    public init(
        resource: String, parameters: JSON, stateName: String, executionArn: String = "",
        stateMachineName: String = "", retryCount: Int = 0, taskToken: String? = nil,
        timeoutSeconds: Int64? = nil, heartbeatSeconds: Int64? = nil, testCase: String? = nil,
        mapIterationIndex: Int? = nil
    ) {
        self.testCase = testCase
        self.mapIterationIndex = mapIterationIndex
        self.resource = resource
        self.parameters = parameters
        self.stateName = stateName
        self.executionArn = executionArn
        self.stateMachineName = stateMachineName
        self.retryCount = retryCount
        self.taskToken = taskToken
        self.timeoutSeconds = timeoutSeconds
        self.heartbeatSeconds = heartbeatSeconds
    }
}

/// The result of one task invocation.
public enum TaskOutcome: Sendable, Hashable {
    case success(JSON)
    case failure(ExecutionFailure)
}

/// Chooses an invoker by resource: the longest matching prefix wins, else the fallback.
///
///     ResourceRouter(routes: ["arn:aws:states:::lambda:invoke": lambda], fallback: mock)
public struct ResourceRouter: TaskInvoking {
    public var routes: [(prefix: String, invoker: any TaskInvoking)]
    public var fallback: any TaskInvoking

    public init(routes: [String: any TaskInvoking] = [:], fallback: any TaskInvoking = UnavailableTaskInvoker()) {
        self.routes = routes.map { ($0.key, $0.value) }.sorted { $0.prefix.count > $1.prefix.count }
        self.fallback = fallback
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        for route in routes where request.resource.hasPrefix(route.prefix) {
            return await route.invoker.invoke(request)
        }
        return await fallback.invoke(request)
    }
}

/// The invoker of an engine that was given none: every task fails, as a task whose
/// integration cannot be reached would.
public struct UnavailableTaskInvoker: TaskInvoking {
    public init() {}

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        .failure(ExecutionFailure(
            error: StatesError.taskFailed,
            cause: "No task invoker is configured for the resource '\(request.resource)'"))
    }
}
