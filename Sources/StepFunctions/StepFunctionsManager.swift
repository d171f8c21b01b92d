public import Engine
public import JSONValue
public import StepFunctionsAPI

/// The public facade: the Swift form of the Step Functions quick start. It creates state
/// machines, starts executions and reads their results, with AWS's shapes (ARNs, status,
/// dates, output), over any `StepFunctionsService`: the embedded engine by default (in
/// memory, virtual clock), or an HTTP client for an emulator or AWS itself.
///
///     let manager = StepFunctionsManager()
///     let machine = try await manager.createStateMachine(
///         name: "Hello", definition: #"{"StartAt":"Hi","States":{"Hi":{"Type":"Pass","End":true}}}"#)
///     let run = try await manager.startExecution(stateMachineArn: machine.stateMachineArn, input: ["who": "world"])
///     let result = try await manager.waitForExecution(run.executionArn)
///     // result.status == .succeeded, result.output == #"{"who":"world"}"#
///
/// Definitions are JSON text or a `JSON` value; inputs are `JSON` values. Errors are
/// `StepFunctionsError`s with AWS's codes and messages, whichever service answers.
public struct StepFunctionsManager: Sendable {
    /// The service every call goes to.
    public let service: any StepFunctionsService

    /// A manager over the embedded engine, in memory (nothing survives the process).
    public init(clock: any EngineClock = VirtualClock(), scope: ARNScope = .local) {
        self.service = LocalStepFunctionsService(clock: clock, scope: scope)
    }

    /// A manager over any implementation of the API: the local engine, an emulator or AWS.
    public init(service: any StepFunctionsService) {
        self.service = service
    }

    /// The role local machines get when none is named (the local engine checks only its shape).
    public static let defaultRoleArn = "arn:aws:iam::123456789012:role/StepFunctions"

    // MARK: State machines

    /// CreateStateMachine: an invalid definition throws `InvalidDefinition` naming each problem.
    public func createStateMachine(
        name: String, definition: String, roleArn: String = defaultRoleArn, type: StateMachineType = .standard,
        tags: [String: String] = [:]
    ) async throws(StepFunctionsError) -> CreateStateMachineOutput {
        let tagList = tags.sorted { $0.key < $1.key }.map { Tag(key: $0.key, value: $0.value) }
        return try await service.createStateMachine(
            CreateStateMachineInput(
                name: name, definition: definition, roleArn: roleArn, type: type, tags: tagList.isEmpty ? nil : tagList))
    }

    /// CreateStateMachine from a definition held as a `JSON` value.
    public func createStateMachine(
        name: String, definition: JSON, roleArn: String = defaultRoleArn, type: StateMachineType = .standard
    ) async throws(StepFunctionsError) -> CreateStateMachineOutput {
        try await createStateMachine(
            name: name, definition: definition.serialized(.pretty), roleArn: roleArn, type: type)
    }

    public func describeStateMachine(_ stateMachineArn: StateMachineARN) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    {
        try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: stateMachineArn))
    }

    /// UpdateStateMachine: a new definition, a new role, or both.
    public func updateStateMachine(
        _ stateMachineArn: StateMachineARN, definition: String? = nil, roleArn: String? = nil
    ) async throws(StepFunctionsError) -> UpdateStateMachineOutput {
        try await service.updateStateMachine(
            UpdateStateMachineInput(stateMachineArn: stateMachineArn, definition: definition, roleArn: roleArn))
    }

    public func deleteStateMachine(_ stateMachineArn: StateMachineARN) async throws(StepFunctionsError) {
        _ = try await service.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: stateMachineArn))
    }

    /// Every state machine, following `nextToken` through all pages.
    public func listStateMachines() async throws(StepFunctionsError) -> [StateMachineListItem] {
        var items: [StateMachineListItem] = []
        var token: String?
        repeat {
            let page = try await service.listStateMachines(ListStateMachinesInput(nextToken: token))
            items += page.stateMachines
            token = page.nextToken
        } while token != nil
        return items
    }

    // MARK: Executions

    /// StartExecution: returns at once with the execution's ARN and start date.
    public func startExecution(
        stateMachineArn: StateMachineARN, input: JSON = [:], name: String? = nil
    ) async throws(StepFunctionsError) -> StartExecutionOutput {
        try await service.startExecution(
            StartExecutionInput(stateMachineArn: stateMachineArn, name: name, input: input.serialized(.compact)))
    }

    /// StartSyncExecution (Express machines): runs to the end and returns output or error.
    public func startSyncExecution(
        stateMachineArn: StateMachineARN, input: JSON = [:], name: String? = nil
    ) async throws(StepFunctionsError) -> StartSyncExecutionOutput {
        try await service.startSyncExecution(
            StartSyncExecutionInput(stateMachineArn: stateMachineArn, name: name, input: input.serialized(.compact)))
    }

    public func describeExecution(_ executionArn: ExecutionARN) async throws(StepFunctionsError)
        -> DescribeExecutionOutput
    {
        try await service.describeExecution(DescribeExecutionInput(executionArn: executionArn))
    }

    /// DescribeExecution until the execution has ended. On the embedded engine this waits
    /// for the run itself; on another service it polls every `pollInterval`.
    public func waitForExecution(
        _ executionArn: ExecutionARN, pollInterval: Duration = .milliseconds(200)
    ) async throws(StepFunctionsError) -> DescribeExecutionOutput {
        if let local = service as? LocalStepFunctionsService {
            return try await local.waitForExecution(executionArn)
        }
        while true {
            let description = try await describeExecution(executionArn)
            if description.status.isTerminal { return description }
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// StopExecution: the execution ends ABORTED with this error and cause.
    @discardableResult
    public func stopExecution(
        _ executionArn: ExecutionARN, error: String? = nil, cause: String? = nil
    ) async throws(StepFunctionsError) -> StopExecutionOutput {
        try await service.stopExecution(StopExecutionInput(executionArn: executionArn, error: error, cause: cause))
    }

    /// The executions of a machine, newest first, optionally only those with `status`;
    /// follows `nextToken` through all pages.
    public func listExecutions(
        stateMachineArn: StateMachineARN, status: StepFunctionsAPI.ExecutionStatus? = nil
    ) async throws(StepFunctionsError) -> [ExecutionListItem] {
        var items: [ExecutionListItem] = []
        var token: String?
        repeat {
            let page = try await service.listExecutions(
                ListExecutionsInput(stateMachineArn: stateMachineArn, statusFilter: status, nextToken: token))
            items += page.executions
            token = page.nextToken
        } while token != nil
        return items
    }

    /// The execution's whole history, oldest first (all pages).
    public func getExecutionHistory(
        _ executionArn: ExecutionARN, includeExecutionData: Bool = true
    ) async throws(StepFunctionsError) -> [StepFunctionsAPI.HistoryEvent] {
        var events: [StepFunctionsAPI.HistoryEvent] = []
        var token: String?
        repeat {
            let page = try await service.getExecutionHistory(
                GetExecutionHistoryInput(
                    executionArn: executionArn, maxResults: 1000, nextToken: token,
                    includeExecutionData: includeExecutionData))
            events += page.events
            token = page.nextToken
        } while token != nil
        return events
    }
}
