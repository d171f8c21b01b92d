import JSONValue
import StepFunctionsAPI

/// DEBUG and TRACE inspection of a JSONPath state: the value after each data-flow step.
///
/// The engine's history records a state's input, its task's parameters and result, and its
/// output, not the steps between. Each missing step is found by running a shorter copy of the
/// state on the same engine: a Pass state with only the `InputPath` gives `afterInputPath`;
/// with the `Parameters` too, `afterParameters`; the state with `ResultPath: "$"` and no
/// `OutputPath` gives `afterResultSelector`; without its `OutputPath`, `afterResultPath`. A
/// task in such a copy answers the result the first run got, so nothing is called twice. A
/// step the state does not have is its input unchanged. JSONata states have none of these
/// fields (API reference, InspectionData: "Not populated when QueryLanguage is JSONata").
extension LocalStepFunctionsService {
    func inspect(
        _ data: inout InspectionData, test: TestedState, run: TestStateRun, input: JSON
    ) async throws(StepFunctionsError) {
        if test.isMapOrParallel, test.state["Parameters"] == nil, test.state["Arguments"] == nil {
            // The stand-in Task's parameters are only its effective input.
            data.afterParameters = nil
            data.afterArguments = nil
        }
        if test.type == "Map" {
            inspectMap(&data, test: test)
            data.afterItemSelector = try await itemSelections(test, input: input)?.serialized(.compact)
        }
        guard !run.usesJSONata, test.type != "Fail" else { return }
        let state = test.state

        let afterInputPath = try await step(pass(state, keeping: ["InputPath"]), test: test, input: input)
        data.afterInputPath = afterInputPath?.serialized(.compact)
        if test.type == "Map", let afterInputPath {
            var items = afterInputPath
            if state["ItemsPath"] != nil {
                var pass = pass(state, keeping: ["InputPath"])
                _ = pass.updateValue(state["ItemsPath"] ?? "$", forKey: "OutputPath")
                items = try await step(pass, test: test, input: input) ?? afterInputPath
            }
            data.afterItemsPath = items.serialized(.compact)
        }
        if state["Parameters"] != nil, test.type == "Pass" || test.type == "Parallel" {
            let after = try await step(pass(state, keeping: ["InputPath", "Parameters"]), test: test, input: input)
            data.afterParameters = after?.serialized(.compact)
        }
        guard run.status == .succeeded, ["Pass", "Task", "Map", "Parallel"].contains(test.type) else { return }
        let replay = run.taskResult.map { MockedTask(.success($0)) }
        if let result = run.taskResult {
            var selected = result
            if state["ResultSelector"] != nil {
                var copy = ended(test.runnableState, removing: ["OutputPath"])
                _ = copy.updateValue("$", forKey: "ResultPath")
                selected = try await step(copy, test: test, input: input, invoker: replay) ?? result
            }
            data.afterResultSelector = selected.serialized(.compact)
        }
        var afterResultPath = run.output
        if state["OutputPath"] != nil {
            let copy = ended(test.runnableState, removing: ["OutputPath"])
            afterResultPath = try await step(copy, test: test, input: input, invoker: replay)
        }
        data.afterResultPath = afterResultPath?.serialized(.compact)
    }

    /// A Map's settings as AWS reports them: `maxConcurrency` (0 when unlimited) and the
    /// tolerated failures it declares.
    private func inspectMap(_ data: inout InspectionData, test: TestedState) {
        let state = test.state
        data.maxConcurrency = Int(state["MaxConcurrency"]?.numberValue?.int64Value ?? 0)
        if let count = state["ToleratedFailureCount"]?.numberValue?.int64Value {
            data.toleratedFailureCount = Int(count)
        }
        if let percentage = state["ToleratedFailurePercentage"]?.numberValue?.doubleValue {
            data.toleratedFailurePercentage = percentage
        }
    }

    /// Each iteration's input after a Map's `ItemSelector` (or the older `Parameters`): the
    /// engine's own Map over the same items, whose iterations are a Pass state that hands its
    /// input back. Nil when the Map has no selector, reads its items with an ItemReader (the
    /// reader's source is not here), or the selection fails.
    private func itemSelections(_ test: TestedState, input: JSON) async throws(StepFunctionsError) -> JSON? {
        let state = test.state
        guard state["ItemSelector"] != nil || state["Parameters"] != nil, state["ItemReader"] == nil else { return nil }
        var map = JSONObject()
        _ = map.updateValue("Map", forKey: "Type")
        for key in ["QueryLanguage", "InputPath", "ItemsPath", "Items", "ItemSelector", "Parameters"] {
            if let value = state[key] { _ = map.updateValue(value, forKey: key) }
        }
        let echo: JSON = ["StartAt": "Item", "States": ["Item": ["Type": "Pass", "End": true]]]
        _ = map.updateValue(echo, forKey: "ItemProcessor")
        _ = map.updateValue(true, forKey: "End")
        return try await step(map, test: test, input: input)
    }

    /// A Pass state with only the given fields of `state`: it puts out what they make of its input.
    private func pass(_ state: JSONObject, keeping keys: [String]) -> JSONObject {
        var pass = JSONObject()
        _ = pass.updateValue("Pass", forKey: "Type")
        for key in keys {
            if let value = state[key] { _ = pass.updateValue(value, forKey: key) }
        }
        _ = pass.updateValue(true, forKey: "End")
        return pass
    }

    /// `state` as the last state of a machine, without error handling, Assign or `removing`.
    private func ended(_ state: JSONObject, removing keys: [String]) -> JSONObject {
        var copy = state
        for key in keys + ["Retry", "Catch", "Assign", "Next", "End"] { _ = copy.removeValue(forKey: key) }
        _ = copy.updateValue(true, forKey: "End")
        return copy
    }

    /// What `state`, run alone under the tested state's name, puts out; nil when it fails.
    private func step(
        _ state: JSONObject, test: TestedState, input: JSON, invoker: MockedTask? = nil
    ) async throws(StepFunctionsError) -> JSON? {
        let run = try await run(test.machine(running: state, targets: []), input: input, test: test, invoker: invoker)
        return run.status == .succeeded ? run.output : nil
    }
}
