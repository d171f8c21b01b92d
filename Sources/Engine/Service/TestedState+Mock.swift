import JSONValue
import StepFunctionsAPI

/// TestState's rules on `mock`, `revealSecrets`, `context` and `stateConfiguration`, and the
/// Task a mocked Map or Parallel state runs as.
///
/// The messages of the rules AWS answers are AWS's own, as recorded against the service
/// (API reference: TestState, MockInput, TestStateConfiguration; developer guide: "Testing
/// state machines with TestState API"). Where AWS's documentation says nothing, the rule is
/// ours and says so.
extension TestedState {
    /// The states AWS refuses a mock for, as recorded against it: they call nothing. What it
    /// answers for a mocked Choice or Wait is not recorded; those keep our earlier behaviour
    /// (accepted, the mock unused).
    static let unmockableTypes: Set<String> = ["Pass", "Fail", "Succeed"]

    var type: String { state["Type"]?.stringValue ?? "" }
    var isMapOrParallel: Bool { type == "Map" || type == "Parallel" }

    /// Checks the request's combinations as AWS does, before anything runs.
    func check(_ input: TestStateInput) throws(StepFunctionsError) {
        guard let mock = input.mock else {
            if isMapOrParallel {
                throw StepFunctionsError(
                    .invalidDefinition,
                    "TestState API does not support Map or Parallel states. "
                        + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]")
            }
            // API reference, `context`: "may only be specified if a mock is specified".
            if input.context != nil {
                throw StepFunctionsError(
                    .validationException, "TestState accepts a context only when a mock is specified")
            }
            // API reference: TestState runs Activity tasks and the `.sync` and
            // `.waitForTaskToken` patterns only with a mock. AWS's message is not documented;
            // the code follows its answer for Map and Parallel.
            if let resource = waitingResource {
                throw StepFunctionsError(
                    .invalidDefinition,
                    "TestState runs the Task state '\(name)' with resource '\(resource)' only when a mock is specified")
            }
            try checkConfiguration(input.stateConfiguration, mock: nil)
            return
        }
        if mock.result != nil, mock.errorOutput != nil {
            throw StepFunctionsError(
                .validationException, "A test mock should have only one of the following fields: [result, errorOutput].")
        }
        if mock.result == nil, mock.errorOutput == nil {
            throw StepFunctionsError(
                .validationException, "A test mock should have one of the following fields: [result, errorOutput].")
        }
        if Self.unmockableTypes.contains(type) {
            throw StepFunctionsError(.validationException, "State type '\(type)' is not supported when a mock is specified")
        }
        if input.revealSecrets == true {
            throw StepFunctionsError(
                .validationException, "TestState does not support RevealSecrets when a mock is specified.")
        }
        if let text = mock.result {
            let result: JSON
            do {
                result = try JSON.parse(text)
            } catch {
                throw StepFunctionsError(.validationException, "mock.result is not valid JSON: \(error.message)")
            }
            try checkMockedResult(result)
        }
        try checkConfiguration(input.stateConfiguration, mock: mock)
    }

