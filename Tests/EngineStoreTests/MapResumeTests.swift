import Engine
import EngineStore
import Foundation
import JSONValue
import Synchronization
import Testing

/// An engine dropped in the middle of a Map, a Parallel or a Retry backoff, and a new engine
/// on the same SQLite database finishing it: finished iterations and branches keep their
/// results, retry attempts already made still count, and the history stays gap-free.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct MapResumeTests {
    static let start = Timestamp(millisecondsSinceEpoch: 1_704_067_200_000)
    static let work = "arn:aws:lambda:us-east-1:123456789012:function:work"

    @Test func anInterruptedMapKeepsFinishedIterationsAndContinuesTheOthers() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
              "ItemProcessor": {"StartAt": "Nap", "States": {
                "Nap": {"Type": "Wait", "SecondsPath": "$.wait", "Next": "Work"},
                "Work": {"Type": "Task", "Resource": "\(Self.work)", "End": true}}},
              "End": true}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let firstInvoker = EchoInvoker()
        let first = ExecutionEngine(
            clock: firstClock, invoker: firstInvoker, store: try SQLiteExecutionStore(path: harness.databasePath))
        let input: JSON = ["items": [["wait": 10], ["wait": 100], ["wait": 10]]]
        let abandoned = first.start(workflow, input: input, stateMachineName: "Machine", executionName: "m1")
        try await StoreHarness.yield { firstClock.sleeperCount == 3 }
        firstClock.advance(bySeconds: 10)
        try await StoreHarness.yield { firstInvoker.calls.withLock { $0 } == 2 && firstClock.sleeperCount == 1 }
        // Let the second iteration's end reach the store before the engine is dropped.
        try await StoreHarness.waitForStoredHistory(harness.databasePath, abandoned.executionArn) {
            $0.filter { $0.type == .mapIterationSucceeded }.count == 2
        }

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: Self.start.adding(seconds: 20))
        let invoker = EchoInvoker()
        let handles = try ExecutionEngine(clock: clock, invoker: invoker, store: store).resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 100)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [["wait": 10], ["wait": 100], ["wait": 10]])
        #expect(invoker.calls.withLock { $0 } == 1, "only the unfinished iteration runs after the restart")
        #expect(StoreHarness.isGapFree(report.history))
        let types = report.history.map(\.type)
        #expect(types.filter { $0 == .mapStateEntered }.count == 1)
        #expect(types.filter { $0 == .mapStateStarted }.count == 1)
        #expect(types.filter { $0 == .mapIterationStarted }.count == 3)
        #expect(types.filter { $0 == .mapIterationSucceeded }.count == 3)
        #expect(types.filter { $0 == .executionSucceeded }.count == 1)
        // Every event of the resumed iteration links back into the history before it.
        #expect(report.history.allSatisfy { $0.previousEventId < $0.id })
        #expect(try store.history(of: abandoned.executionArn) == report.history)
    }

    @Test func anInterruptedParallelKeepsTheBranchThatEnded() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Quick", "States": {"Quick": {"Type": "Task", "Resource": "\(Self.work)", "End": true}}},
              {"StartAt": "Slow", "States": {
                "Slow": {"Type": "Wait", "Seconds": 100, "Next": "Late"},
                "Late": {"Type": "Task", "Resource": "\(Self.work)", "Parameters": {"late": true}, "End": true}}}
            ]}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let firstInvoker = EchoInvoker()
        let first = ExecutionEngine(
            clock: firstClock, invoker: firstInvoker, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: ["quick": true], stateMachineName: "Machine", executionName: "p1")
        try await StoreHarness.yield { firstInvoker.calls.withLock { $0 } == 1 && firstClock.sleeperCount == 1 }
        try await StoreHarness.waitForStoredHistory(harness.databasePath, abandoned.executionArn) {
            $0.contains { $0.type == .taskStateExited }
        }

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: Self.start.adding(seconds: 5))
        let invoker = EchoInvoker()
        let handles = try ExecutionEngine(clock: clock, invoker: invoker, store: store).resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 100)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [["quick": true], ["late": true]])
        #expect(invoker.calls.withLock { $0 } == 1, "the branch that ended does not run again")
        #expect(StoreHarness.isGapFree(report.history))
        let types = report.history.map(\.type)
        #expect(types.filter { $0 == .parallelStateStarted }.count == 1)
        #expect(types.filter { $0 == .parallelStateSucceeded }.count == 1)
        #expect(report.history.filter { $0.type == .taskStateEntered }.count == 2)
    }

    @Test func anInterruptedMapRunGoesOnUnderItsArn() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Fanout", "States": {"Fanout": {"Type": "Map", "Label": "Fan", "ItemsPath": "$.items",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 10, "End": true}}},
              "End": true}}}
            """)
        let firstClock = ManualClock(start: Self.start)
        let first = ExecutionEngine(clock: firstClock, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: ["items": [1, 2]], stateMachineName: "Orders", executionName: "d1")
        try await StoreHarness.yield { firstClock.sleeperCount == 2 }
        let firstRun = try #require(first.mapRuns.mapRuns(ofExecution: abandoned.executionArn).first)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: Self.start.adding(seconds: 5))
        let engine = ExecutionEngine(clock: clock, store: store)
        let handles = try engine.resumeRunning { _ in workflow }
        try await StoreHarness.yield { clock.sleeperCount == 2 }
        clock.advance(bySeconds: 10)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == [1, 2])
        #expect(StoreHarness.isGapFree(report.history))
        let types = report.history.map(\.type)
        #expect(types.filter { $0 == .mapStateStarted }.count == 1)
        #expect(types.filter { $0 == .mapRunStarted }.count == 1)
        #expect(types.filter { $0 == .mapRunSucceeded }.count == 1)
        let resumedRun = try #require(engine.mapRuns.mapRun(firstRun.mapRunArn), "the run keeps its ARN")
        #expect(resumedRun.status == .succeeded)
        #expect(resumedRun.children.count == 2)
    }

    @Test func retryAttemptsMadeBeforeARestartStillCount() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "\(Self.work)",
              "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 10, "MaxAttempts": 3, "BackoffRate": 2}],
              "End": true}}}
            """)
        let (report, invoker, store, arn) = try await harness.resumeInThirdBackoff(
            workflow, start: Self.start, executionName: "r1")

        #expect(report.description.status == .failed)
        #expect(report.description.error == "Boom")
        #expect(invoker.calls.withLock { $0 } == 1, "one attempt was left after the restart")
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.filter { $0.type == .taskFailed }.count == 4)
        #expect(report.history.filter { $0.type == .taskStateEntered }.count == 1)
        #expect(try store.history(of: arn) == report.history)
    }
}

/// Fails every task with `Boom` and counts the calls.
final class FailingInvoker: TaskInvoking {
    let calls = Mutex(0)
    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        calls.withLock { $0 += 1 }
        return .failure(ExecutionFailure(error: "Boom", cause: "always"))
    }
}
