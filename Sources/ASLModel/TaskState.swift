public import JSONValue

/// A `Task` state: runs the work its `Resource` ARN names (a Lambda function, an
/// activity, a service integration such as `arn:aws:states:::lambda:invoke.sync`).
public struct TaskState: Sendable, Hashable {
    public var common: StateCommon
    public var transition: Transition
    public var resource: String
    public var timeout: NumberSetting?
    public var heartbeat: NumberSetting?
    /// The role to assume for the task (`RoleArn` or `RoleArn.$`), kept as JSON.
    public var credentials: JSON?
    public var retry: [Retrier]
    public var `catch`: [Catcher]

    public init(
        common: StateCommon, transition: Transition, resource: String, timeout: NumberSetting? = nil,
        heartbeat: NumberSetting? = nil, credentials: JSON? = nil, retry: [Retrier] = [], catch: [Catcher] = []
    ) {
        self.common = common
        self.transition = transition
        self.resource = resource
        self.timeout = timeout
        self.heartbeat = heartbeat
        self.credentials = credentials
        self.retry = retry
        self.catch = `catch`
    }

    /// The integration pattern a resource suffix asks for.
    public var integrationPattern: IntegrationPattern { IntegrationPattern(resource: resource) }
}

/// How a Task waits for a service integration: return at once, run a job to completion
/// (`.sync`, `.sync:2`), or wait for a task token (`.waitForTaskToken`).
public enum IntegrationPattern: Sendable, Hashable {
    case requestResponse
    case sync
    case waitForTaskToken

    public init(resource: String) {
        if resource.hasSuffix(".waitForTaskToken") {
            self = .waitForTaskToken
        } else if resource.hasSuffix(".sync") || resource.contains(".sync:") {
            // `.sync:2` is the versioned form (startExecution.sync:2).
            self = .sync
        } else {
            self = .requestResponse
        }
    }
}