    /// The resource of a Task that waits for someone else's answer: an Activity, or a
    /// `.sync` or `.waitForTaskToken` integration.
    private var waitingResource: String? {
        guard type == "Task", let resource = state["Resource"]?.stringValue else { return nil }
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false)
        let isActivity = parts.count == 7 && parts[2] == "states" && parts[5] == "activity"
        let waits = resource.hasSuffix(".waitForTaskToken") || resource.hasSuffix(".sync")
            || resource.contains(".sync:")
        return isActivity || waits ? resource : nil
    }

    /// A Map's result is an array (an object when it has a ResultWriter); a Parallel's is an
    /// array with one item per branch.
    private func checkMockedResult(_ result: JSON) throws(StepFunctionsError) {
        switch type {
        case "Map" where state["ResultWriter"] != nil:
            if result.objectValue == nil {
                throw StepFunctionsError(.validationException, "Mocked result must be a JSON object.")
            }
        case "Map":
            if result.arrayValue == nil {
                throw StepFunctionsError(.validationException, "Mocked result must be an array.")
            }
        case "Parallel":
            guard let items = result.arrayValue else {
                throw StepFunctionsError(.validationException, "Mocked result must be an array.")
            }
            if items.count != (state["Branches"]?.arrayValue?.count ?? 0) {
                throw StepFunctionsError(
                    .validationException,
                    "Mocked result must contain the same number of items as number of Parallel branches.")
            }
        default:
            break
        }
    }

    /// `errorCausedByState` names a state inside the Map or Parallel whose error is mocked;
    /// `mapIterationFailureCount` and `mapItemReaderData` belong to a Map. AWS's docs give no
    /// messages for these misuses: the wording is ours.
    private func checkConfiguration(
        _ configuration: TestStateConfiguration?, mock: MockInput?
    ) throws(StepFunctionsError) {
        guard let configuration else { return }
        if let count = configuration.retrierRetryCount, count < 0 {
            throw StepFunctionsError(.validationException, "stateConfiguration.retrierRetryCount must be at least 0")
        }
        if let inner = configuration.errorCausedByState {
            guard isMapOrParallel, mock?.errorOutput != nil else {
                throw StepFunctionsError(
                    .validationException,
                    "stateConfiguration.errorCausedByState applies only to a Map or Parallel state with a mocked errorOutput")
            }
            guard innerStateNames.contains(inner) else {
                throw StepFunctionsError(
                    .validationException,
                    "stateConfiguration.errorCausedByState '\(inner)' is not a state of the \(type) state '\(name)'")
            }
        }
        if configuration.mapIterationFailureCount != nil || configuration.mapItemReaderData != nil, type != "Map" {
            throw StepFunctionsError(
                .validationException,
                "stateConfiguration.mapIterationFailureCount and mapItemReaderData apply only to a Map state")
        }
        if let count = configuration.mapIterationFailureCount, count < 0 {
            throw StepFunctionsError(.validationException, "stateConfiguration.mapIterationFailureCount must be at least 0")
        }
    }

    /// The names of the states in a Map's ItemProcessor (or Iterator) and a Parallel's branches.
    private var innerStateNames: Set<String> {
        var machines: [JSON] = state["Branches"]?.arrayValue ?? []
        if let processor = state["ItemProcessor"] ?? state["Iterator"] { machines.append(processor) }
        var names: Set<String> = []
        for machine in machines {
            for key in machine["States"]?.objectValue?.keys ?? [] { names.insert(key) }
        }
        return names
    }

    /// What the mocked task answers: the result or error, except that a Map whose mocked
    /// `mapIterationFailureCount` exceeds its tolerated failures fails as AWS's Map does.
    /// Percentages are of the mocked result's items (the iterations the mock stands for).
    func mockedOutcome(_ mock: MockInput, configuration: TestStateConfiguration?) -> TaskOutcome {
        if let failure = mock.errorOutput {
            return .failure(ExecutionFailure(error: failure.error ?? "", cause: failure.cause))
        }
        let result = (try? JSON.parse(mock.result ?? "null")) ?? .null
        if type == "Map", let failures = configuration?.mapIterationFailureCount, failures > 0 {
            let items = result.arrayValue?.count ?? failures
            let count = state["ToleratedFailureCount"]?.numberValue?.int64Value ?? 0
            let percentage = state["ToleratedFailurePercentage"]?.numberValue?.doubleValue
            let withinCount = Int64(failures) <= count
            let withinPercentage = percentage.map { Double(failures) * 100 <= $0 * Double(max(items, 1)) } ?? false
            if !withinCount, !withinPercentage {
                return .failure(
                    ExecutionFailure(
                        error: StatesError.exceedToleratedFailureThreshold,
                        cause: "The specified tolerated failure threshold was exceeded"))
            }
        }
        return .success(result)
    }

    /// A mocked Map or Parallel runs as a Task with the state's own data flow and error
    /// handling around the mocked result (InputPath, Parameters/Arguments of a Parallel,
    /// ResultSelector, ResultPath, OutputPath, Output, Assign, Retry, Catch): the engine then
    /// applies them exactly as it does to a task's result. A Map's per-item fields
    /// (ItemsPath, ItemSelector, ItemBatcher, ItemReader) are not run: the mock stands for
    /// every iteration. Other states run as they are.
    var runnableState: JSONObject {
        guard isMapOrParallel else { return state }
        var task = JSONObject()
        _ = task.updateValue("Task", forKey: "Type")
        _ = task.updateValue("arn:aws:states:::lambda:invoke", forKey: "Resource")
        var kept = [
            "Comment", "QueryLanguage", "InputPath", "ResultSelector", "ResultPath", "OutputPath", "Output",
            "Assign", "Retry", "Catch", "Next", "End",
        ]
        if type == "Parallel" { kept += ["Parameters", "Arguments"] }
        for key in kept {
            if let value = state[key] { _ = task.updateValue(value, forKey: key) }
        }
        return task
    }
}
