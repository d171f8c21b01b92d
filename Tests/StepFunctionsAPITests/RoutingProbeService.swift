import StepFunctionsAPI

/// A service that answers StartExecution and ListStateMachines, and answers every other action
/// with a `Called` error naming the action, so dispatch tests can see which method ran.
struct RoutingProbeService: StepFunctionsService {
    static let called = StepFunctionsError.Code("Called")

    func createStateMachine(_ input: CreateStateMachineInput) async throws(StepFunctionsError)
        -> CreateStateMachineOutput
    {
        throw StepFunctionsError(Self.called, "CreateStateMachine")
    }

    func describeStateMachine(_ input: DescribeStateMachineInput) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    {
        throw StepFunctionsError(Self.called, "DescribeStateMachine")
    }

    func describeStateMachineForExecution(_ input: DescribeStateMachineForExecutionInput)
        async throws(StepFunctionsError) -> DescribeStateMachineForExecutionOutput
    {
        throw StepFunctionsError(Self.called, "DescribeStateMachineForExecution")
    }

    func updateStateMachine(_ input: UpdateStateMachineInput) async throws(StepFunctionsError)
        -> UpdateStateMachineOutput
    {
        throw StepFunctionsError(Self.called, "UpdateStateMachine")
    }

    func deleteStateMachine(_ input: DeleteStateMachineInput) async throws(StepFunctionsError)
        -> DeleteStateMachineOutput
    {
        throw StepFunctionsError(Self.called, "DeleteStateMachine")
    }

    func listStateMachines(_ input: ListStateMachinesInput) async throws(StepFunctionsError) -> ListStateMachinesOutput
    {
        ListStateMachinesOutput(stateMachines: [], nextToken: input.nextToken)
    }

    func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws(StepFunctionsError)
        -> PublishStateMachineVersionOutput
    {
        throw StepFunctionsError(Self.called, "PublishStateMachineVersion")
    }

    func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws(StepFunctionsError)
        -> ListStateMachineVersionsOutput
    {
        throw StepFunctionsError(Self.called, "ListStateMachineVersions")
    }

    func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws(StepFunctionsError)
        -> DeleteStateMachineVersionOutput
    {
        throw StepFunctionsError(Self.called, "DeleteStateMachineVersion")
    }

    func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws(StepFunctionsError)
        -> CreateStateMachineAliasOutput
    {
        throw StepFunctionsError(Self.called, "CreateStateMachineAlias")
    }

    func describeStateMachineAlias(_ input: DescribeStateMachineAliasInput) async throws(StepFunctionsError)
        -> DescribeStateMachineAliasOutput
    {
        throw StepFunctionsError(Self.called, "DescribeStateMachineAlias")
    }

    func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws(StepFunctionsError)
        -> UpdateStateMachineAliasOutput
    {
        throw StepFunctionsError(Self.called, "UpdateStateMachineAlias")
    }

    func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws(StepFunctionsError)
        -> ListStateMachineAliasesOutput
    {
        throw StepFunctionsError(Self.called, "ListStateMachineAliases")
    }

    func deleteStateMachineAlias(_ input: DeleteStateMachineAliasInput) async throws(StepFunctionsError)
        -> DeleteStateMachineAliasOutput
    {
        throw StepFunctionsError(Self.called, "DeleteStateMachineAlias")
    }

    func startExecution(_ input: StartExecutionInput) async throws(StepFunctionsError) -> StartExecutionOutput {
        StartExecutionOutput(
            executionArn: input.stateMachineArn.execution(named: input.name ?? "generated"),
            startDate: Timestamp(millisecondsSince1970: 1_732_780_800_123))
    }

    func startSyncExecution(_ input: StartSyncExecutionInput) async throws(StepFunctionsError)
        -> StartSyncExecutionOutput
    {
        throw StepFunctionsError(Self.called, "StartSyncExecution")
    }

