public import StepFunctionsAPI

/// The action the local engine does not run yet: RedriveExecution.
/// It answers `UnsupportedOperation` naming the action, so a caller learns at once that it
/// reached the local engine's limits rather than a bug in its request.
extension LocalStepFunctionsService {
    public func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError)
        -> RedriveExecutionOutput
    {
        throw Self.unsupported("RedriveExecution")
    }
}
