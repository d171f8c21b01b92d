import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// DescribeMapRun, ListMapRuns, UpdateMapRun, ListExecutions by `mapRunArn` and a child's
/// DescribeExecution and GetExecutionHistory, through `StepFunctionsClient` as an SDK calls them.
@Suite struct MapRunServiceTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"

    let clock = ManualClock()
    let service: LocalStepFunctionsService
    let client: StepFunctionsClient<LoopbackTransport<LocalStepFunctionsService>>

    init() {
        service = LocalStepFunctionsService(clock: clock)
        client = StepFunctionsClient(transport: LoopbackTransport(service: service))
    }

    /// Starts a distributed Map whose children wait 10 s, at most two at a time, one failure tolerated.
    func startWaitingRun(items: String) async throws -> (ExecutionARN, MapRunARN) {
        let definition = MapRunTests.machine(
            #"{"Type": "Wait", "Seconds": 10, "Next": "Check"}, "Check": \#(MapRunTests.failOnFlag)"#,
            extra: #""MaxConcurrency": 2, "ToleratedFailureCount": 1,"#)
        let machine = try await client.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: definition, roleArn: Self.role)
        ).stateMachineArn
        let execution = try await client.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "run-1", input: items)).executionArn
        try await MapRunWait.until { clock.sleeperCount == 2 }
        let runs = try await client.listMapRuns(ListMapRunsInput(executionArn: execution)).mapRuns
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.executionArn == execution)
        #expect(run.stateMachineArn.description == "arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Fanout")
        return (execution, run.mapRunArn)
    }

    @Test func describeMapRunCountsItemsAndExecutionsAsTheyRun() async throws {
        let (execution, mapRun) = try await startWaitingRun(
            items: #"{"items": [{"fail": false}, {"fail": true}, {"fail": false}]}"#)
        var described = try await client.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(described.status == .running)
        #expect(described.executionArn == execution)
        #expect(described.maxConcurrency == 2)
        #expect(described.toleratedFailureCount == 1)
        #expect(described.toleratedFailurePercentage == 0)
        #expect(described.itemCounts.running == 2)
        #expect(described.itemCounts.pending == 1)
        #expect(described.itemCounts.total == 3)
        #expect(described.executionCounts.total == 3)

        clock.advance(bySeconds: 10)
        try await MapRunWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 10)
        let done = try await service.waitForExecution(execution)
        #expect(done.status == .succeeded)
        #expect(done.output == #"[{"fail":false},{"fail":false}]"#)
        described = try await client.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(described.status == .succeeded)
        #expect(described.stopDate != nil)
        #expect(described.itemCounts.succeeded == 2)
        #expect(described.itemCounts.failed == 1)
        #expect(described.executionCounts.pending == 0)
        #expect(described.executionCounts.running == 0)

        let history = try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: execution)).events
        let started = try #require(history.first { $0.type == .mapRunStarted })
        #expect(started.mapRunStartedEventDetails?.mapRunArn == mapRun)
    }

    @Test func childExecutionsAreListedDescribedAndHaveHistories() async throws {
        let (execution, mapRun) = try await startWaitingRun(items: #"{"items": [{"fail": false}, {"fail": true}]}"#)
        clock.advance(bySeconds: 10)
        #expect(try await service.waitForExecution(execution).status == .succeeded)
        let children = try await client.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(children.count == 2)
        #expect(children.allSatisfy { $0.mapRunArn == mapRun && $0.stateMachineArn == mapRun.stateMachine })
        let failed = try await client.listExecutions(ListExecutionsInput(statusFilter: .failed, mapRunArn: mapRun)).executions
        #expect(failed.count == 1)

        let child = try #require(failed.first)
        #expect(child.executionArn.mapRunLabel == "Fanout")
        let described = try await client.describeExecution(DescribeExecutionInput(executionArn: child.executionArn))
        #expect(described.mapRunArn == mapRun)
        #expect(described.status == .failed)
        #expect(described.error == "Item.Bad")
        #expect(described.input == #"{"fail":true}"#)
        let events = try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: child.executionArn)).events
        #expect(events.first?.type == .executionStarted)
        #expect(events.last?.type == .executionFailed)
    }

    @Test func updateMapRunChangesTheRunAndChecksItsInput() async throws {
        let (execution, mapRun) = try await startWaitingRun(
            items: #"{"items": [{"fail": false}, {"fail": false}, {"fail": false}, {"fail": false}]}"#)
        _ = try await client.updateMapRun(UpdateMapRunInput(mapRunArn: mapRun, maxConcurrency: 3, toleratedFailurePercentage: 25))
        let described = try await client.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(described.maxConcurrency == 3)
        #expect(described.toleratedFailurePercentage == 25)
        // The raised limit starts a third child at once, before any child ends.
        try await MapRunWait.until { clock.sleeperCount == 3 }
        _ = try await client.updateMapRun(UpdateMapRunInput(mapRunArn: mapRun, maxConcurrency: 1))
        clock.advance(bySeconds: 10)
        try await MapRunWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 10)
        #expect(try await service.waitForExecution(execution).status == .succeeded)

        let invalid = await capture { _ = try await client.updateMapRun(UpdateMapRunInput(mapRunArn: mapRun, toleratedFailurePercentage: 101)) }
        #expect(invalid?.code == .validationException)
        let unknown = try MapRunARN(parsing: "arn:aws:states:us-east-1:123456789012:mapRun:Orders/Fanout:nope")
        let missing = await capture { _ = try await client.describeMapRun(DescribeMapRunInput(mapRunArn: unknown)) }
        #expect(missing?.code == .resourceNotFound)
        let missingUpdate = await capture { _ = try await client.updateMapRun(UpdateMapRunInput(mapRunArn: unknown, maxConcurrency: 1)) }
        #expect(missingUpdate?.code == .resourceNotFound)
    }

    func capture(_ body: () async throws -> Void) async -> StepFunctionsError? {
        do {
            try await body()
            Issue.record("expected an error")
            return nil
        } catch let error as StepFunctionsError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}
