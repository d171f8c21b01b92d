import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// Activities and task tokens through `StepFunctionsClient` over `LoopbackTransport`, as an
/// SDK would call them: CreateActivity … DeleteActivity, a worker's GetActivityTask and
/// SendTask* calls, and AWS's errors.
@Suite(.timeLimit(.minutes(2))) struct CallbacksServiceTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"

    let clock: any EngineClock
    let service: LocalStepFunctionsService
    let client: StepFunctionsClient<LoopbackTransport<LocalStepFunctionsService>>

    init(clock: any EngineClock = VirtualClock()) {
        self.clock = clock
        service = LocalStepFunctionsService(clock: clock, invoker: TokenRecordingInvoker())
        client = StepFunctionsClient(transport: LoopbackTransport(service: service))
    }

    static func activityMachine(_ activity: String, timeout: Int? = nil, heartbeat: Int? = nil) -> String {
        let timeoutField = timeout.map { #""TimeoutSeconds": \#($0),"# } ?? ""
        let heartbeatField = heartbeat.map { #""HeartbeatSeconds": \#($0),"# } ?? ""
        return """
            {"StartAt": "Work", "States": {"Work": {"Type": "Task",
              "Resource": "arn:aws:states:us-east-1:123456789012:activity:\(activity)",
              "Parameters": {"job.$": "$.job"}, \(timeoutField) \(heartbeatField) "End": true}}}
            """
    }

    func start(_ definition: String, input: String = #"{"job":"j1"}"#) async throws -> ExecutionARN {
        let machine = try await client.createStateMachine(
            CreateStateMachineInput(name: "Worker", definition: definition, roleArn: Self.role)
        ).stateMachineArn
        return try await client.startExecution(StartExecutionInput(stateMachineArn: machine, input: input)).executionArn
    }

    func events(_ arn: ExecutionARN) async throws -> [StepFunctionsAPI.HistoryEvent] {
        try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: arn)).events
    }

    @Test func createIsIdempotentByNameAndKeepsTheFirstTags() async throws {
        let first = try await client.createActivity(
            CreateActivityInput(name: "approve", tags: [Tag(key: "team", value: "platform")]))
        #expect(first.activityArn.description == "arn:aws:states:us-east-1:123456789012:activity:approve")
        let again = try await client.createActivity(
            CreateActivityInput(name: "approve", tags: [Tag(key: "team", value: "other")]))
        #expect(again == first)
        let tags = try await client.listTagsForResource(
            ListTagsForResourceInput(resourceArn: .activity(first.activityArn))).tags
        #expect(tags == [Tag(key: "team", value: "platform")])
        let described = try await client.describeActivity(DescribeActivityInput(activityArn: first.activityArn))
        #expect(described.name == "approve")
        #expect(described.creationDate == first.creationDate)
        await expectError(.invalidName) { _ = try await client.createActivity(CreateActivityInput(name: "bad name")) }
    }

    @Test func listPagesAndDeleteRemoves() async throws {
        for name in ["a1", "a2", "a3"] { _ = try await client.createActivity(CreateActivityInput(name: name)) }
        let page = try await client.listActivities(ListActivitiesInput(maxResults: 2))
        #expect(page.activities.map(\.name) == ["a1", "a2"])
        let rest = try await client.listActivities(ListActivitiesInput(maxResults: 2, nextToken: page.nextToken))
        #expect(rest.activities.map(\.name) == ["a3"])
        #expect(rest.nextToken == nil)

        let a2 = ActivityARN(scope: .local, name: "a2")
        _ = try await client.deleteActivity(DeleteActivityInput(activityArn: a2))
        _ = try await client.deleteActivity(DeleteActivityInput(activityArn: a2))
        let error = await expectError(.activityDoesNotExist) {
            _ = try await client.describeActivity(DescribeActivityInput(activityArn: a2))
        }
        #expect(error?.message == "Activity Does Not Exist: 'arn:aws:states:us-east-1:123456789012:activity:a2'")
        await expectError(.activityDoesNotExist) {
            _ = try await client.getActivityTask(GetActivityTaskInput(activityArn: a2))
        }
    }

    @Test func aWorkerTakesTheTaskAndAnswersIt() async throws {
        let activity = try await client.createActivity(CreateActivityInput(name: "approve")).activityArn
        let execution = try await start(Self.activityMachine("approve"))
        let task = try await client.getActivityTask(GetActivityTaskInput(activityArn: activity, workerName: "w-1"))
        let token = try #require(task.taskToken)
        #expect(task.input == #"{"job":"j1"}"#)

        await expectError(.invalidOutput) {
            _ = try await client.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: "{not json"))
        }
        _ = try await client.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: #"{"ok":true}"#))
        let done = try await service.waitForExecution(execution)
        #expect(done.status == .succeeded)
        #expect(done.output == #"{"ok":true}"#)

        let history = try await events(execution)
        #expect(history.map(\.type.rawValue) == [
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded",
            "TaskStateExited", "ExecutionSucceeded",
        ])
        #expect(history[2].activityScheduledEventDetails?.resource == activity.description)
        #expect(history[2].activityScheduledEventDetails?.input == #"{"job":"j1"}"#)
        #expect(history[3].activityStartedEventDetails?.workerName == "w-1")
        #expect(history[4].activitySucceededEventDetails?.output == #"{"ok":true}"#)

        let late = await expectError(.taskTimedOut) {
            _ = try await client.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: "{}"))
        }
        #expect(late?.message == "Task Timed Out: 'Provided task does not exist anymore'")
        await expectError(.invalidToken) {
            _ = try await client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: "garbage"))
        }
    }

    @Test func aFailureFromTheWorkerFailsTheExecution() async throws {
        let activity = try await client.createActivity(CreateActivityInput(name: "approve")).activityArn
        let execution = try await start(Self.activityMachine("approve"))
        let token = try #require(try await client.getActivityTask(GetActivityTaskInput(activityArn: activity)).taskToken)
        _ = try await client.sendTaskFailure(SendTaskFailureInput(taskToken: token, error: "Rejected", cause: "no"))
        let done = try await service.waitForExecution(execution)
        #expect(done.status == .failed)
        #expect(done.error == "Rejected")
        #expect(done.cause == "no")
        let failed = try await events(execution).first { $0.type.rawValue == "ActivityFailed" }
        #expect(failed?.activityFailedEventDetails?.error == "Rejected")
    }

    @Test func aMissingActivityFailsToSchedule() async throws {
        let execution = try await start(Self.activityMachine("nobody"))
        let done = try await service.waitForExecution(execution)
        #expect(done.status == .failed)
        #expect(done.error == "States.Runtime")
        let failed = try await events(execution).first { $0.type.rawValue == "ActivityScheduleFailed" }
        #expect(failed?.activityScheduleFailedEventDetails?.cause
            == "Activity Does Not Exist: 'arn:aws:states:us-east-1:123456789012:activity:nobody'")
    }

    @Test func anEmptyPollAnswersAfterSixtySeconds() async throws {
        let clock = ManualClock()
        let test = CallbacksServiceTests(clock: clock)
        let activity = try await test.client.createActivity(CreateActivityInput(name: "idle")).activityArn
        let poll = Task { try await test.client.getActivityTask(GetActivityTaskInput(activityArn: activity)) }
        try await CallbackWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 59)
        #expect(clock.sleeperCount == 1)
        clock.advance(bySeconds: 1)
        let answer = try await poll.value
        #expect(answer.taskToken == nil)
        #expect(answer.input == nil)
    }

    @Test func aPollWaitingWhenTheTaskIsScheduledGetsIt() async throws {
        let clock = ManualClock()
        let test = CallbacksServiceTests(clock: clock)
        let activity = try await test.client.createActivity(CreateActivityInput(name: "approve")).activityArn
        let poll = Task {
            try await test.client.getActivityTask(GetActivityTaskInput(activityArn: activity, workerName: "early"))
        }
        try await CallbackWait.until { clock.sleeperCount == 1 }
        let execution = try await test.start(Self.activityMachine("approve"))
        let token = try #require(try await poll.value.taskToken)
        _ = try await test.client.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: "1"))
        #expect(try await test.service.waitForExecution(execution).output == "1")
    }

    @Test func heartbeatTimeoutOfAnActivity() async throws {
        let clock = ManualClock()
        let test = CallbacksServiceTests(clock: clock)
        let activity = try await test.client.createActivity(CreateActivityInput(name: "slow")).activityArn
        let execution = try await test.start(Self.activityMachine("slow", timeout: 600, heartbeat: 20))
        let token = try #require(try await test.client.getActivityTask(GetActivityTaskInput(activityArn: activity)).taskToken)
        try await CallbackWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 15)
        _ = try await test.client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: token))
        clock.advance(bySeconds: 15)
        try await CallbackWait.until { clock.sleeperCount == 1 }
        #expect(try await test.client.describeExecution(DescribeExecutionInput(executionArn: execution)).status == .running)
        clock.advance(bySeconds: 5)
        let done = try await test.service.waitForExecution(execution)
        #expect(done.status == .failed)
        #expect(done.error == "States.HeartbeatTimeout")
        let history = try await test.events(execution)
        #expect(history.first { $0.type.rawValue == "ActivityTimedOut" }?.activityTimedOutEventDetails?.error
            == "States.HeartbeatTimeout")
        await expectError(.taskTimedOut) {
            _ = try await test.client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: token))
        }
    }

    @Test func stopExecutionInvalidatesTheToken() async throws {
        let activity = try await client.createActivity(CreateActivityInput(name: "approve")).activityArn
        let execution = try await start(Self.activityMachine("approve"))
        let token = try #require(try await client.getActivityTask(GetActivityTaskInput(activityArn: activity)).taskToken)
        _ = try await client.stopExecution(StopExecutionInput(executionArn: execution, error: "Stop", cause: "test"))
        #expect(try await client.describeExecution(DescribeExecutionInput(executionArn: execution)).status == .aborted)
        await expectError(.taskTimedOut) {
            _ = try await client.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: "{}"))
        }
    }

    @Test func requestsOutsideAWSsConstraintsAreValidationErrors() async throws {
        await expectError(.validationException) {
            _ = try await client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: ""))
        }
        await expectError(.validationException) {
            _ = try await client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: String(repeating: "A", count: 1025)))
        }
        let token = TaskToken(executionArn: "arn:aws:states:us-east-1:123456789012:execution:M:e", nonce: "n").text
        await expectError(.validationException) {
            _ = try await client.sendTaskSuccess(
                SendTaskSuccessInput(taskToken: token, output: "\"" + String(repeating: "x", count: 262_144) + "\""))
        }
        await expectError(.validationException) {
            _ = try await client.sendTaskFailure(
                SendTaskFailureInput(taskToken: token, error: String(repeating: "E", count: 257)))
        }
        let unknown = await expectError(.taskDoesNotExist) {
            _ = try await client.sendTaskFailure(SendTaskFailureInput(taskToken: token, error: "E"))
        }
        #expect(unknown?.httpStatus == 400)
    }

    @Test func waitForTaskTokenThroughTheService() async throws {
        let invoker = TokenRecordingInvoker()
        let service = LocalStepFunctionsService(invoker: invoker)
        let client = StepFunctionsClient(transport: LoopbackTransport(service: service))
        let machine = try await client.createStateMachine(CreateStateMachineInput(
            name: "Callback", definition: """
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}
                """, roleArn: Self.role)).stateMachineArn
        let execution = try await client.startExecution(StartExecutionInput(stateMachineArn: machine)).executionArn
        let token = try await invoker.token()
        _ = try await client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: token))
        _ = try await client.sendTaskSuccess(SendTaskSuccessInput(taskToken: token, output: #"{"answer":42}"#))
        let done = try await service.waitForExecution(execution)
        #expect(done.output == #"{"answer":42}"#)
        let history = try await client.getExecutionHistory(GetExecutionHistoryInput(executionArn: execution)).events
        #expect(history.first { $0.type.rawValue == "TaskSubmitted" }?.taskSubmittedEventDetails?.output
            == #"{"StatusCode":200}"#)
    }
}
