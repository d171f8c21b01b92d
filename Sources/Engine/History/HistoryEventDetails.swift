public import JSONValue

/// The details member of a history event, one case per AWS details shape.
public enum HistoryEventDetails: Sendable, Hashable {
    case none
    case executionStarted(ExecutionStartedEventDetails)
    case executionSucceeded(PayloadEventDetails)
    case executionFailed(FailureEventDetails)
    case executionAborted(FailureEventDetails)
    case executionTimedOut(FailureEventDetails)
    case stateEntered(StateEnteredEventDetails)
    case stateExited(StateExitedEventDetails)
    case taskScheduled(TaskScheduledEventDetails)
    case taskStarted(TaskResourceEventDetails)
    case taskSucceeded(TaskSucceededEventDetails)
    case taskFailed(TaskFailedEventDetails)
    case taskTimedOut(TaskFailedEventDetails)
    case mapStateStarted(MapStateStartedEventDetails)
    case mapIteration(MapIterationEventDetails)
    /// `MapStateFailed`/`ParallelStateFailed` carry no details in AWS; kept for symmetry.
    case failure(FailureEventDetails)
}

/// `inputDetails`/`outputDetails`: whether the payload was truncated (never, here).
public struct HistoryEventExecutionDataDetails: Sendable, Hashable {
    public var truncated: Bool
    public init(truncated: Bool = false) { self.truncated = truncated }
}

/// `executionStartedEventDetails`.
public struct ExecutionStartedEventDetails: Sendable, Hashable {
    public var input: JSON
    public var inputDetails = HistoryEventExecutionDataDetails()
    public var roleArn: String
}

/// `executionSucceededEventDetails`: `output`, `outputDetails`.
public struct PayloadEventDetails: Sendable, Hashable {
    public var output: JSON
    public var outputDetails = HistoryEventExecutionDataDetails()
}

/// `executionFailedEventDetails` and the other `{error, cause}` shapes.
public struct FailureEventDetails: Sendable, Hashable {
    public var error: String?
    public var cause: String?
}

/// `stateEnteredEventDetails`: `name`, `input`, `inputDetails`.
public struct StateEnteredEventDetails: Sendable, Hashable {
    public var name: String
    public var input: JSON
    public var inputDetails = HistoryEventExecutionDataDetails()
}

/// `stateExitedEventDetails`: `name`, `output`, `outputDetails`, and the variables the
/// state assigned (`assignedVariables`, values as JSON).
public struct StateExitedEventDetails: Sendable, Hashable {
    public var name: String
    public var output: JSON
    public var outputDetails = HistoryEventExecutionDataDetails()
    public var assignedVariables: [String: JSON]?
}

/// `taskScheduledEventDetails`.
public struct TaskScheduledEventDetails: Sendable, Hashable {
    public var resourceType: String
    public var resource: String
    public var region: String
    public var parameters: JSON
    public var timeoutInSeconds: Int64?
    public var heartbeatInSeconds: Int64?
}

/// `taskStartedEventDetails`: `resourceType`, `resource`.
public struct TaskResourceEventDetails: Sendable, Hashable {
    public var resourceType: String
    public var resource: String
}

/// `taskSucceededEventDetails`.
public struct TaskSucceededEventDetails: Sendable, Hashable {
    public var resourceType: String
    public var resource: String
    public var output: JSON
    public var outputDetails = HistoryEventExecutionDataDetails()
}

/// `taskFailedEventDetails` and `taskTimedOutEventDetails`.
public struct TaskFailedEventDetails: Sendable, Hashable {
    public var resourceType: String
    public var resource: String
    public var error: String?
    public var cause: String?
}

/// `mapStateStartedEventDetails`: `length`, the number of iterations.
public struct MapStateStartedEventDetails: Sendable, Hashable {
    public var length: Int
}

/// `mapIteration…EventDetails`: the Map state's `name` and the iteration's `index`.
public struct MapIterationEventDetails: Sendable, Hashable {
    public var name: String
    public var index: Int
}
