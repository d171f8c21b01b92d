public import StepFunctionsAPI

/// The actions the local engine does not run yet: activities and task tokens (the
/// integrations issue), Map Runs, RedriveExecution and TestState. Each answers
/// `UnsupportedOperation` naming the action, so a caller learns at once that it reached the
/// local engine's limits rather than a bug in its request.
extension LocalStepFunctionsService {
    public func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError)
        -> RedriveExecutionOutput
    {
        throw Self.unsupported("RedriveExecution")
    }

    public func createActivity(_ input: CreateActivityInput) async throws(StepFunctionsError) -> CreateActivityOutput {
        throw Self.unsupported("CreateActivity")
    }

    public func describeActivity(_ input: DescribeActivityInput) async throws(StepFunctionsError)
        -> DescribeActivityOutput
    {
        throw Self.unsupported("DescribeActivity")
    }

    public func listActivities(_ input: ListActivitiesInput) async throws(StepFunctionsError) -> ListActivitiesOutput {
        throw Self.unsupported("ListActivities")
    }

    public func deleteActivity(_ input: DeleteActivityInput) async throws(StepFunctionsError) -> DeleteActivityOutput {
        throw Self.unsupported("DeleteActivity")
    }

    public func getActivityTask(_ input: GetActivityTaskInput) async throws(StepFunctionsError)
        -> GetActivityTaskOutput
    {
        throw Self.unsupported("GetActivityTask")
    }

    public func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws(StepFunctionsError)
        -> SendTaskSuccessOutput
    {
        throw Self.unsupported("SendTaskSuccess")
    }

    public func sendTaskFailure(_ input: SendTaskFailureInput) async throws(StepFunctionsError)
        -> SendTaskFailureOutput
    {
        throw Self.unsupported("SendTaskFailure")
    }

    public func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws(StepFunctionsError)
        -> SendTaskHeartbeatOutput
    {
        throw Self.unsupported("SendTaskHeartbeat")
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
