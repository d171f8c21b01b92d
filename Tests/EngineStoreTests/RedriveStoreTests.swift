import Engine
import EngineStore
import JSONValue
import StepFunctionsAPI
import Synchronization
import Testing

/// RedriveExecution on the durable service: an execution that failed before a reopen is
/// redriven after it from its failed state, and a redrive made before a reopen is still
/// there after it (count, date, history).
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct RedriveStoreTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"
    static let definition = #"""
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": "ready", "ResultPath": "$.prepared", "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}}}
        """#

    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    func open(_ invoker: any TaskInvoking) async throws -> LocalStepFunctionsService {
        try await LocalEngineDatabase.open(path: harness.databasePath, options: .init(invoker: invoker, seed: 9))
    }

    /// A failed execution of `definition` whose Work task `invoker` failed.
    func failedExecution(on service: LocalStepFunctionsService) async throws -> ExecutionARN {
        let machine = try await service.createStateMachine(
            CreateStateMachineInput(name: "Durable", definition: Self.definition, roleArn: Self.role)
        ).stateMachineArn
        let arn = try await service.startExecution(StartExecutionInput(stateMachineArn: machine, name: "run")).executionArn
        #expect(try await service.waitForExecution(arn).status == .failed)
        return arn
    }

    @Test func anExecutionThatFailedBeforeAReopenIsRedrivenAfterIt() async throws {
        defer { harness.remove() }
        let first = try await open(StoreFlakyInvoker(failing: true))
        let arn = try await failedExecution(on: first)
        let failedHistory = try await first.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
        await first.close()

        let working = StoreFlakyInvoker(failing: false)
        let second = try await open(working)
        #expect(try await second.describeExecution(DescribeExecutionInput(executionArn: arn)).redriveStatus == .redrivable)
        _ = try await second.redriveExecution(RedriveExecutionInput(executionArn: arn))
        let done = try await second.waitForExecution(arn)
        #expect(done.status == .succeeded)
        #expect(done.redriveCount == 1)
        #expect(try JSON.parse(try #require(done.output)) == (try JSON.parse(#"{"prepared":"ready"}"#)))
        #expect(working.calls.withLock { $0 } == 1)
        let events = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
        #expect(Array(events.prefix(failedHistory.count)) == failedHistory)
        #expect(events[failedHistory.count].type == .executionRedriven)
        #expect(events[failedHistory.count + 1].stateEnteredEventDetails?.name == "Work")
        #expect(events.enumerated().allSatisfy { $0.offset + 1 == Int($0.element.id) })
        await second.close()
    }

    @Test func aRedriveSurvivesAReopen() async throws {
        defer { harness.remove() }
        let invoker = StoreFlakyInvoker(failing: true)
        let first = try await open(invoker)
        let arn = try await failedExecution(on: first)
        invoker.failing.withLock { $0 = false }
        let redriven = try await first.redriveExecution(RedriveExecutionInput(executionArn: arn))
        #expect(try await first.waitForExecution(arn).status == .succeeded)
        let before = try await first.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
        await first.close()

        let second = try await open(StoreFlakyInvoker(failing: true))
        let described = try await second.describeExecution(DescribeExecutionInput(executionArn: arn))
        #expect(described.status == .succeeded)
        #expect(described.redriveCount == 1)
        #expect(described.redriveDate == redriven.redriveDate)
        let after = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
        #expect(after == before)
        #expect(after.filter { $0.type == .executionRedriven }.count == 1)
        let listed = try await second.listExecutions(
            ListExecutionsInput(stateMachineArn: described.stateMachineArn, redriveFilter: .redriven))
        #expect(listed.executions.map(\.executionArn) == [arn])
        await second.close()
    }

    /// A process that stopped after committing a redrive and before the state ran again:
    /// the service opened next runs the failed state again from its entry.
    @Test func aRedriveCommittedBeforeAStopRunsAfterTheReopen() async throws {
        defer { harness.remove() }
        let first = try await open(StoreFlakyInvoker(failing: true))
        let arn = try await failedExecution(on: first)
        let failedHistory = try await first.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
        await first.close()

        // What `ExecutionEngine.redrive` commits before the run starts, written as it does.
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let persisted = try #require(try store.persistedExecution(arn.description))
        var cursor = try #require(persisted.cursor)
        cursor.reenter = true
        let lastTime = try #require(persisted.history.last).timestamp
        let redriveTime = lastTime.adding(milliseconds: 1000)
        let event = Engine.HistoryEvent(
            id: persisted.history.count + 1, previousEventId: persisted.history.count, timestamp: redriveTime,
            type: .executionRedriven, details: .executionRedriven(ExecutionRedrivenEventDetails(redriveCount: 1)))
        try store.executionRedriven(
            executionArn: arn.description, events: [event], cursor: cursor, redriveCount: 1, redriveTime: redriveTime)
        store.close()

        let working = StoreFlakyInvoker(failing: false)
        let second = try await open(working)
        let done = try await second.waitForExecution(arn)
        #expect(done.status == .succeeded)
        #expect(done.redriveCount == 1)
        #expect(working.calls.withLock { $0 } == 1)
        let events = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
        #expect(Array(events.prefix(failedHistory.count)) == failedHistory)
        #expect(events[failedHistory.count].type == .executionRedriven)
        #expect(events[failedHistory.count + 1].type == .taskStateEntered)
        #expect(events[failedHistory.count + 1].previousEventId == Int64(failedHistory.count + 1))
        #expect(events.enumerated().allSatisfy { $0.offset + 1 == Int($0.element.id) })
        await second.close()
    }
}

/// Fails every Work call while `failing`, else answers with the input.
final class StoreFlakyInvoker: TaskInvoking {
    let failing: Mutex<Bool>
    let calls = Mutex(0)

    init(failing: Bool) { self.failing = Mutex(failing) }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        calls.withLock { $0 += 1 }
        if failing.withLock({ $0 }) { return .failure(ExecutionFailure(error: "Flaky.Error", cause: "failing")) }
        return .success(request.parameters)
    }
}
