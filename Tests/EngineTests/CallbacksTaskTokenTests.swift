import Engine
import JSONValue
import Testing

/// `.waitForTaskToken` on the engine: the token in `$$.Task.Token`, TaskSubmitted, then
/// the answer, a timeout or a stop; heartbeats; the errors of a token that is not open.
@Suite(.timeLimit(.minutes(2))) struct CallbacksTaskTokenTests {
    static func machine(timeout: Int? = nil, heartbeat: Int? = nil, retry: String = "") -> String {
        let timeoutField = timeout.map { #""TimeoutSeconds": \#($0),"# } ?? ""
        let heartbeatField = heartbeat.map { #""HeartbeatSeconds": \#($0),"# } ?? ""
        return """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
                \(timeoutField) \(heartbeatField) \(retry)
                "ResultPath": "$.answer",
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Caught"}],
                "End": true},
              "Caught": {"Type": "Pass", "End": true}
            }}
            """
    }

    @Test func tokenInParametersThenSuccessCompletesTheTask() async throws {
        let invoker = TokenRecordingInvoker()
        let harness = EngineHarness(invoker: invoker)
        let engine = harness.engine
        let handle = engine.start(try harness.workflow(Self.machine()), input: ["order": 7], executionName: "e")
        let token = try await invoker.token()
        let request = try #require(invoker.requests.withLock { $0.first })
        #expect(request.parameters == ["QueueUrl": "q", "MessageBody": ["token": .string(token), "order": 7]])
        #expect(TaskToken(text: token)?.executionArn == handle.executionArn)

        try engine.callbacks.send(.succeeded(["approved": true]), to: token)
        let report = await handle.report
        #expect(report.status == .succeeded)
        #expect(report.output == ["order": 7, "answer": ["approved": true]])
        #expect(report.eventTypes == [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded",
            "TaskStateExited", "ExecutionSucceeded",
        ])
        guard case .taskSubmitted(let submitted) = report.history[4].details else {
            Issue.record("no TaskSubmitted details")
            return
        }
        #expect(submitted.resourceType == "sqs")
        #expect(submitted.resource == "sendMessage.waitForTaskToken")
        #expect(submitted.output == ["StatusCode": 200])
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.succeeded([:]), to: token) }
    }

    @Test func anAnswerSentBeforeTheIntegrationReturnsIsKept() async throws {
        let registry = CallbackRegistry()
        let invoker = AnsweringInvoker(registry: registry)
        var engine = EngineHarness(invoker: invoker).engine
        engine.callbacks = registry
        let report = await engine.run(try EngineHarness().workflow(Self.machine()), input: ["order": 1])
        #expect(report.status == .succeeded)
        #expect(report.output == ["order": 1, "answer": "early"])
    }

    @Test func failureGoesToCatchWithErrorAndCause() async throws {
        let invoker = TokenRecordingInvoker()
        let harness = EngineHarness(invoker: invoker)
        let engine = harness.engine
        let handle = engine.start(try harness.workflow(Self.machine()), input: ["order": 7])
        try engine.callbacks.send(.failed(error: "Rejected", cause: "too expensive"), to: try await invoker.token())
        let report = await handle.report
        #expect(report.status == .succeeded)
        #expect(report.output == ["order": 7, "error": ["Error": "Rejected", "Cause": "too expensive"]])
        #expect(report.eventTypes.contains("TaskFailed"))
    }

    @Test func timeoutSecondsFailsWithStatesTimeout() async throws {
        let clock = ManualClock()
        let invoker = TokenRecordingInvoker()
        let harness = EngineHarness(clock: clock, invoker: invoker)
        let engine = harness.engine
        let handle = engine.start(try harness.workflow(Self.machine(timeout: 30)), input: ["order": 7])
        let token = try await invoker.token()
        try await CallbackWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 29)
        try await CallbackWait.until { clock.sleeperCount == 1 }
        #expect(engine.callbacks.isOpen(token))
        clock.advance(bySeconds: 1)
        let report = await handle.report
        #expect(report.output == ["order": 7, "error": ["Error": "States.Timeout", "Cause": ""]])
        let timedOut = try #require(report.history.first { $0.type == .taskTimedOut })
        #expect(timedOut.timestamp == clock.now())
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.heartbeat(at: clock.now()), to: token) }
    }

    @Test func heartbeatsKeepTheTaskAliveUntilTheyStop() async throws {
        let clock = ManualClock()
        let invoker = TokenRecordingInvoker()
        let harness = EngineHarness(clock: clock, invoker: invoker)
        let engine = harness.engine
        let retry = #""Retry": [{"ErrorEquals": ["States.HeartbeatTimeout"], "IntervalSeconds": 1, "MaxAttempts": 1}],"#
        let handle = engine.start(
            try harness.workflow(Self.machine(timeout: 100, heartbeat: 10, retry: retry)), input: ["order": 7])
        let first = try await invoker.token()
        // Time moves only once the task waits (its heartbeat clock started at 0 s).
        try await CallbackWait.until(handle, recorded: "TaskSubmitted")
        for _ in 0..<3 {
            clock.advance(bySeconds: 8)
            try engine.callbacks.send(.heartbeat(at: clock.now()), to: first)
        }
        try await CallbackWait.until { clock.sleeperCount == 1 }
        // 24 s after the task started, 8 s after the last heartbeat: still waiting.
        #expect(engine.callbacks.isOpen(first))
        clock.advance(bySeconds: 10)
        // The heartbeat ran out: Retry waits 1 s and the second attempt gets a new token.
        try await CallbackWait.until(handle, recorded: "TaskTimedOut")
        try await CallbackWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 1)
        let second = try await invoker.token(2)
        #expect(second != first)
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.succeeded(1), to: first) }
        try engine.callbacks.send(.succeeded("late but fine"), to: second)
        let report = await handle.report
        #expect(report.output == ["order": 7, "answer": "late but fine"])
        let timeouts = report.history.compactMap { event -> String? in
            guard case .taskTimedOut(let details) = event.details else { return nil }
            return details.error
        }
        #expect(timeouts == ["States.HeartbeatTimeout"])
    }

    @Test func stoppingTheExecutionClosesItsToken() async throws {
        let invoker = TokenRecordingInvoker()
        let harness = EngineHarness(invoker: invoker)
        let engine = harness.engine
        let handle = engine.start(try harness.workflow(Self.machine()), input: ["order": 7])
        let token = try await invoker.token()
        await handle.stop(error: "Cancelled", cause: "by the test")
        let report = await handle.report
        #expect(report.status == .aborted)
        #expect(report.eventTypes.suffix(2) == ["TaskSubmitted", "ExecutionAborted"])
        #expect(!engine.callbacks.isOpen(token))
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.succeeded(1), to: token) }
    }

    @Test func aFailingIntegrationClosesTheToken() async throws {
        let invoker = TokenRecordingInvoker(answer: .failure(ExecutionFailure(error: "SQS.QueueDoesNotExist", cause: "no q")))
        let harness = EngineHarness(invoker: invoker)
        let engine = harness.engine
        let report = await engine.run(try harness.workflow(Self.machine()), input: ["order": 7])
        #expect(report.output == ["order": 7, "error": ["Error": "SQS.QueueDoesNotExist", "Cause": "no q"]])
        #expect(!report.eventTypes.contains("TaskSubmitted"))
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.heartbeat(at: Timestamp(millisecondsSinceEpoch: 0)), to: invoker.tokens[0]) }
    }

    @Test func eachMapIterationWaitsForItsOwnToken() async throws {
        let invoker = TokenRecordingInvoker()
        let harness = EngineHarness(invoker: invoker)
        let engine = harness.engine
        let handle = engine.start(try harness.workflow("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 0,
              "ItemProcessor": {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "ask", "Payload": {"item.$": "$", "token.$": "$$.Task.Token"}},
                "End": true}}}, "End": true}}}
            """), input: ["items": [1, 2, 3]])
        _ = try await invoker.token(3)
        let requests = invoker.requests.withLock { $0 }
        #expect(Set(invoker.tokens).count == 3)
        // Answered in reverse order: each answer reaches its own iteration.
        for request in requests.reversed() {
            let item = request.parameters["Payload"]?["item"] ?? .null
            try engine.callbacks.send(.succeeded(["answered": item]), to: try #require(request.taskToken))
        }
        let report = await handle.report
        #expect(report.output == [["answered": 1], ["answered": 2], ["answered": 3]])
    }

    @Test func textThatIsNotATokenIsInvalidAndAnUnknownTokenDoesNotExist() {
        let registry = CallbackRegistry()
        #expect(throws: CallbackError.invalidToken) { try registry.send(.succeeded(1), to: "not-a-token") }
        let unknown = TaskToken(executionArn: "arn:aws:states:us-east-1:123456789012:execution:M:e", nonce: "n").text
        #expect(TaskToken(text: unknown) == TaskToken(executionArn: "arn:aws:states:us-east-1:123456789012:execution:M:e", nonce: "n"))
        #expect(throws: CallbackError.taskDoesNotExist) { try registry.send(.succeeded(1), to: unknown) }
    }
}

/// Answers the task through the registry before returning, as a fast integration might.
struct AnsweringInvoker: TaskInvoking {
    let registry: CallbackRegistry

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        guard let token = request.taskToken else { return .failure(ExecutionFailure(error: "NoToken")) }
        do {
            try registry.send(.succeeded("early"), to: token)
        } catch {
            return .failure(ExecutionFailure(error: "SendFailed", cause: "\(error)"))
        }
        return .success([:])
    }
}
