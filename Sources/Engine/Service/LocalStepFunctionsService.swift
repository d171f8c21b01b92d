import ASLModel
import Diagnostics
public import StepFunctionsAPI
import JSONValue
import Validation

/// The Step Functions API answered by the embedded engine, in memory: state machines,
/// executions, history, tags and definition validation, with AWS's fields, errors and
/// wording. `sfn exec`, `StepFunctionsManager` and (later) `sfn serve` reach the engine
/// only through this `StepFunctionsService`, the same seam an HTTP client uses.
///
/// Executions run on an `ExecutionEngine` with the injected clock (virtual by default, so
/// Waits and backoff take no real time); with a `store`, the Standard executions it starts
/// are durable (resuming them through this service, with its machines stored, is next). Versions, aliases, activities, task tokens, Map Runs,
/// RedriveExecution and TestState answer `UnsupportedOperation` until the engine has them.
///
///     let service = LocalStepFunctionsService()
///     let machine = try await service.createStateMachine(.init(name: "Hello", definition: asl, roleArn: role))
///     let run = try await service.startExecution(.init(stateMachineArn: machine.stateMachineArn, input: "{}"))
public actor LocalStepFunctionsService: StepFunctionsService {
    /// The region and account of every ARN this service makes.
    public nonisolated let scope: ARNScope
    let engine: ExecutionEngine
    var random: SeededRandom
    var machines: [String: StoredStateMachine] = [:]
    var executions: [String: StoredExecution] = [:]
    /// "machine ARN:execution name" → execution ARN: names are unique per machine.
    var executionNames: [String: String] = [:]
    var tags: [String: [(key: String, value: String)]] = [:]
    var sequence = 0

    /// - Parameters:
    ///   - clock: the engine's time (`VirtualClock()` by default; `RealClock()` to wait for real).
    ///   - scope: region and account of the ARNs (us-east-1 / 123456789012 by default).
    ///   - invoker: how Task states run (none by default: a Task fails with States.Runtime).
    ///   - seed: makes execution names, States.UUID, States.MathRandom and jitter reproducible.
    ///   - store: where Standard executions are made durable, transition by transition
    ///     (`EngineStore.SQLiteExecutionStore` for a file); none by default. Resuming them
    ///     through this service needs its state machines stored too, which comes later.
    public init(
        clock: any EngineClock = VirtualClock(), scope: ARNScope = .local,
        invoker: any TaskInvoking = UnavailableTaskInvoker(), seed: UInt64 = 0, store: (any ExecutionStore)? = nil
    ) {
        self.scope = scope
        self.engine = ExecutionEngine(
            clock: clock, invoker: invoker, seed: seed, region: scope.region, accountId: scope.account, store: store)
        self.random = SeededRandom(seed: seed)
    }

    var now: StepFunctionsAPI.Timestamp { engine.clock.now().api }

    /// What DescribeStateMachine reports for a machine created without logging.
    static let loggingOff = LoggingConfiguration(level: .off, includeExecutionData: false)

    func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    // MARK: State machines

    public func createStateMachine(_ input: CreateStateMachineInput) async throws(StepFunctionsError)
        -> CreateStateMachineOutput
    {
        try ResourceName.validate(input.name)
        try checkRole(input.roleArn)
        if input.publish == true { throw Self.unsupported("CreateStateMachine with publish (versions)") }
        let type = input.type ?? .standard
        let workflow = try compile(input.definition, type: type)
        let arn = scope.stateMachine(named: input.name)
        if let existing = machines[arn.description] {
            // AWS's idempotency: the same request again returns the same machine.
            guard existing.definition == input.definition, existing.roleArn == input.roleArn, existing.type == type
            else { throw .stateMachineAlreadyExists(arn.description) }
            return CreateStateMachineOutput(stateMachineArn: arn, creationDate: existing.creationDate)
        }
        let date = now
        machines[arn.description] = StoredStateMachine(
            arn: arn, definition: input.definition, roleArn: input.roleArn, type: type, creationDate: date,
            updateDate: date, revisionId: random.uuid(), loggingConfiguration: input.loggingConfiguration,
            tracingConfiguration: input.tracingConfiguration, workflow: workflow, sequence: nextSequence())
        if let newTags = input.tags { try applyTags(newTags, to: arn.description) }
        return CreateStateMachineOutput(stateMachineArn: arn, creationDate: date)
    }

    public func describeStateMachine(_ input: DescribeStateMachineInput) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    {
        let machine = try stateMachine(input.stateMachineArn)
        return DescribeStateMachineOutput(
            stateMachineArn: machine.arn, name: machine.name, status: .active, definition: machine.definition,
            roleArn: machine.roleArn, type: machine.type, creationDate: machine.creationDate,
            loggingConfiguration: machine.loggingConfiguration ?? Self.loggingOff,
            tracingConfiguration: machine.tracingConfiguration ?? TracingConfiguration(enabled: false),
            revisionId: machine.revisionId)
    }

    public func describeStateMachineForExecution(_ input: DescribeStateMachineForExecutionInput)
        async throws(StepFunctionsError) -> DescribeStateMachineForExecutionOutput
    {
        let machine = try execution(input.executionArn).machine
        return DescribeStateMachineForExecutionOutput(
            stateMachineArn: machine.arn, name: machine.name, definition: machine.definition, roleArn: machine.roleArn,
            updateDate: machine.updateDate,
            loggingConfiguration: machine.loggingConfiguration ?? Self.loggingOff,
            tracingConfiguration: machine.tracingConfiguration ?? TracingConfiguration(enabled: false),
            revisionId: machine.revisionId)
    }

    public func updateStateMachine(_ input: UpdateStateMachineInput) async throws(StepFunctionsError)
        -> UpdateStateMachineOutput
    {
        var machine = try stateMachine(input.stateMachineArn)
        guard input.definition != nil || input.roleArn != nil || input.loggingConfiguration != nil
            || input.tracingConfiguration != nil
        else {
            throw StepFunctionsError(
                .missingRequiredParameter,
                "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified")
        }
        if input.publish == true { throw Self.unsupported("UpdateStateMachine with publish (versions)") }
        if let definition = input.definition {
            machine.workflow = try compile(definition, type: machine.type)
            machine.definition = definition
        }
        if let role = input.roleArn {
            try checkRole(role)
            machine.roleArn = role
        }
        if let logging = input.loggingConfiguration { machine.loggingConfiguration = logging }
        if let tracing = input.tracingConfiguration { machine.tracingConfiguration = tracing }
        machine.updateDate = now
        machine.revisionId = random.uuid()
        machines[machine.arn.description] = machine
        return UpdateStateMachineOutput(updateDate: machine.updateDate, revisionId: machine.revisionId)
    }

    public func deleteStateMachine(_ input: DeleteStateMachineInput) async throws(StepFunctionsError)
        -> DeleteStateMachineOutput
    {
        let arn = input.stateMachineArn
        guard arn.qualifier == nil else { throw Self.unsupported("DeleteStateMachine of a version or alias") }
        // AWS answers success for a machine that is already gone.
        if machines.removeValue(forKey: arn.description) != nil { tags[arn.description] = nil }
        return DeleteStateMachineOutput()
    }

    public func listStateMachines(_ input: ListStateMachinesInput) async throws(StepFunctionsError)
        -> ListStateMachinesOutput
    {
        let all = machines.values.sorted { $0.sequence < $1.sequence }
        let page = try PageToken.page(all, maxResults: input.maxResults, nextToken: input.nextToken)
        return ListStateMachinesOutput(
            stateMachines: page.items.map {
                StateMachineListItem(stateMachineArn: $0.arn, name: $0.name, type: $0.type, creationDate: $0.creationDate)
            },
            nextToken: page.nextToken)
    }

    // MARK: Lookups

    /// The stored machine an ARN names; versions and aliases are not supported yet.
    func stateMachine(_ arn: StateMachineARN) throws(StepFunctionsError) -> StoredStateMachine {
        guard arn.qualifier == nil else { throw Self.unsupported("state machine versions and aliases") }
        guard arn.mapStateLabel == nil else { throw Self.unsupported("distributed Map state machines") }
        guard let machine = machines[arn.description] else { throw .stateMachineDoesNotExist(arn.description) }
        return machine
    }

    func execution(_ arn: ExecutionARN) throws(StepFunctionsError) -> StoredExecution {
        guard let execution = executions[arn.description] else { throw .executionDoesNotExist(arn.description) }
        return execution
    }

    /// AWS checks the role's ARN shape (not its existence) on create and update.
    func checkRole(_ roleArn: String) throws(StepFunctionsError) {
        let parts = roleArn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", parts[2] == "iam", parts[5].hasPrefix("role/") else {
            throw .invalidArn("Invalid ARN prefix: \(roleArn)")
        }
    }

    /// Parses and validates a definition as CreateStateMachine does; problems become AWS's
    /// `InvalidDefinition`, each as `CODE: message at /path`.
    func compile(_ definition: String, type: StepFunctionsAPI.StateMachineType) throws(StepFunctionsError)
        -> CompiledWorkflow
    {
        let result = DefinitionCheck.validate(definition, type: type)
        guard let workflow = result.workflow else {
            throw .invalidDefinition(DefinitionCheck.summary(of: result.diagnostics))
        }
        return engine.compile(workflow)
    }

    /// The error of an action (or a variant of one) the local engine does not run yet.
    static func unsupported(_ what: String) -> StepFunctionsError {
        StepFunctionsError(
            .unsupportedOperation, "The local sfn engine does not support \(what) yet")
    }
}

extension StepFunctionsError.Code {
    /// An action the local engine does not implement yet (versions, aliases, activities,
    /// task tokens, Map Runs, redrive, TestState): a 400, as LocalStack's and Step Functions
    /// Local's answers are client errors a caller can recognise.
    public static let unsupportedOperation = StepFunctionsError.Code("UnsupportedOperation")
}
