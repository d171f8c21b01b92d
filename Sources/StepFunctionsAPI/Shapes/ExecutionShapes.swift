// StartExecution, StartSyncExecution, DescribeExecution, StopExecution, ListExecutions,
// RedriveExecution.

/// StartExecution of a state machine, version or alias. `input` is a JSON text (`{}` when absent);
/// `name` is generated when absent, and may be reused only with the same input (idempotent start).
public struct StartExecutionInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var name: String?
    public var input: String?
    public var traceHeader: String?

    public init(
        stateMachineArn: StateMachineARN,
        name: String? = nil,
        input: String? = nil,
        traceHeader: String? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.input = input
        self.traceHeader = traceHeader
    }
}

/// StartExecution's answer.
public struct StartExecutionOutput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var startDate: Timestamp

    public init(executionArn: ExecutionARN, startDate: Timestamp) {
        self.executionArn = executionArn
        self.startDate = startDate
    }
}

/// StartSyncExecution of an Express state machine: runs it to the end and answers with the result.
public struct StartSyncExecutionInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var name: String?
    public var input: String?
    public var traceHeader: String?
    public var includedData: IncludedData?

    public init(
        stateMachineArn: StateMachineARN,
        name: String? = nil,
        input: String? = nil,
        traceHeader: String? = nil,
        includedData: IncludedData? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.input = input
        self.traceHeader = traceHeader
        self.includedData = includedData
    }
}

/// StartSyncExecution's answer: the ended execution.
public struct StartSyncExecutionOutput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var stateMachineArn: StateMachineARN?
    public var name: String?
    public var startDate: Timestamp
    public var stopDate: Timestamp
    public var status: SyncExecutionStatus
    public var error: String?
    public var cause: String?
    public var input: String?
    public var inputDetails: CloudWatchEventsExecutionDataDetails?
    public var output: String?
    public var outputDetails: CloudWatchEventsExecutionDataDetails?
    public var traceHeader: String?
    public var billingDetails: BillingDetails?

    public init(
        executionArn: ExecutionARN,
        stateMachineArn: StateMachineARN? = nil,
        name: String? = nil,
        startDate: Timestamp,
        stopDate: Timestamp,
        status: SyncExecutionStatus,
        error: String? = nil,
        cause: String? = nil,
        input: String? = nil,
        inputDetails: CloudWatchEventsExecutionDataDetails? = nil,
        output: String? = nil,
        outputDetails: CloudWatchEventsExecutionDataDetails? = nil,
        traceHeader: String? = nil,
        billingDetails: BillingDetails? = nil
    ) {
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.startDate = startDate
        self.stopDate = stopDate
        self.status = status
        self.error = error
        self.cause = cause
        self.input = input
        self.inputDetails = inputDetails
        self.output = output
        self.outputDetails = outputDetails
        self.traceHeader = traceHeader
        self.billingDetails = billingDetails
    }
}

/// DescribeExecution.
public struct DescribeExecutionInput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var includedData: IncludedData?

    public init(executionArn: ExecutionARN, includedData: IncludedData? = nil) {
        self.executionArn = executionArn
        self.includedData = includedData
    }
}

/// DescribeExecution's answer. `output` only once SUCCEEDED; `error`/`cause` once FAILED, TIMED_OUT or ABORTED.
public struct DescribeExecutionOutput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var stateMachineArn: StateMachineARN
    public var name: String?
    public var status: ExecutionStatus
    public var startDate: Timestamp
    public var stopDate: Timestamp?
    public var input: String?
    public var inputDetails: CloudWatchEventsExecutionDataDetails?
    public var output: String?
    public var outputDetails: CloudWatchEventsExecutionDataDetails?
    public var traceHeader: String?
    public var mapRunArn: MapRunARN?
    public var error: String?
    public var cause: String?
    public var stateMachineVersionArn: StateMachineARN?
    public var stateMachineAliasArn: StateMachineARN?
    public var redriveCount: Int?
    public var redriveDate: Timestamp?
    public var redriveStatus: ExecutionRedriveStatus?
    public var redriveStatusReason: String?

    public init(
        executionArn: ExecutionARN,
        stateMachineArn: StateMachineARN,
        name: String? = nil,
        status: ExecutionStatus,
        startDate: Timestamp,
        stopDate: Timestamp? = nil,
        input: String? = nil,
        inputDetails: CloudWatchEventsExecutionDataDetails? = nil,
        output: String? = nil,
        outputDetails: CloudWatchEventsExecutionDataDetails? = nil,
        traceHeader: String? = nil,
        mapRunArn: MapRunARN? = nil,
        error: String? = nil,
        cause: String? = nil,
        stateMachineVersionArn: StateMachineARN? = nil,
        stateMachineAliasArn: StateMachineARN? = nil,
        redriveCount: Int? = nil,
        redriveDate: Timestamp? = nil,
        redriveStatus: ExecutionRedriveStatus? = nil,
        redriveStatusReason: String? = nil
    ) {
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.status = status
        self.startDate = startDate
        self.stopDate = stopDate
        self.input = input
        self.inputDetails = inputDetails
        self.output = output
        self.outputDetails = outputDetails
        self.traceHeader = traceHeader
        self.mapRunArn = mapRunArn
        self.error = error
        self.cause = cause
        self.stateMachineVersionArn = stateMachineVersionArn
        self.stateMachineAliasArn = stateMachineAliasArn
        self.redriveCount = redriveCount
        self.redriveDate = redriveDate
        self.redriveStatus = redriveStatus
        self.redriveStatusReason = redriveStatusReason
    }
}

