import Engine
import EngineStore
import Foundation
import StepFunctionsAPI
import Testing

/// Activities and task tokens through a durable service closed and opened again on the
/// same database, as `sfn serve` restarts: activities and their tags are in the catalog,
/// and an execution waiting for its token resumes waiting for the same token.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct CallbackServiceRestartTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"
    static let activityMachine = """
        {"StartAt": "Review", "States": {"Review": {"Type": "Task",
          "Resource": "arn:aws:states:us-east-1:123456789012:activity:review", "End": true}}}
        """
    static let callbackMachine = """
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}
        """

    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    func open(invoker: any TaskInvoking = UnavailableTaskInvoker()) async throws -> LocalStepFunctionsService {
        try await LocalEngineDatabase.open(path: harness.databasePath, options: .init(invoker: invoker, seed: 5))
    }

    @Test func activitiesAndTheirQueuedTasksSurviveAReopen() async throws {
        defer { harness.remove() }
        let first = try await open()
        let activity = try await first.createActivity(
            CreateActivityInput(name: "review", tags: [Tag(key: "team", value: "docs")]))
        _ = try await first.createActivity(CreateActivityInput(name: "gone"))
        _ = try await first.deleteActivity(DeleteActivityInput(activityArn: ActivityARN(scope: .local, name: "gone")))
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Review", definition: Self.activityMachine, roleArn: Self.role))
        let execution = try await first.startExecution(
            StartExecutionInput(stateMachineArn: machine.stateMachineArn, input: #"{"doc": 9}"#)).executionArn
        try await waitUntilScheduled(first, execution)
        await first.close()

        let second = try await open()
        defer { Task { await second.close() } }
        let listed = try await second.listActivities(ListActivitiesInput())
        #expect(listed.activities.map(\.name) == ["review"])
        #expect(listed.activities.first?.creationDate == activity.creationDate)
        let tags = try await second.listTagsForResource(ListTagsForResourceInput(resourceArn: .activity(activity.activityArn)))
        #expect(tags.tags == [Tag(key: "team", value: "docs")])
        let task = try await second.getActivityTask(GetActivityTaskInput(activityArn: activity.activityArn, workerName: "w"))
        #expect(task.input == #"{"doc":9}"#)
        _ = try await second.sendTaskSuccess(SendTaskSuccessInput(taskToken: try #require(task.taskToken), output: #""ok""#))
        let done = try await second.waitForExecution(execution)
        #expect(done.status == .succeeded)
        #expect(done.output == #""ok""#)
        let types = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: execution)).events
            .map(\.type.rawValue)
        #expect(types == [
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded",
            "TaskStateExited", "ExecutionSucceeded",
        ])
    }

    @Test func theSameTokenCompletesAnExecutionAfterAReopen() async throws {
        defer { harness.remove() }
        let firstInvoker = TokenInvoker()
        let first = try await open(invoker: firstInvoker)
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Ask", definition: Self.callbackMachine, roleArn: Self.role))
        let execution = try await first.startExecution(StartExecutionInput(stateMachineArn: machine.stateMachineArn))
            .executionArn
        try await waitUntilScheduled(first, execution)
        let token = try #require(firstInvoker.tokens.first)
        await first.close()

        let invoker = TokenInvoker()
        let second = try await open(invoker: invoker)
        defer { Task { await second.close() } }
        _ = try await second.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: #"{"yes":true}"#))
        let done = try await second.waitForExecution(execution)
        #expect(done.output == #"{"yes":true}"#)
        #expect(invoker.tokens.isEmpty, "the integration is not invoked again")
        let late = await #expect(throws: StepFunctionsError.self) {
            _ = try await second.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: "{}"))
        }
        #expect(late?.code == .taskTimedOut)
    }

    /// Yields until the execution's wait for its token is in the store (read through a
    /// second connection, as a restarted process would read it).
    func waitUntilScheduled(_ service: LocalStepFunctionsService, _ execution: ExecutionARN) async throws {
        let probe = try SQLiteExecutionStore(path: harness.databasePath)
        try await StoreHarness.yield {
            ((try? probe.runningExecutions())?.first { $0.start.identity.executionArn == execution.description }?
                .cursor?.callback) != nil
        }
    }
}
