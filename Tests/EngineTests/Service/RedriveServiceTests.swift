import Engine
import JSONValue
import StepFunctionsAPI
import Synchronization
import Testing

/// RedriveExecution on the in-memory service, through `StepFunctionsClient` over
/// `LoopbackTransport`: what runs again, what the history and DescribeExecution say, and
/// the executions AWS refuses to redrive.
@Suite struct RedriveServiceTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"
    /// A Pass whose result the Task needs, then the Task that fails the first time.
    static let flaky = #"""
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": {"ready": true}, "ResultPath": "$.prepared", "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}}}
        """#
    static let alwaysFails = #"{"StartAt":"Setup","States":{"Setup":{"Type":"Pass","Next":"Boom"},"Boom":{"Type":"Fail","Error":"Broken","Cause":"always"}}}"#
    static let hello = #"{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","End":true}}}"#

    let invoker = FailingOnceInvoker()
    let service: LocalStepFunctionsService
    let client: StepFunctionsClient<LoopbackTransport<LocalStepFunctionsService>>

    init() {
        service = LocalStepFunctionsService(invoker: invoker)
        client = StepFunctionsClient(transport: LoopbackTransport(service: service))
    }

    func start(
        _ name: String, _ definition: String, type: StateMachineType = .standard, execution: String = "run"
    ) async throws -> ExecutionARN {
        let machine = StateMachineARN(scope: .local, name: name)
        if try await client.listStateMachines(ListStateMachinesInput()).stateMachines.allSatisfy({ $0.name != name }) {
            _ = try await client.createStateMachine(
                CreateStateMachineInput(name: name, definition: definition, roleArn: Self.role, type: type))
        }
        return try await client.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: execution, input: #"{"n":1}"#)
        ).executionArn
    }

    func history(_ arn: ExecutionARN) async throws -> [StepFunctionsAPI.HistoryEvent] {
        try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
    }

    func refusal(_ arn: ExecutionARN) async -> StepFunctionsError? {
        do {
            _ = try await client.redriveExecution(RedriveExecutionInput(executionArn: arn))
            Issue.record("expected the redrive of \(arn) to be refused")
            return nil
        } catch let error as StepFunctionsError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func redriveRunsTheFailedTaskAgainAndKeepsTheHistory() async throws {
        let arn = try await start("Flaky", Self.flaky)
        let failed = try await service.waitForExecution(arn)
        #expect(failed.status == .failed)
        #expect(failed.error == "Flaky.Error")
        #expect(failed.redriveStatus == .redrivable)
        #expect(failed.redriveStatusReason == nil)
        let before = try await history(arn)

        let redriven = try await client.redriveExecution(RedriveExecutionInput(executionArn: arn))
        let done = try await service.waitForExecution(arn)
        #expect(done.status == .succeeded)
        #expect(done.redriveCount == 1)
        #expect(done.redriveDate == redriven.redriveDate)
        #expect(done.redriveStatus == .notRedrivable)
        #expect(done.redriveStatusReason == "Execution is SUCCEEDED and cannot be redriven.")
        // The Pass result from before the failure reached the Task run again.
        let output = try JSON.parse(try #require(done.output))
        #expect(output == (try JSON.parse(#"{"n":1,"prepared":{"ready":true}}"#)))
        #expect(invoker.calls.withLock { $0 } == 2)

        let after = try await history(arn)
        // The events up to the failure stay as they were; ids go on without a gap.
        #expect(Array(after.prefix(before.count)) == before)
        #expect(after.enumerated().allSatisfy { $0.offset + 1 == Int($0.element.id) })
        let redriveEvent = after[before.count]
        #expect(redriveEvent.type == .executionRedriven)
        #expect(redriveEvent.executionRedrivenEventDetails?.redriveCount == 1)
        #expect(redriveEvent.previousEventId == Int64(before.count))
        let reentered = after[before.count + 1]
        #expect(reentered.type == .taskStateEntered)
        #expect(reentered.stateEnteredEventDetails?.name == "Work")
        #expect(reentered.previousEventId == redriveEvent.id)
        // Prepare ran once: it succeeded before the failure.
        #expect(after.filter { $0.type == .passStateEntered && $0.stateEnteredEventDetails?.name == "Prepare" }.count == 1)
        #expect(after.last?.type == .executionSucceeded)
    }

    @Test func everyRedriveIsCountedAndFiltered() async throws {
        let arn = try await start("Broken", Self.alwaysFails)
        let other = try await start("Broken", Self.alwaysFails, execution: "other")
        _ = try await service.waitForExecution(arn)
        _ = try await service.waitForExecution(other)
        for expected in 1...2 {
            _ = try await client.redriveExecution(RedriveExecutionInput(executionArn: arn))
            let described = try await service.waitForExecution(arn)
            #expect(described.status == .failed)
            #expect(described.redriveCount == expected)
            #expect(described.redriveStatus == .redrivable)
        }
        let events = try await history(arn)
        #expect(events.compactMap { $0.executionRedrivenEventDetails?.redriveCount } == [1, 2])
        #expect(events.filter { $0.type == .passStateEntered }.count == 1)
        #expect(events.filter { $0.type == .failStateEntered }.count == 3)

        let machine = StateMachineARN(scope: .local, name: "Broken")
        let redriven = try await client.listExecutions(ListExecutionsInput(stateMachineArn: machine, redriveFilter: .redriven))
        #expect(redriven.executions.map(\.executionArn) == [arn])
        #expect(redriven.executions.first?.redriveCount == 2)
        #expect(redriven.executions.first?.redriveDate != nil)
        let notRedriven = try await client.listExecutions(
            ListExecutionsInput(stateMachineArn: machine, redriveFilter: .notRedriven))
        #expect(notRedriven.executions.map(\.executionArn) == [other])
        #expect(notRedriven.executions.first?.redriveCount == 0)
    }

    @Test func aClientTokenAnswersAgainWithTheSameRedrive() async throws {
        let arn = try await start("Token", Self.alwaysFails)
        _ = try await service.waitForExecution(arn)
        let first = try await client.redriveExecution(RedriveExecutionInput(executionArn: arn, clientToken: "once"))
        _ = try await service.waitForExecution(arn)
        let again = try await client.redriveExecution(RedriveExecutionInput(executionArn: arn, clientToken: "once"))
        #expect(again.redriveDate == first.redriveDate)
        #expect(try await service.waitForExecution(arn).redriveCount == 1)
    }

    @Test func succeededExpressAndMissingExecutionsAreRefused() async throws {
        let succeeded = try await start("Fine", Self.hello)
        _ = try await service.waitForExecution(succeeded)
        let error = await refusal(succeeded)
        #expect(error?.code == .executionNotRedrivable)
        #expect(error?.message == "Execution is SUCCEEDED and cannot be redriven.")

        let express = try await start("Quick", Self.alwaysFails, type: .express)
        _ = try await service.waitForExecution(express)
        #expect(await refusal(express)?.code == .executionNotRedrivable)

        let missing = try ExecutionARN(parsing: "arn:aws:states:us-east-1:123456789012:execution:Fine:nobody")
        #expect(await refusal(missing)?.code == .executionDoesNotExist)
    }

    @Test func anExecutionOfADeletedMachineIsRefused() async throws {
        let arn = try await start("Gone", Self.alwaysFails)
        _ = try await service.waitForExecution(arn)
        _ = try await client.deleteStateMachine(
            DeleteStateMachineInput(stateMachineArn: StateMachineARN(scope: .local, name: "Gone")))
        let described = try await client.describeExecution(DescribeExecutionInput(executionArn: arn))
        #expect(described.redriveStatus == .notRedrivable)
        #expect(described.redriveStatusReason == "State machine is in DELETING status.")
        let error = await refusal(arn)
        #expect(error?.code == .executionNotRedrivable)
        #expect(error?.message == "State machine is in DELETING status.")
    }

    @Test func aRunningExecutionIsRefused() async throws {
        let clock = ManualClock()
        let service = LocalStepFunctionsService(clock: clock)
        let client = StepFunctionsClient(transport: LoopbackTransport(service: service))
        let machine = try await client.createStateMachine(CreateStateMachineInput(
            name: "Waiting", definition: #"{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":60,"End":true}}}"#,
            roleArn: Self.role)
        ).stateMachineArn
        let arn = try await client.startExecution(StartExecutionInput(stateMachineArn: machine)).executionArn
        let described = try await client.describeExecution(DescribeExecutionInput(executionArn: arn))
        #expect(described.redriveStatus == .notRedrivable)
        #expect(described.redriveStatusReason == "Execution is RUNNING and cannot be redriven.")
        do {
            _ = try await client.redriveExecution(RedriveExecutionInput(executionArn: arn))
            Issue.record("a running execution was redriven")
        } catch let error as StepFunctionsError {
            #expect(error.code == .executionNotRedrivable)
            #expect(error.message == "Execution is RUNNING and cannot be redriven.")
        }
        _ = try await client.stopExecution(StopExecutionInput(executionArn: arn))
    }
}

/// Fails the first call of each state with `Flaky.Error`, then answers with the input.
final class FailingOnceInvoker: TaskInvoking {
    let calls = Mutex(0)
    let failed = Mutex(Set<String>())

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        calls.withLock { $0 += 1 }
        let first = failed.withLock { $0.insert(request.stateName).inserted }
        if first { return .failure(ExecutionFailure(error: "Flaky.Error", cause: "the first call fails")) }
        return .success(request.parameters)
    }
}
