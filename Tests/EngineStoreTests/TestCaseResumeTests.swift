import Engine
import EngineStore
import JSONValue
import StepFunctionsAPI
import Testing

/// The mock test case an execution was started with (`…:stateMachine:Name#TestCase`) is
/// kept in the catalog, so a run resumed after a restart, or redriven, asks its tasks for the
/// same test case instead of running them unmocked.
@Suite(.timeLimit(.minutes(2))) struct TestCaseResumeTests {
    static let napThenTask = """
        {"StartAt": "Nap", "States": {
          "Nap": {"Type": "Wait", "Seconds": 60, "Next": "Call"},
          "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true}
        }}
        """

    /// Answers every task with the test case it was asked under.
    struct TestCaseEcho: TaskInvoking {
        func invoke(_ request: TaskRequest) async -> TaskOutcome {
            .success(["testCase": request.testCase.map { .string($0) } ?? .null])
        }
    }

    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    func open(clock: any EngineClock) async throws -> LocalStepFunctionsService {
        try await LocalEngineDatabase.open(
            path: harness.databasePath, options: .init(clock: clock, invoker: TestCaseEcho(), seed: 3))
    }

    @Test func aResumedRunKeepsItsTestCase() async throws {
        defer { harness.remove() }
        let firstClock = ManualClock()
        let first = try await open(clock: firstClock)
        let machine = try await first.createStateMachine(CreateStateMachineInput(
            name: "Napper", definition: Self.napThenTask, roleArn: LocalEngineDatabaseTests.role)).stateMachineArn
        let started = try await first.startExecution(StartExecutionInput(
            stateMachineArn: try StateMachineARN(parsing: machine.description + "#HappyPath"), name: "nap"))
        try await StoreHarness.yield { firstClock.sleeperCount == 1 }
        await first.close()

        let clock = ManualClock(start: firstClock.now())
        let second = try await open(clock: clock)
        defer { Task { await second.close() } }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 60)
        let done = try await second.waitForExecution(started.executionArn)
        #expect(done.status == .succeeded)
        #expect(try JSON.parse(done.output ?? "") == ["testCase": "HappyPath"])
    }
}
