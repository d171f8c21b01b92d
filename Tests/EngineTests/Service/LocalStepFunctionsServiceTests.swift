import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// The local service through `StepFunctionsClient` over `LoopbackTransport`: every call is
/// encoded, dispatched and decoded exactly as an HTTP client's would be.
@Suite struct LocalStepFunctionsServiceTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"
    static let hello = #"{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":{"greeting":"hi"},"ResultPath":"$.out","End":true}}}"#
    static let waiting = #"{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}"#
    static let failing = #"{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Custom.Error","Cause":"it broke"}}}"#

    let service: LocalStepFunctionsService
    let client: StepFunctionsClient<LoopbackTransport<LocalStepFunctionsService>>

    init(clock: any EngineClock = VirtualClock()) {
        service = LocalStepFunctionsService(clock: clock)
        client = StepFunctionsClient(transport: LoopbackTransport(service: service))
    }

    func create(
        _ name: String, _ definition: String = hello, type: StateMachineType = .standard
    ) async throws -> StateMachineARN {
        try await client.createStateMachine(
            CreateStateMachineInput(name: name, definition: definition, roleArn: Self.role, type: type)
        ).stateMachineArn
    }

    func finished(_ arn: ExecutionARN) async throws -> DescribeExecutionOutput {
        for _ in 0..<10_000 {
            let description = try await client.describeExecution(DescribeExecutionInput(executionArn: arn))
            if description.status != .running { return description }
            await Task.yield()
        }
        Issue.record("execution \(arn) did not finish")
        return try await client.describeExecution(DescribeExecutionInput(executionArn: arn))
    }

    @Test func createStartDescribeUntilDoneAndHistory() async throws {
        let machine = try await create("Hello")
        #expect(machine.description == "arn:aws:states:us-east-1:123456789012:stateMachine:Hello")
        let started = try await client.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "first", input: #"{"n":1}"#))
        #expect(started.executionArn.description == "arn:aws:states:us-east-1:123456789012:execution:Hello:first")
        let done = try await finished(started.executionArn)
        #expect(done.status == .succeeded)
        #expect(done.name == "first")
        #expect(done.stateMachineArn == machine)
        #expect(done.input == #"{"n":1}"#)
        #expect(try JSON.parse(done.output ?? "") == ["n": 1, "out": ["greeting": "hi"]])
        #expect(done.stopDate != nil)
        #expect(done.redriveCount == 0)

        let history = try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: started.executionArn))
        #expect(history.events.map(\.type.rawValue) == [
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
        ])
        #expect(history.events.map(\.id) == [1, 2, 3, 4])
        #expect(history.events.map(\.previousEventId) == [0, 0, 2, 3])
        #expect(history.events[0].executionStartedEventDetails?.input == #"{"n":1}"#)
        #expect(history.events[0].executionStartedEventDetails?.roleArn == Self.role)
        #expect(history.events[1].stateEnteredEventDetails?.name == "Hello")
        #expect(history.events[3].executionSucceededEventDetails?.output == done.output)

        let reversed = try await client.getExecutionHistory(
            GetExecutionHistoryInput(executionArn: started.executionArn, reverseOrder: true, includeExecutionData: false))
        #expect(reversed.events.map(\.id) == [4, 3, 2, 1])
        #expect(reversed.events[0].executionSucceededEventDetails?.output == nil)
        #expect(reversed.events[3].executionStartedEventDetails?.roleArn == Self.role)

        let forExecution = try await client.describeStateMachineForExecution(
            DescribeStateMachineForExecutionInput(executionArn: started.executionArn))
        #expect(forExecution.definition == Self.hello)
    }

    @Test func aFailedExecutionReportsErrorAndCause() async throws {
        let machine = try await create("Failing", Self.failing)
        let started = try await client.startExecution(StartExecutionInput(stateMachineArn: machine))
        let done = try await finished(started.executionArn)
        #expect(done.status == .failed)
        #expect(done.error == "Custom.Error")
        #expect(done.cause == "it broke")
        #expect(done.output == nil)
        // A generated name is a UUID.
        #expect(started.executionArn.name.count == 36)
    }

    @Test func syncExpressReturnsOutputAndBilling() async throws {
        let machine = try await create("Quick", type: .express)
        let result = try await client.startSyncExecution(
            StartSyncExecutionInput(stateMachineArn: machine, name: "sync", input: #"{"a":true}"#))
        #expect(result.status == .succeeded)
        #expect(try JSON.parse(result.output ?? "") == ["a": true, "out": ["greeting": "hi"]])
        #expect(result.executionArn.isExpress)
        #expect(result.executionArn.description.hasPrefix("arn:aws:states:us-east-1:123456789012:express:Quick:sync:"))
        #expect(result.billingDetails?.billedMemoryUsedInMB == 64)
        #expect((result.billingDetails?.billedDurationInMilliseconds ?? 0) >= 100)

        let failing = try await create("QuickFail", Self.failing, type: .express)
        let failed = try await client.startSyncExecution(StartSyncExecutionInput(stateMachineArn: failing))
        #expect(failed.status == .failed)
        #expect(failed.error == "Custom.Error")
        #expect(failed.cause == "it broke")

        let standard = try await create("Slow")
        await expectError(.stateMachineTypeNotSupported) {
            _ = try await client.startSyncExecution(StartSyncExecutionInput(stateMachineArn: standard))
        }
    }

    @Test func errorsAreAWSs() async throws {
        let missing = StateMachineARN(scope: .local, name: "Nope")
        let error = await expectError(.stateMachineDoesNotExist) {
            _ = try await client.startExecution(StartExecutionInput(stateMachineArn: missing))
        }
        #expect(error?.message == "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope'")

        let invalid = await expectError(.invalidDefinition) {
            _ = try await create("Bad", #"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}"#)
        }
        let message = invalid?.message ?? ""
        #expect(message.hasPrefix("Invalid State Machine Definition: '"))
        #expect(message.contains(#"MISSING_TRANSITION_TARGET: "Next" names state "B", which does not exist"#), "\(message)")
        #expect(message.contains("at /States/A/Next"))

        let notJSON = await expectError(.invalidDefinition) { _ = try await create("Bad", "{") }
        #expect(notJSON?.message.contains("INVALID_JSON_DESCRIPTION") == true)

        await expectError(.invalidName) { _ = try await create("has space") }
        await expectError(.invalidArn) {
            _ = try await client.createStateMachine(
                CreateStateMachineInput(name: "X", definition: Self.hello, roleArn: "not-a-role"))
        }

        let machine = try await create("Hello")
        _ = try await client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "once", input: "{}"))
        await expectError(.executionAlreadyExists) {
            _ = try await client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "once", input: #"{"x":1}"#))
        }
        await expectError(.invalidName) {
            _ = try await client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "a/b"))
        }
        await expectError(.invalidExecutionInput) {
            _ = try await client.startExecution(StartExecutionInput(stateMachineArn: machine, input: "{nope"))
        }
        await expectError(.executionDoesNotExist) {
            _ = try await client.describeExecution(DescribeExecutionInput(executionArn: machine.execution(named: "never")))
        }
        await expectError(.activityDoesNotExist) {
            _ = try await client.describeActivity(DescribeActivityInput(activityArn: ActivityARN(scope: .local, name: "worker")))
        }
    }

    @Test func anInvalidArnIsRejectedOnTheWire() async throws {
        let body = Array(#"{"stateMachineArn":"arn:aws:states:us-east-1:1234:stateMachine:X"}"#.utf8)
        let response = try await client.transport.send(
            StepFunctionsTransportRequest(action: .describeStateMachine, body: body))
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self).contains("InvalidArn"))
    }

    @Test func theSameNameAndInputWhileRunningIsIdempotent() async throws {
        let manual = ManualClock()
        let test = LocalStepFunctionsServiceTests(clock: manual)
        let machine = try await test.create("Waiting", Self.waiting)
        let first = try await test.client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "w", input: "{}"))
        let again = try await test.client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "w", input: "{}"))
        #expect(first.executionArn == again.executionArn)
        #expect(first.startDate == again.startDate)
        let stopped = try await test.client.stopExecution(
            StopExecutionInput(executionArn: first.executionArn, error: "Operator", cause: "no longer needed"))
        let description = try await test.client.describeExecution(DescribeExecutionInput(executionArn: first.executionArn))
        #expect(description.status == .aborted)
        #expect(description.error == "Operator")
        #expect(description.cause == "no longer needed")
        #expect(description.stopDate == stopped.stopDate)
        let history = try await test.client.getExecutionHistory(GetExecutionHistoryInput(executionArn: first.executionArn))
        #expect(history.events.last?.type == .executionAborted)
        #expect(history.events.last?.executionAbortedEventDetails?.error == "Operator")

        // Stopped without a reason: no error, no cause.
        let second = try await test.client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "w2"))
        _ = try await test.client.stopExecution(StopExecutionInput(executionArn: second.executionArn))
        let plain = try await test.client.describeExecution(DescribeExecutionInput(executionArn: second.executionArn))
        #expect(plain.status == .aborted)
        #expect(plain.error == nil)
        #expect(plain.cause == nil)
        let events = try await test.client.getExecutionHistory(GetExecutionHistoryInput(executionArn: second.executionArn))
        #expect(events.events.last?.executionAbortedEventDetails == ExecutionAbortedEventDetails())
    }

    @Test func listsPageThroughStateMachinesExecutionsAndHistory() async throws {
        for index in 0..<5 { _ = try await create("M\(index)") }
        let first = try await client.listStateMachines(ListStateMachinesInput(maxResults: 2))
        #expect(first.stateMachines.map(\.name) == ["M0", "M1"])
        let second = try await client.listStateMachines(ListStateMachinesInput(maxResults: 2, nextToken: first.nextToken))
        #expect(second.stateMachines.map(\.name) == ["M2", "M3"])
        let last = try await client.listStateMachines(ListStateMachinesInput(maxResults: 2, nextToken: second.nextToken))
        #expect(last.stateMachines.map(\.name) == ["M4"])
        #expect(last.nextToken == nil)
        await expectError(.invalidToken) {
            _ = try await client.listStateMachines(ListStateMachinesInput(nextToken: "bogus"))
        }

        let machine = StateMachineARN(scope: .local, name: "M0")
        let failing = try await create("F", Self.failing)
        for index in 0..<3 {
            let run = try await client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "e\(index)"))
            _ = try await finished(run.executionArn)
        }
        _ = try await finished(try await client.startExecution(StartExecutionInput(stateMachineArn: failing)).executionArn)
        let page = try await client.listExecutions(ListExecutionsInput(stateMachineArn: machine, maxResults: 2))
        #expect(page.executions.map(\.name) == ["e2", "e1"], "newest first")
        let rest = try await client.listExecutions(
            ListExecutionsInput(stateMachineArn: machine, maxResults: 2, nextToken: page.nextToken))
        #expect(rest.executions.map(\.name) == ["e0"])
        let failed = try await client.listExecutions(ListExecutionsInput(stateMachineArn: failing, statusFilter: .failed))
        #expect(failed.executions.count == 1)
        let succeeded = try await client.listExecutions(ListExecutionsInput(stateMachineArn: failing, statusFilter: .succeeded))
        #expect(succeeded.executions.isEmpty)

        let arn = machine.execution(named: "e0")
        let head = try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn, maxResults: 3))
        #expect(head.events.map(\.id) == [1, 2, 3])
        let tail = try await client.getExecutionHistory(
            GetExecutionHistoryInput(executionArn: arn, maxResults: 3, nextToken: head.nextToken))
        #expect(tail.events.map(\.id) == [4])
        #expect(tail.nextToken == nil)
    }

    @Test func updateDescribeDeleteAndTags() async throws {
        let machine = try await create("Hello")
        let before = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: machine))
        #expect(before.definition == Self.hello)
        #expect(before.status == .active)
        #expect(before.type == .standard)
        _ = try await client.updateStateMachine(UpdateStateMachineInput(stateMachineArn: machine, definition: Self.failing))
        let after = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: machine))
        #expect(after.definition == Self.failing)
        #expect(after.revisionId != before.revisionId)
        await expectError(.missingRequiredParameter) {
            _ = try await client.updateStateMachine(UpdateStateMachineInput(stateMachineArn: machine))
        }

        let resource = StepFunctionsARN.stateMachine(machine)
        _ = try await client.tagResource(TagResourceInput(resourceArn: resource, tags: [Tag(key: "team", value: "data"), Tag(key: "env", value: "dev")]))
        _ = try await client.tagResource(TagResourceInput(resourceArn: resource, tags: [Tag(key: "env", value: "prod")]))
        _ = try await client.untagResource(UntagResourceInput(resourceArn: resource, tagKeys: ["team"]))
        let tags = try await client.listTagsForResource(ListTagsForResourceInput(resourceArn: resource))
        #expect(tags.tags == [Tag(key: "env", value: "prod")])

        _ = try await client.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: machine))
        await expectError(.stateMachineDoesNotExist) {
            _ = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: machine))
        }
        await expectError(.resourceNotFound) {
            _ = try await client.listTagsForResource(ListTagsForResourceInput(resourceArn: resource))
        }
    }

    @Test func validateStateMachineDefinitionAnswersFromTheValidator() async throws {
        let ok = try await client.validateStateMachineDefinition(ValidateStateMachineDefinitionInput(definition: Self.hello))
        #expect(ok.result == .ok)
        #expect(ok.diagnostics.isEmpty)
        let bad = try await client.validateStateMachineDefinition(
            ValidateStateMachineDefinitionInput(definition: #"{"StartAt":"Nope","States":{"A":{"Type":"Succeed"}}}"#))
        #expect(bad.result == .fail)
        #expect(bad.diagnostics.contains { $0.code == "MISSING_TRANSITION_TARGET" && $0.severity == .error && $0.location == "/StartAt" })
    }
}
