public import StepFunctionsAPI

/// The actions the local engine does not run yet: Map Runs and RedriveExecution.
/// Each answers `UnsupportedOperation` naming the action, so a caller learns at once that it
/// reached the local engine's limits rather than a bug in its request.
extension LocalStepFunctionsService {
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
}
