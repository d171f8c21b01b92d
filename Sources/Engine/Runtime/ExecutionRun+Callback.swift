import JSONValue

/// Tasks that wait for their token: Activity states (a worker takes the task with
/// GetActivityTask) and `.waitForTaskToken` integrations (the integration received the
/// token in its parameters). Both wait the same way: for SendTaskSuccess or
/// SendTaskFailure, with SendTaskHeartbeat restarting the HeartbeatSeconds clock, until
/// TimeoutSeconds (States.Timeout) or HeartbeatSeconds (States.HeartbeatTimeout) runs
/// out or the execution stops. Either error then goes through Retry and Catch.
///
/// At the top level the wait is durable: the cursor carries a `PendingCallback` with the
/// token and the absolute deadlines, written before the wait begins and after every
/// heartbeat, so an engine on the same store resumes the wait (same token, same deadlines)
/// instead of invoking the integration again. Inside a Map or Parallel the enclosing state
/// restarts on resume, as it does for every other state there, and issues new tokens.
extension ExecutionRun {
    /// How a wait for a token ended.
    enum CallbackEnd {
        case succeeded(JSON)
        case failed(ExecutionFailure)
        /// States.Timeout or States.HeartbeatTimeout.
        case timedOut(String)
        case stopped
    }

    /// An Activity state: ActivityScheduled, then the task waits for a worker and its answer.
    func activityAttempt(
        _ activityArn: String, token: String, input: JSON, timeoutSeconds: Int64?, heartbeatSeconds: Int64?,
        _ visit: StateVisit, context: JSON, flow: inout Flow
    ) async -> StateResult {
        guard callbacks.activity(activityArn) != nil else {
            let failure = ExecutionFailure(error: StatesError.runtime, cause: "Activity Does Not Exist: '\(activityArn)'")
            record(.activityScheduleFailed, .activityFailure(FailureEventDetails(
                error: failure.error, cause: failure.cause)), flow: &flow)
            return .failed(failure)
        }
        record(.activityScheduled, .activityScheduled(ActivityScheduledEventDetails(
            resource: activityArn, input: input, timeoutInSeconds: timeoutSeconds,
            heartbeatInSeconds: heartbeatSeconds)), flow: &flow)
        let now = clock.now()
        let pending = PendingCallback(
            token: token, stateName: visit.state.name, activityArn: activityArn, input: input,
            resourceType: "activity", resource: activityArn, started: false,
            timeoutDeadline: timeoutSeconds.map { now.adding(seconds: $0) }, heartbeatSeconds: heartbeatSeconds,
            heartbeatDeadline: heartbeatSeconds.map { now.adding(seconds: $0) }, lastEventId: flow.lastEventId,
            retryCount: visit.retryCount)
        callbacks.open(token, executionArn: identity.executionArn, activityArn: activityArn, input: input)
        return await awaitActivity(pending, visit, context: context, flow: &flow)
    }

    /// An Activity state whose invoker answers it (a mock): the activity's events around
    /// one invocation, bounded by TimeoutSeconds like any task.
    func answeredActivityAttempt(
        _ request: TaskRequest, activityArn: String, _ visit: StateVisit, context: JSON, flow: inout Flow
    ) async -> StateResult {
        record(.activityScheduled, .activityScheduled(ActivityScheduledEventDetails(
            resource: activityArn, input: request.parameters, timeoutInSeconds: request.timeoutSeconds,
            heartbeatInSeconds: request.heartbeatSeconds)), flow: &flow)
        record(.activityStarted, .activityStarted(ActivityStartedEventDetails()), flow: &flow)
        let limit = [request.timeoutSeconds.map { clock.now().adding(seconds: $0) }, deadline].compactMap { $0 }.min()
        let outcome = await invoke(request, until: limit)
        if mustStop() { return .stopped }
        switch outcome {
        case .success(let output)?:
            record(.activitySucceeded, .activitySucceeded(PayloadEventDetails(output: output)), flow: &flow)
            return completeTask(output, visit, context: context, flow: &flow)
        case .failure(let failure)?:
            record(.activityFailed, .activityFailure(FailureEventDetails(
                error: failure.error.isEmpty ? nil : failure.error, cause: failure.cause)), flow: &flow)
            return .failed(failure)
        case nil:
            record(.activityTimedOut, .activityFailure(FailureEventDetails(error: StatesError.timeout)), flow: &flow)
            return .failed(ExecutionFailure(error: StatesError.timeout, cause: nil))
        }
    }

    /// Continues the wait a stored cursor holds, after a restart.
    func resumeCallback(_ pending: PendingCallback, _ visit: StateVisit, flow: inout Flow) async -> StateResult {
        var visit = visit
        visit.retryCount = pending.retryCount
        flow.lastEventId = pending.lastEventId
        callbacks.open(
            pending.token, executionArn: identity.executionArn, activityArn: pending.activityArn, input: pending.input,
            queued: !pending.started)
        if pending.activityArn != nil {
            return await awaitActivity(pending, visit, context: taskContext(visit, token: nil), flow: &flow)
        }
        return await awaitTaskCallback(pending, visit, context: taskContext(visit, token: pending.token), flow: &flow)
    }