/// StopExecution: aborts a running execution with an optional error and cause.
public struct StopExecutionInput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var error: String?
    public var cause: String?

    public init(executionArn: ExecutionARN, error: String? = nil, cause: String? = nil) {
        self.executionArn = executionArn
        self.error = error
        self.cause = cause
    }
}

/// StopExecution's answer.
public struct StopExecutionOutput: Codable, Hashable, Sendable {
    public var stopDate: Timestamp

    public init(stopDate: Timestamp) {
        self.stopDate = stopDate
    }
}

/// ListExecutions of a state machine (or version/alias) or of a Map Run, newest first; exactly one of `stateMachineArn` and `mapRunArn`.
public struct ListExecutionsInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN?
    public var statusFilter: ExecutionStatus?
    public var maxResults: Int?
    public var nextToken: String?
    public var mapRunArn: MapRunARN?
    public var redriveFilter: ExecutionRedriveFilter?

    public init(
        stateMachineArn: StateMachineARN? = nil,
        statusFilter: ExecutionStatus? = nil,
        maxResults: Int? = nil,
        nextToken: String? = nil,
        mapRunArn: MapRunARN? = nil,
        redriveFilter: ExecutionRedriveFilter? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.statusFilter = statusFilter
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.mapRunArn = mapRunArn
        self.redriveFilter = redriveFilter
    }
}

/// One page of executions.
public struct ListExecutionsOutput: Codable, Hashable, Sendable {
    public var executions: [ExecutionListItem]
    public var nextToken: String?

    public init(executions: [ExecutionListItem], nextToken: String? = nil) {
        self.executions = executions
        self.nextToken = nextToken
    }
}

/// An execution in a ListExecutions page. `itemCount` only for Map Run children.
public struct ExecutionListItem: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var stateMachineArn: StateMachineARN
    public var name: String
    public var status: ExecutionStatus
    public var startDate: Timestamp
    public var stopDate: Timestamp?
    public var mapRunArn: MapRunARN?
    public var itemCount: Int?
    public var stateMachineVersionArn: StateMachineARN?
    public var stateMachineAliasArn: StateMachineARN?
    public var redriveCount: Int?
    public var redriveDate: Timestamp?

    public init(
        executionArn: ExecutionARN,
        stateMachineArn: StateMachineARN,
        name: String,
        status: ExecutionStatus,
        startDate: Timestamp,
        stopDate: Timestamp? = nil,
        mapRunArn: MapRunARN? = nil,
        itemCount: Int? = nil,
        stateMachineVersionArn: StateMachineARN? = nil,
        stateMachineAliasArn: StateMachineARN? = nil,
        redriveCount: Int? = nil,
        redriveDate: Timestamp? = nil
    ) {
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.status = status
        self.startDate = startDate
        self.stopDate = stopDate
        self.mapRunArn = mapRunArn
        self.itemCount = itemCount
        self.stateMachineVersionArn = stateMachineVersionArn
        self.stateMachineAliasArn = stateMachineAliasArn
        self.redriveCount = redriveCount
        self.redriveDate = redriveDate
    }
}

/// RedriveExecution: restarts a failed Standard execution from its failed states, with the same ARN.
public struct RedriveExecutionInput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var clientToken: String?

    public init(executionArn: ExecutionARN, clientToken: String? = nil) {
        self.executionArn = executionArn
        self.clientToken = clientToken
    }
}

/// RedriveExecution's answer.
public struct RedriveExecutionOutput: Codable, Hashable, Sendable {
    public var redriveDate: Timestamp

    public init(redriveDate: Timestamp) {
        self.redriveDate = redriveDate
    }
}