    func describeExecution(_ input: DescribeExecutionInput) async throws(StepFunctionsError) -> DescribeExecutionOutput
    {
        throw StepFunctionsError(Self.called, "DescribeExecution")
    }

    func stopExecution(_ input: StopExecutionInput) async throws(StepFunctionsError) -> StopExecutionOutput {
        throw StepFunctionsError(Self.called, "StopExecution")
    }

    func listExecutions(_ input: ListExecutionsInput) async throws(StepFunctionsError) -> ListExecutionsOutput {
        throw StepFunctionsError(Self.called, "ListExecutions")
    }

    func getExecutionHistory(_ input: GetExecutionHistoryInput) async throws(StepFunctionsError)
        -> GetExecutionHistoryOutput
    {
        throw StepFunctionsError(Self.called, "GetExecutionHistory")
    }

    func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError) -> RedriveExecutionOutput {
        throw StepFunctionsError(Self.called, "RedriveExecution")
    }

    func createActivity(_ input: CreateActivityInput) async throws(StepFunctionsError) -> CreateActivityOutput {
        throw StepFunctionsError(Self.called, "CreateActivity")
    }

    func describeActivity(_ input: DescribeActivityInput) async throws(StepFunctionsError) -> DescribeActivityOutput {
        throw StepFunctionsError(Self.called, "DescribeActivity")
    }

    func listActivities(_ input: ListActivitiesInput) async throws(StepFunctionsError) -> ListActivitiesOutput {
        throw StepFunctionsError(Self.called, "ListActivities")
    }

    func deleteActivity(_ input: DeleteActivityInput) async throws(StepFunctionsError) -> DeleteActivityOutput {
        throw StepFunctionsError(Self.called, "DeleteActivity")
    }

    func getActivityTask(_ input: GetActivityTaskInput) async throws(StepFunctionsError) -> GetActivityTaskOutput {
        throw StepFunctionsError(Self.called, "GetActivityTask")
    }

    func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws(StepFunctionsError) -> SendTaskSuccessOutput {
        throw StepFunctionsError(Self.called, "SendTaskSuccess")
    }

    func sendTaskFailure(_ input: SendTaskFailureInput) async throws(StepFunctionsError) -> SendTaskFailureOutput {
        throw StepFunctionsError(Self.called, "SendTaskFailure")
    }

    func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws(StepFunctionsError) -> SendTaskHeartbeatOutput
    {
        throw StepFunctionsError(Self.called, "SendTaskHeartbeat")
    }

    func tagResource(_ input: TagResourceInput) async throws(StepFunctionsError) -> TagResourceOutput {
        throw StepFunctionsError(Self.called, "TagResource")
    }

    func untagResource(_ input: UntagResourceInput) async throws(StepFunctionsError) -> UntagResourceOutput {
        throw StepFunctionsError(Self.called, "UntagResource")
    }

    func listTagsForResource(_ input: ListTagsForResourceInput) async throws(StepFunctionsError)
        -> ListTagsForResourceOutput
    {
        throw StepFunctionsError(Self.called, "ListTagsForResource")
    }

    func describeMapRun(_ input: DescribeMapRunInput) async throws(StepFunctionsError) -> DescribeMapRunOutput {
        throw StepFunctionsError(Self.called, "DescribeMapRun")
    }

    func listMapRuns(_ input: ListMapRunsInput) async throws(StepFunctionsError) -> ListMapRunsOutput {
        throw StepFunctionsError(Self.called, "ListMapRuns")
    }

    func updateMapRun(_ input: UpdateMapRunInput) async throws(StepFunctionsError) -> UpdateMapRunOutput {
        throw StepFunctionsError(Self.called, "UpdateMapRun")
    }

    func validateStateMachineDefinition(_ input: ValidateStateMachineDefinitionInput) async throws(StepFunctionsError)
        -> ValidateStateMachineDefinitionOutput
    {
        throw StepFunctionsError(Self.called, "ValidateStateMachineDefinition")
    }

    func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput {
        throw StepFunctionsError(Self.called, "TestState")
    }
}
