import JSONValue

/// RedriveExecution inside the run. A redrive hands `resume` a cursor marked `reenter`: the
/// history so far (ending with ExecutionRedriven) is kept as it is, and the state the
/// top-level flow last entered — the one that failed, timed out or was stopped — runs again
/// from its entry with a new entered event, on the input and variables it had then. States
/// that succeeded before it are not run again. A Map or Parallel state that failed runs
/// again whole (every iteration or branch), not only its unsuccessful ones.
///
/// A store keeps the marked cursor until the re-entry is persisted, so a restart in
/// between redrives the same state rather than resuming an old visit of it.
extension ExecutionRun {
    /// Runs the marked cursor's state again; `resume` has restored the history, the
    /// generator and the transition count.
    func continueRedrive(_ machine: CompiledMachine, from cursor: ExecutionCursor) async -> ExecutionReport {
        // The re-entered state follows the last event, ExecutionRedriven.
        var flow = Flow(variables: cursor.variables, lastEventId: history.count, isRoot: true)
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
}
