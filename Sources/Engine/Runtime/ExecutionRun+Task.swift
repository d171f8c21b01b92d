import ASLModel
import JSONValue

/// Task states: parameters in, one invocation through the `TaskInvoking` chosen by
/// resource, with the state's timeout; TaskScheduled/Started/Succeeded/Failed events.
/// A `.waitForTaskToken` task then records TaskSubmitted and waits for its token, and an
/// Activity state hands its task to a worker instead (`ExecutionRun+Callback`).
extension ExecutionRun {
    func taskAttempt(_ task: CompiledTask, _ visit: StateVisit, flow: inout Flow) async -> StateResult {
        if let pending = resumedCallback {
            resumedCallback = nil
            if pending.stateName == visit.state.name { return await resumeCallback(pending, visit, flow: &flow) }
        }
        let activityArn = Self.activityArn(task.resource)
        // A task that waits for its token draws the token first: `$$.Task.Token` holds it
        // while Parameters are evaluated (for `.waitForTaskToken` resources).
        let taskToken =
            task.pattern == .waitForTaskToken || activityArn != nil
            ? TaskToken(executionArn: identity.executionArn, nonce: random.uuid()).text : nil
        let context = taskContext(visit, token: task.pattern == .waitForTaskToken ? taskToken : nil)
        let parameters: JSON
        var timeoutSeconds: Int64?
        var heartbeatSeconds: Int64?
        do throws(ExecutionFailure) {
            let effective = try applyInputPath(visit, variables: flow.variables)
            parameters = try visit.state.parameters.map { template throws(ExecutionFailure) in
                try evaluate(template, on: effective, context: context, visit, flow: flow, pathFailure: StatesError.parameterPathFailure)
            } ?? effective
            timeoutSeconds = try integerSetting(task.timeout, effective, visit, context: context, flow: flow)
            heartbeatSeconds = try integerSetting(task.heartbeat, effective, visit, context: context, flow: flow)
        } catch {
            return .failed(error)
        }
        let request = TaskRequest(
            resource: task.resource, parameters: parameters, stateName: visit.state.name,
            executionArn: identity.executionArn, stateMachineName: identity.stateMachineName,
            retryCount: visit.retryCount,
            taskToken: taskToken,
            timeoutSeconds: timeoutSeconds, heartbeatSeconds: heartbeatSeconds,
            testCase: identity.testCase, mapIterationIndex: flow.mapIterationIndex)
        if let activityArn, let taskToken {
            if let answering = invoker as? any ActivityAnswering, answering.answers(request) {
                return await answeredActivityAttempt(request, activityArn: activityArn, visit, context: context, flow: &flow)
            }
            return await activityAttempt(
                activityArn, token: taskToken, input: parameters, timeoutSeconds: timeoutSeconds,
                heartbeatSeconds: heartbeatSeconds, visit, context: context, flow: &flow)
        }
        let (resourceType, resource) = Self.split(task.resource)
        record(.taskScheduled, .taskScheduled(TaskScheduledEventDetails(
            resourceType: resourceType, resource: resource, region: identity.region, parameters: parameters,
            timeoutInSeconds: timeoutSeconds, heartbeatInSeconds: heartbeatSeconds)), flow: &flow)
        record(.taskStarted, .taskStarted(TaskResourceEventDetails(resourceType: resourceType, resource: resource)), flow: &flow)
        let scheduled = clock.now()
        let stateDeadline = timeoutSeconds.map { scheduled.adding(seconds: $0) }
        let limit = [stateDeadline, deadline].compactMap { $0 }.min()
        // A mock answers a `.waitForTaskToken` state itself, as Step Functions Local does: its
        // answer is the result, and no token is awaited.
        let answered = taskToken != nil && (invoker as? any ActivityAnswering)?.answers(request) == true
        // Opened before the integration runs: it may answer before it returns.
        if let taskToken, !answered { callbacks.open(taskToken, executionArn: identity.executionArn) }
        let outcome = await invoke(request, until: limit)
        if mustStop() {
            if let taskToken { callbacks.close(taskToken) }
            return .stopped
        }
        switch outcome {
        case nil:
            if let taskToken { callbacks.close(taskToken) }
            let failure = ExecutionFailure(error: StatesError.timeout, cause: nil)
            record(.taskTimedOut, .taskTimedOut(TaskFailedEventDetails(
                resourceType: resourceType, resource: resource, error: failure.error, cause: failure.cause)), flow: &flow)
            return .failed(failure)
        case .failure(let failure)?:
            if let taskToken { callbacks.close(taskToken) }
            record(.taskFailed, .taskFailed(TaskFailedEventDetails(
                resourceType: resourceType, resource: resource, error: failure.error, cause: failure.cause)), flow: &flow)
            return .failed(failure)
        case .success(let output)?:
            guard let taskToken, !answered else {
                record(.taskSucceeded, .taskSucceeded(TaskSucceededEventDetails(
                    resourceType: resourceType, resource: resource, output: output)), flow: &flow)
                return completeTask(output, visit, context: context, flow: &flow)
            }
            // The integration accepted the task; its answer comes through the token.
            record(.taskSubmitted, .taskSubmitted(TaskSucceededEventDetails(
                resourceType: resourceType, resource: resource, output: output)), flow: &flow)
            let pending = PendingCallback(
                token: taskToken, stateName: visit.state.name, activityArn: nil, input: parameters,
                resourceType: resourceType, resource: resource, started: true, timeoutDeadline: stateDeadline,
                heartbeatSeconds: heartbeatSeconds, heartbeatDeadline: heartbeatSeconds.map { clock.now().adding(seconds: $0) },
                lastEventId: flow.lastEventId, retryCount: visit.retryCount)
            return await awaitTaskCallback(pending, visit, context: context, flow: &flow)
        }
    }

