import Engine
import EngineStore
import Foundation
import JSONValue
import Synchronization
import Testing

/// A Standard execution waiting for a task token survives an engine restart on the same
/// SQLite store: the same token completes it, and its deadlines keep their absolute times.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct CallbackResumeTests {
    static let callback = """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": {"n": 1}, "Next": "Ask"},
          "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}},
            "TimeoutSeconds": 100, "HeartbeatSeconds": 40, "ResultPath": "$.answer",
            "Catch": [{"ErrorEquals": ["States.Timeout", "States.HeartbeatTimeout"], "ResultPath": "$.error", "Next": "Late"}],
            "End": true},
          "Late": {"Type": "Pass", "End": true}
        }}
        """

    static let activity = """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:review",
            "Parameters": {"doc.$": "$.doc"}, "End": true}
        }}
        """

    static let start = Timestamp(millisecondsSinceEpoch: 1_704_067_200_000)
    static let activityArn = "arn:aws:states:us-east-1:123456789012:activity:review"

    /// Starts the callback workflow on a first engine and drops it once the task waits.
    func abandon(_ harness: StoreHarness) async throws -> (token: String, executionArn: String, invoker: TokenInvoker) {
        let clock = ManualClock(start: Self.start)
        let invoker = TokenInvoker()
        let first = ExecutionEngine(
            clock: clock, invoker: invoker, store: try SQLiteExecutionStore(path: harness.databasePath))
        let handle = first.start(
            try StoreHarness.workflow(Self.callback), input: [:], stateMachineName: "Machine", executionName: "e1")
        try await StoreHarness.yield { invoker.tokens.count == 1 && clock.sleeperCount == 1 }
        let token = try #require(invoker.tokens.first)
        // Wait for the cursor with the token to be written (after TaskSubmitted).
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try await StoreHarness.yield {
            ((try? store.runningExecutions())?.first?.cursor?.callback?.token) == token
        }
        return (token, handle.executionArn, invoker)
    }

    @Test func theSameTokenCompletesTheExecutionAfterARestart() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let (token, executionArn, firstInvoker) = try await abandon(harness)

        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let invoker = TokenInvoker()
        let second = ExecutionEngine(clock: ManualClock(start: Self.start.adding(seconds: 10)), invoker: invoker, store: store)
        let workflow = try StoreHarness.workflow(Self.callback)
        let handles = try second.resumeRunning { _ in workflow }
        #expect(handles.map(\.executionArn) == [executionArn])
        // Open as soon as resumeRunning returns, before the resumed run is scheduled.
        #expect(second.callbacks.isOpen(token))
        try second.callbacks.send(.succeeded(["approved": true]), to: token)
        let report = try #require(await handles.first?.report)

        #expect(report.description.status == .succeeded)
        #expect(report.description.output == ["n": 1, "answer": ["approved": true]])
        #expect(invoker.tokens.isEmpty, "the integration is not invoked again")
        #expect(firstInvoker.tokens == [token])
        #expect(StoreHarness.isGapFree(report.history))
        #expect(report.history.map(\.type.rawValue) == [
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered", "TaskScheduled",
            "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
        ])
        #expect(report.history[7].previousEventId == 7)
        #expect(try store.history(of: executionArn) == report.history)
        #expect(try store.runningExecutions().isEmpty)
    }

    @Test func theTimeoutKeepsItsAbsoluteDeadlineAcrossARestart() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let (token, _, _) = try await abandon(harness)

        let clock = ManualClock(start: Self.start.adding(seconds: 30))
        let second = ExecutionEngine(
            clock: clock, invoker: TokenInvoker(), store: try SQLiteExecutionStore(path: harness.databasePath))
        let workflow = try StoreHarness.workflow(Self.callback)
        let handles = try second.resumeRunning { _ in workflow }
        // A heartbeat at +30 s moves the heartbeat deadline to +70 s; the timeout stays at +100 s.
        try second.callbacks.send(.heartbeat(at: clock.now()), to: token)
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 35)
        try second.callbacks.send(.heartbeat(at: clock.now()), to: token)
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 34)
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        #expect(second.callbacks.isOpen(token), "99 s after the task was scheduled")
        clock.advance(bySeconds: 1)
        let report = try #require(await handles.first?.report)

        #expect(report.description.output == ["n": 1, "error": ["Error": "States.Timeout", "Cause": ""]])
        let timedOut = try #require(report.history.first { $0.type == .taskTimedOut })
        #expect(timedOut.timestamp == Self.start.adding(seconds: 100))
        #expect(StoreHarness.isGapFree(report.history))
        #expect(throws: CallbackError.taskTimedOut) { try second.callbacks.send(.succeeded(1), to: token) }
    }

    @Test func anActivityTaskNoWorkerTookIsQueuedAgain() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.activity)
        let first = ExecutionEngine(store: try SQLiteExecutionStore(path: harness.databasePath))
        _ = first.callbacks.createActivity(arn: Self.activityArn, name: "review", creationDate: Self.start)
        let abandoned = first.start(workflow, input: ["doc": "d1"], stateMachineName: "Machine", executionName: "a1")
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try await StoreHarness.yield { ((try? store.runningExecutions())?.first?.cursor?.callback) != nil }

        let second = ExecutionEngine(store: store)
        _ = second.callbacks.createActivity(arn: Self.activityArn, name: "review", creationDate: Self.start)
        let handles = try second.resumeRunning { _ in workflow }
        let task = try #require(await second.callbacks.poll(Self.activityArn, workerName: "after-restart"))
        #expect(task.input == ["doc": "d1"])
        #expect(TaskToken(text: task.taskToken)?.executionArn == abandoned.executionArn)
        try second.callbacks.send(.succeeded("reviewed"), to: task.taskToken)
        let report = try #require(await handles.first?.report)
        #expect(report.description.output == "reviewed")
        #expect(report.history.map(\.type.rawValue) == [
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded",
            "TaskStateExited", "ExecutionSucceeded",
        ])
        #expect(StoreHarness.isGapFree(report.history))
    }

    @Test func aWorkerHoldingTheTaskAnswersTheRestartedEngine() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.activity)
        let first = ExecutionEngine(store: try SQLiteExecutionStore(path: harness.databasePath))
        _ = first.callbacks.createActivity(arn: Self.activityArn, name: "review", creationDate: Self.start)
        _ = first.start(workflow, input: ["doc": "d2"], stateMachineName: "Machine", executionName: "a2")
        let held = try #require(await first.callbacks.poll(Self.activityArn, workerName: "w"))
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try await StoreHarness.yield { ((try? store.runningExecutions())?.first?.cursor?.callback?.started) == true }

        let second = ExecutionEngine(store: store)
        _ = second.callbacks.createActivity(arn: Self.activityArn, name: "review", creationDate: Self.start)
        let handles = try second.resumeRunning { _ in workflow }
        #expect(second.callbacks.pollerCount == 0)
        try second.callbacks.send(.succeeded("done"), to: held.taskToken)
        let report = try #require(await handles.first?.report)
        #expect(report.description.output == "done")
        #expect(report.history.filter { $0.type == .activityStarted }.count == 1)
        #expect(StoreHarness.isGapFree(report.history))
    }
}

/// Records the token of every task and accepts it, as a callback integration would.
final class TokenInvoker: TaskInvoking {
    private let recorded = Mutex<[String]>([])

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        if let token = request.taskToken { recorded.withLock { $0.append(token) } }
        return .success(["StatusCode": 200])
    }

    var tokens: [String] { recorded.withLock { $0 } }
}
