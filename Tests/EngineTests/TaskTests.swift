import Engine
import JSONValue
import Testing

/// Task states through mock invokers: Return/Throw per invocation, Retry (interval,
/// backoff, MaxAttempts, MaxDelaySeconds, jitter), Catch with ResultPath, timeouts.
@Suite(.timeLimit(.minutes(2))) struct TaskTests {
    static let machine = """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"id.$": "$.id"}, "ResultSelector": {"body.$": "$.Payload"}, "ResultPath": "$.result",
          %RETRY% %CATCH% "End": true}, "Handler": {"Type": "Pass", "End": true}}}
        """

    func definition(_ retry: String = "", catch catcher: String = #""Catch": [{"ErrorEquals": ["Never.Happens"], "Next": "Handler"}],"#) -> String {
        Self.machine.replacingOccurrences(of: "%RETRY%", with: retry).replacingOccurrences(of: "%CATCH%", with: catcher)
    }

    func harness(_ responses: JSON) -> EngineHarness {
        EngineHarness(invoker: MockTaskInvoker(responses: ["Call": responses]))
    }

    @Test func taskResultGoesThroughResultSelectorAndResultPath() async throws {
        let report = try await harness(["0": ["Return": ["Payload": "ok"]]]).run(definition(), input: ["id": 7])
        #expect(report.status == .succeeded)
        #expect(report.output == ["id": 7, "result": ["body": "ok"]])
        #expect(report.eventTypes == [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
            "ExecutionSucceeded",
        ])
        guard case .taskScheduled(let scheduled) = report.history[2].details else {
            Issue.record("no TaskScheduled details")
            return
        }
        #expect(scheduled.resourceType == "lambda")
        #expect(scheduled.resource == "invoke")
        #expect(scheduled.parameters == ["id": 7])
    }

    @Test func retryBacksOffOnTheClock() async throws {
        let retry = #""Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 3}],"#
        let report = try await harness([
            "0-1": ["Throw": ["Error": "Busy", "Cause": "later"]], "2": ["Return": ["Payload": 1]],
        ]).run(definition(retry), input: ["id": 1])
        #expect(report.status == .succeeded)
        let scheduled = report.history.filter { $0.type == .taskScheduled }.map(\.timestamp.millisecondsSinceEpoch)
        #expect(scheduled.count == 3)
        #expect(scheduled[1] - scheduled[0] == 2000)
        #expect(scheduled[2] - scheduled[1] == 6000)
    }

    @Test func maxDelayCapsTheBackoff() async throws {
        let retry = #""Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "BackoffRate": 10, "MaxAttempts": 2, "MaxDelaySeconds": 15}],"#
        let report = try await harness(["0-1": ["Throw": ["Error": "E"]], "2": ["Return": ["Payload": 1]]])
            .run(definition(retry), input: ["id": 1])
        let scheduled = report.history.filter { $0.type == .taskScheduled }.map(\.timestamp.millisecondsSinceEpoch)
        #expect(scheduled[2] - scheduled[1] == 15000)
    }

    @Test func retriesRunOutThenTheErrorFailsTheExecution() async throws {
        let retry = #""Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 1, "MaxAttempts": 2}],"#
        let report = try await harness(["0-9": ["Throw": ["Error": "Busy", "Cause": "still busy"]]])
            .run(definition(retry), input: ["id": 1])
        #expect(report.status == .failed)
        #expect(report.error == "Busy")
        #expect(report.cause == "still busy")
        #expect(report.history.filter { $0.type == .taskFailed }.count == 3)
    }

    @Test func jitterIsReproducibleWithASeed() async throws {
        let retry = #""Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 100, "MaxAttempts": 1, "JitterStrategy": "FULL"}],"#
        func gap(seed: UInt64) async throws -> Int64 {
            var h = harness(["0": ["Throw": ["Error": "E"]], "1": ["Return": ["Payload": 1]]])
            h.seed = seed
            let report = try await h.run(definition(retry), input: ["id": 1])
            let scheduled = report.history.filter { $0.type == .taskScheduled }.map(\.timestamp.millisecondsSinceEpoch)
            return scheduled[1] - scheduled[0]
        }
        let a = try await gap(seed: 5), b = try await gap(seed: 5)
        #expect(a == b)
        #expect(a >= 0 && a <= 100_000)
    }

    @Test func catchWritesTheErrorAtItsResultPath() async throws {
        let catcher = #""Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Handler"}],"#
        let report = try await harness(["0": ["Throw": ["Error": "Boom", "Cause": "bad"]]]).run(definition(catch: catcher), input: ["id": 1])
        #expect(report.status == .succeeded)
        #expect(report.output == ["id": 1, "error": ["Error": "Boom", "Cause": "bad"]])
        // As AWS records it: the caught state still exits, with the catcher's output.
        #expect(report.eventTypes == [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited",
            "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
        ])
        #expect(report.history.map(\.previousEventId) == [0, 0, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func statesAllDoesNotCatchRuntimeErrors() async throws {
        let report = try await harness(["0": ["Return": ["Payload": 1]]]).run(
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "InputPath": "$.missing", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}], "End": true},
              "H": {"Type": "Pass", "End": true}}}
            """)
        #expect(report.status == .failed)
        #expect(report.error == "States.Runtime")
    }

    @Test func mockFileSelectsByMachineAndTestCase() async throws {
        let file: JSON = [
            "StateMachines": ["Machine": ["TestCases": ["Happy": ["Call": "CallOK"]]]],
            "MockedResponses": ["CallOK": ["0": ["Return": ["Payload": "from file"]]]],
        ]
        let h = EngineHarness(invoker: MockTaskInvoker(configuration: file, stateMachine: "Machine", testCase: "Happy"))
        let report = try await h.run(definition(), input: ["id": 1])
        #expect(report.output?["result"] == ["body": "from file"])
    }

    /// An invoker whose work takes `seconds` of clock time.
    struct SlowInvoker: TaskInvoking {
        let clock: any EngineClock
        let seconds: Int64
        func invoke(_ request: TaskRequest) async -> TaskOutcome {
            await clock.sleep(until: clock.now().adding(seconds: seconds))
            return .success(["Payload": "late"])
        }
    }

    @Test func taskTimeoutOnAVirtualClock() async throws {
        let clock = VirtualClock()
        let h = EngineHarness(clock: clock, invoker: SlowInvoker(clock: clock, seconds: 30))
        let report = try await h.run(
            #"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 10, "End": true}}}"#)
        #expect(report.status == .failed)
        #expect(report.error == "States.Timeout")
        #expect(report.eventTypes.contains("TaskTimedOut"))
    }

    @Test func taskTimeoutRacesOnAManualClock() async throws {
        let clock = ManualClock()
        let h = EngineHarness(clock: clock, invoker: SlowInvoker(clock: clock, seconds: 30))
        let handle = h.engine.start(
            try h.workflow(#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 10, "End": true}}}"#),
            input: [:])
        while clock.sleeperCount < 2 { await Task.yield() }
        clock.advance(bySeconds: 10)
        let report = await handle.report
        #expect(report.error == "States.Timeout")
    }

    @Test func executionTimeout() async throws {
        let report = try await EngineHarness().run(
            #"{"TimeoutSeconds": 5, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}"#)
        #expect(report.status == .timedOut)
        #expect(report.history.last?.type == .executionTimedOut)
    }
}
