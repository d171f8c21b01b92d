public import StepFunctionsAPI

/// RedriveExecution, as AWS answers it: a Standard execution that FAILED, TIMED_OUT or was
/// ABORTED within the last 14 days runs again under the same ARN from the state that did
/// not succeed (see `ExecutionEngine.redrive`); DescribeExecution and ListExecutions report
/// its redrive count and date, and DescribeExecution whether it may be redriven and why not.
extension LocalStepFunctionsService {
    /// How long after it stopped an execution may be redriven: AWS's 14 days.
    static let redrivablePeriodMilliseconds: Int64 = 14 * 24 * 3_600_000
    /// How long a client token answers again with the redrive it made: AWS's 15 minutes.
    static let clientTokenLifetimeMilliseconds: Int64 = 15 * 60_000
    /// AWS's longest execution: one year.
    static let maximumExecutionMilliseconds: Int64 = 365 * 24 * 3_600_000

    public func redriveExecution(_ input: RedriveExecutionInput) async throws(StepFunctionsError)
        -> RedriveExecutionOutput
    {
        let arn = input.executionArn.description
        let execution = try execution(input.executionArn)
        // The same client token within its lifetime answers with the redrive it made.
        if let token = input.clientToken, let date = execution.redriveTokens[token],
            now.millisecondsSince1970 - date.millisecondsSince1970 <= Self.clientTokenLifetimeMilliseconds
        {
            return RedriveExecutionOutput(redriveDate: date)
        }
        if let reason = notRedrivableReason(execution) { throw StepFunctionsError(.executionNotRedrivable, reason) }
        guard !closed else { throw StepFunctionsError(.serviceUnavailable, "The local engine has been closed") }
        // A service opened on a database compiles an ended execution's definition only now.
        guard let workflow = execution.machine.workflow ?? (try? compile(execution.machine.definition, type: execution.machine.type))
        else {
            throw .internalFailure("the definition of '\(execution.machine.arn)' no longer compiles; it cannot be redriven")
        }
        executions[arn]?.machine.workflow = workflow
        let persisted = try await redriveSource(execution)
        if persisted.history.count >= engine.maximumHistoryEvents - 1 {
            throw StepFunctionsError(.executionNotRedrivable, "Execution history event limit exceeded.")
        }
        var engine = self.engine
        engine.roleArn = execution.machine.roleArn
        engine.testCase = execution.testCase
        let started: (handle: ExecutionHandle, redriveTime: Timestamp)
        do {
            started = try engine.redrive(workflow, persisted)
        } catch {
            throw .internalFailure("cannot redrive '\(arn)': \(error)")
        }
        let date = started.redriveTime.api
        executions[arn]?.redriveCount = persisted.start.identity.redriveCount + 1
        executions[arn]?.redriveDate = date
        executions[arn]?.report = nil
        executions[arn]?.endedRun = nil
        executions[arn]?.handle = started.handle
        if let token = input.clientToken { executions[arn]?.redriveTokens[token] = date }
        let handle = started.handle
        Task {
            let report = await handle.report
            self.finish(arn, with: report)
        }
        return RedriveExecutionOutput(redriveDate: date)
    }

    /// Why RedriveExecution refuses this execution now, in AWS's words (DescribeExecution's
    /// `redriveStatusReason`); nil when it may be redriven.
    func notRedrivableReason(_ execution: StoredExecution) -> String? {
        guard execution.machine.type == .standard else { return "Execution of an EXPRESS state machine cannot be redriven." }
        switch execution.status {
        case .running, .pendingRedrive: return "Execution is RUNNING and cannot be redriven."
        case .succeeded: return "Execution is SUCCEEDED and cannot be redriven."
        default: break
        }
        // AWS keeps a deleted machine DELETING while executions of it remain.
        if machines[execution.stateMachineArn.description] == nil { return "State machine is in DELETING status." }
        let current = now.millisecondsSince1970
        if current - execution.startDate.millisecondsSince1970 > Self.maximumExecutionMilliseconds {
            return "Execution has exceeded the max execution time."
        }
        if let stopDate = execution.stopDate,
            current - stopDate.millisecondsSince1970 > Self.redrivablePeriodMilliseconds
        {
            return "Execution redrivable period exceeded."
        }
        if let history = execution.report?.history, history.count >= engine.maximumHistoryEvents - 1 {
            return "Execution history event limit exceeded."
        }
        return nil
    }

    /// The ended execution's identity, history and last top-level cursor: from the store when
    /// the service has one (it outlives the run), else from the run this service kept.
    private func redriveSource(_ execution: StoredExecution) async throws(StepFunctionsError) -> PersistedExecution {
        let arn = execution.arn.description
        if let store = engine.store {
            let found: PersistedExecution?
            do {
                found = try store.persistedExecution(arn)
            } catch {
                throw .internalFailure("cannot read the execution '\(arn)' to redrive it: \(error)")
            }
            if let found { return found }
        }
        guard let run = execution.endedRun else {
            throw .internalFailure("the local engine no longer holds the run of '\(arn)' to redrive it")
        }
        return await run.persisted
    }
}
