import Engine
import JSONValue
import StepFunctionsAPI
import Synchronization
import Testing

/// RedriveExecution of a parent whose distributed Map failed redrives its Map Run, as AWS
/// does: the same Map Run, a MapRunRedriven event, its redrive count and date, and only
/// the unsuccessful children run again — Standard ones under their ARN, Express ones anew.
@Suite struct MapRunRedriveTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"

    /// One item at a time, so that the first failure leaves the later items unstarted.
    static func definition(executionType: String) -> String {
        MapRunTests.machine(
            #"{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}"#,
            extra: #""MaxConcurrency": 1,"#, executionType: executionType)
    }

    func failedParent(_ executionType: String, invoker: FlakyItemInvoker) async throws
        -> (LocalStepFunctionsService, ExecutionARN, MapRunARN)
    {
        let service = LocalStepFunctionsService(invoker: invoker)
        let machine = try await service.createStateMachine(CreateStateMachineInput(
            name: "Orders", definition: Self.definition(executionType: executionType), roleArn: Self.role)).stateMachineArn
        let parent = try await service.startExecution(StartExecutionInput(
            stateMachineArn: machine, name: "p", input: #"{"items": [{"id": 0}, {"id": 1}, {"id": 2}]}"#)).executionArn
        let failed = try await service.waitForExecution(parent)
        #expect(failed.status == .failed)
        #expect(failed.error == "States.ExceedToleratedFailureThreshold")
        let mapRun = try #require(try await service.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns.first)
        return (service, parent, mapRun.mapRunArn)
    }

    @Test func standardChildrenAreRedrivenUnderTheirArns() async throws {
        let invoker = FlakyItemInvoker(failingOnce: [1])
        let (service, parent, mapRun) = try await failedParent("STANDARD", invoker: invoker)
        let before = try await service.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(before.status == .failed)
        #expect(before.redriveCount == 0)
        #expect(before.executionCounts.failed == 1)
        #expect(before.executionCounts.aborted == 1, "the item never started counts as aborted")
        let failedChild = try #require(
            try await service.listExecutions(ListExecutionsInput(statusFilter: .failed, mapRunArn: mapRun)).executions.first)

        _ = try await service.redriveExecution(RedriveExecutionInput(executionArn: parent))
        let done = try await service.waitForExecution(parent)

        #expect(done.status == .succeeded)
        #expect(done.output == #"[{"id":0},{"id":1},{"id":2}]"#)
        #expect(invoker.counts == [0: 1, 1: 2, 2: 1], "the child that succeeded ran once")
        let after = try await service.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(after.status == .succeeded)
        #expect(after.redriveCount == 1)
        #expect(after.redriveDate != nil)
        #expect(after.executionCounts.succeeded == 3)
        #expect(after.executionCounts.failed == 0)
        let child = try await service.describeExecution(DescribeExecutionInput(executionArn: failedChild.executionArn))
        #expect(child.status == .succeeded)
        #expect(child.redriveCount == 1)
        let childEvents = try await service.getExecutionHistory(
            GetExecutionHistoryInput(executionArn: failedChild.executionArn)).events.map(\.type.rawValue)
        #expect(childEvents.filter { $0 == "ExecutionRedriven" }.count == 1)
        #expect(childEvents.filter { $0 == "ExecutionStarted" }.count == 1)

        let events = try await service.getExecutionHistory(GetExecutionHistoryInput(executionArn: parent)).events
        #expect(events.map(\.id) == Array(1...Int64(events.count)))
        let types = events.map(\.type.rawValue)
        let redrive = try #require(types.firstIndex(of: "ExecutionRedriven"))
        #expect(Array(types[redrive...]) == [
            "ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunSucceeded",
            "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded",
        ])
        let redriven = try #require(events.first { $0.type == .mapRunRedriven })
        #expect(redriven.mapRunRedrivenEventDetails == MapRunRedrivenEventDetails(mapRunArn: mapRun, redriveCount: 1))
    }

    @Test func expressChildrenThatFailedStartAnew() async throws {
        let invoker = FlakyItemInvoker(failingOnce: [1])
        let (service, parent, mapRun) = try await failedParent("EXPRESS", invoker: invoker)
        let first = try await service.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(first.count == 2)

        _ = try await service.redriveExecution(RedriveExecutionInput(executionArn: parent))
        let done = try await service.waitForExecution(parent)

        #expect(done.status == .succeeded)
        #expect(invoker.counts == [0: 1, 1: 2, 2: 1])
        let children = try await service.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(children.count == 3)
        #expect(children.allSatisfy { $0.status == .succeeded })
        let failedArn = try #require(first.first { $0.status == .failed }).executionArn
        #expect(!children.map(\.executionArn).contains(failedArn), "the failed Express child was replaced by a new one")
        #expect(try await service.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun)).redriveCount == 1)
    }

    @Test func aMapStateCaughtAndEnteredAgainStartsANewMapRun() async throws {
        let invoker = FlakyItemInvoker(failingOnce: [1])
        let definition = """
            {"StartAt": "Fanout", "States": {"Fanout": {"Type": "Map", "Label": "Fanout", "ItemsPath": "$.items",
              "MaxConcurrency": 1,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Work", "States": {"Work": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}}},
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "Fanout"}],
              "End": true}}}
            """
        let service = LocalStepFunctionsService(invoker: invoker)
        let machine = try await service.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: definition, roleArn: Self.role)).stateMachineArn
        let parent = try await service.startExecution(StartExecutionInput(
            stateMachineArn: machine, name: "p", input: #"{"items": [{"id": 0}, {"id": 1}]}"#)).executionArn
        let done = try await service.waitForExecution(parent)

        #expect(done.status == .succeeded)
        let runs = try await service.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns
        #expect(runs.count == 2)
        for run in runs {
            #expect(try await service.describeMapRun(DescribeMapRunInput(mapRunArn: run.mapRunArn)).redriveCount == 0)
        }
    }
}

/// Counts calls per item `id`; fails each item in `failingOnce` on its first call.
final class FlakyItemInvoker: TaskInvoking {
    private let calls = Mutex<[Int: Int]>([:])
    let failingOnce: Set<Int>

    init(failingOnce: Set<Int>) { self.failingOnce = failingOnce }

    var counts: [Int: Int] { calls.withLock { $0 } }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        guard case .number(let number)? = request.parameters["id"], let id = number.int64Value.map(Int.init) else {
            return .failure(ExecutionFailure(error: "NoId", cause: "the item has no id"))
        }
        let count = calls.withLock { calls in
            calls[id, default: 0] += 1
            return calls[id] ?? 0
        }
        if failingOnce.contains(id), count == 1 { return .failure(ExecutionFailure(error: "Boom", cause: "first call")) }
        return .success(request.parameters)
    }
}
