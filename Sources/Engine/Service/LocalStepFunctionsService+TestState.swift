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
/// retry (given `stateConfiguration.retrierRetryCount`) is `RETRIABLE` with the retrier's
/// index and backoff; a failure its `Catch` handles is `CAUGHT_ERROR` with the catcher's
/// index, output and next state.
///
/// A Task state calls `mock`'s result or error when given, else the service's own invoker; a
/// Map or Parallel state needs a mock (AWS refuses them without one) and runs as a Task around
/// it (see `TestedState.runnableState`). `mock.fieldValidationMode` is accepted but every
/// mode acts as `NONE`: AWS checks a mocked result against the integration's API model, and
/// the local engine has no such models. Time is virtual, so a Wait state answers at once.
/// TRACE shows what DEBUG shows: the local engine makes no HTTP Task requests to record.
/// Not run yet: a given `context` object (it answers `UnsupportedOperation`: the engine
/// builds `$$` from the execution it runs and has no way in for another one).
extension LocalStepFunctionsService {
    public func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateOutput {
        // With a mock, `roleArn` is optional (developer guide); without one our engine
        // assumes no role either, so it is optional always and checked when given.
        if let roleArn = input.roleArn { try checkRole(roleArn) }
        let test = try TestedState(input)
        try test.check(input)
        if input.context != nil { throw Self.unsupported("TestState with a context") }
        let stateInput = try parseInput(input.input ?? "{}")
        let configuration = input.stateConfiguration
        let invoker = input.mock.map { MockedTask(test.mockedOutcome($0, configuration: configuration)) }
        let level = input.inspectionLevel ?? .info

        // First without Retry or Catch: what the state itself does.
        let bare = try await run(test.machine(keepingCatch: false), input: stateInput, test: test, invoker: invoker)
        var answer = try await answer(bare, test: test, input: stateInput, invoker: invoker, level: level,
            attempt: configuration?.retrierRetryCount ?? 0)
        if level != .info {
            var data = answer.inspectionData ?? InspectionData()
            try await inspect(&data, test: test, run: bare, input: stateInput)
            answer.inspectionData = data
        }
        return answer
    }

    /// SUCCEEDED, RETRIABLE, CAUGHT_ERROR or FAILED, from the bare run (and, for a caught
    /// error, a second run with the state's `Catch`).
    private func answer(
        _ bare: TestStateRun, test: TestedState, input: JSON, invoker: MockedTask?, level: InspectionLevel,
        attempt: Int
    ) async throws(StepFunctionsError) -> TestStateOutput {
        if bare.status == .succeeded {
            return bare.output(level: level, status: .succeeded)
        }
        let error = bare.error ?? StatesError.runtime
        if let retrier = test.retrier(for: error, attempt: attempt) {
            var answer = bare.failure(level: level, status: .retriable)
            answer.inspectionData?.errorDetails = InspectionErrorDetails(
                retryIndex: retrier.index, retryBackoffIntervalSeconds: retrier.backoffSeconds)
            return answer
        }
        if let catchIndex = test.catcherIndex(for: error) {
            let caught = try await run(test.machine(keepingCatch: true), input: input, test: test, invoker: invoker)
            if caught.status == .succeeded, caught.nextState != nil {
                var answer = caught.output(level: level, status: .caughtError, error: bare.error, cause: bare.cause)
                answer.inspectionData?.errorDetails = InspectionErrorDetails(catchIndex: catchIndex)
                return answer
            }
        }
        return bare.failure(level: level, status: .failed)
    }

    /// Runs a TestState machine on a virtual clock with the mock (or the service's invoker).
    func run(
        _ definition: JSON, input: JSON, test: TestedState, invoker: MockedTask?
    ) async throws(StepFunctionsError) -> TestStateRun {
        let workflow = try compile(definition.serialized(.compact), type: .standard)
        var engine = self.engine
        engine.clock = VirtualClock()
        engine.seed = random.next()
        if let invoker { engine.invoker = invoker }
        let report = await engine.run(workflow, input: input, stateMachineName: "TestState")
        return TestStateRun(report: report, test: test)
    }
}

/// A task invoker that answers every call with one outcome: TestState's `mock`, or a result
/// already seen when the inspection replays part of a state. It answers Activity and
/// `.waitForTaskToken` states too, so that no worker or token is awaited (AWS's TestState
/// runs those only with a mock, and the mock is their answer).
struct MockedTask: ActivityAnswering {
    let outcome: TaskOutcome

    init(_ outcome: TaskOutcome) { self.outcome = outcome }

    func invoke(_ request: TaskRequest) async -> TaskOutcome { outcome }

    func answers(_ request: TaskRequest) -> Bool { true }
}
