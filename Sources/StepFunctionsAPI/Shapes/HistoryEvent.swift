/// One event of an execution's history, as GetExecutionHistory returns it.
///
/// Events are numbered from 1; `previousEventId` links each to the event it follows in its branch
/// (0 for ExecutionStarted), which is how a reader tells Parallel branches and Map iterations apart.
/// Exactly one `*EventDetails` member is set, the one that matches `type` (some types, such as
/// ParallelStateStarted, carry none).
public struct HistoryEvent: Codable, Hashable, Sendable {
    public var timestamp: Timestamp
    public var type: HistoryEventType
    public var id: Int64
    public var previousEventId: Int64?
    public var activityFailedEventDetails: ActivityFailedEventDetails?
    public var activityScheduleFailedEventDetails: ActivityScheduleFailedEventDetails?
    public var activityScheduledEventDetails: ActivityScheduledEventDetails?
    public var activityStartedEventDetails: ActivityStartedEventDetails?
    public var activitySucceededEventDetails: ActivitySucceededEventDetails?
    public var activityTimedOutEventDetails: ActivityTimedOutEventDetails?
    public var taskFailedEventDetails: TaskFailedEventDetails?
    public var taskScheduledEventDetails: TaskScheduledEventDetails?
    public var taskStartFailedEventDetails: TaskStartFailedEventDetails?
    public var taskStartedEventDetails: TaskStartedEventDetails?
    public var taskSubmitFailedEventDetails: TaskSubmitFailedEventDetails?
    public var taskSubmittedEventDetails: TaskSubmittedEventDetails?
    public var taskSucceededEventDetails: TaskSucceededEventDetails?
    public var taskTimedOutEventDetails: TaskTimedOutEventDetails?
    public var executionFailedEventDetails: ExecutionFailedEventDetails?
    public var executionStartedEventDetails: ExecutionStartedEventDetails?
    public var executionSucceededEventDetails: ExecutionSucceededEventDetails?
    public var executionAbortedEventDetails: ExecutionAbortedEventDetails?
    public var executionTimedOutEventDetails: ExecutionTimedOutEventDetails?
    public var executionRedrivenEventDetails: ExecutionRedrivenEventDetails?
    public var mapStateStartedEventDetails: MapStateStartedEventDetails?
    public var mapIterationStartedEventDetails: MapIterationEventDetails?
    public var mapIterationSucceededEventDetails: MapIterationEventDetails?
    public var mapIterationFailedEventDetails: MapIterationEventDetails?
    public var mapIterationAbortedEventDetails: MapIterationEventDetails?
    public var lambdaFunctionFailedEventDetails: LambdaFunctionFailedEventDetails?
    public var lambdaFunctionScheduleFailedEventDetails: LambdaFunctionScheduleFailedEventDetails?
    public var lambdaFunctionScheduledEventDetails: LambdaFunctionScheduledEventDetails?
    public var lambdaFunctionStartFailedEventDetails: LambdaFunctionStartFailedEventDetails?
    public var lambdaFunctionSucceededEventDetails: LambdaFunctionSucceededEventDetails?
    public var lambdaFunctionTimedOutEventDetails: LambdaFunctionTimedOutEventDetails?
    public var stateEnteredEventDetails: StateEnteredEventDetails?
    public var stateExitedEventDetails: StateExitedEventDetails?
    public var mapRunStartedEventDetails: MapRunStartedEventDetails?
    public var mapRunFailedEventDetails: MapRunFailedEventDetails?
    public var mapRunRedrivenEventDetails: MapRunRedrivenEventDetails?
    public var evaluationFailedEventDetails: EvaluationFailedEventDetails?

