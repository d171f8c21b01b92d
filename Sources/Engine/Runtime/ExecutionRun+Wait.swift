import JSONPath
import JSONValue

/// Wait states: a deadline from `Seconds`, `Timestamp`, `SecondsPath` or `TimestampPath`,
/// reached through the injected clock (a virtual clock jumps there at once).
extension ExecutionRun {
    func runWait(_ wait: CompiledWait, _ visit: StateVisit, flow: inout Flow) async -> StateResult {
        let effective: JSON
        let until: Timestamp
        let context = visit.state.readsContext ? contextObject(visit) : .null
        do throws(ExecutionFailure) {
            effective = try applyInputPath(visit, variables: flow.variables)
            until = try deadline(of: wait, effective, visit, context: context, flow: flow)
        } catch {
            return .failed(error)
        }
        let wake = deadline.map { Swift.min($0, until) } ?? until
        if wake > clock.now() { await clock.sleep(until: wake) }
        if mustStop() { return .stopped }
        do throws(ExecutionFailure) {
            let output = try applyOutputPath(visit, effective, context: context, variables: flow.variables)
            let assigned = try assignVariables(visit.state.assign, result: effective, context: context, visit, flow: &flow)
            record(.waitStateExited, .stateExited(StateExitedEventDetails(
                name: visit.state.name, output: output, assignedVariables: assigned)), flow: &flow)
            if let next = visit.state.next { return .next(next, output) }
            return .end(output)
        } catch {
            return .failed(error)
        }
    }

    private func deadline(
        of wait: CompiledWait, _ input: JSON, _ visit: StateVisit, context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> Timestamp {
        switch wait {
        case .seconds(let seconds):
            return visit.enteredTime.adding(seconds: seconds)
        case .timestamp(let timestamp):
            return timestamp
        case .secondsPath(let path):
            let value = try read(path, input, visit, context: context, flow: flow)
            guard case .number(let number) = value, let seconds = number.int64Value, number.doubleValue == Double(seconds) else {
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix + "The SecondsPath parameter cannot be parsed as a long value: \(path.text) == \(value.plainText)")
            }
            guard seconds >= 0 else {
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix + "The SecondsPath parameter references a negative value: \(path.text) == \(value.plainText)")
            }
            return visit.enteredTime.adding(seconds: seconds)
        case .timestampPath(let path):
            let value = try read(path, input, visit, context: context, flow: flow)
            guard case .string(let text) = value, let timestamp = Timestamp(iso8601: text) else {
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix
                        + "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: \(path.text) == \(value.plainText)")
            }
            return timestamp
        }
    }

    /// A `…Path` setting's value; a path that selects nothing is AWS's "Invalid path" error.
    func read(_ path: JSONPath, _ input: JSON, _ visit: StateVisit, context: JSON, flow: Flow) throws(ExecutionFailure) -> JSON {
        switch path.evaluate(input, context: context, variables: flow.variables) {
        case .success(let value):
            return value
        case .failure(let failure):
            throw ExecutionFailure(
                error: StatesError.runtime, cause: visit.causePrefix + "Invalid path '\(path.text)' : \(failure.message)")
        }
    }
}

extension JSON {
    /// A value as AWS quotes it inside a cause: strings bare, anything else as JSON.
    var plainText: String {
        if case .string(let s) = self { return s }
        return serialized()
    }
}
