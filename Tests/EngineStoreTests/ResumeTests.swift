import Engine
import EngineStore
import Foundation
import JSONValue
import Testing

/// An engine dropped mid-execution, and a new engine on the same database finishing it.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct ResumeTests {
    static let waitThenTask = """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": {"n": 1}, "Next": "Nap"},
          "Nap": {"Type": "Wait", "Seconds": 60, "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}
        }}
        """

    @Test func waitResumesAtItsOriginalDeadlineAndCompletesOnce() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.waitThenTask)
        let start = Timestamp(millisecondsSinceEpoch: 1_704_067_200_000)

        let firstClock = ManualClock(start: start)
        let first = ExecutionEngine(
            clock: firstClock, invoker: EchoInvoker(), store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: ["k": "v"], stateMachineName: "Machine", executionName: "e1")
        try await StoreHarness.yield { firstClock.sleeperCount == 1 }
        // The first engine is dropped here: its execution stays asleep on a clock nobody advances.

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let clock = ManualClock(start: start.adding(seconds: 10))
        let invoker = EchoInvoker()
        let second = ExecutionEngine(clock: clock, invoker: invoker, store: store)
        let handles = try second.resumeRunning { _ in workflow }
        #expect(handles.map(\.executionArn) == [abandoned.executionArn])
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 49)
        #expect(clock.sleeperCount == 1, "the Wait ends 60 s after it was entered, not 60 s after the restart")
        clock.advance(bySeconds: 1)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == ["n": 1])
        #expect(invoker.calls.withLock { $0 } == 1)
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.filter { $0.type == .waitStateEntered }.count == 1)
        #expect(report.history.filter { $0.type == .executionSucceeded }.count == 1)
        let exited = try #require(report.history.first { $0.type == .waitStateExited })
        #expect(exited.timestamp == start.adding(seconds: 60))
        #expect(try store.history(of: abandoned.executionArn) == report.history)
        #expect(try store.description(of: abandoned.executionArn)?.status == .succeeded)
        #expect(try store.runningExecutions().isEmpty)
    }

    @Test func taskInFlightIsInvokedAgain() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow("""
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"n": 2}, "Next": "Work"},
              "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}
            }}
            """)
        let hanging = HangingInvoker()
        let first = ExecutionEngine(invoker: hanging, store: try SQLiteExecutionStore(path: harness.databasePath))
        let abandoned = first.start(workflow, input: [:], stateMachineName: "Machine", executionName: "e2")
        try await StoreHarness.yield { hanging.calls.withLock { $0 } == 1 }

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let invoker = EchoInvoker()
        let handles = try ExecutionEngine(invoker: invoker, store: store).resumeRunning { _ in workflow }
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == ["n": 2])
        #expect(invoker.calls.withLock { $0 } == 1, "at least once: the task in flight runs again")
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.filter { $0.type == .taskStateEntered }.count == 1)
        #expect(report.history.filter { $0.type == .executionSucceeded }.count == 1)
        #expect(try store.history(of: abandoned.executionArn) == report.history)
        #expect(try store.runningExecutions().isEmpty)
    }

    @Test func aResumedExecutionIsResumedOnlyOnce() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.waitThenTask)
        let clock = ManualClock()
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let engine = ExecutionEngine(clock: clock, invoker: EchoInvoker(), store: store)
        _ = engine.start(workflow, input: [:], stateMachineName: "Machine", executionName: "e3")
        try await StoreHarness.yield { clock.sleeperCount == 1 }

        let nextClock = ManualClock(start: clock.now().adding(seconds: 120))
        let handles = try ExecutionEngine(clock: nextClock, invoker: EchoInvoker(), store: store)
            .resumeRunning { _ in workflow }
        _ = await handles.first?.report
        let again = try ExecutionEngine(clock: nextClock, invoker: EchoInvoker(), store: store)
            .resumeRunning { _ in workflow }
        #expect(handles.count == 1)
        #expect(again.isEmpty)
    }
}