    /// ResultSelector, then ResultPath, OutputPath, Assign and the exited event.
    func completeTask(_ output: JSON, _ visit: StateVisit, context: JSON, flow: inout Flow) -> StateResult {
        do throws(ExecutionFailure) {
            try checkSize(output, visit)
            var result = output
            if let selector = visit.state.resultSelector {
                result = try evaluate(selector, on: output, context: context, visit, flow: flow)
            }
            return try finish(visit, result: result, context: context, flow: &flow)
        } catch {
            return .failed(error)
        }
    }

    /// The context object of a task attempt, with `Task.Token` when the task has one.
    func taskContext(_ visit: StateVisit, token: String?) -> JSON {
        var context = contextObject(visit)
        if let token, case .object(var object) = context {
            object["Task"] = .object(JSONObject([("Token", .string(token))]))
            context = .object(object)
        }
        return context
    }

    /// The invocation, raced against `limit`; nil when the limit came first. With a
    /// virtual clock the task's own (virtual) duration is compared instead of racing.
    func invoke(_ request: TaskRequest, until limit: Timestamp?) async -> TaskOutcome? {
        let invoker = self.invoker
        guard let limit else { return await invoker.invoke(request) }
        if clock.isVirtual {
            let outcome = await invoker.invoke(request)
            return clock.now() > limit ? nil : outcome
        }
        let clock = self.clock
        return await withTaskGroup(of: TaskOutcome?.self) { group in
            group.addTask { await invoker.invoke(request) }
            group.addTask {
                await clock.sleep(until: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// `TimeoutSeconds`/`TimeoutSecondsPath` and the heartbeat: a positive integer.
    func integerSetting(_ field: NumberField, _ input: JSON, _ visit: StateVisit, context: JSON, flow: Flow) throws(ExecutionFailure) -> Int64? {
        switch field {
        case .absent: return nil
        case .value(let v): return v.isFinite && abs(v) < 9.0e15 ? Int64(v) : Int64(9.0e15)
        case .path(let path, let name):
            let value = try read(path, input, visit, context: context, flow: flow)
            // AWS also accepts a string holding an integer ("1").
            let number: JSONNumber? =
                switch value {
                case .number(let n): n
                case .string(let s): Int64(s).map { JSONNumber($0) }
                default: nil
                }
            guard let n = number, let i = n.int64Value, n.doubleValue == Double(i) else {
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix + "The \(name) field refers to value \"\(value.plainText)\" which is not a valid integer: \(path.text)")
            }
            return i
        }
    }

    /// The activity an `arn:aws:states:<region>:<account>:activity:<name>` resource names.
    static func activityArn(_ resource: String) -> String? {
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7, parts[0] == "arn", parts[2] == "states", parts[5] == "activity", !parts[6].isEmpty
        else { return nil }
        return resource
    }

    /// `arn:aws:states:::lambda:invoke.sync` → ("lambda", "invoke.sync"); other ARNs → (service, ARN).
    static func split(_ resource: String) -> (String, String) {
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 7, parts[2] == "states", parts[3].isEmpty, parts[4].isEmpty {
            return (String(parts[5]), parts[6...].joined(separator: ":"))
        }
        if parts.count >= 3 { return (String(parts[2]), resource) }
        return (resource, resource)
    }
}
