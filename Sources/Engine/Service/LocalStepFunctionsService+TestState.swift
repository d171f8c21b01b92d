import JSONValue
public import StepFunctionsAPI

/// TestState: one state run in isolation, as AWS runs it, on the same engine as executions.
///
/// The state is run inside a small machine built around it: a Pass state first when
/// `variables` are given (it assigns them), the state itself, and a placeholder Pass state for
/// every state it can transition to, so the machine's history shows which one came next and
/// what the state put out. The engine does all the data flow (paths, templates, JSONata,
/// Assign, Catch), so TestState and executions can never disagree on it. AWS's TestState does
/// not retry: the state runs with its `Retry` removed, and a failure one of its retriers would
/// retry (given `stateConfiguration.retrierRetryCount`) is `RETRIABLE`; a failure its `Catch`
/// handles is `CAUGHT_ERROR` with the catcher's output and next state.
///
/// A Task state calls `mock`'s result or error when given, else the service's own invoker.
/// Time is virtual, so a Wait state answers at once. Not run yet: `context`, and
/// `stateConfiguration`'s Map settings (each answers `UnsupportedOperation`).
extension LocalStepFunctionsService {
    public func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput {
        if input.context != nil { throw Self.unsupported("TestState with a context") }
        let configuration = input.stateConfiguration
        if configuration?.mapItemReaderData != nil || configuration?.mapIterationFailureCount != nil
            || configuration?.errorCausedByState != nil
        {
            throw Self.unsupported("TestState with Map or errorCausedByState settings")
        }
        if let roleArn = input.roleArn { try checkRole(roleArn) }
        let test = try TestedState(input)
        let stateInput = try parseInput(input.input ?? "{}")

        // First without Retry or Catch: what the state itself does.
        let bare = try await run(test.machine(keepingCatch: false), input: stateInput, test: test, mock: input.mock)
        let level = input.inspectionLevel ?? .info
        if bare.status == .succeeded {
            return bare.output(level: level, status: .succeeded)
        }
        let error = bare.error ?? "States.Runtime"
        if test.retries(error, attempt: configuration?.retrierRetryCount ?? 0) {
            return bare.failure(level: level, status: .retriable)
        }
        if test.hasCatch {
            let caught = try await run(test.machine(keepingCatch: true), input: stateInput, test: test, mock: input.mock)
            if caught.status == .succeeded, caught.nextState != nil {
                return caught.output(level: level, status: .caughtError, error: bare.error, cause: bare.cause)
            }
        }
        return bare.failure(level: level, status: .failed)
    }

    /// Runs the wrapper machine on a virtual clock with the mock (or the service's invoker).
    private func run(
        _ definition: JSON, input: JSON, test: TestedState, mock: MockInput?
    ) async throws(StepFunctionsError) -> TestStateRun {
        let workflow = try compile(definition.serialized(.compact), type: .standard)
        var engine = self.engine
        engine.clock = VirtualClock()
        engine.seed = random.next()
        if let mock {
            engine.invoker = try MockedTask(mock)
        }
        let report = await engine.run(workflow, input: input, stateMachineName: "TestState")
        return TestStateRun(report: report, test: test)
    }
}

/// A task invoker that answers every call with TestState's `mock`.
private struct MockedTask: TaskInvoking {
    let outcome: TaskOutcome

    init(_ mock: MockInput) throws(StepFunctionsError) {
        if let result = mock.result {
            do {
                outcome = .success(try JSON.parse(result))
            } catch {
                throw StepFunctionsError(.validationException, "mock.result is not valid JSON: \(error.message)")
            }
        } else if let failure = mock.errorOutput {
            outcome = .failure(ExecutionFailure(error: failure.error ?? "", cause: failure.cause))
        } else {
            throw StepFunctionsError(.validationException, "mock must have either a result or an errorOutput")
        }
    }

    func invoke(_ request: TaskRequest) async -> TaskOutcome { outcome }
}
