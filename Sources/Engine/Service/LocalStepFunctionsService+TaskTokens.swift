import JSONValue
public import StepFunctionsAPI

/// SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: answers to tasks that wait for
/// their token (Activity states and `.waitForTaskToken` integrations), delivered through
/// the engine's `CallbackRegistry`, with AWS's errors: InvalidToken for text that is not a
/// token, TaskDoesNotExist for a token no task holds, TaskTimedOut for a task that ended
/// (answered, timed out, or its execution stopped), InvalidOutput for output that is not JSON.
extension LocalStepFunctionsService {
    public func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws(StepFunctionsError)
        -> SendTaskSuccessOutput
    {
        try checkToken(input.taskToken)
        guard input.output.utf8.count <= 262_144 else {
            throw .validation(value: nil, at: "output", constraint: "Member must have length less than or equal to 262144")
        }
        let output: JSON
        do {
            output = try JSON.parse(input.output)
        } catch {
            throw StepFunctionsError(.invalidOutput, "Invalid Output: '\(error.message)'")
        }
        try send(.succeeded(output), to: input.taskToken)
        return SendTaskSuccessOutput()
    }

    public func sendTaskFailure(_ input: SendTaskFailureInput) async throws(StepFunctionsError)
        -> SendTaskFailureOutput
    {
        try checkToken(input.taskToken)
        if let error = input.error, error.count > 256 {
            throw .validation(value: error, at: "error", constraint: "Member must have length less than or equal to 256")
        }
        if let cause = input.cause, cause.count > 32_768 {
            throw .validation(value: nil, at: "cause", constraint: "Member must have length less than or equal to 32768")
        }
        try send(.failed(error: input.error, cause: input.cause), to: input.taskToken)
        return SendTaskFailureOutput()
    }

    public func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws(StepFunctionsError)
        -> SendTaskHeartbeatOutput
    {
        try checkToken(input.taskToken)
        try send(.heartbeat(at: engine.clock.now()), to: input.taskToken)
        return SendTaskHeartbeatOutput()
    }

    /// AWS's length constraint on `taskToken` (1 to 1,024 characters).
    private func checkToken(_ token: String) throws(StepFunctionsError) {
        if token.isEmpty {
            throw .validation(value: token, at: "taskToken", constraint: "Member must have length greater than or equal to 1")
        }
        if token.count > 1024 {
            throw .validation(value: nil, at: "taskToken", constraint: "Member must have length less than or equal to 1024")
        }
    }

    private func send(_ signal: CallbackSignal, to token: String) throws(StepFunctionsError) {
        do {
            try engine.callbacks.send(signal, to: token)
        } catch {
            switch error {
            case .invalidToken: throw .invalidToken()
            case .taskDoesNotExist: throw .taskDoesNotExist()
            case .taskTimedOut: throw StepFunctionsError(.taskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'")
            }
        }
    }
}
