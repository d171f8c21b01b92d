public import JSONValue

/// The details member of a history event, one case per AWS details shape.
///
/// The shapes of task and activity events are larger than the rest and rare (one per
/// task step), so their cases are `indirect`: boxed, they keep every event — most are
/// state entered/exited — small to append, copy and free.
public enum HistoryEventDetails: Sendable, Hashable, Codable {
    case none
    case executionStarted(ExecutionStartedEventDetails)
    case executionSucceeded(PayloadEventDetails)
    case executionFailed(FailureEventDetails)
    case executionAborted(FailureEventDetails)
    case executionTimedOut(FailureEventDetails)
    case executionRedriven(ExecutionRedrivenEventDetails)
    case stateEntered(StateEnteredEventDetails)
    case stateExited(StateExitedEventDetails)
    indirect case taskScheduled(TaskScheduledEventDetails)
    indirect case taskStarted(TaskResourceEventDetails)
    indirect case taskSucceeded(TaskSucceededEventDetails)
    indirect case taskFailed(TaskFailedEventDetails)
    indirect case taskTimedOut(TaskFailedEventDetails)
    /// `.waitForTaskToken`: the integration accepted the task; its response.
    indirect case taskSubmitted(TaskSucceededEventDetails)
    indirect case activityScheduled(ActivityScheduledEventDetails)
    case activityStarted(ActivityStartedEventDetails)
    case activitySucceeded(PayloadEventDetails)
    /// ActivityFailed, ActivityScheduleFailed and ActivityTimedOut: `{error, cause}`.
    case activityFailure(FailureEventDetails)
    case mapStateStarted(MapStateStartedEventDetails)
    case mapIteration(MapIterationEventDetails)
    /// `mapRunStartedEventDetails`: the ARN of the Map Run a distributed Map started.
    case mapRunStarted(MapRunStartedEventDetails)
    /// `mapRunRedrivenEventDetails`: the Map Run a redrive of its parent redrove, and its redrive count.
    case mapRunRedriven(MapRunRedrivenEventDetails)
    /// `MapStateFailed`/`ParallelStateFailed` carry no details in AWS; kept for symmetry.
    case failure(FailureEventDetails)
}

/// `inputDetails`/`outputDetails`: whether the payload was truncated (never, here).
public struct HistoryEventExecutionDataDetails: Sendable, Hashable, Codable {
    public var truncated: Bool
    public init(truncated: Bool = false) { self.truncated = truncated }
}

/// `executionStartedEventDetails`.
public struct ExecutionStartedEventDetails: Sendable, Hashable, Codable {
    public var input: JSON
    public var inputDetails = HistoryEventExecutionDataDetails()
    public var roleArn: String

    public init(input: JSON, roleArn: String) {
        self.input = input
        self.roleArn = roleArn
    }
}

/// `executionSucceededEventDetails`: `output`, `outputDetails`.
public struct PayloadEventDetails: Sendable, Hashable, Codable {
    public var output: JSON
    public var outputDetails = HistoryEventExecutionDataDetails()

    public init(output: JSON) {
        self.output = output
    }
}

/// `executionFailedEventDetails` and the other `{error, cause}` shapes.
public struct FailureEventDetails: Sendable, Hashable, Codable {
    public var error: String?
    public var cause: String?

    public init(error: String? = nil, cause: String? = nil) {
        self.error = error
        self.cause = cause
    }
}

/// `executionRedrivenEventDetails`: how many times the execution has been redriven, this one included.
public struct ExecutionRedrivenEventDetails: Sendable, Hashable, Codable {
    public var redriveCount: Int

    public init(redriveCount: Int) {
        self.redriveCount = redriveCount
    }
}

/// `stateEnteredEventDetails`: `name`, `input`, `inputDetails`.
public struct StateEnteredEventDetails: Sendable, Hashable, Codable {
    public var name: String
    public var input: JSON
    public var inputDetails = HistoryEventExecutionDataDetails()

    public init(name: String, input: JSON) {
        self.name = name
        self.input = input
    }
}

/// `stateExitedEventDetails`: `name`, `output`, `outputDetails`, and the variables the
/// state assigned (`assignedVariables`, values as JSON).
public struct StateExitedEventDetails: Sendable, Hashable, Codable {
    public var name: String
    public var output: JSON
    public var outputDetails = HistoryEventExecutionDataDetails()
    public var assignedVariables: [String: JSON]?