    public init(
        timestamp: Timestamp,
        type: HistoryEventType,
        id: Int64,
        previousEventId: Int64? = nil,
        activityFailedEventDetails: ActivityFailedEventDetails? = nil,
        activityScheduleFailedEventDetails: ActivityScheduleFailedEventDetails? = nil,
        activityScheduledEventDetails: ActivityScheduledEventDetails? = nil,
        activityStartedEventDetails: ActivityStartedEventDetails? = nil,
        activitySucceededEventDetails: ActivitySucceededEventDetails? = nil,
        activityTimedOutEventDetails: ActivityTimedOutEventDetails? = nil,
        taskFailedEventDetails: TaskFailedEventDetails? = nil,
        taskScheduledEventDetails: TaskScheduledEventDetails? = nil,
        taskStartFailedEventDetails: TaskStartFailedEventDetails? = nil,
        taskStartedEventDetails: TaskStartedEventDetails? = nil,
        taskSubmitFailedEventDetails: TaskSubmitFailedEventDetails? = nil,
        taskSubmittedEventDetails: TaskSubmittedEventDetails? = nil,
        taskSucceededEventDetails: TaskSucceededEventDetails? = nil,
        taskTimedOutEventDetails: TaskTimedOutEventDetails? = nil,
        executionFailedEventDetails: ExecutionFailedEventDetails? = nil,
        executionStartedEventDetails: ExecutionStartedEventDetails? = nil,
        executionSucceededEventDetails: ExecutionSucceededEventDetails? = nil,
        executionAbortedEventDetails: ExecutionAbortedEventDetails? = nil,
        executionTimedOutEventDetails: ExecutionTimedOutEventDetails? = nil,
        executionRedrivenEventDetails: ExecutionRedrivenEventDetails? = nil,
        mapStateStartedEventDetails: MapStateStartedEventDetails? = nil,
        mapIterationStartedEventDetails: MapIterationEventDetails? = nil,
        mapIterationSucceededEventDetails: MapIterationEventDetails? = nil,
        mapIterationFailedEventDetails: MapIterationEventDetails? = nil,
        mapIterationAbortedEventDetails: MapIterationEventDetails? = nil,
        lambdaFunctionFailedEventDetails: LambdaFunctionFailedEventDetails? = nil,
        lambdaFunctionScheduleFailedEventDetails: LambdaFunctionScheduleFailedEventDetails? = nil,
        lambdaFunctionScheduledEventDetails: LambdaFunctionScheduledEventDetails? = nil,
        lambdaFunctionStartFailedEventDetails: LambdaFunctionStartFailedEventDetails? = nil,
        lambdaFunctionSucceededEventDetails: LambdaFunctionSucceededEventDetails? = nil,
        lambdaFunctionTimedOutEventDetails: LambdaFunctionTimedOutEventDetails? = nil,
        stateEnteredEventDetails: StateEnteredEventDetails? = nil,
        stateExitedEventDetails: StateExitedEventDetails? = nil,
        mapRunStartedEventDetails: MapRunStartedEventDetails? = nil,
        mapRunFailedEventDetails: MapRunFailedEventDetails? = nil,
        mapRunRedrivenEventDetails: MapRunRedrivenEventDetails? = nil,
        evaluationFailedEventDetails: EvaluationFailedEventDetails? = nil
    ) {
        self.timestamp = timestamp
        self.type = type
        self.id = id
        self.previousEventId = previousEventId
        self.activityFailedEventDetails = activityFailedEventDetails
        self.activityScheduleFailedEventDetails = activityScheduleFailedEventDetails
        self.activityScheduledEventDetails = activityScheduledEventDetails
        self.activityStartedEventDetails = activityStartedEventDetails
        self.activitySucceededEventDetails = activitySucceededEventDetails
        self.activityTimedOutEventDetails = activityTimedOutEventDetails
        self.taskFailedEventDetails = taskFailedEventDetails
        self.taskScheduledEventDetails = taskScheduledEventDetails
        self.taskStartFailedEventDetails = taskStartFailedEventDetails
        self.taskStartedEventDetails = taskStartedEventDetails
        self.taskSubmitFailedEventDetails = taskSubmitFailedEventDetails
        self.taskSubmittedEventDetails = taskSubmittedEventDetails
        self.taskSucceededEventDetails = taskSucceededEventDetails
        self.taskTimedOutEventDetails = taskTimedOutEventDetails
        self.executionFailedEventDetails = executionFailedEventDetails
        self.executionStartedEventDetails = executionStartedEventDetails
        self.executionSucceededEventDetails = executionSucceededEventDetails
        self.executionAbortedEventDetails = executionAbortedEventDetails
        self.executionTimedOutEventDetails = executionTimedOutEventDetails
        self.executionRedrivenEventDetails = executionRedrivenEventDetails
        self.mapStateStartedEventDetails = mapStateStartedEventDetails
        self.mapIterationStartedEventDetails = mapIterationStartedEventDetails
        self.mapIterationSucceededEventDetails = mapIterationSucceededEventDetails
        self.mapIterationFailedEventDetails = mapIterationFailedEventDetails
        self.mapIterationAbortedEventDetails = mapIterationAbortedEventDetails
        self.lambdaFunctionFailedEventDetails = lambdaFunctionFailedEventDetails
        self.lambdaFunctionScheduleFailedEventDetails = lambdaFunctionScheduleFailedEventDetails
        self.lambdaFunctionScheduledEventDetails = lambdaFunctionScheduledEventDetails
        self.lambdaFunctionStartFailedEventDetails = lambdaFunctionStartFailedEventDetails
        self.lambdaFunctionSucceededEventDetails = lambdaFunctionSucceededEventDetails
        self.lambdaFunctionTimedOutEventDetails = lambdaFunctionTimedOutEventDetails
        self.stateEnteredEventDetails = stateEnteredEventDetails
        self.stateExitedEventDetails = stateExitedEventDetails
        self.mapRunStartedEventDetails = mapRunStartedEventDetails
        self.mapRunFailedEventDetails = mapRunFailedEventDetails
        self.mapRunRedrivenEventDetails = mapRunRedrivenEventDetails
        self.evaluationFailedEventDetails = evaluationFailedEventDetails
    }
}
