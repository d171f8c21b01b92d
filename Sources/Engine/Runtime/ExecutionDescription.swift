public import JSONValue

/// An execution's status, as DescribeExecution's `status` spells it.
public enum ExecutionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timedOut = "TIMED_OUT"
    case aborted = "ABORTED"
    case pendingRedrive = "PENDING_REDRIVE"
}

/// What DescribeExecution reports about one execution, with AWS's field names.
public struct ExecutionDescription: Sendable, Hashable, Codable {
    public var executionArn: String
    public var stateMachineArn: String
    public var name: String
    public var status: ExecutionStatus
    public var startDate: Timestamp
    public var stopDate: Timestamp?
    public var input: JSON
    public var output: JSON?
    public var error: String?
    public var cause: String?
    public var redriveCount: Int
    /// When it was last redriven (nil until it is).
    public var redriveDate: Timestamp? = nil
}
