public import JSONValue

/// What a caller sends to a waiting task.
public enum CallbackSignal: Sendable, Hashable {
    /// A worker took the activity task (GetActivityTask), under this name.
    case started(workerName: String?)
    /// SendTaskHeartbeat, at this time by the engine's clock: the HeartbeatSeconds clock
    /// starts again from then (not from when the execution gets to read it).
    case heartbeat(at: Timestamp)
    /// SendTaskSuccess with its output.
    case succeeded(JSON)
    /// SendTaskFailure with its error and cause.
    case failed(error: String?, cause: String?)

    var isFinal: Bool {
        switch self {
        case .succeeded, .failed: true
        case .started, .heartbeat: false
        }
    }
}
