import ASLModel
import JSONPath
import JSONValue

/// The one owner of an execution's mutable state: its history, counters and random
/// generator. States of every branch and Map iteration run on this actor, so they
/// append to one history in order without locks; they interleave only where ASL
/// waits (a task, a Wait, a retry's backoff).
///
/// A transition (entering a state, doing its synchronous work, leaving it) goes from
/// one consistent state of this actor to the next: with an `ExecutionStore`, the events
/// since the last transition and the top-level cursor (state index, input, variables,
/// entered time, generator state) are committed right after a state is entered, before
/// it does its work; `resume` re-enters that state without a second entered event.
actor ExecutionRun {
    let identity: ExecutionIdentity
    let clock: any EngineClock
    let invoker: any TaskInvoking
    var random: SeededRandom
    /// The generator's seed, which a store keeps with the execution.
    let initialSeed: UInt64
    private(set) var history: [HistoryEvent] = []
    private(set) var transitions = 0
    /// When the execution's `TimeoutSeconds` runs out.
    let deadline: Timestamp?
    /// Set by `stop(error:cause:)`; every flow ends at its next transition.
    private(set) var abort: ExecutionFailure?
    /// `$$`'s execution and machine parts, built the first time a state reads them
    /// (most states read no `$$`, or only `$$.State`).
    lazy var contextBase: JSONObject = identity.contextBase
    /// The context object's keys: the base's, then `State` (and `Map` in a Map's selector).
    lazy var contextKeys: [String] = contextBase.keys + ["State"]
    lazy var contextKeysWithMap: [String] = contextBase.keys + ["State", "Map"]
    /// Where a Standard execution is made durable; nil for Express or an engine without one.
    let store: (any ExecutionStore)?
    /// How many events of `history` the store already holds.
    var persistedCount = 0
    /// Where the top-level flow last entered a state, once that changed since the last write.
    var pendingCursor: ExecutionCursor?
    /// The cursor last written for the top-level flow: a task waiting for its token adds
    /// its `PendingCallback` to it (see `ExecutionRun+Callback`).
    var rootCursor: ExecutionCursor?
    /// The token wait a resumed execution continues instead of invoking its task again.
    var resumedCallback: PendingCallback?
    /// Where task tokens are opened and answered (activities, `.waitForTaskToken`).
    let callbacks: CallbackRegistry
    /// Where distributed Map states register their Map Runs and child executions.
    let mapRuns: MapRunRegistry

    /// AWS's limit on events in one execution's history.
    static let historyLimit = 25_000
    /// This execution's limit: AWS's unless the engine was told otherwise (the benchmark
    /// lifts it to measure large inline Maps).
    let maximumHistoryEvents: Int
    /// AWS's limit on a payload: 256 KiB.
    static let payloadLimit = 262_144

    init(
        identity: ExecutionIdentity, clock: any EngineClock, invoker: any TaskInvoking, seed: UInt64, timeoutSeconds: Int?,
        maximumHistoryEvents: Int = ExecutionRun.historyLimit, store: (any ExecutionStore)? = nil,
        callbacks: CallbackRegistry = CallbackRegistry(), mapRuns: MapRunRegistry = MapRunRegistry()
    ) {
        self.callbacks = callbacks
        self.mapRuns = mapRuns
        self.store = identity.type == .standard ? store : nil
        self.maximumHistoryEvents = maximumHistoryEvents
        self.identity = identity
        self.clock = clock
        self.invoker = invoker
        self.random = SeededRandom(seed: seed)
        self.initialSeed = seed
        self.deadline = timeoutSeconds.map { (identity.redriveTime ?? identity.startTime).adding(seconds: Int64($0)) }
    }

    /// One sequence of states: the execution itself, a Parallel branch or a Map iteration.
    struct Flow: Sendable {
        /// Workflow variables visible here; a branch starts with a copy of its parent's.
        var variables: [String: JSON]
        /// The event that the next event follows (`previousEventId`).
        var lastEventId: Int
        /// The execution's own flow, whose position the cursor keeps; a branch's or an
        /// iteration's position is read back from the history on resume (`ChildResume`).
        var isRoot = false
        /// The iteration of the innermost Map this flow runs, for `TaskRequest.mapIterationIndex`.
        var mapIterationIndex: Int? = nil
        /// A redrive's way into a Map or Parallel and a stopped child's way out (see
        /// `ExecutionRun+Redrive`); nil on every path that neither fails nor redrives.
        var redrive: FlowRedrive? = nil
    }

    /// How a (sub-)machine ended.
    enum Outcome: Sendable {
        case succeeded(JSON)
        case failed(ExecutionFailure)
        /// The execution was stopped, timed out, or a sibling branch failed.
        case stopped
    }

    /// Why every flow must stop now, if it must.
    enum Stop {
        case aborted(ExecutionFailure)
        case timedOut
        case historyLimit
    }

    private(set) var stopReason: Stop?
    /// The last timestamp formatted for `$$.State.EnteredTime`, and its text.
    var lastTimestampText = (Timestamp(millisecondsSinceEpoch: .min), "")

    @discardableResult
    func record(_ type: HistoryEventType, _ details: HistoryEventDetails, flow: inout Flow, at time: Timestamp? = nil) -> Int {
        let id = history.count + 1
        history.append(HistoryEvent(
            id: id, previousEventId: flow.lastEventId, timestamp: time ?? clock.now(), type: type, details: details))
        flow.lastEventId = id
        return id
    }

    /// Writes the events since the last write (and the cursor, when the top-level flow
    /// moved) before the state just entered does its work.
    func persist(_ cursor: ExecutionCursor?) {
        guard let store else { return }
        do {
            try store.transition(
                executionArn: identity.executionArn, events: Array(history[persistedCount...]), cursor: cursor)
            persistedCount = history.count
        } catch {
            persistFailed(error)
        }
    }

    /// An execution that cannot be made durable fails rather than run on unrecorded.
    private func persistFailed(_ error: any Error) {
        let failure = ExecutionFailure(error: StatesError.runtime, cause: "The execution could not be persisted: \(error)")
        if stopReason == nil { stopReason = .aborted(failure) }
        abort = failure
    }

    func stop(_ failure: ExecutionFailure) {
        abort = failure
        if stopReason == nil { stopReason = .aborted(failure) }
    }

    /// Whether the execution must stop before the next transition.
    func mustStop() -> Bool {
        if stopReason != nil { return true }
        if let deadline, clock.now() >= deadline {
            stopReason = .timedOut
            return true
        }
        if history.count >= maximumHistoryEvents {
            stopReason = .historyLimit
            return true
        }
        return Task.isCancelled
    }

    /// Runs the whole execution and reports it.
    func run(_ machine: CompiledMachine) async -> ExecutionReport {
        // Room for as many events as the machine's last execution recorded, so a long
        // history is not copied each time it doubles.
        history.reserveCapacity(machine.expectedEvents)
        defer { machine.expectedEvents = history.count }
        var flow = Flow(variables: [:], lastEventId: 0, isRoot: true)
        if let store {
            do {
                try store.executionStarted(ExecutionStart(
                    identity: identity, seed: initialSeed, timeoutSeconds: machine.timeoutSeconds))
            } catch {
                persistFailed(error)
            }
        }
        record(.executionStarted, .executionStarted(ExecutionStartedEventDetails(
            input: identity.input, roleArn: identity.roleArn)), flow: &flow)
        // AWS links the first state's entered event to nothing (previousEventId 0).
        flow.lastEventId = 0
        let outcome = await runMachine(machine, input: identity.input, flow: &flow)
        return finishRun(outcome)
    }

    /// Continues an execution a store kept: the history so far, then the top-level flow
    /// from the state its cursor entered, which runs again without a second entered event
    /// (a Wait keeps its deadline; a Task is invoked again, unless it was waiting for its
    /// token: then it keeps waiting for the same token; a Map or Parallel keeps its ended
    /// children and continues the others in the state each was in: see `ChildResume`).
    func resume(_ machine: CompiledMachine, history stored: [HistoryEvent], cursor: ExecutionCursor?) async
        -> ExecutionReport
    {
        history = stored
        persistedCount = stored.count
        guard let cursor else {
            var flow = Flow(variables: [:], lastEventId: 0, isRoot: true)
            return finishRun(await runMachine(machine, input: identity.input, flow: &flow))
        }
        guard machine.states.indices.contains(cursor.stateIndex) else {
            // The workflow given back is not the one that ran (its states changed).
            return finishRun(.failed(ExecutionFailure(
                error: StatesError.runtime,
                cause: "The execution cannot resume: its state machine no longer has state #\(cursor.stateIndex).")))
        }
        random = SeededRandom(seed: cursor.randomState)
        transitions = cursor.transitions
        if cursor.reenter == true { return await continueRedrive(machine, from: cursor) }
        rootCursor = cursor
        resumedCallback = cursor.callback
        var flow = Flow(variables: cursor.variables, lastEventId: cursor.enteredEventId, isRoot: true)
        return finishRun(await runMachine(machine, input: cursor.input, flow: &flow, resumingAt: cursor))
    }

    /// The execution's last event and report, once its top-level flow has ended.
    func finishRun(_ outcome: Outcome) -> ExecutionReport {
        var description = ExecutionDescription(
            executionArn: identity.executionArn, stateMachineArn: identity.stateMachineArn, name: identity.name,
            status: .running, startDate: identity.startTime, input: identity.input, redriveCount: identity.redriveCount,
            redriveDate: identity.redriveTime)
        var stopFlow = Flow(variables: [:], lastEventId: history.count)
        switch (stopReason, outcome) {
        case (nil, .succeeded(let output)):
            description.status = .succeeded
            description.output = output
            record(.executionSucceeded, .executionSucceeded(PayloadEventDetails(output: output)), flow: &stopFlow)
        case (nil, .failed(let failure)):
            // A Fail state without Error/Cause leaves them out, as AWS does.
            description.status = .failed
            description.error = failure.error.isEmpty ? nil : failure.error
            description.cause = failure.cause
            record(.executionFailed, .executionFailed(FailureEventDetails(error: description.error, cause: failure.cause)), flow: &stopFlow)
        case (.timedOut?, _):
            description.status = .timedOut
            description.error = StatesError.timeout
            record(.executionTimedOut, .executionTimedOut(FailureEventDetails(error: StatesError.timeout, cause: nil)), flow: &stopFlow)
        case (.historyLimit?, _):
            let failure = ExecutionFailure(
                error: StatesError.runtime,
                cause: "The execution reached the maximum number of history events (\(maximumHistoryEvents)).")
            description.status = .failed
            description.error = failure.error
            description.cause = failure.cause
            record(.executionFailed, .executionFailed(FailureEventDetails(error: failure.error, cause: failure.cause)), flow: &stopFlow)
        case (.aborted?, _):
            let failure = abort ?? ExecutionFailure(error: "")
            description.status = .aborted
            description.error = failure.error.isEmpty ? nil : failure.error
            description.cause = failure.cause
            record(.executionAborted, .executionAborted(FailureEventDetails(error: description.error, cause: failure.cause)), flow: &stopFlow)
        case (nil, .stopped):
            description.status = .aborted
            record(.executionAborted, .executionAborted(FailureEventDetails(error: nil, cause: nil)), flow: &stopFlow)
        }
        description.stopDate = clock.now()
        if let store {
            do {
                try store.executionEnded(
                    executionArn: identity.executionArn, events: Array(history[persistedCount...]),
                    description: description)
                persistedCount = history.count
            } catch {
                // The execution has ended; a store that cannot say so leaves it RUNNING there,
                // and a later engine runs its last state again (at least once).
            }
        }
        return ExecutionReport(description: description, history: history, transitions: transitions)
    }

    /// Runs states from `machine.startIndex` until the (sub-)machine ends.
    func runMachine(
        _ machine: CompiledMachine, input: JSON, flow: inout Flow, resumingAt cursor: ExecutionCursor? = nil,
        startingAt start: Int? = nil
    ) async -> Outcome {
        var index = cursor?.stateIndex ?? start ?? machine.startIndex
        var input = input
        var resuming = cursor
        while true {
            if mustStop() { return unfinished(.stopped, at: index, input: input, enteredEventId: 0, flow: &flow) }
            let state = machine.states[index]
            let visit: StateVisit
            if let cursor = resuming {
                resuming = nil
                visit = StateVisit(
                    state: state, enteredEventId: cursor.enteredEventId, rawInput: input, enteredTime: cursor.enteredTime)
            } else {
                transitions += 1
                let now = clock.now()
                visit = StateVisit(
                    state: state,
                    enteredEventId: record(
                        state.enteredType, .stateEntered(StateEnteredEventDetails(name: state.name, input: input)), flow: &flow,
                        at: now),
                    rawInput: input, enteredTime: now)
                // A Standard execution's top-level position is kept even without a store: a
                // redrive starts again from it.
                let cursor = flow.isRoot && identity.type == .standard ? ExecutionCursor(
                    stateIndex: index, input: input, variables: flow.variables, enteredEventId: visit.enteredEventId,
                    enteredTime: visit.enteredTime, randomState: random.state, transitions: transitions) : nil
                if let cursor { rootCursor = cursor }
                if store != nil {
                    persist(cursor)
                    if mustStop() {
                        return unfinished(.stopped, at: index, input: input, enteredEventId: visit.enteredEventId, flow: &flow)
                    }
                }
            }
            let result: StateResult
            switch state.kind {
            case .pass, .choice, .succeed, .fail:
                result = runSynchronous(visit, flow: &flow)
            case .wait(let wait):
                result = await runWait(wait, visit, flow: &flow)
            case .task(let task):
                result = await runWithRetry(visit, flow: &flow) { visit, flow in
                    await self.taskAttempt(task, visit, flow: &flow)
                }
            case .parallel(let branches):
                result = await runWithRetry(visit, flow: &flow) { visit, flow in
                    await self.parallelAttempt(branches, visit, flow: &flow)
                }
            case .map(let map):
                result = await runWithRetry(visit, flow: &flow) { visit, flow in
                    await self.mapAttempt(map, visit, flow: &flow)
                }
            }
            switch result {
            case .next(let next, let output):
                index = next
                input = output
            case .end(let output):
                return .succeeded(output)
            case .failed(let failure):
                return unfinished(.failed(failure), at: index, input: input, enteredEventId: visit.enteredEventId, flow: &flow)
            case .stopped:
                return unfinished(.stopped, at: index, input: input, enteredEventId: visit.enteredEventId, flow: &flow)
            }
        }
    }

    /// Pass, Choice, Succeed and Fail: no waiting, no Retry or Catch.
    func runSynchronous(_ visit: StateVisit, flow: inout Flow) -> StateResult {
        let state = visit.state
        do throws(ExecutionFailure) {
            switch state.kind {
            case .pass(let fixed):
                let effective = try applyInputPath(visit, variables: flow.variables)
                let context = visit.state.readsContext ? contextObject(visit) : .null
                var result = effective
                if let parameters = state.parameters {
                    result = try evaluate(parameters, on: effective, context: context, visit, flow: flow)
                } else if let fixed {
                    try checkSize(fixed, visit)
                    result = fixed
                }
                return try finish(visit, result: result, context: context, flow: &flow)
            case .succeed:
                let effective = try applyInputPath(visit, variables: flow.variables)
                let output = try applyOutputPath(visit, effective, context: visit.state.readsContext ? contextObject(visit) : .null, variables: flow.variables)
                record(.succeedStateExited, .stateExited(StateExitedEventDetails(name: state.name, output: output)), flow: &flow)
                return .end(output)
            case .fail(let errorField, let causeField):
                let context = visit.state.readsContext ? contextObject(visit) : .null
                let error = try failField(errorField, visit, context: context, flow: flow)
                let cause = try failField(causeField, visit, context: context, flow: flow)
                return .failed(ExecutionFailure(error: error ?? "", cause: cause))
            case .choice(let branches, let defaultIndex):
                let effective = try applyInputPath(visit, variables: flow.variables)
                let context = visit.state.readsContext ? contextObject(visit) : .null
                var chosen: Int?
                var branchAssign: PayloadTemplate?
                for branch in branches where try ChoiceEvaluator.matches(branch.rule, input: effective, context: context, variables: flow.variables, visit: visit) {
                    chosen = branch.next
                    branchAssign = branch.assign
                    break
                }
                if chosen == nil, let defaultIndex { chosen = defaultIndex }
                guard let next = chosen else {
                    throw ExecutionFailure(
                        error: StatesError.noChoiceMatched,
                        cause: visit.causePrefix + "No Choice Rules matched and no Default was specified.")
                }
                let output = try applyOutputPath(visit, effective, context: context, variables: flow.variables)
                let assigned = try assignVariables(branchAssign ?? state.assign, result: effective, context: context, visit, flow: &flow)
                record(.choiceStateExited, .stateExited(StateExitedEventDetails(name: state.name, output: output, assignedVariables: assigned)), flow: &flow)
                return .next(next, output)
            default:
                return .failed(ExecutionFailure(error: StatesError.runtime, cause: "unexpected state type"))
            }
        } catch {
            return .failed(error)
        }
    }

    /// ResultPath, OutputPath, Assign and the exited event, shared by every state with a result.
    func finish(_ visit: StateVisit, result: JSON, context: JSON, flow: inout Flow) throws(ExecutionFailure) -> StateResult {
        let withResult = try applyResultPath(visit, visit.state.resultPath, result: result, fast: visit.state.resultFast)
        let output = try applyOutputPath(visit, withResult, context: context, variables: flow.variables)
        let assigned = try assignVariables(visit.state.assign, result: result, context: context, visit, flow: &flow)
        record(visit.state.exitedType, .stateExited(StateExitedEventDetails(
            name: visit.state.name, output: output, assignedVariables: assigned)), flow: &flow)
        if let next = visit.state.next { return .next(next, output) }
        return .end(output)
    }
}

/// One visit of a state: what its error causes and `$$.State` need to know.
struct StateVisit: Sendable {
    let state: CompiledState
    let enteredEventId: Int
    /// The state's input before InputPath (Catch and `ResultPath` write into it).
    let rawInput: JSON
    let enteredTime: Timestamp
    var retryCount = 0

    init(state: CompiledState, enteredEventId: Int, rawInput: JSON, enteredTime: Timestamp) {
        self.state = state
        self.enteredEventId = enteredEventId
        self.rawInput = rawInput
        self.enteredTime = enteredTime
    }

    /// AWS's opening of a run-time error's cause.
    var causePrefix: String {
        "An error occurred while executing the state '\(state.name)' (entered at the event id #\(enteredEventId)). "
    }
}

/// How one state ended.
enum StateResult: Sendable {
    case next(Int, JSON)
    case end(JSON)
    case failed(ExecutionFailure)
    case stopped
}
