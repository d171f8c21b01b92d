import Engine
import JSONValue
import Testing

/// Activity states on the engine: the task waits in the activity's queue for a worker,
/// TimeoutSeconds bounds the whole wait, and an invoker that answers activities (a mock)
/// replaces the worker.
@Suite(.timeLimit(.minutes(2))) struct CallbacksActivityTests {
    static let arn = "arn:aws:states:us-east-1:123456789012:activity:review"
    static let machine = """
        {"StartAt": "Review", "States": {"Review": {"Type": "Task", "Resource": "\(arn)",
          "TimeoutSeconds": 50, "ResultPath": "$.review",
          "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "Late"}], "End": true},
          "Late": {"Type": "Pass", "End": true}}}
        """

    @Test func tasksGoToWorkersOldestFirst() async throws {
        let harness = EngineHarness()
        let engine = harness.engine
        _ = engine.callbacks.createActivity(arn: Self.arn, name: "review", creationDate: engine.clock.now())
        let workflow = try harness.workflow(Self.machine)
        let first = engine.start(workflow, input: ["doc": 1], executionName: "first")
        let one = try #require(await engine.callbacks.poll(Self.arn, workerName: "w1"))
        let second = engine.start(workflow, input: ["doc": 2], executionName: "second")
        let two = try #require(await engine.callbacks.poll(Self.arn, workerName: "w2"))
        #expect(one.input == ["doc": 1])
        #expect(two.input == ["doc": 2])
        try engine.callbacks.send(.succeeded("ok 2"), to: two.taskToken)
        try engine.callbacks.send(.succeeded("ok 1"), to: one.taskToken)
        #expect(await first.report.output == ["doc": 1, "review": "ok 1"])
        #expect(await second.report.output == ["doc": 2, "review": "ok 2"])
    }

    @Test func timeoutSecondsCountsFromScheduling() async throws {
        let clock = ManualClock()
        let harness = EngineHarness(clock: clock)
        let engine = harness.engine
        _ = engine.callbacks.createActivity(arn: Self.arn, name: "review", creationDate: clock.now())
        let handle = engine.start(try harness.workflow(Self.machine), input: ["doc": 1])
        try await CallbackWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 20)
        let task = try #require(await engine.callbacks.poll(Self.arn, workerName: nil))
        try await CallbackWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 30)
        let report = await handle.report
        #expect(report.output == ["doc": 1, "error": ["Error": "States.Timeout", "Cause": ""]])
        #expect(report.eventTypes == [
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivityTimedOut",
            "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
        ])
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.succeeded(1), to: task.taskToken) }
    }

    @Test func anInvokerThatAnswersActivitiesReplacesTheWorker() async throws {
        let harness = EngineHarness(invoker: MockedActivities())
        let report = try await harness.run(Self.machine, input: ["doc": 3])
        #expect(report.output == ["doc": 3, "review": ["mocked": ["doc": 3]]])
        #expect(report.eventTypes == [
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded",
            "TaskStateExited", "ExecutionSucceeded",
        ])
    }
}

/// Answers every Activity state with its input, as a mock configuration would.
struct MockedActivities: ActivityAnswering {
    func answers(_ request: TaskRequest) -> Bool { true }
    func invoke(_ request: TaskRequest) async -> TaskOutcome { .success(["mocked": request.parameters]) }
}
