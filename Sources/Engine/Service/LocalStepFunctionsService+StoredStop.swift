import JSONValue
import StepFunctionsAPI

/// StopExecution of an execution this service holds only in its store: a durable service
/// opened without resuming (`resumeExecutions` false, as `sfn plan` opens the local engine)
/// still knows the executions an earlier service left RUNNING, but no run of its own drives
/// them, so there is no run to stop. The abort is written to the store directly, as the
/// run would have written it: an ExecutionAborted event after the last one, and the ended
/// description, so the next service that resumes finds it ended instead of continuing it.
extension LocalStepFunctionsService {
    func abortInStore(_ execution: StoredExecution, error: String?, cause: String?) throws(StepFunctionsError) {
        guard let catalog else { return }
        // As a run records a stop: an empty error is no error.
        let error = error?.isEmpty == true ? nil : error
        let arn = execution.arn.description
        let stopDate = engine.clock.now()
        let description: ExecutionDescription
        do {
            let history = try catalog.history(of: arn)
            let aborted = HistoryEvent(
                id: history.count + 1, previousEventId: history.last?.id ?? 0, timestamp: stopDate, type: .executionAborted,
                details: .executionAborted(FailureEventDetails(error: error, cause: cause)))
            description = ExecutionDescription(
                executionArn: arn, stateMachineArn: execution.stateMachineArn.description, name: execution.name,
                status: .aborted,
                startDate: Timestamp(millisecondsSinceEpoch: execution.startDate.millisecondsSince1970), stopDate: stopDate,
                input: (try? JSON.parse(execution.input)) ?? .object([:]), output: nil, error: error, cause: cause,
                redriveCount: execution.redriveCount,
                redriveDate: execution.redriveDate.map { Timestamp(millisecondsSinceEpoch: $0.millisecondsSince1970) })
            try catalog.executionEnded(executionArn: arn, events: [aborted], description: description)
        } catch {
            throw .internalFailure("cannot stop '\(arn)' in the local engine's store: \(error)")
        }
        executions[arn]?.report = ExecutionReport(description: description, history: [], transitions: 0)
    }
}
