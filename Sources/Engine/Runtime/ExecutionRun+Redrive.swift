import JSONValue

/// RedriveExecution inside the run. A redrive hands `resume` a cursor marked `reenter`: the
/// history so far (ending with ExecutionRedriven) is kept as it is, and the state the
/// top-level flow last entered — the one that failed, timed out or was stopped — runs again
/// from its entry with a new entered event, on the input and variables it had then. States
/// that succeeded before it are not run again.
///
/// A Map or Parallel state runs again only its iterations or branches that did not succeed
/// (AWS: "reschedules and redrives only the iterations and branches that failed or
/// aborted"), and each of those again from the state it stopped in, so that a failed
/// Parallel inside a Map iteration reruns only its failed branch, and so on down. Where AWS
/// documents no more, the choices here are:
/// - the redriven state records a new entered event and a new MapStateStarted (its full
///   `length`) or ParallelStateStarted, as any new attempt does;
/// - only rerun children record events: a MapIterationStarted with the iteration's own
///   index, or the branch's re-entered state linked to ParallelStateStarted; children that
///   succeeded record nothing and keep their output, in its place in the result array;
/// - a rerun child enters again the state it failed or stopped in (not its first state);
///   one that never started, or stopped before entering a state, starts at its first state;
/// - every retrier of a re-entered state has all its attempts again, and a Retry of the
///   redriven Map or Parallel itself runs all its children, as any retry does;
/// - an execution whose failure came after a Map or Parallel that ended (caught, or a later
///   state failed) re-enters that later state: the Map or Parallel is not run at all.
///
/// Where the children stand is kept by `RedriveFrontier` in the cursor, written when the
/// top-level Map or Parallel ends unsuccessfully; a cursor without one (written before this
/// existed, or a Map whose ItemSelector failed before any iteration) reruns the state whole.
///
/// A store keeps the marked cursor until the re-entry is persisted, so a restart in
/// between redrives the same state rather than resuming an old visit of it.
extension ExecutionRun {
    /// Runs the marked cursor's state again; `resume` has restored the history, the
    /// generator and the transition count.
    func continueRedrive(_ machine: CompiledMachine, from cursor: ExecutionCursor) async -> ExecutionReport {
        // The re-entered state follows the last event, ExecutionRedriven.
        var flow = Flow(variables: cursor.variables, lastEventId: history.count, isRoot: true)
        flow.redrive = cursor.redrive.map { .entering($0) }
        return finishRun(await runMachine(machine, input: cursor.input, flow: &flow, startingAt: cursor.stateIndex))
    }

    /// What a redrive starts from, as a store would give it back: who the execution is, its
    /// history and where its top-level flow last entered a state. For a service that keeps
    /// no store, the run of an ended execution is the only place this lives.
    func persisted() -> PersistedExecution {
        let base = identity.redriveTime ?? identity.startTime
        let timeout = deadline.map { Int(($0.millisecondsSinceEpoch - base.millisecondsSinceEpoch) / 1000) }
        return PersistedExecution(
            start: ExecutionStart(identity: identity, seed: initialSeed, timeoutSeconds: timeout), history: history,
            cursor: rootCursor)
    }

    /// Notes where a flow stopped before it returns `outcome` (failed or stopped): a child
    /// flow hands its position to the Map or Parallel running it; the top-level flow adds
    /// the frontier of its failed Map or Parallel to the cursor and writes it.
    func unfinished(_ outcome: Outcome, at index: Int, input: JSON, enteredEventId: Int, flow: inout Flow) -> Outcome {
        var frontier: RedriveFrontier?
        if case .attemptEnded(let visit, let ended)? = flow.redrive, visit == enteredEventId, enteredEventId > 0 {
            frontier = ended
        }
        guard !flow.isRoot else {
            flow.redrive = nil
            if let frontier, var cursor = rootCursor, cursor.enteredEventId == enteredEventId {
                cursor.redrive = frontier
                rootCursor = cursor
                if store != nil { persist(cursor) }
            }
            return outcome
        }
        flow.redrive = .unfinished(RedrivePosition(
            child: 0, stateIndex: index, input: input, variables: flow.variables, enteredEventId: enteredEventId,
            frontier: frontier))
        return outcome
    }

