import ASLModel
import Engine
import JSONValue
import Testing
import Validation

/// Validates a definition written in the test and runs it on an engine with the
/// given clock and invoker (virtual clock, no tasks, seed 1 by default).
struct EngineHarness {
    var clock: any EngineClock = VirtualClock()
    var invoker: any TaskInvoking = UnavailableTaskInvoker()
    var seed: UInt64 = 1
    var type: StateMachineType = .standard

    func workflow(_ definition: String) throws -> CompiledWorkflow {
        let document = try JSONParser.parseDocument(definition, file: "test.asl.json")
        let result = Validator().validate(document, options: ValidationOptions(type: type, includeWarnings: false))
        guard let workflow = result.workflow else {
            Issue.record("definition is invalid: \(result.diagnostics.map(\.message))")
            throw HarnessError.invalid
        }
        return engine.compile(workflow)
    }

    var engine: ExecutionEngine { ExecutionEngine(clock: clock, invoker: invoker, seed: seed) }

    func run(_ definition: String, input: JSON = [:], name: String = "exec") async throws -> ExecutionReport {
        await engine.run(try workflow(definition), input: input, stateMachineName: "Machine", executionName: name)
    }

    enum HarnessError: Error { case invalid }
}

extension ExecutionReport {
    var status: ExecutionStatus { description.status }
    var output: JSON? { description.output }
    var error: String? { description.error }
    var cause: String? { description.cause }
    var eventTypes: [String] { history.map(\.type.rawValue) }
}
