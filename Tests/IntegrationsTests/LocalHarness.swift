import Engine
import Foundation
import Integrations
import JSONValue
import StepFunctionsAPI

/// A local Step Functions service built as `sfn run` builds it: the invoker from settings
/// (or given), the late-bound service reference, and helpers to deploy and run.
struct LocalHarness {
    let service: LocalStepFunctionsService
    let services: LocalServiceReference

    init(clock: any EngineClock = VirtualClock(), invoker: (LocalServiceReference) throws -> any TaskInvoking) rethrows {
        try self.init(options: { services in LocalStepFunctionsService.Options(clock: clock, invoker: try invoker(services)) })
    }

    /// The service as `sfn run` makes it: options from the settings, then the reference bound.
    init(options: (LocalServiceReference) throws -> LocalStepFunctionsService.Options) rethrows {
        let services = LocalServiceReference()
        service = LocalStepFunctionsService(options: try options(services))
        services.bind(service)
        self.services = services
    }

    static let role = "arn:aws:iam::123456789012:role/sfn-local"

    @discardableResult
    func deploy(_ name: String, _ definition: String) async throws -> StateMachineARN {
        try await service.createStateMachine(CreateStateMachineInput(name: name, definition: definition, roleArn: Self.role))
            .stateMachineArn
    }

    /// Starts `machine` (with `#testCase` when given) and waits for its end.
    func run(_ machine: StateMachineARN, input: JSON = [:], testCase: String? = nil) async throws -> DescribeExecutionOutput {
        var arn = machine
        arn.testCase = testCase
        let started = try await service.startExecution(StartExecutionInput(stateMachineArn: arn, input: input.serialized(.compact)))
        return try await service.waitForExecution(started.executionArn)
    }

    func history(_ execution: ExecutionARN) async throws -> [StepFunctionsAPI.HistoryEvent] {
        try await service.getExecutionHistory(GetExecutionHistoryInput(executionArn: execution)).events
    }
}

extension DescribeExecutionOutput {
    /// The output parsed, or nil.
    var json: JSON? { output.flatMap { try? JSON.parse($0) } }
}
