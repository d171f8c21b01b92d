// The detail structures of Task, Activity and Lambda history events. AWS names one structure
// per event type; those that share a shape are aliases here.

/// TaskScheduled: the integration called, in which region, with which `parameters` (a JSON text).
public struct TaskScheduledEventDetails: Codable, Hashable, Sendable {
    /// `lambda`, `states`, `aws-sdk:s3` …
    public var resourceType: String
    /// `invoke`, `startExecution.sync` …
    public var resource: String
    public var region: String
    public var parameters: String
    public var timeoutInSeconds: Int64?
    public var heartbeatInSeconds: Int64?
    public var taskCredentials: TaskCredentials?

    public init(
        resourceType: String,
        resource: String,
        region: String,
        parameters: String,
        timeoutInSeconds: Int64? = nil,
        heartbeatInSeconds: Int64? = nil,
        taskCredentials: TaskCredentials? = nil
    ) {
        self.resourceType = resourceType
        self.resource = resource
        self.region = region
        self.parameters = parameters
        self.timeoutInSeconds = timeoutInSeconds
        self.heartbeatInSeconds = heartbeatInSeconds
        self.taskCredentials = taskCredentials
    }
}

/// The role a task assumes (`Credentials.RoleArn` in ASL).
public struct TaskCredentials: Codable, Hashable, Sendable {
    public var roleArn: String?

    public init(roleArn: String? = nil) {
        self.roleArn = roleArn
    }
}

/// TaskStarted.
public struct TaskStartedEventDetails: Codable, Hashable, Sendable {
    public var resourceType: String
    public var resource: String

    public init(resourceType: String, resource: String) {
        self.resourceType = resourceType
        self.resource = resource
    }
}

/// TaskSucceeded and TaskSubmitted: the integration's result.
public struct TaskSucceededEventDetails: Codable, Hashable, Sendable {
    public var resourceType: String
    public var resource: String
    public var output: String?
    public var outputDetails: HistoryEventExecutionDataDetails?

    public init(
        resourceType: String,
        resource: String,
        output: String? = nil,
        outputDetails: HistoryEventExecutionDataDetails? = nil
    ) {
        self.resourceType = resourceType
        self.resource = resource
        self.output = output
        self.outputDetails = outputDetails
    }
}

/// TaskFailed, TaskStartFailed, TaskSubmitFailed, TaskTimedOut: the integration and the error.
public struct TaskFailedEventDetails: Codable, Hashable, Sendable {
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

/// ActivityScheduled: the activity, the task input and its timeouts.
public struct ActivityScheduledEventDetails: Codable, Hashable, Sendable {
    public var resource: String
    public var input: String?
    public var inputDetails: HistoryEventExecutionDataDetails?
    public var timeoutInSeconds: Int64?
    public var heartbeatInSeconds: Int64?

    public init(
        resource: String,
        input: String? = nil,
        inputDetails: HistoryEventExecutionDataDetails? = nil,
        timeoutInSeconds: Int64? = nil,
        heartbeatInSeconds: Int64? = nil
    ) {
        self.resource = resource
        self.input = input
        self.inputDetails = inputDetails
        self.timeoutInSeconds = timeoutInSeconds
        self.heartbeatInSeconds = heartbeatInSeconds
    }
}

/// ActivityStarted: the worker that took the task.
public struct ActivityStartedEventDetails: Codable, Hashable, Sendable {
    public var workerName: String?

    public init(workerName: String? = nil) {
        self.workerName = workerName
    }
}

/// LambdaFunctionScheduled (the legacy `arn:aws:lambda:…` Task resource).
public struct LambdaFunctionScheduledEventDetails: Codable, Hashable, Sendable {
    public var resource: String
    public var input: String?
    public var inputDetails: HistoryEventExecutionDataDetails?
    public var timeoutInSeconds: Int64?
    public var taskCredentials: TaskCredentials?

    public init(
        resource: String,
        input: String? = nil,
        inputDetails: HistoryEventExecutionDataDetails? = nil,
        timeoutInSeconds: Int64? = nil,
        taskCredentials: TaskCredentials? = nil
    ) {
        self.resource = resource
        self.input = input
        self.inputDetails = inputDetails
        self.timeoutInSeconds = timeoutInSeconds
        self.taskCredentials = taskCredentials
    }
}

public typealias TaskSubmittedEventDetails = TaskSucceededEventDetails
public typealias TaskStartFailedEventDetails = TaskFailedEventDetails
public typealias TaskSubmitFailedEventDetails = TaskFailedEventDetails
public typealias TaskTimedOutEventDetails = TaskFailedEventDetails
public typealias ActivitySucceededEventDetails = ExecutionSucceededEventDetails
public typealias ActivityFailedEventDetails = ExecutionFailedEventDetails
public typealias ActivityScheduleFailedEventDetails = ExecutionFailedEventDetails
public typealias ActivityTimedOutEventDetails = ExecutionFailedEventDetails
public typealias LambdaFunctionSucceededEventDetails = ExecutionSucceededEventDetails
public typealias LambdaFunctionFailedEventDetails = ExecutionFailedEventDetails
public typealias LambdaFunctionScheduleFailedEventDetails = ExecutionFailedEventDetails
public typealias LambdaFunctionStartFailedEventDetails = ExecutionFailedEventDetails
public typealias LambdaFunctionTimedOutEventDetails = ExecutionFailedEventDetails