    func awaitActivity(_ pending: PendingCallback, _ visit: StateVisit, context: JSON, flow: inout Flow) async
        -> StateResult
    {
        switch await waitForCallback(pending, flow: &flow) {
        case .succeeded(let output):
            record(.activitySucceeded, .activitySucceeded(PayloadEventDetails(output: output)), flow: &flow)
            saveCallback(nil, flow: flow)
            return completeTask(output, visit, context: context, flow: &flow)
        case .failed(let failure):
            record(.activityFailed, .activityFailure(FailureEventDetails(
                error: failure.error.isEmpty ? nil : failure.error, cause: failure.cause)), flow: &flow)
            saveCallback(nil, flow: flow)
            return .failed(failure)
        case .timedOut(let error):
            record(.activityTimedOut, .activityFailure(FailureEventDetails(error: error)), flow: &flow)
            saveCallback(nil, flow: flow)
            return .failed(ExecutionFailure(error: error, cause: nil))
        case .stopped:
            return .stopped
        }
    }

    func awaitTaskCallback(_ pending: PendingCallback, _ visit: StateVisit, context: JSON, flow: inout Flow) async
        -> StateResult
    {
        let (resourceType, resource) = (pending.resourceType, pending.resource)
        switch await waitForCallback(pending, flow: &flow) {
        case .succeeded(let output):
            record(.taskSucceeded, .taskSucceeded(TaskSucceededEventDetails(
                resourceType: resourceType, resource: resource, output: output)), flow: &flow)
            saveCallback(nil, flow: flow)
            return completeTask(output, visit, context: context, flow: &flow)
        case .failed(let failure):
            record(.taskFailed, .taskFailed(TaskFailedEventDetails(
                resourceType: resourceType, resource: resource, error: failure.error.isEmpty ? nil : failure.error,
                cause: failure.cause)), flow: &flow)
            saveCallback(nil, flow: flow)
            return .failed(failure)
        case .timedOut(let error):
            record(.taskTimedOut, .taskTimedOut(TaskFailedEventDetails(
                resourceType: resourceType, resource: resource, error: error)), flow: &flow)
            saveCallback(nil, flow: flow)
            return .failed(ExecutionFailure(error: error, cause: nil))
        case .stopped:
            return .stopped
        }
    }

    /// Reads the token's mailbox until an answer, a deadline or a stop; the token is
    /// closed whichever comes first, so a later SendTask* call is TaskTimedOut.
    private func waitForCallback(_ pending: PendingCallback, flow: inout Flow) async -> CallbackEnd {
        var pending = pending
        let token = pending.token
        defer { callbacks.close(token) }
        saveCallback(pending, flow: flow)
        while true {
            if mustStop() { return .stopped }
            let limit = [pending.timeoutDeadline, pending.heartbeatDeadline, deadline].compactMap { $0 }.min()
            var wake = await nextSignal(token, until: limit)
            if case .deadline = wake, let sent = callbacks.takeSignal(token) { wake = .signal(sent) }
            switch wake {
            case .cancelled:
                return .stopped
            case .deadline:
                if mustStop() { return .stopped }
                let now = clock.now()
                if let timeout = pending.timeoutDeadline, now >= timeout { return .timedOut(StatesError.timeout) }
                if let heartbeat = pending.heartbeatDeadline, now >= heartbeat {
                    return .timedOut(StatesError.heartbeatTimeout)
                }
            case .signal(.succeeded(let output)):
                return .succeeded(output)
            case .signal(.failed(let error, let cause)):
                return .failed(ExecutionFailure(error: error ?? "", cause: cause))
            case .signal(.heartbeat(let time)):
                guard let seconds = pending.heartbeatSeconds else { continue }
                pending.heartbeatDeadline = time.adding(seconds: seconds)
                saveCallback(pending, flow: flow)
            case .signal(.started(let workerName)):
                record(.activityStarted, .activityStarted(ActivityStartedEventDetails(workerName: workerName)), flow: &flow)
                pending.started = true
                pending.lastEventId = flow.lastEventId
                if let seconds = pending.heartbeatSeconds {
                    pending.heartbeatDeadline = clock.now().adding(seconds: seconds)
                }
                saveCallback(pending, flow: flow)
            }
        }
    }

    /// What ended one read of a token's mailbox.
    private enum Wake: Sendable {
        case signal(CallbackSignal)
        case deadline
        case cancelled
    }

    /// The next signal for `token`, raced against `limit` through the clock. A signal that
    /// arrives together with the deadline wins. A virtual clock would reach any deadline at
    /// once (nothing else moves it while an execution waits for a person or a worker), so
    /// there the wait lasts until an answer or a stop.
    private func nextSignal(_ token: String, until limit: Timestamp?) async -> Wake {
        let callbacks = self.callbacks
        guard let limit, !clock.isVirtual else {
            return await callbacks.next(token).map(Wake.signal) ?? .cancelled
        }
        let clock = self.clock
        return await withTaskGroup(of: Wake.self) { group in
            group.addTask { await callbacks.next(token).map(Wake.signal) ?? .cancelled }
            group.addTask {
                await clock.sleep(until: limit)
                return .deadline
            }
            var woken: [Wake] = []
            if let first = await group.next() { woken.append(first) }
            group.cancelAll()
            for await wake in group { woken.append(wake) }
            for case .signal(let signal) in woken { return .signal(signal) }
            return woken.contains { if case .deadline = $0 { true } else { false } } ? .deadline : .cancelled
        }
    }

    /// Writes the wait (or its end, with nil) into the top-level cursor, with the events
    /// recorded so far; inside a branch or iteration only the events are written.
    func saveCallback(_ pending: PendingCallback?, flow: Flow) {
        guard store != nil else { return }
        guard flow.isRoot, var cursor = rootCursor else {
            persist(nil)
            return
        }
        cursor.callback = pending
        rootCursor = cursor
        persist(cursor)
    }
}
