import JSONValue
import StepFunctionsAPI
import Testing

@Suite struct DispatchTests {
    let service = RoutingProbeService()
    static let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld"
    static let execution = "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1"
    static let activity = "arn:aws:states:us-east-1:123456789012:activity:A"
    static let mapRun = "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/M:4ab2d6f2"
    static let version = "\(machine):1"
    static let alias = "\(machine):live"

    /// The smallest valid request body of every action.
    static let minimalBodies: [StepFunctionsAction: String] = [
        .createStateMachine: #"{"name":"M","definition":"{}","roleArn":"arn:aws:iam::123456789012:role/R"}"#,
        .describeStateMachine: #"{"stateMachineArn":"\#(machine)"}"#,
        .describeStateMachineForExecution: #"{"executionArn":"\#(execution)"}"#,
        .updateStateMachine: #"{"stateMachineArn":"\#(machine)"}"#,
        .deleteStateMachine: #"{"stateMachineArn":"\#(machine)"}"#,
        .listStateMachines: "{}",
        .publishStateMachineVersion: #"{"stateMachineArn":"\#(machine)"}"#,
        .listStateMachineVersions: #"{"stateMachineArn":"\#(machine)"}"#,
        .deleteStateMachineVersion: #"{"stateMachineVersionArn":"\#(version)"}"#,
        .createStateMachineAlias:
            #"{"name":"live","routingConfiguration":[{"stateMachineVersionArn":"\#(version)","weight":100}]}"#,
        .describeStateMachineAlias: #"{"stateMachineAliasArn":"\#(alias)"}"#,
        .updateStateMachineAlias: #"{"stateMachineAliasArn":"\#(alias)"}"#,
        .listStateMachineAliases: #"{"stateMachineArn":"\#(machine)"}"#,
        .deleteStateMachineAlias: #"{"stateMachineAliasArn":"\#(alias)"}"#,
        .startExecution: #"{"stateMachineArn":"\#(machine)"}"#,
        .startSyncExecution: #"{"stateMachineArn":"\#(machine)"}"#,
        .describeExecution: #"{"executionArn":"\#(execution)"}"#,
        .stopExecution: #"{"executionArn":"\#(execution)"}"#,
        .listExecutions: "{}",
        .getExecutionHistory: #"{"executionArn":"\#(execution)"}"#,
        .redriveExecution: #"{"executionArn":"\#(execution)"}"#,
        .createActivity: #"{"name":"A"}"#,
        .describeActivity: #"{"activityArn":"\#(activity)"}"#,
        .listActivities: "{}",
        .deleteActivity: #"{"activityArn":"\#(activity)"}"#,
        .getActivityTask: #"{"activityArn":"\#(activity)"}"#,
        .sendTaskSuccess: #"{"taskToken":"t","output":"{}"}"#,
        .sendTaskFailure: #"{"taskToken":"t"}"#,
        .sendTaskHeartbeat: #"{"taskToken":"t"}"#,
        .tagResource: #"{"resourceArn":"\#(machine)","tags":[]}"#,
        .untagResource: #"{"resourceArn":"\#(activity)","tagKeys":[]}"#,
        .listTagsForResource: #"{"resourceArn":"\#(machine)"}"#,
        .describeMapRun: #"{"mapRunArn":"\#(mapRun)"}"#,
        .listMapRuns: #"{"executionArn":"\#(execution)"}"#,
        .updateMapRun: #"{"mapRunArn":"\#(mapRun)"}"#,
        .validateStateMachineDefinition: #"{"definition":"{}"}"#,
        .testState: #"{"definition":"{}"}"#,
    ]

    @Test func hasAllThirtySevenActions() {
        #expect(StepFunctionsAction.allCases.count == 37)
        #expect(Set(Self.minimalBodies.keys) == Set(StepFunctionsAction.allCases))
    }

    @Test(arguments: StepFunctionsAction.allCases)
    func routesEachActionToItsMethod(action: StepFunctionsAction) async {
        let body = Array((Self.minimalBodies[action] ?? "{}").utf8)
        do {
            _ = try await service.dispatch(target: action.target, body: body)
            #expect([.startExecution, .listStateMachines].contains(action))
        } catch {
            #expect(error.code == RoutingProbeService.called)
            #expect(error.message == action.rawValue)
        }
    }

    @Test func encodesTheResponse() async throws {
        let body = try await service.dispatch(
            .startExecution, body: Array(#"{"stateMachineArn":"\#(Self.machine)","name":"run-1"}"#.utf8))
        #expect(
            try JSON.parse(utf8: body) == [
                "executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1",
                "startDate": 1_732_780_800.123,
            ])
        #expect(try await service.dispatch(.listStateMachines, body: []) == Array(#"{"stateMachines":[]}"#.utf8))
    }

    /// What a server answers for bodies AWS itself refuses.
    @Test(arguments: [
        (
            StepFunctionsAction.describeExecution, "{", "SerializationException",
            "Malformed JSON request body at line 1, column 2"
        ),
        (.describeExecution, "[]", "SerializationException", "The request body must be a JSON object"),
        (
            .describeExecution, "{}", "ValidationException",
            "1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null"
        ),
        (
            .describeExecution, #"{"executionArn": 5}"#, "SerializationException",
            "Value at 'executionArn' cannot be converted to a string"
        ),
        (
            .describeExecution, #"{"executionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:M"}"#,
            "InvalidArn",
            "Invalid Arn: 'Resource type not valid in this context: stateMachine'"
        ),
        (
            .createStateMachine, #"{"name":"M","definition":"{}","roleArn":"r","type":"SLOW"}"#, "ValidationException",
            "1 validation error detected: Value 'SLOW' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"
        ),
        (
            .listExecutions, #"{"statusFilter":"PAUSED"}"#, "ValidationException",
            "1 validation error detected: Value 'PAUSED' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]"
        ),
        (
            .createStateMachineAlias, #"{"name":"live","routingConfiguration":[{"weight":100}]}"#,
            "ValidationException",
            "1 validation error detected: Value null at 'routingConfiguration.1.stateMachineVersionArn' failed to satisfy constraint: Member must not be null"
        ),
    ])
    func refusesBadBodiesAsAWSDoes(action: StepFunctionsAction, body: String, code: String, message: String) async {
        await #expect {
            _ = try await service.dispatch(action, body: Array(body.utf8))
        } throws: { error in
            let error = error as? StepFunctionsError
            return error?.code.rawValue == code && error?.message.hasPrefix(message) == true
        }
    }

    @Test(arguments: ["AWSStepFunctions.Frobnicate", "StartExecution", "AmazonSQS.SendMessage"])
    func refusesUnknownTargets(target: String) async {
        await #expect {
            _ = try await service.dispatch(target: target, body: Array("{}".utf8))
        } throws: { error in
            (error as? StepFunctionsError)?.code == .unknownOperationException
        }
    }

    @Test func requestsKnowTheirActionAndResponse() throws {
        func action<R: StepFunctionsRequest>(of _: R.Type) -> StepFunctionsAction { R.action }
        #expect(action(of: StartSyncExecutionInput.self) == .startSyncExecution)
        #expect(action(of: GetExecutionHistoryInput.self) == .getExecutionHistory)
        #expect(StartExecutionInput.Output.self == StartExecutionOutput.self)
    }

    @Test func namesTargetsAsTheHeaderDoes() throws {
        #expect(StepFunctionsAction.startSyncExecution.target == "AWSStepFunctions.StartSyncExecution")
        #expect(try StepFunctionsAction(target: "AWSStepFunctions.TestState") == .testState)
    }
}
