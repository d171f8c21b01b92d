import Engine
import EngineStore
import Foundation
import JSONValue
import Testing

/// An engine dropped while states inside Map iterations and Parallel branches wait, back off
/// or run tasks, and a new engine on the same SQLite database continuing each child in the
/// state it was in: no state entered twice, the original deadlines kept, the retry attempts
/// made still counted, a task in flight invoked again, at any depth.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct ChildResumeTests {
    static let start = Timestamp(millisecondsSinceEpoch: 1_704_067_200_000)
    static let work = "arn:aws:lambda:us-east-1:123456789012:function:work"

    /// Yields until the store holds `count` events of `type` for the execution.
    static func stored(_ harness: StoreHarness, _ arn: String, _ type: HistoryEventType, count: Int) async throws {
        try await StoreHarness.waitForStoredHistory(harness.databasePath, arn) {
            $0.filter { $0.type == type }.count == count
        }
    }

    @Test func mapIterationsResumeAtTheirWaitWithTheOriginalDeadline() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
              "ItemProcessor": {"StartAt": "Before", "States": {
                "Before": {"Type": "Pass", "Parameters": {"n.$": "$"}, "Assign": {"seen.$": "$"}, "Next": "Nap"},
                "Nap": {"Type": "Wait", "Seconds": 60, "Next": "After"},
                "After": {"Type": "Pass", "Parameters": {"n.$": "$.n", "seen.$": "$seen"}, "End": true}}},
              "End": true}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let first = ExecutionEngine(clock: firstClock, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: ["items": [1, 2, 3]], stateMachineName: "Machine", executionName: "m")
        try await StoreHarness.yield { firstClock.sleeperCount == 3 }
        try await Self.stored(harness, abandoned.executionArn, .waitStateEntered, count: 3)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: Self.start.adding(seconds: 30))
        let handles = try ExecutionEngine(clock: clock, store: store).resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 3 }
        clock.advance(bySeconds: 29)
        for _ in 0..<100 { await Task.yield() }
        #expect(try store.history(of: abandoned.executionArn).filter { $0.type == .waitStateExited }.isEmpty,
            "the Waits keep their original deadline, 60 s after they were entered")
        clock.advance(bySeconds: 1)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [
            ["n": 1, "seen": ["n": 1]], ["n": 2, "seen": ["n": 2]], ["n": 3, "seen": ["n": 3]],
        ], "the variables the iterations assigned before the restart are theirs after it")
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.allSatisfy { $0.previousEventId < $0.id })
        let entered = report.history.compactMap { event -> String? in
            guard case .stateEntered(let details) = event.details else { return nil }
            return details.name
        }
        #expect(entered.filter { $0 == "Before" }.count == 3, "no iteration enters its first state again")
        #expect(entered.filter { $0 == "Nap" }.count == 3)
        #expect(entered.filter { $0 == "After" }.count == 3)
        let waitEnds = report.history.filter { $0.type == .waitStateExited }.map(\.timestamp)
        #expect(waitEnds == [Timestamp](repeating: Self.start.adding(seconds: 60), count: 3))
        #expect(report.history.filter { $0.type == .mapIterationStarted }.count == 3)
        #expect(report.history.filter { $0.type == .mapIterationSucceeded }.count == 3)
        #expect(try store.history(of: abandoned.executionArn) == report.history)
    }

    /// A Map inside a resumed iteration runs its iterations again from their first state
    /// (resuming them in place is not done yet); the execution still ends, once, with every
    /// result.
    @Test func aMapInsideAResumedIterationRunsAgainAndEnds() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Outer", "States": {"Outer": {"Type": "Map", "ItemsPath": "$.groups", "End": true,
              "ItemProcessor": {"StartAt": "Inner", "States": {"Inner": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                "ItemProcessor": {"StartAt": "Nap", "States": {
                  "Nap": {"Type": "Wait", "Seconds": 60, "Next": "Done"},
                  "Done": {"Type": "Pass", "End": true}}}}}}}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let first = ExecutionEngine(clock: firstClock, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(
            workflow, input: ["groups": [["items": [1, 2]], ["items": [3]]]], stateMachineName: "Machine", executionName: "mm")
        try await StoreHarness.yield { firstClock.sleeperCount == 3 }
        try await Self.stored(harness, abandoned.executionArn, .waitStateEntered, count: 3)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: Self.start.adding(seconds: 30))
        let handles = try ExecutionEngine(clock: clock, store: store).resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 3 }
        clock.advance(bySeconds: 60)
        let report = try #require(await handles.first?.report)
        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [[1, 2], [3]])
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.filter { $0.type == .executionSucceeded }.count == 1)
        #expect(try store.history(of: abandoned.executionArn) == report.history)
    }

    @Test func aParallelBranchInItsRetryBackoffKeepsTheAttemptsItHadLeft() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "\(Self.work)",
                "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 10, "MaxAttempts": 3, "BackoffRate": 2}],
                "End": true}}},
              {"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "Result": 7, "End": true}}}
            ]}}}
            """)
        let (report, invoker, store, arn) = try await harness.resumeInThirdBackoff(
            workflow, start: Self.start, executionName: "p")

        #expect(report.description.status == .failed)
        #expect(report.description.error == "Boom")
        #expect(invoker.calls.withLock { $0 } == 1, "one attempt was left after the restart")
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.filter { $0.type == .taskFailed }.count == 4)
        #expect(report.history.filter { $0.type == .taskStateEntered }.count == 1)
        #expect(report.history.filter { $0.type == .passStateEntered }.count == 1, "the ended branch does not run again")
        #expect(report.history.filter { $0.type == .parallelStateStarted }.count == 1)
        #expect(report.history.filter { $0.type == .parallelStateFailed }.count == 1)
        #expect(try store.history(of: arn) == report.history)
    }

    @Test func aParallelInsideAMapIterationResumesItsWaitingBranch() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
              "ItemProcessor": {"StartAt": "Start", "States": {
                "Start": {"Type": "Pass", "Next": "Both"},
                "Both": {"Type": "Parallel", "Next": "Last", "Branches": [
                  {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 60, "End": true}}},
                  {"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "Result": "q", "End": true}}}]},
                "Last": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let first = ExecutionEngine(clock: firstClock, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: ["items": [1, 2]], stateMachineName: "Machine", executionName: "n")
        try await StoreHarness.yield { firstClock.sleeperCount == 2 }
        try await Self.stored(harness, abandoned.executionArn, .passStateExited, count: 4)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: Self.start.adding(seconds: 30))
        let handles = try ExecutionEngine(clock: clock, store: store).resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 2 }
        clock.advance(bySeconds: 30)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [[1, "q"], [2, "q"]])
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.allSatisfy { $0.previousEventId < $0.id })
        let types = report.history.map(\.type)
        #expect(types.filter { $0 == .parallelStateEntered }.count == 2, "the Parallels are not entered again")
        #expect(types.filter { $0 == .parallelStateStarted }.count == 2)
        #expect(types.filter { $0 == .parallelStateSucceeded }.count == 2)
        #expect(types.filter { $0 == .waitStateEntered }.count == 2)
        // Start ×2, Quick ×2 (kept, not run again), Last ×2.
        #expect(types.filter { $0 == .passStateEntered }.count == 6)
        let waitEnds = report.history.filter { $0.type == .waitStateExited }.map(\.timestamp)
        #expect(waitEnds == [Timestamp](repeating: Self.start.adding(seconds: 60), count: 2))
        #expect(types.filter { $0 == .mapIterationSucceeded }.count == 2)
        #expect(try store.history(of: abandoned.executionArn) == report.history)
    }

    @Test func aTaskInFlightInsideAnIterationIsInvokedAgainOnce() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
              "ItemProcessor": {"StartAt": "Prepare", "States": {
                "Prepare": {"Type": "Pass", "Parameters": {"item.$": "$"}, "Next": "Work"},
                "Work": {"Type": "Task", "Resource": "\(Self.work)", "End": true}}},
              "End": true}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let hanging = HangingInvoker()
        let first = ExecutionEngine(
            clock: firstClock, invoker: hanging, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: ["items": ["a", "b"]], stateMachineName: "Machine", executionName: "t")
        try await StoreHarness.yield { hanging.calls.withLock { $0 } == 2 }
        try await Self.stored(harness, abandoned.executionArn, .taskStateEntered, count: 2)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let invoker = EchoInvoker()
        let handles = try ExecutionEngine(clock: ManualClock(start: Self.start.adding(seconds: 5)), invoker: invoker, store: store)
            .resumeRunning { _ in workflow }
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [["item": "a"], ["item": "b"]])
        #expect(invoker.calls.withLock { $0 } == 2, "each task in flight is invoked again, once")
        #expect(StoreHarness.isGapFree(report.history))
        let types = report.history.map(\.type)
        #expect(types.filter { $0 == .passStateEntered }.count == 2, "Prepare does not run again")
        #expect(types.filter { $0 == .taskStateEntered }.count == 2)
        // Each task is scheduled again after the restart (its first schedule may not have
        // reached the store: it is written with the next transition).
        let resumedAt = Self.start.adding(seconds: 5)
        #expect(report.history.filter { $0.type == .taskScheduled && $0.timestamp == resumedAt }.count == 2)
        #expect(types.filter { $0 == .taskSucceeded }.count == 2)
        #expect(try store.history(of: abandoned.executionArn) == report.history)
    }
}
