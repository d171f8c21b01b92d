import Engine
import EngineStore
import JSONValue
import Testing

/// An interrupted Parallel resumes branch by branch, and the in-memory store resumes as the
/// SQLite one does.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct RestartTests {
    @Test func anInterruptedParallelResumesItsUnfinishedBranch() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 30, "End": true}}},
                {"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "Result": 7, "End": true}}}
              ]}
            }}
            """)
        let firstClock = ManualClock()
        let first = ExecutionEngine(clock: firstClock, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: [:], stateMachineName: "Machine", executionName: "p")
        try await StoreHarness.yield { firstClock.sleeperCount == 1 }
        // The ended branch is durable before the first engine is dropped.
        try await StoreHarness.waitForStoredHistory(harness.databasePath, abandoned.executionArn) {
            $0.contains { $0.type == .passStateExited }
        }

        let clock = ManualClock(start: firstClock.now())
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let handles = try ExecutionEngine(clock: clock, store: store).resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 30)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [[:], 7])
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.filter { $0.type == .parallelStateEntered }.count == 1)
        #expect(report.history.filter { $0.type == .parallelStateStarted }.count == 1)
        #expect(report.history.filter { $0.type == .passStateEntered }.count == 1, "the ended branch does not run again")
        #expect(report.history.filter { $0.type == .executionSucceeded }.count == 1)
    }

    @Test func theInMemoryStoreResumesToo() async throws {
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Nap", "States": {
              "Nap": {"Type": "Wait", "Seconds": 5, "Next": "Done"},
              "Done": {"Type": "Pass", "Result": "woke", "End": true}
            }}
            """)
        let store = InMemoryExecutionStore()
        let firstClock = ManualClock()
        let started = ExecutionEngine(clock: firstClock, store: store)
            .start(workflow, input: [:], stateMachineName: "Machine", executionName: "m")
        try await StoreHarness.yield { firstClock.sleeperCount == 1 }

        let clock = ManualClock(start: firstClock.now().adding(seconds: 5))
        let handles = try ExecutionEngine(clock: clock, store: store).resumeRunning { _ in workflow }
        let report = try #require(await handles.first?.report)
        #expect(report.description.status == .succeeded)
        #expect(report.description.output == "woke")
        #expect(StoreHarness.isGapFree(report.history))
        #expect(store.history(of: started.executionArn) == report.history)
        #expect(store.description(of: started.executionArn)?.status == .succeeded)
        #expect(try store.runningExecutions().isEmpty)
    }
}
