import JSONValue
import StepFunctionsAPI

/// The state a TestState request names, and the machines that run it alone.
///
/// The definition is either one state or a whole machine with `stateName` choosing the state
/// (its top-level `QueryLanguage` then applies). Every state it can go to becomes a
/// placeholder Pass state, so the run ends one step later and its history names the next state.
struct TestedState {
    /// The state's name in the run (`stateName`, or `TestState` for a lone state).
    let name: String
    let state: JSONObject
    let queryLanguage: JSON?
    /// The `variables` of the request, assigned before the state runs.
    let variables: JSONObject?

    /// The Pass state that assigns `variables` first.
    static let variablesStateName = "TestState variables"

    init(_ input: TestStateInput) throws(StepFunctionsError) {
        let definition: JSON
        do {
            definition = try JSON.parse(input.definition)
        } catch {
            throw .invalidDefinition("INVALID_JSON_DESCRIPTION: \(error.message)")
        }
        guard let object = definition.objectValue else {
            throw .invalidDefinition("SCHEMA_VALIDATION_FAILED: the definition must be a JSON object at /")
        }
        if let states = object["States"]?.objectValue {
            guard let stateName = input.stateName else {
                throw StepFunctionsError(
                    .validationException, "stateName is required when the definition is a whole state machine")
            }
            guard let state = states[stateName]?.objectValue else {
                throw StepFunctionsError(
                    .validationException, "stateName '\(stateName)' is not a state of the definition")
            }
            name = stateName
            self.state = state
            queryLanguage = object["QueryLanguage"]
        } else {
            name = input.stateName ?? "TestState"
            state = object
            queryLanguage = nil
        }
        guard state["Type"]?.stringValue != nil else {
            throw .invalidDefinition("SCHEMA_VALIDATION_FAILED: the state has no 'Type' at /Type")
        }
        if let text = input.variables {
            do {
                guard let values = try JSON.parse(text).objectValue else {
                    throw StepFunctionsError(.validationException, "variables must be a JSON object")
                }
                variables = values
            } catch let error as StepFunctionsError {
                throw error
            } catch {
                throw StepFunctionsError(.validationException, "variables is not valid JSON: \(error)")
            }
        } else {
            variables = nil
        }
        if targets(keepingCatch: true).contains(name) {
            throw StepFunctionsError(
                .validationException, "TestState cannot run state '\(name)': it transitions to itself")
        }
    }

    /// The retrier that would retry `error` at retry number `attempt`, with the backoff
    /// before that retry: the first retrier whose `ErrorEquals` matches decides, as the engine
    /// decides; nil when none matches or the matching one has used up its `MaxAttempts`.
    /// The backoff is `IntervalSeconds × BackoffRate^attempt`, capped by `MaxDelaySeconds`,
    /// without jitter (AWS's docs say nothing of jitter in TestState; ours leaves it out).
    func retrier(for error: String, attempt: Int) -> (index: Int, backoffSeconds: Int)? {
        for (index, retrier) in (state["Retry"]?.arrayValue ?? []).enumerated() where matches(error, retrier) {
            let maxAttempts = retrier["MaxAttempts"]?.numberValue?.int64Value ?? 3
            guard Int64(attempt) < maxAttempts else { return nil }
            let interval = retrier["IntervalSeconds"]?.numberValue?.doubleValue ?? 1
            let rate = retrier["BackoffRate"]?.numberValue?.doubleValue ?? 2
            var seconds = interval
            for _ in 0..<attempt { seconds *= rate }
            if let cap = retrier["MaxDelaySeconds"]?.numberValue?.doubleValue { seconds = min(seconds, cap) }
            return (index, Int(min(seconds, Double(Int32.max))))
        }
        return nil
    }

    /// The index of the first catcher whose `ErrorEquals` matches `error`.
    func catcherIndex(for error: String) -> Int? {
        (state["Catch"]?.arrayValue ?? []).firstIndex { matches(error, $0) }
    }

    /// Whether a retrier's or catcher's `ErrorEquals` names `error`, `States.ALL` (which
    /// matches all but the terminal errors) or, for a Task, `States.TaskFailed`.
    private func matches(_ error: String, _ handler: JSON) -> Bool {
        let names = handler["ErrorEquals"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let isTask = type == "Task"
        return names.contains { name in
            name == error || (name == StatesError.all && !StatesError.terminal.contains(error))
                || (name == StatesError.taskFailed && isTask && error != StatesError.timeout
                    && !StatesError.terminal.contains(error))
        }
    }

    /// The names of the states this one can go to: Next, Default, each Choice's and Catcher's Next.
    func targets(keepingCatch: Bool) -> [String] {
        var names: [String] = []
        func add(_ value: JSON?) {
            if let name = value?.stringValue, !names.contains(name) { names.append(name) }
        }
        add(state["Next"])
        add(state["Default"])
        for choice in state["Choices"]?.arrayValue ?? [] { add(choice["Next"]) }
        if keepingCatch {
            for catcher in state["Catch"]?.arrayValue ?? [] { add(catcher["Next"]) }
        }
        return names
    }

    /// The machine that runs the state once: variables first, then the state without `Retry`
    /// (and without `Catch` unless kept), then a placeholder for each next state.
    func machine(keepingCatch: Bool) -> JSON {
        var tested = runnableState
        _ = tested.removeValue(forKey: "Retry")
        if !keepingCatch { _ = tested.removeValue(forKey: "Catch") }
        return machine(running: tested, targets: targets(keepingCatch: keepingCatch))
    }

    /// The machine that runs `tested` under the state's name: variables first, then
    /// `tested`, then a placeholder for each of `targets`.
    func machine(running tested: JSONObject, targets: [String]) -> JSON {
        var states = JSONObject()
        var startAt = name
        if let variables, !variables.isEmpty {
            let assign: JSON = [
                "Type": "Pass", "Assign": .object(variables), "Next": .string(name),
            ]
            _ = states.updateValue(assign, forKey: Self.variablesStateName)
            startAt = Self.variablesStateName
        }
        _ = states.updateValue(.object(tested), forKey: name)
        for target in targets where states[target] == nil {
            _ = states.updateValue(["Type": "Pass", "End": true], forKey: target)
        }
        var machine = JSONObject()
        if let queryLanguage { _ = machine.updateValue(queryLanguage, forKey: "QueryLanguage") }
        _ = machine.updateValue(.string(startAt), forKey: "StartAt")
        _ = machine.updateValue(.object(states), forKey: "States")
        return .object(machine)
    }
}
