import ASLModel
import Diagnostics
public import StepFunctionsAPI
import JSONValue
import Validation

/// The Step Functions API answered by the embedded engine: state machines, versions,
/// aliases, executions, history, tags and definition validation, with AWS's fields, errors
/// and wording. `sfn exec`, `StepFunctionsManager`, `sfn serve` and the deploy targets reach
/// the engine only through this `StepFunctionsService`, the same seam an HTTP client uses.
///
/// In memory by default. Opened on a `CatalogStore` (`EngineStore.LocalEngineDatabase`), it
/// is durable: every accepted change is committed before the request is answered, Standard
/// executions persist each transition before the next, and a service opened again on the
/// same store finds its machines, versions, aliases, activities, tags and executions and
/// (with `Options.resumeExecutions`) continues every execution still RUNNING, a task waiting
/// for its token included. Distributed Map states run as Map Runs of child executions
/// (DescribeMapRun, ListMapRuns, UpdateMapRun), and RedriveExecution restarts a failed
/// Standard execution from its failed state.
///
///     let service = LocalStepFunctionsService()
///     let machine = try await service.createStateMachine(.init(name: "Hello", definition: asl, roleArn: role))
///     let run = try await service.startExecution(.init(stateMachineArn: machine.stateMachineArn, input: "{}"))
public actor LocalStepFunctionsService: StepFunctionsService {
    /// The region and account of every ARN this service makes.
    public nonisolated let scope: ARNScope
    let engine: ExecutionEngine
    var random: SeededRandom
    /// Where the catalog is durable; nil in memory.
    let catalog: (any CatalogStore)?
    var machines: [String: StoredStateMachine] = [:]
    /// Published versions by version ARN.
    var versions: [String: StoredStateMachine] = [:]
    var aliases: [String: StoredAlias] = [:]
    var executions: [String: StoredExecution] = [:]
    /// "machine ARN:execution name" → execution ARN: names are unique per machine.
    var executionNames: [String: String] = [:]
    var tags: [String: [(key: String, value: String)]] = [:]
    var sequence = 0
    var closed = false

    /// A service in memory (nothing outlives it).
    public init(options: Options) {
        self.init(options: options, catalog: nil)
    }

    /// - Parameters:
    ///   - clock: the engine's time (`VirtualClock()` by default; `RealClock()` to wait for real).
    ///   - scope: region and account of the ARNs (us-east-1 / 123456789012 by default).
    ///   - invoker: how Task states run (none by default: a Task fails with States.Runtime).
    ///   - seed: makes execution names, States.UUID, States.MathRandom and jitter reproducible.
    ///   - store: where Standard executions are made durable, transition by transition; none
    ///     by default. For a service whose machines are durable too, use
    ///     `EngineStore.LocalEngineDatabase.open`.
    public init(
        clock: any EngineClock = VirtualClock(), scope: ARNScope = .local,
        invoker: any TaskInvoking = UnavailableTaskInvoker(), seed: UInt64 = 0, store: (any ExecutionStore)? = nil
    ) {
        self.scope = scope
        self.engine = ExecutionEngine(
            clock: clock, invoker: invoker, seed: seed, region: scope.region, accountId: scope.account, store: store)
        self.random = SeededRandom(seed: seed)
        self.catalog = nil
    }

    /// A service whose catalog and executions live in `catalog` (empty, or written by an
    /// earlier service): call `open()` before serving requests, which loads what it holds.
    public init(options: Options, catalog: (any CatalogStore)?) {
        scope = options.scope
        engine = ExecutionEngine(
            clock: options.clock, invoker: options.invoker, seed: options.seed, region: options.scope.region,
            accountId: options.scope.account, store: catalog)
        random = SeededRandom(seed: options.seed)
        self.catalog = catalog
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
        try checkVersionDescription(input.versionDescription, publish: input.publish)
        let type = input.type ?? .standard
        let workflow = try compile(input.definition, type: type)
        let arn = scope.stateMachine(named: input.name)
        if let existing = machines[arn.description] {
            // AWS's idempotency: the same request again returns the same machine.
            guard existing.definition == input.definition, existing.roleArn == input.roleArn, existing.type == type
            else { throw .stateMachineAlreadyExists(arn.description) }
            let version = input.publish == true ? versionOfCurrentRevision(existing)?.arn : nil
            return CreateStateMachineOutput(
                stateMachineArn: arn, creationDate: existing.creationDate, stateMachineVersionArn: version)
        }
        let date = now
        var machine = StoredStateMachine(
            arn: arn, definition: input.definition, roleArn: input.roleArn, type: type, creationDate: date,
            updateDate: date, revisionId: random.uuid(), loggingConfiguration: input.loggingConfiguration,
            tracingConfiguration: input.tracingConfiguration, workflow: workflow, sequence: nextSequence())
        let newTags = try input.tags.map { tags throws(StepFunctionsError) in try merged(tags, into: [], of: arn.description) }
        var version: StoredStateMachine?
        if input.publish == true {
            version = published(&machine, description: input.versionDescription, date: date)
        }
        var entries = [try entry(.stateMachine, machine), try entry(.revision, machine, key: machine.revisionKey)]
        if let version { entries.append(try entry(.version, version)) }
        if let newTags { entries.append(try tagsEntry(arn.description, newTags)) }
        try persist(entries)
        machines[arn.description] = machine
        if let version { versions[version.arn.description] = version }
        if let newTags { tags[arn.description] = newTags }
        return CreateStateMachineOutput(stateMachineArn: arn, creationDate: date, stateMachineVersionArn: version?.arn)
    }

    public func describeStateMachine(_ input: DescribeStateMachineInput) async throws(StepFunctionsError)
        -> DescribeStateMachineOutput
    {
        let arn = input.stateMachineArn
        if let labelled = try describeMapRunMachine(arn) { return labelled }
        let machine: StoredStateMachine
        switch arn.qualifier {
        case nil: machine = try stateMachine(arn)
        case .version: machine = try version(arn)
        case .alias: throw .invalidArn("Resource type not valid in this context: stateMachine alias")
        }
        return DescribeStateMachineOutput(
            stateMachineArn: machine.arn, name: machine.name, status: .active, definition: machine.definition,
            roleArn: machine.roleArn, type: machine.type, creationDate: machine.creationDate,
            loggingConfiguration: machine.loggingConfiguration ?? Self.loggingOff,
            tracingConfiguration: machine.tracingConfiguration ?? TracingConfiguration(enabled: false),
            revisionId: machine.revisionId, description: machine.versionDescription)
    }

    public func describeStateMachineForExecution(_ input: DescribeStateMachineForExecutionInput)
        async throws(StepFunctionsError) -> DescribeStateMachineForExecutionOutput
    {
        if let child = describeMapRunChildMachine(input.executionArn) { return child }
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
            || input.tracingConfiguration != nil || input.publish == true
        else {
            throw StepFunctionsError(
                .missingRequiredParameter,
                "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified")
        }
        try checkVersionDescription(input.versionDescription, publish: input.publish)
        let before = machine
        if let definition = input.definition, definition != machine.definition {
            machine.workflow = try compile(definition, type: machine.type)
            machine.definition = definition
        }
        if let role = input.roleArn {
            try checkRole(role)
            machine.roleArn = role
        }
        if let logging = input.loggingConfiguration { machine.loggingConfiguration = logging }
        if let tracing = input.tracingConfiguration { machine.tracingConfiguration = tracing }
        // An update that changes nothing keeps the revision, so publishing it again is a no-op.
        let changed = machine.definition != before.definition || machine.roleArn != before.roleArn
            || machine.loggingConfiguration != before.loggingConfiguration
            || machine.tracingConfiguration != before.tracingConfiguration
        let date = now
        if changed {
            machine.updateDate = date
            machine.revisionId = random.uuid()
        }
        var version: StoredStateMachine?
        if input.publish == true {
            version = versionOfCurrentRevision(machine) ?? published(&machine, description: input.versionDescription, date: date)
        }
        var entries = [try entry(.stateMachine, machine)]
        if changed { entries.append(try entry(.revision, machine, key: machine.revisionKey)) }
        if let version { entries.append(try entry(.version, version)) }
        try persist(entries)
        machines[machine.arn.description] = machine
        if let version { versions[version.arn.description] = version }
        return UpdateStateMachineOutput(
            updateDate: machine.updateDate, revisionId: machine.revisionId, stateMachineVersionArn: version?.arn)
    }

    public func deleteStateMachine(_ input: DeleteStateMachineInput) async throws(StepFunctionsError)
        -> DeleteStateMachineOutput
    {
        let arn = input.stateMachineArn
        switch arn.qualifier {
        case .version:
            // AWS deletes a version given to DeleteStateMachine as DeleteStateMachineVersion does.
            _ = try await deleteStateMachineVersion(DeleteStateMachineVersionInput(stateMachineVersionArn: arn))
            return DeleteStateMachineOutput()
        case .alias:
            _ = try await deleteStateMachineAlias(DeleteStateMachineAliasInput(stateMachineAliasArn: arn))
            return DeleteStateMachineOutput()
        case nil:
            break
        }
        // AWS answers success for a machine that is already gone; its versions and aliases go with it.
        guard machines[arn.description] != nil else { return DeleteStateMachineOutput() }
        let ownedVersions = versions.values.filter { $0.arn.unqualified == arn }.map(\.arn.description)
        let ownedAliases = aliases.values.filter { $0.arn.unqualified == arn }.map(\.arn.description)
        var deletions = [CatalogEntry.Key(kind: .stateMachine, key: arn.description)]
        deletions += ownedVersions.map { CatalogEntry.Key(kind: .version, key: $0) }
        deletions += ownedAliases.map { CatalogEntry.Key(kind: .alias, key: $0) }
        deletions += ([arn.description] + ownedAliases).map { CatalogEntry.Key(kind: .tags, key: $0) }
        try persist([], deleting: deletions)
        machines[arn.description] = nil
        tags[arn.description] = nil
        for version in ownedVersions { versions[version] = nil }
        for alias in ownedAliases {
            aliases[alias] = nil
            tags[alias] = nil
        }
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

    /// The stored machine an unqualified ARN names.
    func stateMachine(_ arn: StateMachineARN) throws(StepFunctionsError) -> StoredStateMachine {
        guard arn.mapStateLabel == nil else { throw Self.unsupported("distributed Map state machines") }
        guard arn.qualifier == nil else {
            throw .invalidArn("Resource type not valid in this context: \(arn)")
        }
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
    /// An action the local engine does not implement yet (RedriveExecution): a 400, as LocalStack's and Step Functions Local's answers are client errors
    /// a caller can recognise.
    public static let unsupportedOperation = StepFunctionsError.Code("UnsupportedOperation")
}
