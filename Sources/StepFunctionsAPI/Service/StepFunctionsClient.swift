/// A `StepFunctionsService` that speaks the AWS JSON 1.0 protocol through a transport: each call
/// encodes the request, sends it with its `X-Amz-Target`, and decodes the response or AWS's error
/// body.
///
/// The HTTP side (signing, connections, retries) belongs to the transport, so the same client
/// serves AWS, emulators and `sfn serve`, and runs in memory over `LoopbackTransport` in tests.
public struct StepFunctionsClient<Transport: StepFunctionsTransport>: StepFunctionsService {
    public let transport: Transport

    public init(transport: Transport) {
        self.transport = transport
    }

    /// Sends any request and decodes its response.
    public func send<Request: StepFunctionsRequest>(_ request: Request) async throws(StepFunctionsError)
        -> Request.Output
    {
        let body: [UInt8]
        do {
            body = try APICoding.encode(request)
        } catch {
            throw .internalFailure("Cannot encode the \(Request.action.rawValue) request: \(error)")
        }
        let response = try await transport.send(
            StepFunctionsTransportRequest(action: Request.action, body: body))
        guard (200..<300).contains(response.status) else {
            throw StepFunctionsError(responseBody: response.body, httpStatus: response.status)
        }
        do {
            return try APICoding.decode(
                Request.Output.self, from: response.body.isEmpty ? Array("{}".utf8) : response.body)
        } catch {
            throw StepFunctionsError(
                .serializationException, "Cannot read the \(Request.action.rawValue) response: \(error)")
        }
    }

    public func createStateMachine(_ input: CreateStateMachineInput) async throws(StepFunctionsError)
        -> CreateStateMachineOutput
    {
        try await send(input)
    }

    public func describeStateMachine(_ input: DescribeStateMachineInput) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    {
        try await send(input)
    }

    public func describeStateMachineForExecution(_ input: DescribeStateMachineForExecutionInput)
        async throws(StepFunctionsError) -> DescribeStateMachineForExecutionOutput
    {
        try await send(input)
    }

    public func updateStateMachine(_ input: UpdateStateMachineInput) async throws(StepFunctionsError)
        -> UpdateStateMachineOutput
    {
        try await send(input)
    }

    public func deleteStateMachine(_ input: DeleteStateMachineInput) async throws(StepFunctionsError)
        -> DeleteStateMachineOutput
    {
        try await send(input)
    }

    public func listStateMachines(_ input: ListStateMachinesInput) async throws(StepFunctionsError)
        -> ListStateMachinesOutput
    {
        try await send(input)
    }

    public func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws(StepFunctionsError)
        -> PublishStateMachineVersionOutput
    {
        try await send(input)
    }

    public func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws(StepFunctionsError)
        -> ListStateMachineVersionsOutput
    {
        try await send(input)
    }

    public func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws(StepFunctionsError)
        -> DeleteStateMachineVersionOutput
    {
        try await send(input)
    }

    public func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws(StepFunctionsError)
        -> CreateStateMachineAliasOutput
    {
        try await send(input)
    }

    public func describeStateMachineAlias(_ input: DescribeStateMachineAliasInput) async throws(StepFunctionsError)
        -> DescribeStateMachineAliasOutput
    {
        try await send(input)
    }

    public func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws(StepFunctionsError)
        -> UpdateStateMachineAliasOutput
    {
        try await send(input)
    }

    public func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws(StepFunctionsError)
        -> ListStateMachineAliasesOutput
    {
        try await send(input)
    }

    public func deleteStateMachineAlias(_ input: DeleteStateMachineAliasInput) async throws(StepFunctionsError)
        -> DeleteStateMachineAliasOutput
    {
        try await send(input)
    }

    public func startExecution(_ input: StartExecutionInput) async throws(StepFunctionsError) -> StartExecutionOutput {
        try await send(input)
    }

    public func startSyncExecution(_ input: StartSyncExecutionInput) async throws(StepFunctionsError)
        -> StartSyncExecutionOutput
    {
        try await send(input)
    }

    public func describeExecution(_ input: DescribeExecutionInput) async throws(StepFunctionsError)
        -> DescribeExecutionOutput
    {
        try await send(input)
    }

    public func stopExecution(_ input: StopExecutionInput) async throws(StepFunctionsError) -> StopExecutionOutput {
        try await send(input)
    }

    public func listExecutions(_ input: ListExecutionsInput) async throws(StepFunctionsError) -> ListExecutionsOutput {
        try await send(input)
    }

    public func getExecutionHistory(_ input: GetExecutionHistoryInput) async throws(StepFunctionsError)
        -> GetExecutionHistoryOutput
    {
        try await send(input)
    }

    public func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError)
        -> RedriveExecutionOutput
    {
        try await send(input)
    }

    public func createActivity(_ input: CreateActivityInput) async throws(StepFunctionsError) -> CreateActivityOutput {
        try await send(input)
    }

    public func describeActivity(_ input: DescribeActivityInput) async throws(StepFunctionsError)
        -> DescribeActivityOutput
    {
        try await send(input)
    }

    public func listActivities(_ input: ListActivitiesInput) async throws(StepFunctionsError) -> ListActivitiesOutput {
        try await send(input)
    }

    public func deleteActivity(_ input: DeleteActivityInput) async throws(StepFunctionsError) -> DeleteActivityOutput {
        try await send(input)
    }

    public func getActivityTask(_ input: GetActivityTaskInput) async throws(StepFunctionsError) -> GetActivityTaskOutput
    {
        try await send(input)
    }

    public func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws(StepFunctionsError) -> SendTaskSuccessOutput
    {
        try await send(input)
    }

    public func sendTaskFailure(_ input: SendTaskFailureInput) async throws(StepFunctionsError) -> SendTaskFailureOutput
    {
        try await send(input)
    }

    public func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws(StepFunctionsError)
        -> SendTaskHeartbeatOutput
    {
        try await send(input)
    }

    public func tagResource(_ input: TagResourceInput) async throws(StepFunctionsError) -> TagResourceOutput {
        try await send(input)
    }

    public func untagResource(_ input: UntagResourceInput) async throws(StepFunctionsError) -> UntagResourceOutput {
        try await send(input)
    }

    public func listTagsForResource(_ input: ListTagsForResourceInput) async throws(StepFunctionsError)
        -> ListTagsForResourceOutput
    {
        try await send(input)
    }

    public func describeMapRun(_ input: DescribeMapRunInput) async throws(StepFunctionsError) -> DescribeMapRunOutput {
        try await send(input)
    }

    public func listMapRuns(_ input: ListMapRunsInput) async throws(StepFunctionsError) -> ListMapRunsOutput {
        try await send(input)
    }

    public func updateMapRun(_ input: UpdateMapRunInput) async throws(StepFunctionsError) -> UpdateMapRunOutput {
        try await send(input)
    }

    public func validateStateMachineDefinition(_ input: ValidateStateMachineDefinitionInput)
        async throws(StepFunctionsError) -> ValidateStateMachineDefinitionOutput
    {
        try await send(input)
    }

    public func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput {
        try await send(input)
    }
}
