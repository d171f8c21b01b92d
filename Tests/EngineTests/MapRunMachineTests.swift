import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// DescribeStateMachine of a Map Run's labelled machine (`…:stateMachine:<name>/<label>`)
/// and DescribeStateMachineForExecution of a child execution: the item processor as a
/// machine of its own, with the label and, for the child, the Map Run's ARN.
@Suite struct MapRunMachineTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"

    func finishedRun(_ definition: String) async throws -> (LocalStepFunctionsService, MapRunARN, ExecutionARN) {
        let service = LocalStepFunctionsService()
        let machine = try await service.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: definition, roleArn: Self.role)).stateMachineArn
        let parent = try await service.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "p", input: #"{"items": [1, 2]}"#)).executionArn
        #expect(try await service.waitForExecution(parent).status == .succeeded)
        let mapRun = try #require(try await service.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns.first)
        let child = try #require(try await service.listExecutions(ListExecutionsInput(mapRunArn: mapRun.mapRunArn)).executions.first)
        return (service, mapRun.mapRunArn, child.executionArn)
    }

    @Test func theLabelledMachineIsTheItemProcessor() async throws {
        let (service, mapRun, child) = try await finishedRun(MapRunTests.machine(MapRunTests.pass, executionType: "EXPRESS"))
        let described = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: mapRun.stateMachine))
        #expect(described.stateMachineArn.description == "arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Fanout")
        #expect(described.label == "Fanout")
        #expect(described.type == .express)
        #expect(described.roleArn == Self.role)
        #expect(try JSON.parse(described.definition) == ["StartAt": "Work", "States": ["Work": ["Type": "Pass", "End": true]]])

        let forChild = try await service.describeStateMachineForExecution(
            DescribeStateMachineForExecutionInput(executionArn: child))
        #expect(forChild.stateMachineArn == mapRun.stateMachine)
        #expect(forChild.mapRunArn == mapRun)
        #expect(forChild.label == "Fanout")
        #expect(forChild.definition == described.definition)
    }

    @Test func aGeneratedLabelFindsTheOnlyUnlabelledDistributedMap() async throws {
        let (service, mapRun, _) = try await finishedRun(MapRunTests.machine(MapRunTests.pass, label: nil))
        let described = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: mapRun.stateMachine))
        #expect(described.label == mapRun.label)
        #expect(described.type == .standard)
        #expect(try JSON.parse(described.definition)["StartAt"] == "Work")
    }

    @Test func aLabelNoRunUsedIsNotAStateMachine() async throws {
        let (service, _, _) = try await finishedRun(MapRunTests.machine(MapRunTests.pass))
        let unknown = try StateMachineARN(parsing: "arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Other")
        await #expect(throws: StepFunctionsError.self) {
            _ = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: unknown))
        }
    }
}
