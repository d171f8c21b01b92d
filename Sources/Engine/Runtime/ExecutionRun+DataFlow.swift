import Intrinsics
import JSONPath
import JSONValue

/// Input and output processing in AWS's order: InputPath → Parameters → (work) →
/// ResultSelector → ResultPath → OutputPath, with AWS's errors and cause texts.
extension ExecutionRun {
    func applyInputPath(_ visit: StateVisit, variables: [String: JSON]) throws(ExecutionFailure) -> JSON {
        // Only an InputPath into `$$` needs the context object here.
        var context = JSON.null
        if case .path(let path) = visit.state.inputPath, path.isContextPath { context = contextObject(visit) }
        return try select(
            visit.state.inputPath, visit.state.inputFast, from: visit.rawInput, visit, context: context, variables: variables)
    }

    func applyOutputPath(_ visit: StateVisit, _ value: JSON, context: JSON, variables: [String: JSON]) throws(ExecutionFailure) -> JSON {
        try select(visit.state.outputPath, visit.state.outputFast, from: value, visit, context: context, variables: variables)
    }

    /// `InputPath`/`OutputPath`: `$` by default, `{}` for null, else the path's selection.
    private func select(
        _ field: PathField, _ fast: FastPath?, from value: JSON, _ visit: StateVisit, context: JSON, variables: [String: JSON]
    ) throws(ExecutionFailure) -> JSON {
        if let found = fast?.lookup(value, context: context, variables: variables) { return found }
        switch field {
        case .absent:
            return value
        case .null:
            return .object(JSONObject())
        case .path(let path):
            if path.segments.isEmpty, case .input = path.root { return value }
            switch path.evaluate(value, context: context, variables: variables) {
            case .success(let selected):
                return selected
            case .failure(let failure):
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix + "Invalid path '\(path.text)' : \(failure.message)")
            }
        }
    }

    /// `ResultPath` (of the state, or of a catcher): where the result goes in the raw input.
    /// `fast` is the field's compiled `FastPath` when the caller has one (the state's own
    /// `ResultPath`); a catcher's is made here.
    func applyResultPath(
        _ visit: StateVisit, _ field: PathField, result: JSON, fast: FastPath? = nil
    ) throws(ExecutionFailure) -> JSON {
        switch field {
        case .absent:
            return result
        case .null:
            return visit.rawInput
        case .path(let path):
            if path.segments.isEmpty { return result }
            if case .some(let placed) = (fast ?? FastPath(path)).assigning(result, into: visit.rawInput), let placed {
                return placed
            }
            switch path.assigning(result, into: visit.rawInput) {
            case .success(let output):
                return output
            case .failure:
                throw ExecutionFailure(
                    error: StatesError.resultPathMatchFailure,
                    cause: visit.causePrefix
                        + "Unable to apply ReferencePath \(path.text) to input '\(visit.rawInput.serialized())'")
            }
        }
    }

    /// A payload template (`Parameters`, `ResultSelector`, `ItemSelector`) over `input`.
    func evaluate(
        _ template: PayloadTemplate, on input: JSON, context: JSON, _ visit: StateVisit, flow: Flow,
        pathFailure: String = StatesError.runtime
    ) throws(ExecutionFailure) -> JSON {
        let value: JSON
        do {
            value = try template.evaluate(input: input, context: context, variables: flow.variables, random: &random)
        } catch {
            throw templateFailure(error, input: input, visit, pathFailure: pathFailure)
        }
        try checkSize(value, visit)
        return value
    }

    func templateFailure(_ failure: TemplateFailure, input: JSON, _ visit: StateVisit, pathFailure: String) -> ExecutionFailure {
        if case .path(let path) = failure.expression {
            return ExecutionFailure(
                error: pathFailure,
                cause: visit.causePrefix
                    + "The JSONPath '\(path.text)' specified for the field '\(failure.field)' could not be found in the input '\(input.serialized())'")
        }
        return ExecutionFailure(error: failure.failure.error, cause: visit.causePrefix + failure.failure.cause)
    }

    /// Fail's `Error`/`ErrorPath` and `Cause`/`CausePath`.
    func failField(_ field: StringField?, _ visit: StateVisit, context: JSON, flow: Flow) throws(ExecutionFailure) -> String? {
        switch field {
        case nil:
            return nil
        case .literal(let text):
            return text
        case .expression(let expression, let name):
            let result: Result<JSON, IntrinsicFailure>
            switch expression {
            case .path(let path):
                result = path.evaluate(visit.rawInput, context: context, variables: flow.variables).mapError {
                    IntrinsicFailure(error: StatesError.runtime, cause: $0.message, path: path)
                }
                if case .failure = result {
                    throw ExecutionFailure(
                        error: StatesError.runtime,
                        cause: visit.causePrefix
                            + "The JSONPath '\(path.text)' specified for the field '\(name)' could not be found in the input '\(visit.rawInput.serialized())'")
                }
            case .intrinsic(let call):
                result = IntrinsicEvaluator.evaluate(call, input: visit.rawInput, context: context, variables: flow.variables, random: &random)
            }
            switch result {
            case .success(.string(let text)): return text
            case .success(let other): return other.serialized()
            case .failure(let failure): throw ExecutionFailure(error: failure.error, cause: visit.causePrefix + failure.cause)
            }
        }
    }

    /// Evaluates `Assign` against the state's result and sets the variables together
    /// (every expression sees the values from before the state). Returns what was assigned.
    func assignVariables(
        _ template: PayloadTemplate?, result: JSON, context: JSON, _ visit: StateVisit, flow: inout Flow
    ) throws(ExecutionFailure) -> [String: JSON]? {
        guard let template else { return nil }
        let context = context.isNull && template.readsContext ? contextObject(visit) : context
        let values = try evaluate(template, on: result, context: context, visit, flow: flow)
        guard case .object(let object) = values else { return nil }
        var assigned: [String: JSON] = [:]
        for (name, value) in object {
            flow.variables[name] = value
            assigned[name] = value
        }
        return assigned
    }

    /// `$$` for this visit: the execution and machine parts plus `State` (and `Map.Item`).
    /// Built from key arrays made once, so each object costs one allocation (its values).
    func contextObject(_ visit: StateVisit, mapItem: (index: Int, value: JSON)? = nil) -> JSON {
        let enteredTime = JSON.string(iso8601(visit.enteredTime))
        let name = JSON.string(visit.state.name)
        let state: JSONObject
        if case .task = visit.state.kind {
            state = JSONObject(
                distinctKeys: ContextKeys.taskState, values: [enteredTime, name, .number(JSONNumber(visit.retryCount))])
        } else {
            state = JSONObject(distinctKeys: ContextKeys.state, values: [enteredTime, name])
        }
        guard let mapItem else {
            if visit.state.readsOnlyStateContext { return .object(JSONObject(distinctKeys: ContextKeys.onlyState, values: [.object(state)])) }
            var values = contextBase.values
            values.append(.object(state))
            return .object(JSONObject(distinctKeys: contextKeys, values: values))
        }
        let item = JSONObject(distinctKeys: ContextKeys.mapItem, values: [.number(JSONNumber(mapItem.index)), mapItem.value])
        let map = JSONObject(distinctKeys: ContextKeys.map, values: [.object(item)])
        var values: [JSON] = []
        values.reserveCapacity(contextBase.count + 2)
        values.append(contentsOf: contextBase.values)
        values.append(.object(state))
        values.append(.object(map))
        return .object(JSONObject(distinctKeys: contextKeysWithMap, values: values))
    }

    /// The timestamp's text, remembered for the last instant: on a virtual clock many
    /// states enter at the same millisecond.
    func iso8601(_ timestamp: Timestamp) -> String {
        if lastTimestampText.0 == timestamp { return lastTimestampText.1 }
        let text = timestamp.iso8601
        lastTimestampText = (timestamp, text)
        return text
    }

    /// States.DataLimitExceeded for a result past 256 KiB.
    func checkSize(_ value: JSON, _ visit: StateVisit) throws(ExecutionFailure) {
        guard value.exceedsCompactSize(ExecutionRun.payloadLimit) else { return }
        throw ExecutionFailure(
            error: StatesError.dataLimitExceeded,
            cause: "The state/task '\(visit.state.name)' returned a result with a size exceeding the maximum number of bytes service limit.")
    }
}

/// The keys of the context object's parts, made once for every execution.
enum ContextKeys {
    static let state = ["EnteredTime", "Name"]
    static let taskState = ["EnteredTime", "Name", "RetryCount"]
    static let onlyState = ["State"]
    static let mapItem = ["Index", "Value"]
    static let map = ["Item"]
}
