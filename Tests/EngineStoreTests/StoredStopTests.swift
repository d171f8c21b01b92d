import Engine
import EngineStore
import StepFunctionsAPI
import Testing

/// StopExecution through a durable service that does not resume executions (as `sfn plan`
/// opens the local engine): the execution it only knows from the store is aborted there, and
/// the next service that resumes finds it ended.
@Suite(.timeLimit(.minutes(2))) struct StoredStopTests {
    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    func open(clock: any EngineClock, resume: Bool) async throws -> LocalStepFunctionsService {
        try await LocalEngineDatabase.open(
            path: harness.databasePath, options: .init(clock: clock, seed: 3, resumeExecutions: resume))
    }

    @Test func anExecutionLeftRunningIsAbortedInTheStore() async throws {
        defer { harness.remove() }
        let clock = ManualClock()
        let first = try await open(clock: clock, resume: true)
        let machine = try await first.createStateMachine(CreateStateMachineInput(
            name: "Nap", definition: LocalEngineDatabaseTests.napThenDone, roleArn: LocalEngineDatabaseTests.role)
        ).stateMachineArn
        let run = try await first.startExecution(StartExecutionInput(stateMachineArn: machine, name: "nap"))
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        await first.close()

        let reader = try await open(clock: clock, resume: false)
        _ = try await reader.stopExecution(StopExecutionInput(executionArn: run.executionArn, error: "Ops.Cancelled", cause: "no longer needed"))
        let stopped = try await reader.describeExecution(DescribeExecutionInput(executionArn: run.executionArn))
        #expect(stopped.status == .aborted)
        #expect(stopped.error == "Ops.Cancelled" && stopped.cause == "no longer needed")
        await reader.close()

        let second = try await open(clock: clock, resume: true)
        defer { Task { await second.close() } }
        let described = try await second.describeExecution(DescribeExecutionInput(executionArn: run.executionArn))
        #expect(described.status == .aborted)
        #expect(described.stopDate != nil)
        let history = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: run.executionArn))
        #expect(history.events.map(\.type.rawValue) == ["ExecutionStarted", "WaitStateEntered", "ExecutionAborted"])
        #expect(history.events.last?.id == 3 && history.events.last?.previousEventId == 2)
        #expect(history.events.last?.executionAbortedEventDetails?.error == "Ops.Cancelled")
    }
}
