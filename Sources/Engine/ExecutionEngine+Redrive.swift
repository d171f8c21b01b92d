import JSONValue

extension ExecutionEngine {
    /// RedriveExecution: runs an ended Standard execution again, with the same ARN, from the
    /// state its top-level flow last entered (from its first state when it entered none).
    /// The history continues: an ExecutionRedriven event (with the new redrive count) after
    /// the execution's last event, then the state entered again. `TimeoutSeconds` count from
    /// the redrive. With a store, the redrive is committed (the execution RUNNING again)
    /// before this returns; a store that cannot take it throws and nothing runs.
    ///
    /// The caller checks that the execution may be redriven (its status, its age).
    public func redrive(_ workflow: CompiledWorkflow, _ execution: PersistedExecution) throws
        -> (handle: ExecutionHandle, redriveTime: Timestamp)
    {
        let machine = workflow.machine
        let now = clock.now()
        var identity = execution.start.identity
        identity.redriveCount += 1
        identity.redriveTime = now
        if let testCase { identity.testCase = testCase }
        let redriven = HistoryEvent(
            id: execution.history.count + 1, previousEventId: execution.history.count, timestamp: now,
            type: .executionRedriven,
            details: .executionRedriven(ExecutionRedrivenEventDetails(redriveCount: identity.redriveCount)))
        var cursor = execution.cursor ?? ExecutionCursor(
            stateIndex: machine.startIndex, input: identity.input, variables: [:], enteredEventId: 0, enteredTime: now,
            randomState: SeededRandom(seed: execution.start.seed).state, transitions: 0)
        // A task that waited for its token is invoked again, with a new token.
        cursor.callback = nil
        // The state starts over: every retrier has all its attempts again.
        cursor.retryAttempts = nil
        cursor.retryAt = nil
        cursor.reenter = true
        if let store {
            try store.executionRedriven(
                executionArn: identity.executionArn, events: [redriven], cursor: cursor,
                redriveCount: identity.redriveCount, redriveTime: now)
        }
        let run = ExecutionRun(
            identity: identity, clock: clock, invoker: invoker, seed: execution.start.seed,
            timeoutSeconds: execution.start.timeoutSeconds, maximumHistoryEvents: maximumHistoryEvents, store: store,
            callbacks: callbacks, mapRuns: mapRuns)
        let history = execution.history + [redriven]
        let task = Task { await run.resume(machine, history: history, cursor: cursor) }
        return (ExecutionHandle(run: run, task: task, executionArn: identity.executionArn), now)
    }
}

extension ExecutionHandle {
    /// The execution as a store would keep it (identity, seed, history, last top-level
    /// cursor): what a service without a store redrives it from once it has ended.
    public var persisted: PersistedExecution {
        get async { await run.persisted() }
    }
}
