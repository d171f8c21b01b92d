import Engine
import EngineStore
import Testing

/// The restart-during-backoff scenario the resume suites share: a task that always fails
/// with `Boom` under `Retry: [{ErrorEquals: [Boom], IntervalSeconds: 10, MaxAttempts: 3,
/// BackoffRate: 2}]`, wherever it sits in the machine.
extension StoreHarness {
    /// Runs `workflow` until its task has failed three times (at 0, 10 and 30 s after
    /// `start`, so the last retry is due at 70 s) and every failure is stored, leaves that
    /// engine, and resumes the execution on a new one 40 s after `start`. Checks that nothing
    /// is invoked before the retry is due, then lets it come and returns the report, the new
    /// engine's invoker and its store.
    func resumeInThirdBackoff(_ workflow: CompiledWorkflow, start: Timestamp, executionName: String) async throws
        -> (report: ExecutionReport, invoker: FailingInvoker, store: SQLiteExecutionStore, executionArn: String)
    {
        let firstClock = ManualClock(start: start)
        let firstInvoker = FailingInvoker()
        let first = ExecutionEngine(clock: firstClock, invoker: firstInvoker, store: try SQLiteExecutionStore(path: databasePath))
        let abandoned = first.start(workflow, input: [:], stateMachineName: "Machine", executionName: executionName)
        try await Self.yield { firstInvoker.calls.withLock { $0 } == 1 && firstClock.sleeperCount == 1 }
        firstClock.advance(bySeconds: 10)
        try await Self.yield { firstInvoker.calls.withLock { $0 } == 2 && firstClock.sleeperCount == 1 }
        firstClock.advance(bySeconds: 20)
        try await Self.yield { firstInvoker.calls.withLock { $0 } == 3 && firstClock.sleeperCount == 1 }
        try await StoreHarness.waitForStoredHistory(databasePath, abandoned.executionArn) {
            $0.filter { $0.type == .taskFailed }.count == 3
        }

        let store = try SQLiteExecutionStore(path: databasePath)
        let clock = ManualClock(start: start.adding(seconds: 40))
        let invoker = FailingInvoker()
        let handles = try ExecutionEngine(clock: clock, invoker: invoker, store: store).resumeRunning { _ in workflow }
        try await Self.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 29)
        for _ in 0..<100 { await Task.yield() }
        #expect(invoker.calls.withLock { $0 } == 0, "the backoff keeps its original end")
        clock.advance(bySeconds: 1)
        let report = try #require(await handles.first?.report)
        return (report, invoker, store, abandoned.executionArn)
    }
}
