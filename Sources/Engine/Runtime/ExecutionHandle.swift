/// A running execution: its report when it ends, and StopExecution.
public struct ExecutionHandle: Sendable {
    let run: ExecutionRun
    let task: Task<ExecutionReport, Never>

    /// The execution's ARN, known as soon as it starts.
    public let executionArn: String

    /// Waits for the execution to end (succeed, fail, time out or be stopped).
    public var report: ExecutionReport {
        get async { await task.value }
    }

    /// StopExecution: every branch and iteration ends at its next transition or wait,
    /// and the execution ends ABORTED with this error and cause.
    public func stop(error: String? = nil, cause: String? = nil) async {
        await run.stop(ExecutionFailure(error: error ?? "", cause: cause))
        task.cancel()
    }

    /// The events recorded so far, for GetExecutionHistory on a running execution.
    public var currentHistory: [HistoryEvent] {
        get async { await run.history }
    }
}
