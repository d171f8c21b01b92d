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

    var hasCatch: Bool { !(state["Catch"]?.arrayValue ?? []).isEmpty }

    /// Whether one of the state's retriers would retry `error` at retry number `attempt`:
    /// the first retrier whose `ErrorEquals` matches decides, as the engine decides.
    func retries(_ error: String, attempt: Int) -> Bool {
        for retrier in state["Retry"]?.arrayValue ?? [] {
            let names = retrier["ErrorEquals"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let isTask = state["Type"]?.stringValue == "Task"
            let matches = names.contains { name in
                name == error || (name == StatesError.all && !StatesError.terminal.contains(error))
                    || (name == StatesError.taskFailed && isTask && error != StatesError.timeout
                        && !StatesError.terminal.contains(error))
            }
            if matches {
                let maxAttempts = retrier["MaxAttempts"]?.numberValue?.int64Value ?? 3
                return Int64(attempt) < maxAttempts
            }
        }
        return false
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
        var tested = state
        _ = tested.removeValue(forKey: "Retry")
        if !keepingCatch { _ = tested.removeValue(forKey: "Catch") }
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
        for target in targets(keepingCatch: keepingCatch) where states[target] == nil {
            _ = states.updateValue(["Type": "Pass", "End": true], forKey: target)
        }
        var machine = JSONObject()
        if let queryLanguage { _ = machine.updateValue(queryLanguage, forKey: "QueryLanguage") }
        _ = machine.updateValue(.string(startAt), forKey: "StartAt")
        _ = machine.updateValue(.object(states), forKey: "States")
        return .object(machine)
    }
}
