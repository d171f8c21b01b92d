import JSONValue
import StepFunctionsAPI

/// What one run of a TestState machine says about the tested state, read from its history:
/// the state's input and output, the task's parameters and result, the variables it assigned,
/// and the state entered after it.
struct TestStateRun {
    var status: ExecutionStatus
    var error: String?
    var cause: String?
    var input: JSON?
    var output: JSON?
    var nextState: String?
    var taskParameters: JSON?
    var taskResult: JSON?
    var assignedVariables: [String: JSON]?
    /// The request's `variables`, which the state saw before it ran.
    var givenVariables: JSONObject?
    var usesJSONata: Bool

    init(report: ExecutionReport, test: TestedState) {
        let description = report.description
        status = description.status
        error = description.error
        cause = description.cause
        givenVariables = test.variables
        usesJSONata = (test.state["QueryLanguage"] ?? test.queryLanguage)?.stringValue == "JSONata"
        var inTested = false
        for event in report.history {
            switch event.details {
            case .stateEntered(let entered) where entered.name == test.name:
                inTested = true
                input = entered.input
            case .stateEntered(let entered) where inTested:
                // The placeholder after the state: its input is what the state put out.
                nextState = entered.name
                output = entered.input
                inTested = false
            case .stateExited(let exited) where exited.name == test.name:
                output = exited.output
                assignedVariables = exited.assignedVariables
            case .taskScheduled(let scheduled) where inTested:
                taskParameters = scheduled.parameters
            case .taskSucceeded(let succeeded) where inTested:
                taskResult = succeeded.output
            case .activityScheduled(let scheduled) where inTested:
                taskParameters = scheduled.input
            case .activitySucceeded(let succeeded) where inTested:
                taskResult = succeeded.output
            case .taskFailed(let failed) where inTested:
                error = failed.error
                cause = failed.cause
            default:
                break
            }
        }
        if status != .succeeded { output = nil }
    }

    /// The answer for a state that put out a value: SUCCEEDED, or CAUGHT_ERROR with the
    /// error it caught.
    func output(
        level: InspectionLevel, status: TestExecutionStatus, error: String? = nil, cause: String? = nil
    ) -> TestStateOutput {
        TestStateOutput(
            output: (output ?? .null).serialized(.compact), error: error, cause: cause,
            inspectionData: inspection(level), nextState: nextState, status: status)
    }

    /// The answer for a state that failed: FAILED or RETRIABLE, with no output or next state.
    func failure(level: InspectionLevel, status: TestExecutionStatus) -> TestStateOutput {
        TestStateOutput(
            error: error ?? "", cause: cause, inspectionData: inspection(level), nextState: nil, status: status)
    }

    /// DEBUG and TRACE: the state's input, and for a task its parameters (JSONPath) or
    /// arguments (JSONata) and raw result; the variables after it ran. INFO: none.
    private func inspection(_ level: InspectionLevel) -> InspectionData? {
        guard level != .info else { return nil }
        var data = InspectionData(input: input.map { $0.serialized(.compact) })
        if let taskParameters {
            if usesJSONata {
                data.afterArguments = taskParameters.serialized(.compact)
            } else {
                data.afterParameters = taskParameters.serialized(.compact)
            }
        }
        data.result = taskResult.map { $0.serialized(.compact) }
        // API reference, InspectionData.variables: the variables after the state ran, both
        // those it assigned and those the request set up.
        var variables: [String: JSON] = [:]
        for key in givenVariables?.keys ?? [] { variables[key] = givenVariables?[key] }
        for (key, value) in assignedVariables ?? [:] { variables[key] = value }
        if !variables.isEmpty {
            data.variables = JSON.object(JSONObject(variables.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
                .serialized(.compact)
        }
        return data
    }
}
