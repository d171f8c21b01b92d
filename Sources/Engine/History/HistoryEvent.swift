public import JSONValue

/// One event of an execution's history, shaped like an entry of AWS's
/// GetExecutionHistory: an id counted from 1, the id of the event that led to it,
/// a timestamp, a type and the type's details.
///
/// Payloads are kept as `JSON` values; the API layer serializes them to the strings
/// AWS returns. `StepFunctionsAPI`'s event type maps from this one field by field.
public struct HistoryEvent: Sendable, Hashable, Codable {
    public var id: Int
    /// 0 for the first event, as AWS reports it.
    public var previousEventId: Int
    public var timestamp: Timestamp
    public var type: HistoryEventType
    public var details: HistoryEventDetails

    public init(id: Int, previousEventId: Int, timestamp: Timestamp, type: HistoryEventType, details: HistoryEventDetails) {
        self.id = id
        self.previousEventId = previousEventId
        self.timestamp = timestamp
        self.type = type
        self.details = details
    }

    /// The name of the details member in GetExecutionHistory (`stateEnteredEventDetails` …), nil when none.
    public var detailsFieldName: String? {
        switch details {
        case .none: nil
        case .executionStarted: "executionStartedEventDetails"
        case .executionSucceeded: "executionSucceededEventDetails"
        case .executionFailed: "executionFailedEventDetails"
        case .executionAborted: "executionAbortedEventDetails"
        case .executionTimedOut: "executionTimedOutEventDetails"
        case .executionRedriven: "executionRedrivenEventDetails"
        case .stateEntered: "stateEnteredEventDetails"
        case .stateExited: "stateExitedEventDetails"
        case .taskScheduled: "taskScheduledEventDetails"
        case .taskStarted: "taskStartedEventDetails"
        case .taskSucceeded: "taskSucceededEventDetails"
        case .taskFailed: "taskFailedEventDetails"
        case .taskTimedOut: "taskTimedOutEventDetails"
        case .taskSubmitted: "taskSubmittedEventDetails"
        case .activityScheduled: "activityScheduledEventDetails"
        case .activityStarted: "activityStartedEventDetails"
        case .activitySucceeded: "activitySucceededEventDetails"
        case .activityFailure:
            switch type {
            case .activityScheduleFailed: "activityScheduleFailedEventDetails"
            case .activityTimedOut: "activityTimedOutEventDetails"
            default: "activityFailedEventDetails"
            }
        case .mapStateStarted: "mapStateStartedEventDetails"
        case .mapRunStarted: "mapRunStartedEventDetails"
        case .mapRunRedriven: "mapRunRedrivenEventDetails"
        case .mapIteration:
            switch type {
            case .mapIterationStarted: "mapIterationStartedEventDetails"
            case .mapIterationSucceeded: "mapIterationSucceededEventDetails"
            case .mapIterationFailed: "mapIterationFailedEventDetails"
            default: "mapIterationAbortedEventDetails"
            }
        case .failure:
            switch type {
            case .mapStateFailed: "mapStateFailedEventDetails"
            case .mapRunFailed: "mapRunFailedEventDetails"
            case .parallelStateFailed: "parallelStateFailedEventDetails"
            default: "failedEventDetails"
            }
        }
    }
}

/// AWS's `HistoryEventType` values the engine produces, spelled as AWS spells them.
public enum HistoryEventType: String, Sendable, Hashable, Codable, CaseIterable {
    case executionStarted = "ExecutionStarted"
    case executionSucceeded = "ExecutionSucceeded"
    case executionFailed = "ExecutionFailed"
    case executionAborted = "ExecutionAborted"
    case executionTimedOut = "ExecutionTimedOut"
    case executionRedriven = "ExecutionRedriven"
    case passStateEntered = "PassStateEntered"
    case passStateExited = "PassStateExited"
    case taskStateEntered = "TaskStateEntered"
    case taskStateExited = "TaskStateExited"
    case taskScheduled = "TaskScheduled"
    case taskStarted = "TaskStarted"
    case taskSucceeded = "TaskSucceeded"
    case taskFailed = "TaskFailed"
    case taskTimedOut = "TaskTimedOut"
    case taskSubmitted = "TaskSubmitted"
    case activityScheduled = "ActivityScheduled"
    case activityScheduleFailed = "ActivityScheduleFailed"
    case activityStarted = "ActivityStarted"
    case activitySucceeded = "ActivitySucceeded"
    case activityFailed = "ActivityFailed"
    case activityTimedOut = "ActivityTimedOut"
    case choiceStateEntered = "ChoiceStateEntered"
    case choiceStateExited = "ChoiceStateExited"
    case waitStateEntered = "WaitStateEntered"
    case waitStateExited = "WaitStateExited"
    case succeedStateEntered = "SucceedStateEntered"
    case succeedStateExited = "SucceedStateExited"
    case failStateEntered = "FailStateEntered"
    case parallelStateEntered = "ParallelStateEntered"
    case parallelStateStarted = "ParallelStateStarted"
    case parallelStateSucceeded = "ParallelStateSucceeded"
    case parallelStateFailed = "ParallelStateFailed"
    case parallelStateExited = "ParallelStateExited"
    case mapStateEntered = "MapStateEntered"
    case mapStateStarted = "MapStateStarted"
    case mapStateSucceeded = "MapStateSucceeded"
    case mapStateFailed = "MapStateFailed"
    case mapStateExited = "MapStateExited"
    case mapIterationStarted = "MapIterationStarted"
    case mapIterationSucceeded = "MapIterationSucceeded"
    case mapIterationFailed = "MapIterationFailed"
    case mapIterationAborted = "MapIterationAborted"
    case mapRunStarted = "MapRunStarted"
    case mapRunSucceeded = "MapRunSucceeded"
    case mapRunFailed = "MapRunFailed"
    case mapRunAborted = "MapRunAborted"
    case mapRunRedriven = "MapRunRedriven"

    /// `<Type>StateEntered` for a state type name.
    static func entered(_ typeName: String) -> HistoryEventType {
        switch typeName {
        case "Task": .taskStateEntered
        case "Choice": .choiceStateEntered
        case "Wait": .waitStateEntered
        case "Succeed": .succeedStateEntered
        case "Fail": .failStateEntered
        case "Parallel": .parallelStateEntered
        case "Map": .mapStateEntered
        default: .passStateEntered
        }
    }

    /// `<Type>StateExited`; Fail states have none.
    static func exited(_ typeName: String) -> HistoryEventType {
        switch typeName {
        case "Task": .taskStateExited
        case "Choice": .choiceStateExited
        case "Wait": .waitStateExited
        case "Succeed": .succeedStateExited
        case "Parallel": .parallelStateExited
        case "Map": .mapStateExited
        default: .passStateExited
        }
    }
}
