public import JSONValue
public import ASLModel
public import Validation

/// Runs `ValidatedWorkflow`s in memory: one call runs one execution to its end and
/// returns its description and history. (Not named `Engine`, so that `Engine.X` still
/// names the module's types next to StepFunctionsAPI's types of the same names.)
///
/// Time, chance and task work are injected: `clock` (virtual by default, so Waits and
/// backoff take no real time), `seed` (States.UUID, States.MathRandom, jitter) and
/// `invoker` (chosen by resource). Durable Standard executions, StopExecution from
/// outside and Redrive build on `ExecutionRun`, whose transitions are the units a
/// store will persist.
public struct ExecutionEngine: Sendable {
    public var clock: any EngineClock
    public var invoker: any TaskInvoking
    public var seed: UInt64
    public var region: String
    public var accountId: String
    public var roleArn: String
    /// The most events one execution may record before it fails with States.Runtime:
    /// AWS's 25,000 unless changed (the benchmark lifts it to time 100,000-item Maps).
    public var maximumHistoryEvents = 25_000
    /// Where Standard executions are made durable (none by default: nothing outlives the
    /// engine). Express executions never reach it.
    public var store: (any ExecutionStore)?
    /// The mock test case the executions it starts carry to their tasks (see
    /// `TaskRequest.testCase`); a service sets it on its copy per StartExecution.
    public var testCase: String?
    /// The task tokens and activities of this engine's executions: SendTask* and
    /// GetActivityTask reach waiting executions through it (shared by copies of the engine).
    public var callbacks = CallbackRegistry()
    /// The Map Runs of distributed Map states and their child executions (shared by copies).
    public var mapRuns = MapRunRegistry()

    public init(
        clock: any EngineClock = VirtualClock(), invoker: any TaskInvoking = UnavailableTaskInvoker(), seed: UInt64 = 0,
        region: String = "us-east-1", accountId: String = "123456789012",
        roleArn: String = "arn:aws:iam::123456789012:role/StepFunctions", store: (any ExecutionStore)? = nil
    ) {
        self.store = store
        self.clock = clock
        self.invoker = invoker
        self.seed = seed
        self.region = region
        self.accountId = accountId
        self.roleArn = roleArn
    }

    /// Compiles once; the result can start any number of executions.
    public func compile(_ workflow: ValidatedWorkflow) -> CompiledWorkflow {
        CompiledWorkflow(workflow)
    }

    /// Runs one execution of `workflow` on `input` to its end.
    public func run(
        _ workflow: CompiledWorkflow, input: JSON, stateMachineName: String = "StateMachine", executionName: String? = nil
    ) async -> ExecutionReport {
        let run = prepare(workflow, input: input, stateMachineName: stateMachineName, executionName: executionName)
        return await run.run(workflow.machine)
    }

    /// Starts one execution and returns at once; the handle waits for it or stops it.
    /// `executionArn`, when given, is the ARN the execution reports (a service that
    /// issues its own ARNs passes them so that `$$.Execution.Id` matches).
    public func start(
        _ workflow: CompiledWorkflow, input: JSON, stateMachineName: String = "StateMachine", executionName: String? = nil,
        executionArn: String? = nil
    ) -> ExecutionHandle {
        let run = prepare(
            workflow, input: input, stateMachineName: stateMachineName, executionName: executionName,
            executionArn: executionArn)
        let machine = workflow.machine
        return ExecutionHandle(run: run, task: Task { await run.run(machine) }, executionArn: run.identity.executionArn)
    }

    private func prepare(
        _ workflow: CompiledWorkflow, input: JSON, stateMachineName: String, executionName: String?,
        executionArn givenArn: String? = nil
    ) -> ExecutionRun {
        var random = SeededRandom(seed: seed)
        let name = executionName ?? random.uuid()
        let machineArn = "arn:aws:states:\(region):\(accountId):stateMachine:\(stateMachineName)"
        // Express executions carry a second id after the name, as AWS's ARNs do.
        let executionArn =
            givenArn ?? (workflow.type == .express
            ? "arn:aws:states:\(region):\(accountId):express:\(stateMachineName):\(name):\(random.uuid())"
            : "arn:aws:states:\(region):\(accountId):execution:\(stateMachineName):\(name)")
        let identity = ExecutionIdentity(
            executionArn: executionArn,
            name: name, stateMachineArn: machineArn, stateMachineName: stateMachineName, roleArn: roleArn,
            region: region, input: input, startTime: clock.now(), type: workflow.type, testCase: testCase)
        return ExecutionRun(
            identity: identity, clock: clock, invoker: invoker, seed: random.next(),
            timeoutSeconds: workflow.machine.timeoutSeconds, maximumHistoryEvents: maximumHistoryEvents, store: store,
            callbacks: callbacks, mapRuns: mapRuns)
    }

    /// Continues every execution the store holds as RUNNING, each from its last persisted
    /// transition; `workflow` gives the compiled workflow of a state machine ARN (nil skips
    /// that execution). The handles finish the executions exactly once in the store.
    public func resumeRunning(workflow: (String) -> CompiledWorkflow?) throws -> [ExecutionHandle] {
        guard let store else { return [] }
        // A Map Run's children are continued by their parent, not on their own.
        return resume(try store.runningExecutions().filter { !$0.start.identity.isMapRunChild }) {
            workflow($0.identity.stateMachineArn)
        }
    }

    /// Continues the given persisted executions; `workflow` gives the compiled workflow each
    /// one ran (a service whose executions may run different versions of one machine looks it
    /// up by execution), nil skips it.
    public func resume(
        _ executions: [PersistedExecution], workflow: (ExecutionStart) -> CompiledWorkflow?
    ) -> [ExecutionHandle] {
        executions.compactMap { persisted in
            guard let compiled = workflow(persisted.start) else { return nil }
            let run = ExecutionRun(
                identity: persisted.start.identity, clock: clock, invoker: invoker, seed: persisted.start.seed,
                timeoutSeconds: persisted.start.timeoutSeconds, maximumHistoryEvents: maximumHistoryEvents, store: store,
                callbacks: callbacks, mapRuns: mapRuns)
            // A waiting task's token is open again before this returns, so that an answer
            // sent right after the restart finds it.
            if let pending = persisted.cursor?.callback {
                callbacks.open(
                    pending.token, executionArn: persisted.start.identity.executionArn, activityArn: pending.activityArn,
                    input: pending.input, queued: !pending.started)
            }
            let machine = compiled.machine
            let task = Task { await run.resume(machine, history: persisted.history, cursor: persisted.cursor) }
            return ExecutionHandle(run: run, task: task, executionArn: persisted.start.identity.executionArn)
        }
    }

    public func run(
        _ workflow: ValidatedWorkflow, input: JSON, stateMachineName: String = "StateMachine", executionName: String? = nil
    ) async -> ExecutionReport {
        await run(compile(workflow), input: input, stateMachineName: stateMachineName, executionName: executionName)
    }
}

/// A workflow compiled for the engine: states as an array, every expression parsed.
public struct CompiledWorkflow: Sendable {
    let machine: CompiledMachine
    /// Standard or Express (from validation's options): decides the execution ARN's form.
    public let type: StateMachineType

    public init(_ workflow: ValidatedWorkflow) {
        let compiler = WorkflowCompiler(expressions: workflow.expressions, document: workflow.document.value)
        machine = compiler.machine(workflow.stateMachine, at: .root)
        type = workflow.type
    }

    /// An already compiled (sub-)machine: a Map Run redrives its child executions with it.
    init(machine: CompiledMachine, type: StateMachineType) {
        self.machine = machine
        self.type = type
    }
}
