import StepFunctionsAPI

/// A small `StepFunctionsService` for the server's tests: CreateStateMachine,
/// DescribeStateMachine and ListStateMachines work from memory, DescribeStateMachine of an
/// unknown ARN throws `StateMachineDoesNotExist`, and every other action throws a
/// `NotImplemented` error naming itself, so a test sees the service's own errors pass through.
///
/// `delay` slows DescribeStateMachine down, and `started` hears of each call as it begins, so
/// the shutdown test can hold a request in flight.
struct ScriptedService: StepFunctionsService {
    static let notImplementedCode = StepFunctionsError.Code("NotImplemented")

    let machines = MachineStore()
    var delay: Duration = .zero
    var started: AsyncStream<Void>.Continuation?

    let scope = ARNScope.local

    func createStateMachine(_ input: CreateStateMachineInput) async throws(StepFunctionsError)
        -> CreateStateMachineOutput
    {
        try ResourceName.validate(input.name)
        let arn = scope.stateMachine(named: input.name)
        let description = DescribeStateMachineOutput(
            stateMachineArn: arn, name: input.name, status: .active, definition: input.definition,
            roleArn: input.roleArn, type: input.type ?? .standard,
            creationDate: Timestamp(millisecondsSince1970: 1_732_780_800_123))
        guard await machines.insert(description) else { throw .stateMachineAlreadyExists(arn.description) }
        return CreateStateMachineOutput(stateMachineArn: arn, creationDate: description.creationDate)
    }

    func describeStateMachine(_ input: DescribeStateMachineInput) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    {
        started?.yield()
        if delay > .zero { try? await Task.sleep(for: delay) }
        guard let machine = await machines.machine(input.stateMachineArn) else {
            throw .stateMachineDoesNotExist(input.stateMachineArn.description)
        }
        return machine
    }

    func listStateMachines(_ input: ListStateMachinesInput) async throws(StepFunctionsError) -> ListStateMachinesOutput
    {
        let items = await machines.all().map {
            StateMachineListItem(
                stateMachineArn: $0.stateMachineArn, name: $0.name, type: $0.type, creationDate: $0.creationDate)
        }
        return ListStateMachinesOutput(stateMachines: items)
    }

    private func notImplemented(_ action: String) -> StepFunctionsError {
        StepFunctionsError(Self.notImplementedCode, "\(action) is not implemented by this test double")
    }

    func describeStateMachineForExecution(_ input: DescribeStateMachineForExecutionInput)
        async throws(StepFunctionsError) -> DescribeStateMachineForExecutionOutput
    {
        throw notImplemented("DescribeStateMachineForExecution")
    }

    func updateStateMachine(_ input: UpdateStateMachineInput) async throws(StepFunctionsError)
        -> UpdateStateMachineOutput
    {
        throw notImplemented("UpdateStateMachine")
    }

    func deleteStateMachine(_ input: DeleteStateMachineInput) async throws(StepFunctionsError)
        -> DeleteStateMachineOutput
    {
        throw notImplemented("DeleteStateMachine")
    }

    func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws(StepFunctionsError)
        -> PublishStateMachineVersionOutput
    {
        throw notImplemented("PublishStateMachineVersion")
    }

    func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws(StepFunctionsError)
        -> ListStateMachineVersionsOutput
    {
        throw notImplemented("ListStateMachineVersions")
    }

    func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws(StepFunctionsError)
        -> DeleteStateMachineVersionOutput
    {
        throw notImplemented("DeleteStateMachineVersion")
    }

    func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws(StepFunctionsError)
        -> CreateStateMachineAliasOutput
    {
        throw notImplemented("CreateStateMachineAlias")
    }

    func describeStateMachineAlias(_ input: DescribeStateMachineAliasInput) async throws(StepFunctionsError)
        -> DescribeStateMachineAliasOutput
    {
        throw notImplemented("DescribeStateMachineAlias")
    }

    func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws(StepFunctionsError)
        -> UpdateStateMachineAliasOutput
    {
        throw notImplemented("UpdateStateMachineAlias")
    }

    func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws(StepFunctionsError)
        -> ListStateMachineAliasesOutput
    {
        throw notImplemented("ListStateMachineAliases")
    }

    func deleteStateMachineAlias(_ input: DeleteStateMachineAliasInput) async throws(StepFunctionsError)
        -> DeleteStateMachineAliasOutput
    {
        throw notImplemented("DeleteStateMachineAlias")
    }

