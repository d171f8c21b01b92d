public import JSONValue

/// A task of the top-level flow that waits for its token (an Activity state or a
/// `.waitForTaskToken` integration), as the execution's cursor keeps it: enough for an
/// engine started on the same store to re-open the same token and keep waiting with the
/// same absolute deadlines, without invoking the integration again or recording its
/// scheduled events twice.
public struct PendingCallback: Sendable, Hashable, Codable {
    /// The token's text, as the worker or integration received it.
    public var token: String
    /// The Task state that waits (a resume checks it re-entered the same state).
    public var stateName: String
    /// The activity's ARN for an Activity state; nil for `.waitForTaskToken`.
    public var activityArn: String?
    /// The task's effective input (what GetActivityTask hands a worker).
    public var input: JSON
    /// For the task's events (`lambda`, `invoke.waitForTaskToken`).
    public var resourceType: String
    public var resource: String
    /// Whether a worker took the activity task (ActivityStarted is in the history).
    public var started: Bool
    /// When TimeoutSeconds runs out, counted from when the task was scheduled.
    public var timeoutDeadline: Timestamp?
    public var heartbeatSeconds: Int64?
    /// When HeartbeatSeconds runs out: moved by every heartbeat (and by a worker taking the task).
    public var heartbeatDeadline: Timestamp?
    /// The last event the task recorded, which the next one follows.
    public var lastEventId: Int
    /// The attempt's retry count (`$$.State.RetryCount`).
    public var retryCount: Int

    public init(
        token: String, stateName: String, activityArn: String?, input: JSON, resourceType: String, resource: String,
        started: Bool, timeoutDeadline: Timestamp?, heartbeatSeconds: Int64?, heartbeatDeadline: Timestamp?,
        lastEventId: Int, retryCount: Int
    ) {
        self.token = token
        self.stateName = stateName
        self.activityArn = activityArn
        self.input = input
        self.resourceType = resourceType
        self.resource = resource
        self.started = started
        self.timeoutDeadline = timeoutDeadline
        self.heartbeatSeconds = heartbeatSeconds
        self.heartbeatDeadline = heartbeatDeadline
        self.lastEventId = lastEventId
        self.retryCount = retryCount
    }
}
