public import StepFunctionsAPI

/// The actions the local engine does not run yet: versions and aliases, Map Runs and
/// RedriveExecution (with durability), TestState. Each answers `UnsupportedOperation` naming the action, so a caller learns
/// at once that it reached the local engine's limits rather than a bug in its request.
extension LocalStepFunctionsService {
    public func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws(StepFunctionsError)
        -> PublishStateMachineVersionOutput
    {
        throw Self.unsupported("PublishStateMachineVersion")
    }

    public func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws(StepFunctionsError)
        -> ListStateMachineVersionsOutput
    {
        throw Self.unsupported("ListStateMachineVersions")
    }

    public func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws(StepFunctionsError)
        -> DeleteStateMachineVersionOutput
    {
        throw Self.unsupported("DeleteStateMachineVersion")
    }

    public func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws(StepFunctionsError)
        -> CreateStateMachineAliasOutput
    {
        throw Self.unsupported("CreateStateMachineAlias")
    }

    public func describeStateMachineAlias(_ input: DescribeStateMachineAliasInput) async throws(StepFunctionsError)
        -> DescribeStateMachineAliasOutput
    {
        throw Self.unsupported("DescribeStateMachineAlias")
    }

    public func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws(StepFunctionsError)
        -> UpdateStateMachineAliasOutput
    {
        throw Self.unsupported("UpdateStateMachineAlias")
    }

    public func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws(StepFunctionsError)
        -> ListStateMachineAliasesOutput
    {
        throw Self.unsupported("ListStateMachineAliases")
    }

    public func deleteStateMachineAlias(_ input: DeleteStateMachineAliasInput) async throws(StepFunctionsError)
        -> DeleteStateMachineAliasOutput
    {
        throw Self.unsupported("DeleteStateMachineAlias")
    }

    public func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError)
        -> RedriveExecutionOutput
    {
        throw Self.unsupported("RedriveExecution")
    }

    public func describeMapRun(_ input: DescribeMapRunInput) async throws(StepFunctionsError) -> DescribeMapRunOutput {
        throw Self.unsupported("DescribeMapRun")
    }

    public func listMapRuns(_ input: ListMapRunsInput) async throws(StepFunctionsError) -> ListMapRunsOutput {
        throw Self.unsupported("ListMapRuns")
    }

    public func updateMapRun(_ input: UpdateMapRunInput) async throws(StepFunctionsError) -> UpdateMapRunOutput {
        throw Self.unsupported("UpdateMapRun")
    }

    public func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput {
        throw Self.unsupported("TestState")
    }
}
