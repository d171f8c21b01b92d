// The detail structures of history events: executions, states, Map, Map Runs and evaluation.
// AWS names one structure per event type; those that share a shape are aliases here, so each
// of AWS's names still finds its type.

/// ExecutionStarted: the input and the role, version and alias the execution runs with.
public struct ExecutionStartedEventDetails: Codable, Hashable, Sendable {
    public var input: String?
    public var inputDetails: HistoryEventExecutionDataDetails?
    public var roleArn: String?
    public var stateMachineAliasArn: StateMachineARN?
    public var stateMachineVersionArn: StateMachineARN?

    public init(
        input: String? = nil,
        inputDetails: HistoryEventExecutionDataDetails? = nil,
        roleArn: String? = nil,
        stateMachineAliasArn: StateMachineARN? = nil,
        stateMachineVersionArn: StateMachineARN? = nil
    ) {
        self.input = input
        self.inputDetails = inputDetails
        self.roleArn = roleArn
        self.stateMachineAliasArn = stateMachineAliasArn
        self.stateMachineVersionArn = stateMachineVersionArn
    }
}

/// ExecutionSucceeded, ActivitySucceeded, LambdaFunctionSucceeded: the output.
public struct ExecutionSucceededEventDetails: Codable, Hashable, Sendable {
    public var output: String?
    public var outputDetails: HistoryEventExecutionDataDetails?

    public init(output: String? = nil, outputDetails: HistoryEventExecutionDataDetails? = nil) {
        self.output = output
        self.outputDetails = outputDetails
    }
}

/// The error and cause of every failure event (ExecutionFailed, ExecutionAborted, ExecutionTimedOut,
/// Activity*Failed/TimedOut, LambdaFunction*Failed/TimedOut, MapRunFailed).
public struct ExecutionFailedEventDetails: Codable, Hashable, Sendable {
    public var error: String?
    public var cause: String?

    public init(error: String? = nil, cause: String? = nil) {
        self.error = error
        self.cause = cause
    }
}

/// ExecutionRedriven: how many times the execution has been redriven, this time included.
public struct ExecutionRedrivenEventDetails: Codable, Hashable, Sendable {
    public var redriveCount: Int?

    public init(redriveCount: Int? = nil) {
        self.redriveCount = redriveCount
    }
}

/// A `…StateEntered` event: the state's name and effective input.
public struct StateEnteredEventDetails: Codable, Hashable, Sendable {
    public var name: String
    public var input: String?
    public var inputDetails: HistoryEventExecutionDataDetails?

    public init(name: String, input: String? = nil, inputDetails: HistoryEventExecutionDataDetails? = nil) {
        self.name = name
        self.input = input
        self.inputDetails = inputDetails
    }
}

/// A `…StateExited` event: the state's name, its output, and the variables its `Assign` set (JSON texts by name).
public struct StateExitedEventDetails: Codable, Hashable, Sendable {
    public var name: String
    public var output: String?
    public var outputDetails: HistoryEventExecutionDataDetails?
    public var assignedVariables: [String: String]?
    public var assignedVariablesDetails: AssignedVariablesDetails?

    public init(
        name: String,
        output: String? = nil,
        outputDetails: HistoryEventExecutionDataDetails? = nil,
        assignedVariables: [String: String]? = nil,
        assignedVariablesDetails: AssignedVariablesDetails? = nil
    ) {
        self.name = name
        self.output = output
        self.outputDetails = outputDetails
        self.assignedVariables = assignedVariables
        self.assignedVariablesDetails = assignedVariablesDetails
    }
}

/// Whether `assignedVariables` was cut to the size limit.
public struct AssignedVariablesDetails: Codable, Hashable, Sendable {
    public var truncated: Bool?

    public init(truncated: Bool? = nil) {
        self.truncated = truncated
    }
}

/// MapStateStarted: how many items the Map state iterates over.
public struct MapStateStartedEventDetails: Codable, Hashable, Sendable {
    public var length: Int?

    public init(length: Int? = nil) {
        self.length = length
    }
}

/// MapIterationStarted/Succeeded/Failed/Aborted: the Map state's name and the iteration's index.
public struct MapIterationEventDetails: Codable, Hashable, Sendable {
    public var name: String?
    public var index: Int?

    public init(name: String? = nil, index: Int? = nil) {
        self.name = name
        self.index = index
    }
}

/// MapRunStarted: the ARN of the Distributed Map run.
public struct MapRunStartedEventDetails: Codable, Hashable, Sendable {
    public var mapRunArn: MapRunARN?

    public init(mapRunArn: MapRunARN? = nil) {
        self.mapRunArn = mapRunArn
    }
}

/// MapRunRedriven: the Map Run and its redrive count.
public struct MapRunRedrivenEventDetails: Codable, Hashable, Sendable {
    public var mapRunArn: MapRunARN?
    public var redriveCount: Int?

    public init(mapRunArn: MapRunARN? = nil, redriveCount: Int? = nil) {
        self.mapRunArn = mapRunArn
        self.redriveCount = redriveCount
    }
}

/// EvaluationFailed: a JSONata expression or variable assignment failed, in `state` at `location`.
public struct EvaluationFailedEventDetails: Codable, Hashable, Sendable {
    public var error: String?
    public var cause: String?
    public var location: String?
    public var state: String

    public init(error: String? = nil, cause: String? = nil, location: String? = nil, state: String) {
        self.error = error
        self.cause = cause
        self.location = location
        self.state = state
    }
}

public typealias ExecutionAbortedEventDetails = ExecutionFailedEventDetails
public typealias ExecutionTimedOutEventDetails = ExecutionFailedEventDetails
public typealias MapRunFailedEventDetails = ExecutionFailedEventDetails
