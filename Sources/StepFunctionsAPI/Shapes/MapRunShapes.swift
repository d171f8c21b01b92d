// DescribeMapRun, ListMapRuns, UpdateMapRun.

/// DescribeMapRun.
public struct DescribeMapRunInput: Codable, Hashable, Sendable {
    public var mapRunArn: MapRunARN

    public init(mapRunArn: MapRunARN) {
        self.mapRunArn = mapRunArn
    }
}

/// DescribeMapRun's answer: progress counted by items and by child executions.
public struct DescribeMapRunOutput: Codable, Hashable, Sendable {
    public var mapRunArn: MapRunARN
    public var executionArn: ExecutionARN
    public var status: MapRunStatus
    public var startDate: Timestamp
    public var stopDate: Timestamp?
    public var maxConcurrency: Int
    public var toleratedFailurePercentage: Double
    public var toleratedFailureCount: Int64
    public var itemCounts: MapRunItemCounts
    public var executionCounts: MapRunExecutionCounts
    public var redriveCount: Int?
    public var redriveDate: Timestamp?

    public init(
        mapRunArn: MapRunARN,
        executionArn: ExecutionARN,
        status: MapRunStatus,
        startDate: Timestamp,
        stopDate: Timestamp? = nil,
        maxConcurrency: Int,
        toleratedFailurePercentage: Double,
        toleratedFailureCount: Int64,
        itemCounts: MapRunItemCounts,
        executionCounts: MapRunExecutionCounts,
        redriveCount: Int? = nil,
        redriveDate: Timestamp? = nil
    ) {
        self.mapRunArn = mapRunArn
        self.executionArn = executionArn
        self.status = status
        self.startDate = startDate
        self.stopDate = stopDate
        self.maxConcurrency = maxConcurrency
        self.toleratedFailurePercentage = toleratedFailurePercentage
        self.toleratedFailureCount = toleratedFailureCount
        self.itemCounts = itemCounts
        self.executionCounts = executionCounts
        self.redriveCount = redriveCount
        self.redriveDate = redriveDate
    }
}

/// AWS's `MapRunItemCounts` and `MapRunExecutionCounts`: two names for one shape (items
/// and child executions counted by state), so one type serves both.
public typealias MapRunItemCounts = MapRunCounts
public typealias MapRunExecutionCounts = MapRunCounts

/// A Map Run's items or child executions, counted by state.
public struct MapRunCounts: Codable, Hashable, Sendable {
    public var pending: Int64
    public var running: Int64
    public var succeeded: Int64
    public var failed: Int64
    public var timedOut: Int64
    public var aborted: Int64
    public var total: Int64
    public var resultsWritten: Int64
    public var failuresNotRedrivable: Int64?
    public var pendingRedrive: Int64?

    public init(
        pending: Int64,
        running: Int64,
        succeeded: Int64,
        failed: Int64,
        timedOut: Int64,
        aborted: Int64,
        total: Int64,
        resultsWritten: Int64,
        failuresNotRedrivable: Int64? = nil,
        pendingRedrive: Int64? = nil
    ) {
        self.pending = pending
        self.running = running
        self.succeeded = succeeded
        self.failed = failed
        self.timedOut = timedOut
        self.aborted = aborted
        self.total = total
        self.resultsWritten = resultsWritten
        self.failuresNotRedrivable = failuresNotRedrivable
        self.pendingRedrive = pendingRedrive
    }
}


/// ListMapRuns of an execution.
public struct ListMapRunsInput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var maxResults: Int?
    public var nextToken: String?

    public init(executionArn: ExecutionARN, maxResults: Int? = nil, nextToken: String? = nil) {
        self.executionArn = executionArn
        self.maxResults = maxResults
        self.nextToken = nextToken
    }
}

/// One page of Map Runs.
public struct ListMapRunsOutput: Codable, Hashable, Sendable {
    public var mapRuns: [MapRunListItem]
    public var nextToken: String?

    public init(mapRuns: [MapRunListItem], nextToken: String? = nil) {
        self.mapRuns = mapRuns
        self.nextToken = nextToken
    }
}

/// A Map Run in a ListMapRuns page.
public struct MapRunListItem: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var mapRunArn: MapRunARN
    public var stateMachineArn: StateMachineARN
    public var startDate: Timestamp
    public var stopDate: Timestamp?

    public init(
        executionArn: ExecutionARN,
        mapRunArn: MapRunARN,
        stateMachineArn: StateMachineARN,
        startDate: Timestamp,
        stopDate: Timestamp? = nil
    ) {
        self.executionArn = executionArn
        self.mapRunArn = mapRunArn
        self.stateMachineArn = stateMachineArn
        self.startDate = startDate
        self.stopDate = stopDate
    }
}

/// UpdateMapRun: changes a running Map Run's concurrency or failure tolerance.
public struct UpdateMapRunInput: Codable, Hashable, Sendable {
    public var mapRunArn: MapRunARN
    public var maxConcurrency: Int?
    public var toleratedFailurePercentage: Double?
    public var toleratedFailureCount: Int64?

    public init(
        mapRunArn: MapRunARN,
        maxConcurrency: Int? = nil,
        toleratedFailurePercentage: Double? = nil,
        toleratedFailureCount: Int64? = nil
    ) {
        self.mapRunArn = mapRunArn
        self.maxConcurrency = maxConcurrency
        self.toleratedFailurePercentage = toleratedFailurePercentage
        self.toleratedFailureCount = toleratedFailureCount
    }
}

/// UpdateMapRun answers `{}`.
public struct UpdateMapRunOutput: Codable, Hashable, Sendable {
    public init() {}
}