    /// Runs a child flow (a branch or an iteration), from `position` when a redrive reruns it,
    /// or continuing the state it was in when the engine stopped (`resuming`, see `ChildResume`).
    func runChild(
        _ machine: CompiledMachine, input: JSON, flow: inout Flow, from position: RedrivePosition?,
        resuming: ChildResume? = nil
    ) async -> Outcome {
        switch resuming {
        case .finished(let output)?:
            return .succeeded(output)
        case .at(let visit)? where machine.states.indices.contains(visit.stateIndex):
            flow.variables.merge(visit.assigned) { $1 }
            switch machine.states[visit.stateIndex].kind {
            // A Map inside a child starts a new attempt (its in-place resume is not verified yet).
            case .parallel: flow.redrive = .resuming(enteredEventId: visit.enteredEventId)
            default: break
            }
            let cursor = ExecutionCursor(
                stateIndex: visit.stateIndex, input: visit.input, variables: flow.variables,
                enteredEventId: visit.enteredEventId, enteredTime: visit.enteredTime, randomState: random.state,
                transitions: transitions)
            return await runMachine(machine, input: visit.input, flow: &flow, resumingAt: cursor)
        default:
            break
        }
        guard let position, machine.states.indices.contains(position.stateIndex) else {
            return await runMachine(machine, input: input, flow: &flow)
        }
        flow.variables = position.variables
        flow.redrive = position.frontier.map { .entering($0) }
        return await runMachine(machine, input: position.input, flow: &flow, startingAt: position.stateIndex)
    }

    /// What the Map or Parallel being visited was redriven from: the frontier a redrive
    /// handed it, which the top-level flow also keeps in its cursor until the attempt ends,
    /// so that an engine restarted in the middle of the attempt (`resume`) still keeps the
    /// children that succeeded before the redrive instead of running them again.
    func redriveSource(_ handed: RedriveFrontier?, _ visit: StateVisit, flow: Flow) -> RedriveFrontier? {
        guard flow.isRoot, store != nil, var cursor = rootCursor, cursor.enteredEventId == visit.enteredEventId else {
            return handed
        }
        guard let handed else { return cursor.redrive }
        cursor.redrive = handed
        rootCursor = cursor
        persist(cursor)
        return handed
    }

    /// `result` of a Map or Parallel attempt started at `startedEventId`; when it failed or
    /// stopped, what it leaves a redrive goes out through the flow: the attempts whose
    /// successful children count (those of the frontier it was redriven from, then its own)
    /// and where its unsuccessful children stopped.
    func attemptEnded(
        _ result: StateResult, _ visit: StateVisit, startedEventId: Int, redrivenFrom: RedriveFrontier?,
        positions: [RedrivePosition], flow: inout Flow
    ) -> StateResult {
        if flow.isRoot, rootCursor?.enteredEventId == visit.enteredEventId {
            // The attempt is over: a retry of the state runs all its children.
            rootCursor?.redrive = nil
        }
        switch result {
        case .failed, .stopped:
            let attempt = RedriveAttempt(startedEventId: startedEventId, endEventId: history.count)
            let frontier = RedriveFrontier(attempts: (redrivenFrom?.attempts ?? []) + [attempt], positions: positions)
            flow.redrive = .attemptEnded(enteredEventId: visit.enteredEventId, frontier)
        case .next, .end:
            break
        }
        return result
    }
}

extension ExecutionRun.Flow {
    /// The frontier a redrive hands the Map or Parallel this flow enters first; taken once,
    /// so a later state or a retry of the same one runs whole.
    mutating func takeRedrive() -> RedriveFrontier? {
        guard let redrive else { return nil }
        self.redrive = nil
        if case .entering(let frontier) = redrive { return frontier }
        return nil
    }

    /// Whether the Map or Parallel visit entered at `enteredEventId` continues an attempt
    /// an engine restart interrupted inside a child flow (see `ChildResume`); taken once,
    /// so a retry of the state runs a new attempt.
    mutating func takeResume(_ enteredEventId: Int) -> Bool {
        guard case .resuming(let resumed)? = redrive, resumed == enteredEventId else { return false }
        redrive = nil
        return true
    }

    /// Where this child flow stopped, once it ended with `outcome`.
    func stoppedPosition(child: Int, _ outcome: ExecutionRun.Outcome) -> RedrivePosition? {
        if case .succeeded = outcome { return nil }
        guard case .unfinished(var position)? = redrive else { return nil }
        position.child = child
        return position
    }
}

/// What passes between a Map or Parallel and the flows around it during a redrive or a
/// failure; see `ExecutionRun+Redrive`.
indirect enum FlowRedrive: Sendable {
    /// Into the first Map or Parallel of a flow a redrive reruns: what its last attempts left.
    case entering(RedriveFrontier)
    /// Out of a Map or Parallel attempt that ended unsuccessfully (its entered event, what it left).
    case attemptEnded(enteredEventId: Int, RedriveFrontier)
    /// Out of a child flow that failed or stopped: the state it was in.
    case unfinished(RedrivePosition)
    /// Into the Map or Parallel a child resumed after a restart was in (its entered event):
    /// it continues its interrupted attempt (see `ChildResume`).
    case resuming(enteredEventId: Int)
}