    public init(name: String, output: JSON, assignedVariables: [String: JSON]? = nil) {
        self.name = name
        self.output = output
        self.assignedVariables = assignedVariables
    }
}

/// `taskScheduledEventDetails`.
public struct TaskScheduledEventDetails: Sendable, Hashable, Codable {
    public var resourceType: String
    public var resource: String
    public var region: String
    public var parameters: JSON
    public var timeoutInSeconds: Int64?
    public var heartbeatInSeconds: Int64?

    public init(
        resourceType: String, resource: String, region: String, parameters: JSON, timeoutInSeconds: Int64? = nil, heartbeatInSeconds: Int64? = nil
    ) {
        self.resourceType = resourceType
        self.resource = resource
        self.region = region
        self.parameters = parameters
        self.timeoutInSeconds = timeoutInSeconds
        self.heartbeatInSeconds = heartbeatInSeconds
    }
}

/// `taskStartedEventDetails`: `resourceType`, `resource`.
public struct TaskResourceEventDetails: Sendable, Hashable, Codable {
    public var resourceType: String
    public var resource: String

    public init(resourceType: String, resource: String) {
        self.resourceType = resourceType
        self.resource = resource
    }
}

/// `taskSucceededEventDetails`.
public struct TaskSucceededEventDetails: Sendable, Hashable, Codable {
    public var resourceType: String
    public var resource: String
    public var output: JSON
    public var outputDetails = HistoryEventExecutionDataDetails()

    public init(resourceType: String, resource: String, output: JSON) {
        self.resourceType = resourceType
        self.resource = resource
        self.output = output
    }
}

/// `taskFailedEventDetails` and `taskTimedOutEventDetails`.
public struct TaskFailedEventDetails: Sendable, Hashable, Codable {
    public var resourceType: String
    public var resource: String
    public var error: String?
    public var cause: String?

    public init(resourceType: String, resource: String, error: String? = nil, cause: String? = nil) {
        self.resourceType = resourceType
        self.resource = resource
        self.error = error
        self.cause = cause
    }
}

/// `mapStateStartedEventDetails`: `length`, the number of iterations.
public struct MapStateStartedEventDetails: Sendable, Hashable, Codable {
    public var length: Int

    public init(length: Int) {
        self.length = length
    }
}

/// `mapRunStartedEventDetails`: `mapRunArn`.
public struct MapRunStartedEventDetails: Sendable, Hashable, Codable {
    public var mapRunArn: String

    public init(mapRunArn: String) {
        self.mapRunArn = mapRunArn
    }
}

/// `mapRunRedrivenEventDetails`: `mapRunArn` and `redriveCount` (this redrive included).
public struct MapRunRedrivenEventDetails: Sendable, Hashable, Codable {
    public var mapRunArn: String
    public var redriveCount: Int

    public init(mapRunArn: String, redriveCount: Int) {
        self.mapRunArn = mapRunArn
        self.redriveCount = redriveCount
    }
}

/// `mapIteration…EventDetails`: the Map state's `name` and the iteration's `index`.
public struct MapIterationEventDetails: Sendable, Hashable, Codable {
    public var name: String
    public var index: Int

    public init(name: String, index: Int) {
        self.name = name
        self.index = index
    }
}

/// `activityScheduledEventDetails`: the activity's ARN, the task's input and its timeouts.
public struct ActivityScheduledEventDetails: Sendable, Hashable, Codable {
    public var resource: String
    public var input: JSON
    public var inputDetails = HistoryEventExecutionDataDetails()
    public var timeoutInSeconds: Int64?
    public var heartbeatInSeconds: Int64?

    public init(resource: String, input: JSON, timeoutInSeconds: Int64? = nil, heartbeatInSeconds: Int64? = nil) {
        self.resource = resource
        self.input = input
        self.timeoutInSeconds = timeoutInSeconds
        self.heartbeatInSeconds = heartbeatInSeconds
    }
}

/// `activityStartedEventDetails`: the name the worker gave GetActivityTask.
public struct ActivityStartedEventDetails: Sendable, Hashable, Codable {
    public var workerName: String?

    public init(workerName: String? = nil) {
        self.workerName = workerName
    }
}
