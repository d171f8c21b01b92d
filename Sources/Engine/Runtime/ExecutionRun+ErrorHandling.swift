import ASLModel
import JSONValue

/// Retry and Catch around one state's attempts (Task, Parallel, Map).
///
/// At the top level of a durable execution the attempts made so far and the time the
/// next one is due are part of the cursor: a state that retried twice before a restart
/// has only the attempts left after it, and a backoff continues to its original end.
extension ExecutionRun {
    func runWithRetry(
        _ visit: StateVisit, flow: inout Flow,
        attempt: (StateVisit, inout Flow) async -> StateResult
    ) async -> StateResult {
        var visit = visit
        let state = visit.state
        var attempts = [Int](repeating: 0, count: state.retriers.count)
        // Inside a branch or iteration the retry is kept apart from the cursor's own (`ChildRetry`).
        let inChild = !flow.isRoot && store != nil
        let child = inChild ? childRetry(of: visit.enteredEventId) : nil
        defer { if inChild { forgetChildRetry(visit.enteredEventId) } }
        if flow.isRoot, let cursor = rootCursor, cursor.enteredEventId == visit.enteredEventId,
            let resumed = cursor.retryAttempts, resumed.count == attempts.count
        {
            // A resumed state: the attempts it already made count, and its backoff goes on.
            attempts = resumed
            visit.retryCount = resumed.reduce(0, +)
            if let due = cursor.retryAt {
                await clock.sleep(until: deadline.map { Swift.min($0, due) } ?? due)
                if mustStop() { return .stopped }
            }
        } else if let child, child.attempts.count == attempts.count {
            attempts = child.attempts
            visit.retryCount = child.attempts.reduce(0, +)
            await clock.sleep(until: deadline.map { Swift.min($0, child.due) } ?? child.due)
            if mustStop() { return .stopped }
        }
        while true {
            let result = await attempt(visit, &flow)
            guard case .failed(let failure) = result else { return result }
            if mustStop() { return .stopped }
            if let r = state.retriers.firstIndex(where: { Self.matches($0.errorEquals, failure.error, state) }),
                attempts[r] < state.retriers[r].maxAttempts
            {
                let delay = backoff(state.retriers[r], attempt: attempts[r])
                attempts[r] += 1
                visit.retryCount += 1
                let wake = clock.now().adding(milliseconds: delay)
                saveRetry(attempts, due: wake, visit: visit, flow: flow)
                await clock.sleep(until: deadline.map { Swift.min($0, wake) } ?? wake)
                if mustStop() { return .stopped }
                continue
            }
            guard let catcher = state.catchers.first(where: { Self.matches($0.errorEquals, failure.error, state) }) else {
                return .failed(failure)
            }
            do throws(ExecutionFailure) {
                let errorOutput = failure.errorOutput
                let output = try applyResultPath(visit, catcher.resultPath, result: errorOutput)
                let assigned = try assignVariables(catcher.assign, result: errorOutput, context: contextObject(visit), visit, flow: &flow)
                // AWS closes a caught state with its exited event, carrying the catcher's output.
                record(state.exitedType, .stateExited(StateExitedEventDetails(
                    name: state.name, output: output, assignedVariables: assigned)), flow: &flow)
                return .next(catcher.next, output)
            } catch {
                return .failed(error)
            }
        }
    }

    /// Makes the retry about to happen durable (with the failed attempt's events) before
    /// its backoff starts; inside a branch or iteration as a `ChildRetry` in the same write.
    private func saveRetry(_ attempts: [Int], due: Timestamp, visit: StateVisit, flow: Flow) {
        guard store != nil else { return }
        guard flow.isRoot, var cursor = rootCursor else {
            saveChildRetry(ChildRetry(
                enteredEventId: visit.enteredEventId, attempts: attempts, due: due, lastEventId: flow.lastEventId))
            return
        }
        cursor.retryAttempts = attempts
        cursor.retryAt = due
        // The token of a failed attempt is closed: a resumed state does not wait for it.
        cursor.callback = nil
        rootCursor = cursor
        persist(cursor)
    }

    /// Whether an `ErrorEquals` list matches an error name, with `States.ALL` (not the
    /// terminal errors) and `States.TaskFailed` (any task error but a timeout) as wildcards.
    static func matches(_ names: [String], _ error: String, _ state: CompiledState) -> Bool {
        for name in names {
            if name == error { return true }
            if name == StatesError.all, !StatesError.terminal.contains(error) { return true }
            if name == StatesError.taskFailed, case .task = state.kind, error != StatesError.timeout,
                !StatesError.terminal.contains(error)
            {
                return true
            }
        }
        return false
    }

    /// Milliseconds before retry number `attempt + 1`: IntervalSeconds × BackoffRate^attempt,
    /// capped by MaxDelaySeconds, drawn uniformly below that with FULL jitter.
    func backoff(_ retrier: Retrier, attempt: Int) -> Int64 {
        var seconds = Double(retrier.intervalSeconds)
        for _ in 0..<attempt { seconds *= retrier.backoffRate }
        if let cap = retrier.maxDelaySeconds { seconds = Swift.min(seconds, Double(cap)) }
        seconds = Swift.min(seconds, 31_622_400)
        var milliseconds = Int64((seconds * 1000).rounded())
        if retrier.jitterStrategy == .full, milliseconds > 0 {
            milliseconds = Int64.random(in: 0...milliseconds, using: &random)
        }
        return milliseconds
    }
}
