public import Engine
public import JSONValue

/// A Task state that nothing on the local engine would run: no handler, no built-in
/// integration, no mock. `sfn validate --env local` reports these as warnings; at run time
/// the task fails with `States.TaskFailed` (or Lambda's ResourceNotFoundException).
public struct UncoveredTask: Sendable, Hashable {
    public var stateName: String
    public var resource: String
    /// Where the state's `Resource` is in the rendered definition.
    public var pointer: JSONPointer
    public var message: String
}

extension LocalRuntimeSettings {
    /// The Task states of `definition` (a rendered state machine, nested states included)
    /// that neither a handler, a built-in integration (nested executions, HTTP, activities)
    /// nor any test case of `mocks` for `stateMachineName` covers.
    ///
    /// A Lambda task whose function is chosen at run time (`FunctionName.$`) is not reported.
    public func uncoveredTasks(in definition: JSON, stateMachineName: String, mocks: MockConfiguration?) -> [UncoveredTask] {
        let router = makeRouter(projectRoot: "/")
        let mocked = Set((mocks?.stateMachines[stateMachineName] ?? [:]).values.flatMap { $0.keys }.map(MockConfiguration.stateName(ofKey:)))
        var found: [UncoveredTask] = []
        visit(definition, at: [], router: router, mocked: mocked, into: &found)
        return found
    }

    private func visit(
        _ machine: JSON, at pointer: JSONPointer, router: LocalTaskRouter, mocked: Set<String>, into found: inout [UncoveredTask]
    ) {
        for (name, state) in machine["States"]?.objectValue ?? [:] {
            let statePointer = pointer.appending("States").appending(name)
            for (i, branch) in (state["Branches"]?.arrayValue ?? []).enumerated() {
                visit(branch, at: statePointer.appending("Branches").appending(i), router: router, mocked: mocked, into: &found)
            }
            for key in ["ItemProcessor", "Iterator"] {
                if let processor = state[key] {
                    visit(processor, at: statePointer.appending(key), router: router, mocked: mocked, into: &found)
                }
            }
            guard state["Type"] == "Task", let resource = state["Resource"]?.stringValue, !mocked.contains(name),
                !Self.covers(router, resource: resource, state: state)
            else { continue }
            found.append(UncoveredTask(
                stateName: name, resource: resource, pointer: statePointer.appending("Resource"),
                message: "the state '\(name)' runs '\(resource)', which has no handler or mock on the local engine; "
                    + "map it under 'local.handlers' (\"\(LocalTaskRouter.base(of: resource))\": {command: [program, args…]}) "
                    + "or mock the state in the mock file"))
        }
    }

    private static func covers(_ router: LocalTaskRouter, resource: String, state: JSON) -> Bool {
        let base = LocalTaskRouter.base(of: resource)
        if base == NestedExecutionInvoker.resource || base == HTTPInvoker.resource { return true }
        if resource.contains(":activity:") { return true }
        if base == LambdaInvoker.invokeResource {
            let arguments = state["Parameters"] ?? state["Arguments"]
            guard let name = arguments?["FunctionName"]?.stringValue else { return true }
            guard let function = FunctionReference(functionName: name) else { return false }
            return router.lambda.functions.runner(for: function) != nil
        }
        if let function = FunctionReference(resource) { return router.lambda.functions.runner(for: function) != nil }
        return router.handler(for: resource) != nil
    }
}
