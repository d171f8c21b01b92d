import Engine
import JSONValue
import StepFunctions
import StepFunctionsAPI
import Testing

@Suite(.timeLimit(.minutes(2))) struct StepFunctionsManagerTests {
    static let definition = """
        {
          "Comment": "Data processing workflow",
          "StartAt": "ProcessData",
          "States": {
            "ProcessData": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.value, $.value)"}, "Next": "Check"},
            "Check": {"Type": "Choice", "Choices": [{"Variable": "$.doubled", "NumericGreaterThan": 10, "Next": "Big"}], "Default": "Small"},
            "Big": {"Type": "Pass", "Result": "big", "ResultPath": "$.size", "End": true},
            "Small": {"Type": "Fail", "Error": "TooSmall", "Cause": "the value is too small"}
          }
        }
        """

    @Test func theQuickStartRunsOnTheEmbeddedEngine() async throws {
        let manager = StepFunctionsManager()
        let machine = try await manager.createStateMachine(name: "DataProcessingWorkflow", definition: Self.definition)
        #expect(machine.stateMachineArn.description == "arn:aws:states:us-east-1:123456789012:stateMachine:DataProcessingWorkflow")
        let run = try await manager.startExecution(stateMachineArn: machine.stateMachineArn, input: ["value": 21], name: "big")
        let result = try await manager.waitForExecution(run.executionArn)
        #expect(result.status == .succeeded)
        #expect(try JSON.parse(result.output ?? "") == ["doubled": 42, "size": "big"])

        let small = try await manager.startExecution(stateMachineArn: machine.stateMachineArn, input: ["value": 1])
        let failed = try await manager.waitForExecution(small.executionArn)
        #expect(failed.status == .failed)
        #expect(failed.error == "TooSmall")
        #expect(failed.cause == "the value is too small")

        let all = try await manager.listExecutions(stateMachineArn: machine.stateMachineArn)
        #expect(all.count == 2)
        let succeeded = try await manager.listExecutions(stateMachineArn: machine.stateMachineArn, status: .succeeded)
        #expect(succeeded.map(\.name) == ["big"])

        let history = try await manager.getExecutionHistory(run.executionArn)
        #expect(history.first?.type == .executionStarted)
        #expect(history.last?.type == .executionSucceeded)
        #expect(history.count == 8)
    }

    @Test func expressMachinesRunSynchronously() async throws {
        let manager = StepFunctionsManager()
        let definition: JSON = [
            "StartAt": "Echo", "States": ["Echo": ["Type": "Pass", "End": true]],
        ]
        let machine = try await manager.createStateMachine(name: "Echo", definition: definition, type: .express)
        let result = try await manager.startSyncExecution(stateMachineArn: machine.stateMachineArn, input: ["a": [1, 2]])
        #expect(result.status == .succeeded)
        #expect(try JSON.parse(result.output ?? "") == ["a": [1, 2]])
    }

    @Test func describeUpdateListAndDeleteStateMachines() async throws {
        let manager = StepFunctionsManager()
        let first = try await manager.createStateMachine(name: "First", definition: Self.definition)
        _ = try await manager.createStateMachine(name: "Second", definition: Self.definition)
        #expect(try await manager.listStateMachines().map(\.name) == ["First", "Second"])
        let replacement = #"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#
        _ = try await manager.updateStateMachine(first.stateMachineArn, definition: replacement)
        #expect(try await manager.describeStateMachine(first.stateMachineArn).definition == replacement)
        try await manager.deleteStateMachine(first.stateMachineArn)
        #expect(try await manager.listStateMachines().map(\.name) == ["Second"])
    }

    @Test func stopAbortsARunningExecution() async throws {
        let manager = StepFunctionsManager(clock: ManualClock())
        let machine = try await manager.createStateMachine(
            name: "Waits", definition: #"{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}"#)
        let run = try await manager.startExecution(stateMachineArn: machine.stateMachineArn)
        #expect(try await manager.describeExecution(run.executionArn).status == .running)
        try await manager.stopExecution(run.executionArn, error: "Stopped", cause: "by the test")
        let description = try await manager.describeExecution(run.executionArn)
        #expect(description.status == .aborted)
        #expect(description.error == "Stopped")
    }

    @Test func errorsAreAWSsAndTheFacadeWorksOverAnyService() async throws {
        // The same facade over the API's client, through the loopback transport.
        let service = LocalStepFunctionsService()
        let manager = StepFunctionsManager(service: StepFunctionsClient(transport: LoopbackTransport(service: service)))
        do {
            _ = try await manager.createStateMachine(name: "Bad", definition: #"{"StartAt":"X","States":{}}"#)
            Issue.record("an invalid definition was accepted")
        } catch {
            #expect(error.code == .invalidDefinition)
        }
        do {
            _ = try await manager.describeExecution(StateMachineARN(scope: .local, name: "M").execution(named: "none"))
            Issue.record("a missing execution was described")
        } catch {
            #expect(error.code == .executionDoesNotExist)
        }
        let machine = try await manager.createStateMachine(name: "Remote", definition: Self.definition)
        let run = try await manager.startExecution(stateMachineArn: machine.stateMachineArn, input: ["value": 6])
        #expect(try await manager.waitForExecution(run.executionArn, pollInterval: .milliseconds(1)).status == .succeeded)
    }
}
