/// The AWS Step Functions API: one method per action, taking the action's request and returning
/// its response, with AWS's `Codable` shapes.
///
/// The single seam between what speaks the API and what implements it. The embedded engine
/// conforms; so does the HTTP client for AWS and emulators; `sfn serve` decodes requests and
/// calls any conformer (`dispatch(_:body:)`); the `StepFunctions` facade and `sfn`'s deploy
/// targets are written against this protocol alone. Every failure is a `StepFunctionsError`
/// carrying AWS's error code, so callers handle an emulator, AWS and the engine the same way.
public protocol StepFunctionsService: Sendable {
    // MARK: State machines

    func createStateMachine(_ input: CreateStateMachineInput) async throws(StepFunctionsError)
        -> CreateStateMachineOutput
    func describeStateMachine(_ input: DescribeStateMachineInput) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    func describeStateMachineForExecution(_ input: DescribeStateMachineForExecutionInput)
        async throws(StepFunctionsError) -> DescribeStateMachineForExecutionOutput
    func updateStateMachine(_ input: UpdateStateMachineInput) async throws(StepFunctionsError)
        -> UpdateStateMachineOutput
    func deleteStateMachine(_ input: DeleteStateMachineInput) async throws(StepFunctionsError)
        -> DeleteStateMachineOutput
    func listStateMachines(_ input: ListStateMachinesInput) async throws(StepFunctionsError) -> ListStateMachinesOutput

    // MARK: Versions

    func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws(StepFunctionsError)
        -> PublishStateMachineVersionOutput
    func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws(StepFunctionsError)
        -> ListStateMachineVersionsOutput
    func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws(StepFunctionsError)
        -> DeleteStateMachineVersionOutput

    // MARK: Aliases

    func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws(StepFunctionsError)
        -> CreateStateMachineAliasOutput
    func describeStateMachineAlias(_ input: DescribeStateMachineAliasInput) async throws(StepFunctionsError)
        -> DescribeStateMachineAliasOutput
    func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws(StepFunctionsError)
        -> UpdateStateMachineAliasOutput
    func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws(StepFunctionsError)
        -> ListStateMachineAliasesOutput
    func deleteStateMachineAlias(_ input: DeleteStateMachineAliasInput) async throws(StepFunctionsError)
        -> DeleteStateMachineAliasOutput

    // MARK: Executions

    func startExecution(_ input: StartExecutionInput) async throws(StepFunctionsError) -> StartExecutionOutput
    func startSyncExecution(_ input: StartSyncExecutionInput) async throws(StepFunctionsError)
        -> StartSyncExecutionOutput
    func describeExecution(_ input: DescribeExecutionInput) async throws(StepFunctionsError) -> DescribeExecutionOutput
    func stopExecution(_ input: StopExecutionInput) async throws(StepFunctionsError) -> StopExecutionOutput
    func listExecutions(_ input: ListExecutionsInput) async throws(StepFunctionsError) -> ListExecutionsOutput
    func getExecutionHistory(_ input: GetExecutionHistoryInput) async throws(StepFunctionsError)
        -> GetExecutionHistoryOutput
    func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError) -> RedriveExecutionOutput

    // MARK: Activities and task tokens

    func createActivity(_ input: CreateActivityInput) async throws(StepFunctionsError) -> CreateActivityOutput
    func describeActivity(_ input: DescribeActivityInput) async throws(StepFunctionsError) -> DescribeActivityOutput
    func listActivities(_ input: ListActivitiesInput) async throws(StepFunctionsError) -> ListActivitiesOutput
    func deleteActivity(_ input: DeleteActivityInput) async throws(StepFunctionsError) -> DeleteActivityOutput
    func getActivityTask(_ input: GetActivityTaskInput) async throws(StepFunctionsError) -> GetActivityTaskOutput
    func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws(StepFunctionsError) -> SendTaskSuccessOutput
    func sendTaskFailure(_ input: SendTaskFailureInput) async throws(StepFunctionsError) -> SendTaskFailureOutput
    func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws(StepFunctionsError) -> SendTaskHeartbeatOutput

    // MARK: Tags

    func tagResource(_ input: TagResourceInput) async throws(StepFunctionsError) -> TagResourceOutput
    func untagResource(_ input: UntagResourceInput) async throws(StepFunctionsError) -> UntagResourceOutput
    func listTagsForResource(_ input: ListTagsForResourceInput) async throws(StepFunctionsError)
        -> ListTagsForResourceOutput

    // MARK: Map Runs

    func describeMapRun(_ input: DescribeMapRunInput) async throws(StepFunctionsError) -> DescribeMapRunOutput
    func listMapRuns(_ input: ListMapRunsInput) async throws(StepFunctionsError) -> ListMapRunsOutput
    func updateMapRun(_ input: UpdateMapRunInput) async throws(StepFunctionsError) -> UpdateMapRunOutput

    // MARK: Validation and testing

    func validateStateMachineDefinition(_ input: ValidateStateMachineDefinitionInput) async throws(StepFunctionsError)
        -> ValidateStateMachineDefinitionOutput
    func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput
}