    func startExecution(_ input: StartExecutionInput) async throws(StepFunctionsError) -> StartExecutionOutput {
        throw notImplemented("StartExecution")
    }

    func startSyncExecution(_ input: StartSyncExecutionInput) async throws(StepFunctionsError)
        -> StartSyncExecutionOutput
    {
        throw notImplemented("StartSyncExecution")
    }

    func describeExecution(_ input: DescribeExecutionInput) async throws(StepFunctionsError) -> DescribeExecutionOutput
    {
        throw notImplemented("DescribeExecution")
    }

    func stopExecution(_ input: StopExecutionInput) async throws(StepFunctionsError) -> StopExecutionOutput {
        throw notImplemented("StopExecution")
    }

    func listExecutions(_ input: ListExecutionsInput) async throws(StepFunctionsError) -> ListExecutionsOutput {
        throw notImplemented("ListExecutions")
    }

    func getExecutionHistory(_ input: GetExecutionHistoryInput) async throws(StepFunctionsError)
        -> GetExecutionHistoryOutput
    {
        throw notImplemented("GetExecutionHistory")
    }

    func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError) -> RedriveExecutionOutput {
        throw notImplemented("RedriveExecution")
    }

    func createActivity(_ input: CreateActivityInput) async throws(StepFunctionsError) -> CreateActivityOutput {
        throw notImplemented("CreateActivity")
    }

    func describeActivity(_ input: DescribeActivityInput) async throws(StepFunctionsError) -> DescribeActivityOutput {
        throw notImplemented("DescribeActivity")
    }

    func listActivities(_ input: ListActivitiesInput) async throws(StepFunctionsError) -> ListActivitiesOutput {
        throw notImplemented("ListActivities")
    }

    func deleteActivity(_ input: DeleteActivityInput) async throws(StepFunctionsError) -> DeleteActivityOutput {
        throw notImplemented("DeleteActivity")
    }

    func getActivityTask(_ input: GetActivityTaskInput) async throws(StepFunctionsError) -> GetActivityTaskOutput {
        throw notImplemented("GetActivityTask")
    }

    func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws(StepFunctionsError) -> SendTaskSuccessOutput {
        throw notImplemented("SendTaskSuccess")
    }

    func sendTaskFailure(_ input: SendTaskFailureInput) async throws(StepFunctionsError) -> SendTaskFailureOutput {
        throw notImplemented("SendTaskFailure")
    }

    func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws(StepFunctionsError) -> SendTaskHeartbeatOutput
    {
        throw notImplemented("SendTaskHeartbeat")
    }

    func tagResource(_ input: TagResourceInput) async throws(StepFunctionsError) -> TagResourceOutput {
        throw notImplemented("TagResource")
    }

    func untagResource(_ input: UntagResourceInput) async throws(StepFunctionsError) -> UntagResourceOutput {
        throw notImplemented("UntagResource")
    }

    func listTagsForResource(_ input: ListTagsForResourceInput) async throws(StepFunctionsError)
        -> ListTagsForResourceOutput
    {
        throw notImplemented("ListTagsForResource")
    }

    func describeMapRun(_ input: DescribeMapRunInput) async throws(StepFunctionsError) -> DescribeMapRunOutput {
        throw notImplemented("DescribeMapRun")
    }

    func listMapRuns(_ input: ListMapRunsInput) async throws(StepFunctionsError) -> ListMapRunsOutput {
        throw notImplemented("ListMapRuns")
    }

    func updateMapRun(_ input: UpdateMapRunInput) async throws(StepFunctionsError) -> UpdateMapRunOutput {
        throw notImplemented("UpdateMapRun")
    }

    func validateStateMachineDefinition(_ input: ValidateStateMachineDefinitionInput) async throws(StepFunctionsError)
        -> ValidateStateMachineDefinitionOutput
    {
        throw notImplemented("ValidateStateMachineDefinition")
    }

    func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput {
        throw notImplemented("TestState")
    }
}

/// The state machines a `ScriptedService` has created, in creation order.
actor MachineStore {
    private var machines: [DescribeStateMachineOutput] = []

    /// False when a machine of that ARN exists already.
    func insert(_ machine: DescribeStateMachineOutput) -> Bool {
        guard !machines.contains(where: { $0.stateMachineArn == machine.stateMachineArn }) else { return false }
        machines.append(machine)
        return true
    }

    func machine(_ arn: StateMachineARN) -> DescribeStateMachineOutput? {
        machines.first { $0.stateMachineArn == arn }
    }

    func all() -> [DescribeStateMachineOutput] { machines }
}
