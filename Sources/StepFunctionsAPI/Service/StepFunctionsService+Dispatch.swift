/// Serving the API: from an action and a request body to a response body, for `sfn serve` and
/// any other server in front of a `StepFunctionsService`.
extension StepFunctionsService {
    /// Decodes `body` as `action`'s request (failures become AWS's errors: see
    /// `APICoding.decodeRequest`), calls the method, and encodes its response.
    public func dispatch(_ action: StepFunctionsAction, body: [UInt8]) async throws(StepFunctionsError) -> [UInt8] {
        switch action {
        case .createStateMachine: try await call(body) { (input: CreateStateMachineInput) async throws(StepFunctionsError) in try await createStateMachine(input) }
        case .describeStateMachine: try await call(body) { (input: DescribeStateMachineInput) async throws(StepFunctionsError) in try await describeStateMachine(input) }
        case .describeStateMachineForExecution: try await call(body) { (input: DescribeStateMachineForExecutionInput) async throws(StepFunctionsError) in try await describeStateMachineForExecution(input) }
        case .updateStateMachine: try await call(body) { (input: UpdateStateMachineInput) async throws(StepFunctionsError) in try await updateStateMachine(input) }
        case .deleteStateMachine: try await call(body) { (input: DeleteStateMachineInput) async throws(StepFunctionsError) in try await deleteStateMachine(input) }
        case .listStateMachines: try await call(body) { (input: ListStateMachinesInput) async throws(StepFunctionsError) in try await listStateMachines(input) }
        case .publishStateMachineVersion: try await call(body) { (input: PublishStateMachineVersionInput) async throws(StepFunctionsError) in try await publishStateMachineVersion(input) }
        case .listStateMachineVersions: try await call(body) { (input: ListStateMachineVersionsInput) async throws(StepFunctionsError) in try await listStateMachineVersions(input) }
        case .deleteStateMachineVersion: try await call(body) { (input: DeleteStateMachineVersionInput) async throws(StepFunctionsError) in try await deleteStateMachineVersion(input) }
        case .createStateMachineAlias: try await call(body) { (input: CreateStateMachineAliasInput) async throws(StepFunctionsError) in try await createStateMachineAlias(input) }
        case .describeStateMachineAlias: try await call(body) { (input: DescribeStateMachineAliasInput) async throws(StepFunctionsError) in try await describeStateMachineAlias(input) }
        case .updateStateMachineAlias: try await call(body) { (input: UpdateStateMachineAliasInput) async throws(StepFunctionsError) in try await updateStateMachineAlias(input) }
        case .listStateMachineAliases: try await call(body) { (input: ListStateMachineAliasesInput) async throws(StepFunctionsError) in try await listStateMachineAliases(input) }
        case .deleteStateMachineAlias: try await call(body) { (input: DeleteStateMachineAliasInput) async throws(StepFunctionsError) in try await deleteStateMachineAlias(input) }
        case .startExecution: try await call(body) { (input: StartExecutionInput) async throws(StepFunctionsError) in try await startExecution(input) }
        case .startSyncExecution: try await call(body) { (input: StartSyncExecutionInput) async throws(StepFunctionsError) in try await startSyncExecution(input) }
        case .describeExecution: try await call(body) { (input: DescribeExecutionInput) async throws(StepFunctionsError) in try await describeExecution(input) }
        case .stopExecution: try await call(body) { (input: StopExecutionInput) async throws(StepFunctionsError) in try await stopExecution(input) }
        case .listExecutions: try await call(body) { (input: ListExecutionsInput) async throws(StepFunctionsError) in try await listExecutions(input) }
        case .getExecutionHistory: try await call(body) { (input: GetExecutionHistoryInput) async throws(StepFunctionsError) in try await getExecutionHistory(input) }
        case .redriveExecution: try await call(body) { (input: RedriveExecutionInput) async throws(StepFunctionsError) in try await redriveExecution(input) }
        case .createActivity: try await call(body) { (input: CreateActivityInput) async throws(StepFunctionsError) in try await createActivity(input) }
        case .describeActivity: try await call(body) { (input: DescribeActivityInput) async throws(StepFunctionsError) in try await describeActivity(input) }
        case .listActivities: try await call(body) { (input: ListActivitiesInput) async throws(StepFunctionsError) in try await listActivities(input) }
        case .deleteActivity: try await call(body) { (input: DeleteActivityInput) async throws(StepFunctionsError) in try await deleteActivity(input) }
        case .getActivityTask: try await call(body) { (input: GetActivityTaskInput) async throws(StepFunctionsError) in try await getActivityTask(input) }
        case .sendTaskSuccess: try await call(body) { (input: SendTaskSuccessInput) async throws(StepFunctionsError) in try await sendTaskSuccess(input) }
        case .sendTaskFailure: try await call(body) { (input: SendTaskFailureInput) async throws(StepFunctionsError) in try await sendTaskFailure(input) }
        case .sendTaskHeartbeat: try await call(body) { (input: SendTaskHeartbeatInput) async throws(StepFunctionsError) in try await sendTaskHeartbeat(input) }
        case .tagResource: try await call(body) { (input: TagResourceInput) async throws(StepFunctionsError) in try await tagResource(input) }
        case .untagResource: try await call(body) { (input: UntagResourceInput) async throws(StepFunctionsError) in try await untagResource(input) }
        case .listTagsForResource: try await call(body) { (input: ListTagsForResourceInput) async throws(StepFunctionsError) in try await listTagsForResource(input) }
        case .describeMapRun: try await call(body) { (input: DescribeMapRunInput) async throws(StepFunctionsError) in try await describeMapRun(input) }
        case .listMapRuns: try await call(body) { (input: ListMapRunsInput) async throws(StepFunctionsError) in try await listMapRuns(input) }
        case .updateMapRun: try await call(body) { (input: UpdateMapRunInput) async throws(StepFunctionsError) in try await updateMapRun(input) }
        case .validateStateMachineDefinition: try await call(body) { (input: ValidateStateMachineDefinitionInput) async throws(StepFunctionsError) in try await validateStateMachineDefinition(input) }
        case .testState: try await call(body) { (input: TestStateInput) async throws(StepFunctionsError) in try await testState(input) }
        }
    }

    /// `dispatch(_:body:)` for a raw `X-Amz-Target` header value.
    public func dispatch(target: String, body: [UInt8]) async throws(StepFunctionsError) -> [UInt8] {
        try await dispatch(try StepFunctionsAction(target: target), body: body)
    }

    private func call<Input: Decodable, Output: Encodable>(
        _ body: [UInt8], _ method: (Input) async throws(StepFunctionsError) -> Output
    ) async throws(StepFunctionsError) -> [UInt8] {
        let input = try APICoding.decodeRequest(Input.self, from: body)
        let output = try await method(input)
        do {
            return try APICoding.encode(output)
        } catch {
            throw .internalFailure("Cannot encode the response: \(error)")
        }
    }
}
