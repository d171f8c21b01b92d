import JSONValue
import StepFunctionsAPI

extension HistoryEvent {
    /// The event as GetExecutionHistory returns it: the same id, link, type and details,
    /// payloads as JSON text. Without execution data (`includeExecutionData: false`) the
    /// inputs and outputs are left out, as AWS leaves them out.
    func api(includeExecutionData: Bool) -> StepFunctionsAPI.HistoryEvent {
        var event = StepFunctionsAPI.HistoryEvent(
            timestamp: timestamp.api, type: StepFunctionsAPI.HistoryEventType(rawValue: type.rawValue), id: Int64(id),
            previousEventId: Int64(previousEventId))
        func text(_ json: JSON) -> String? { includeExecutionData ? json.serialized(.compact) : nil }
        func data(_ details: HistoryEventExecutionDataDetails) -> StepFunctionsAPI.HistoryEventExecutionDataDetails {
            StepFunctionsAPI.HistoryEventExecutionDataDetails(truncated: details.truncated)
        }
        switch details {
        case .none:
            break
        case .executionStarted(let details):
            event.executionStartedEventDetails = StepFunctionsAPI.ExecutionStartedEventDetails(
                input: text(details.input), inputDetails: data(details.inputDetails), roleArn: details.roleArn)
        case .executionSucceeded(let details):
            event.executionSucceededEventDetails = StepFunctionsAPI.ExecutionSucceededEventDetails(
                output: text(details.output), outputDetails: data(details.outputDetails))
        case .executionFailed(let details):
            event.executionFailedEventDetails = details.api
        case .executionAborted(let details):
            event.executionAbortedEventDetails = details.api
        case .executionTimedOut(let details):
            event.executionTimedOutEventDetails = details.api
        case .executionRedriven(let details):
            event.executionRedrivenEventDetails = StepFunctionsAPI.ExecutionRedrivenEventDetails(
                redriveCount: details.redriveCount)
        case .stateEntered(let details):
            event.stateEnteredEventDetails = StepFunctionsAPI.StateEnteredEventDetails(
                name: details.name, input: text(details.input), inputDetails: data(details.inputDetails))
        case .stateExited(let details):
            event.stateExitedEventDetails = StepFunctionsAPI.StateExitedEventDetails(
                name: details.name, output: text(details.output), outputDetails: data(details.outputDetails),
                assignedVariables: details.assignedVariables?.mapValues { $0.serialized(.compact) })
        case .taskScheduled(let details):
            event.taskScheduledEventDetails = StepFunctionsAPI.TaskScheduledEventDetails(
                resourceType: details.resourceType, resource: details.resource, region: details.region,
                parameters: details.parameters.serialized(.compact), timeoutInSeconds: details.timeoutInSeconds,
                heartbeatInSeconds: details.heartbeatInSeconds)
        case .taskStarted(let details):
            event.taskStartedEventDetails = StepFunctionsAPI.TaskStartedEventDetails(
                resourceType: details.resourceType, resource: details.resource)
        case .taskSucceeded(let details):
            event.taskSucceededEventDetails = StepFunctionsAPI.TaskSucceededEventDetails(
                resourceType: details.resourceType, resource: details.resource, output: text(details.output),
                outputDetails: data(details.outputDetails))
        case .taskFailed(let details):
            event.taskFailedEventDetails = StepFunctionsAPI.TaskFailedEventDetails(
                resourceType: details.resourceType, resource: details.resource, error: details.error, cause: details.cause)
        case .taskTimedOut(let details):
            event.taskTimedOutEventDetails = StepFunctionsAPI.TaskTimedOutEventDetails(
                resourceType: details.resourceType, resource: details.resource, error: details.error, cause: details.cause)
        case .taskSubmitted(let details):
            event.taskSubmittedEventDetails = StepFunctionsAPI.TaskSubmittedEventDetails(
                resourceType: details.resourceType, resource: details.resource, output: text(details.output),
                outputDetails: data(details.outputDetails))
        case .activityScheduled(let details):
            event.activityScheduledEventDetails = StepFunctionsAPI.ActivityScheduledEventDetails(
                resource: details.resource, input: text(details.input), inputDetails: data(details.inputDetails),
                timeoutInSeconds: details.timeoutInSeconds, heartbeatInSeconds: details.heartbeatInSeconds)
        case .activityStarted(let details):
            event.activityStartedEventDetails = StepFunctionsAPI.ActivityStartedEventDetails(
                workerName: details.workerName)
        case .activitySucceeded(let details):
            event.activitySucceededEventDetails = StepFunctionsAPI.ActivitySucceededEventDetails(
                output: text(details.output), outputDetails: data(details.outputDetails))
        case .activityFailure(let details):
            switch type {
            case .activityScheduleFailed: event.activityScheduleFailedEventDetails = details.api
            case .activityTimedOut: event.activityTimedOutEventDetails = details.api
            default: event.activityFailedEventDetails = details.api
            }
        case .mapStateStarted(let details):
            event.mapStateStartedEventDetails = StepFunctionsAPI.MapStateStartedEventDetails(length: details.length)
        case .mapIteration(let details):
            let iteration = StepFunctionsAPI.MapIterationEventDetails(name: details.name, index: details.index)
            switch type {
            case .mapIterationStarted: event.mapIterationStartedEventDetails = iteration
            case .mapIterationSucceeded: event.mapIterationSucceededEventDetails = iteration
            case .mapIterationFailed: event.mapIterationFailedEventDetails = iteration
            default: event.mapIterationAbortedEventDetails = iteration
            }
        case .mapRunStarted(let details):
            event.mapRunStartedEventDetails = StepFunctionsAPI.MapRunStartedEventDetails(
                mapRunArn: try? MapRunARN(parsing: details.mapRunArn))
        case .mapRunRedriven(let details):
            event.mapRunRedrivenEventDetails = StepFunctionsAPI.MapRunRedrivenEventDetails(
                mapRunArn: try? MapRunARN(parsing: details.mapRunArn), redriveCount: details.redriveCount)
        case .failure(let details):
            // MapStateFailed and ParallelStateFailed carry no details in AWS's API; MapRunFailed does.
            if type == .mapRunFailed {
                event.mapRunFailedEventDetails = details.api
            }
        }
        return event
    }
}

extension FailureEventDetails {
    var api: StepFunctionsAPI.ExecutionFailedEventDetails {
        // An empty error (StopExecution without one) is left out, as AWS leaves it out.
        StepFunctionsAPI.ExecutionFailedEventDetails(error: error.flatMap { $0.isEmpty ? nil : $0 }, cause: cause)
    }
}
