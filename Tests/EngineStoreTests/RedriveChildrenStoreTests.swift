import Engine
import EngineStore
import JSONValue
import Synchronization
import Testing

/// A Parallel whose one branch failed, redriven on an engine opened again on the same SQLite
/// database: the cursor the store kept says which branches succeeded and where the failed
/// one stopped, so only that branch runs again — also when the process stopped after
/// committing the redrive and before running it.
///
/// The failing branch first waits on a `ManualClock` so that the other branch has ended
/// before it fails; the time limit turns an execution that never ends into a failure.
@Suite(.timeLimit(.minutes(2))) struct RedriveChildrenStoreTests {
    static let work = "arn:aws:lambda:us-east-1:123456789012:function:work"
    static let definition = """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\(work)", "Parameters": {"id": "a"}, "End": true}}},
          {"StartAt": "Hold", "States": {
            "Hold": {"Type": "Wait", "Seconds": 10, "Next": "B"},
            "B": {"Type": "Task", "Resource": "\(work)", "Parameters": {"id": "b"}, "End": true}}}]}}}
        """

    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    /// Runs the execution on a first engine until branch B failed, and closes its store.
    func failedExecution(_ workflow: CompiledWorkflow) async throws -> (arn: String, history: [HistoryEvent]) {
        let clock = ManualClock()
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let engine = ExecutionEngine(clock: clock, invoker: BranchInvoker(failing: ["b"]), store: store)
        let handle = engine.start(workflow, input: [:], stateMachineName: "Machine", executionName: "run")
        for _ in 0..<100_000 {
            let history = await handle.currentHistory
            if history.contains(where: { $0.type == .taskStateExited }), clock.sleeperCount == 1 { break }
            await Task.yield()
        }
        clock.advance(bySeconds: 10)
        let report = await handle.report
        #expect(report.description.status == .failed)
        store.close()
        return (handle.executionArn, report.history)
    }

    func expectOnlyBranchBRan(after failed: [HistoryEvent], in report: ExecutionReport, _ invoker: BranchInvoker) {
        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [["id": "a"], ["id": "b"]])
        #expect(Array(report.history.prefix(failed.count)) == failed)
        let after = report.history.dropFirst(failed.count + 1)
        let entered = after.compactMap { if case .stateEntered(let details) = $0.details { details.name } else { nil } }
        #expect(entered == ["Fan", "B"])
        #expect(invoker.calls.withLock { $0 } == ["b"])
        #expect(StoreHarness.isGapFree(report.history))
    }

    @Test func aParallelFailedBeforeAReopenRerunsOnlyItsFailedBranchAfterIt() async throws {
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.definition)
        let (arn, failed) = try await failedExecution(workflow)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let persisted = try #require(try store.persistedExecution(arn))
        let frontier = try #require(persisted.cursor?.redrive)
        #expect(frontier.positions.map(\.child) == [1])
        let invoker = BranchInvoker(failing: [])
        let engine = ExecutionEngine(invoker: invoker, store: store)
        let (handle, _) = try engine.redrive(workflow, persisted)
        let report = await handle.report
        expectOnlyBranchBRan(after: failed, in: report, invoker)
        store.close()

        let reopened = try SQLiteExecutionStore(path: harness.databasePath)
        #expect(try reopened.persistedExecution(arn)?.history == report.history)
        reopened.close()
    }

    /// What `ExecutionEngine.redrive` commits before its run starts, written as it does; the
    /// engine opened next resumes it and still reruns only the failed branch.
    @Test func aRedriveCommittedBeforeAStopRerunsOnlyTheFailedBranchAfterTheReopen() async throws {
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.definition)
        let (arn, failed) = try await failedExecution(workflow)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let persisted = try #require(try store.persistedExecution(arn))
        var cursor = try #require(persisted.cursor)
        cursor.reenter = true
        let redriveTime = try #require(persisted.history.last).timestamp.adding(milliseconds: 1000)
        let event = Engine.HistoryEvent(
            id: persisted.history.count + 1, previousEventId: persisted.history.count, timestamp: redriveTime,
            type: .executionRedriven, details: .executionRedriven(ExecutionRedrivenEventDetails(redriveCount: 1)))
        try store.executionRedriven(
            executionArn: arn, events: [event], cursor: cursor, redriveCount: 1, redriveTime: redriveTime)
        store.close()

        let invoker = BranchInvoker(failing: [])
        let reopened = try SQLiteExecutionStore(path: harness.databasePath)
        let handles = try ExecutionEngine(invoker: invoker, store: reopened).resumeRunning { _ in workflow }
        let report = try #require(await handles.first?.report)
        expectOnlyBranchBRan(after: failed, in: report, invoker)
        reopened.close()
    }

    /// A stopped execution is redriven on a second engine, which is dropped while the rerun
    /// branch waits; the third engine resumes the redriven Parallel and still keeps the
    /// branch that succeeded before the stop.
    @Test func aRedrivenParallelInterruptedByARestartKeepsTheBranchesOfTheFirstAttempt() async throws {
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.definition)
        let invoker = BranchInvoker(failing: [])
        let firstClock = ManualClock()
        let first = ExecutionEngine(
            clock: firstClock, invoker: invoker, store: try SQLiteExecutionStore(path: harness.databasePath))
        let stopped = first.start(workflow, input: [:], stateMachineName: "Machine", executionName: "run")
        try await StoreHarness.yield { firstClock.sleeperCount == 1 && invoker.calls.withLock { $0 } == ["a"] }
        for _ in 0..<1_000 { await Task.yield() }
        await stopped.stop(error: "Stopped", cause: "by the test")
        let aborted = await stopped.report
        #expect(aborted.description.status == .aborted)
        let arn = stopped.executionArn

        let secondClock = ManualClock()
        let secondStore = try SQLiteExecutionStore(path: harness.databasePath)
        let persisted = try #require(try secondStore.persistedExecution(arn))
        #expect(persisted.cursor?.redrive?.positions.map(\.child) == [1])
        let (abandoned, _) = try ExecutionEngine(clock: secondClock, invoker: invoker, store: secondStore)
            .redrive(workflow, persisted)
        // The rerun branch waits again in the Wait it was stopped in; the engine is dropped there.
        try await StoreHarness.yield { secondClock.sleeperCount == 1 }
        _ = abandoned

        let clock = ManualClock()
        let handles = try ExecutionEngine(clock: clock, invoker: invoker, store: try SQLiteExecutionStore(path: harness.databasePath))
            .resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 10)
        let report = try #require(await handles.first?.report)
        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [["id": "a"], ["id": "b"]])
        #expect(invoker.calls.withLock { $0 } == ["a", "b"])
        let types = report.history.map(\.type)
        #expect(types.filter { $0 == .executionRedriven }.count == 1)
        let after = try #require(report.history.lastIndex { $0.type == .executionRedriven })
        let entered = report.history[after...].compactMap {
            if case .stateEntered(let details) = $0.details { details.name } else { nil }
        }
        #expect(!entered.contains("A"))
        #expect(report.history[after...].filter { $0.type == .parallelStateStarted }.count == 1)
        #expect(StoreHarness.isGapFree(report.history))
    }
}

/// Fails the tasks whose parameters' `id` is in `failing` with `Flaky.Error`; answers the
/// others with their parameters. Records the ids it was called with.
final class BranchInvoker: TaskInvoking {
    let failing: Set<String>
    let calls = Mutex([String]())

    init(failing: Set<String>) { self.failing = failing }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        guard case .string(let id)? = request.parameters["id"] else { return .success(request.parameters) }
        calls.withLock { $0.append(id) }
        if failing.contains(id) { return .failure(ExecutionFailure(error: "Flaky.Error", cause: "'\(id)' fails")) }
        return .success(request.parameters)
    }
}
