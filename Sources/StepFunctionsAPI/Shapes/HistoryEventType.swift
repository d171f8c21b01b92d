/// The type of a history event, as GetExecutionHistory reports it.
public struct HistoryEventType: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let activityFailed = HistoryEventType("ActivityFailed")
    public static let activityScheduled = HistoryEventType("ActivityScheduled")
    public static let activityScheduleFailed = HistoryEventType("ActivityScheduleFailed")
    public static let activityStarted = HistoryEventType("ActivityStarted")
    public static let activitySucceeded = HistoryEventType("ActivitySucceeded")
    public static let activityTimedOut = HistoryEventType("ActivityTimedOut")
    public static let choiceStateEntered = HistoryEventType("ChoiceStateEntered")
    public static let choiceStateExited = HistoryEventType("ChoiceStateExited")
    public static let executionAborted = HistoryEventType("ExecutionAborted")
    public static let executionFailed = HistoryEventType("ExecutionFailed")
    public static let executionStarted = HistoryEventType("ExecutionStarted")
    public static let executionSucceeded = HistoryEventType("ExecutionSucceeded")
    public static let executionTimedOut = HistoryEventType("ExecutionTimedOut")
    public static let failStateEntered = HistoryEventType("FailStateEntered")
    public static let lambdaFunctionFailed = HistoryEventType("LambdaFunctionFailed")
    public static let lambdaFunctionScheduled = HistoryEventType("LambdaFunctionScheduled")
    public static let lambdaFunctionScheduleFailed = HistoryEventType("LambdaFunctionScheduleFailed")
    public static let lambdaFunctionStarted = HistoryEventType("LambdaFunctionStarted")
    public static let lambdaFunctionStartFailed = HistoryEventType("LambdaFunctionStartFailed")
    public static let lambdaFunctionSucceeded = HistoryEventType("LambdaFunctionSucceeded")
    public static let lambdaFunctionTimedOut = HistoryEventType("LambdaFunctionTimedOut")
    public static let mapIterationAborted = HistoryEventType("MapIterationAborted")
    public static let mapIterationFailed = HistoryEventType("MapIterationFailed")
    public static let mapIterationStarted = HistoryEventType("MapIterationStarted")
    public static let mapIterationSucceeded = HistoryEventType("MapIterationSucceeded")
    public static let mapStateAborted = HistoryEventType("MapStateAborted")
    public static let mapStateEntered = HistoryEventType("MapStateEntered")
    public static let mapStateExited = HistoryEventType("MapStateExited")
    public static let mapStateFailed = HistoryEventType("MapStateFailed")
    public static let mapStateStarted = HistoryEventType("MapStateStarted")
    public static let mapStateSucceeded = HistoryEventType("MapStateSucceeded")
    public static let parallelStateAborted = HistoryEventType("ParallelStateAborted")
    public static let parallelStateEntered = HistoryEventType("ParallelStateEntered")
    public static let parallelStateExited = HistoryEventType("ParallelStateExited")
    public static let parallelStateFailed = HistoryEventType("ParallelStateFailed")
    public static let parallelStateStarted = HistoryEventType("ParallelStateStarted")
    public static let parallelStateSucceeded = HistoryEventType("ParallelStateSucceeded")
    public static let passStateEntered = HistoryEventType("PassStateEntered")
    public static let passStateExited = HistoryEventType("PassStateExited")
    public static let succeedStateEntered = HistoryEventType("SucceedStateEntered")
    public static let succeedStateExited = HistoryEventType("SucceedStateExited")
    public static let taskFailed = HistoryEventType("TaskFailed")
    public static let taskScheduled = HistoryEventType("TaskScheduled")
    public static let taskStarted = HistoryEventType("TaskStarted")
    public static let taskStartFailed = HistoryEventType("TaskStartFailed")
    public static let taskStateAborted = HistoryEventType("TaskStateAborted")
    public static let taskStateEntered = HistoryEventType("TaskStateEntered")
    public static let taskStateExited = HistoryEventType("TaskStateExited")
    public static let taskSubmitFailed = HistoryEventType("TaskSubmitFailed")
    public static let taskSubmitted = HistoryEventType("TaskSubmitted")
    public static let taskSucceeded = HistoryEventType("TaskSucceeded")
    public static let taskTimedOut = HistoryEventType("TaskTimedOut")
    public static let waitStateAborted = HistoryEventType("WaitStateAborted")
    public static let waitStateEntered = HistoryEventType("WaitStateEntered")
    public static let waitStateExited = HistoryEventType("WaitStateExited")
    public static let mapRunAborted = HistoryEventType("MapRunAborted")
    public static let mapRunFailed = HistoryEventType("MapRunFailed")
    public static let mapRunStarted = HistoryEventType("MapRunStarted")
    public static let mapRunSucceeded = HistoryEventType("MapRunSucceeded")
    public static let executionRedriven = HistoryEventType("ExecutionRedriven")
    public static let mapRunRedriven = HistoryEventType("MapRunRedriven")
    public static let evaluationFailed = HistoryEventType("EvaluationFailed")

    public static let knownValues: [HistoryEventType] = [
        .activityFailed, .activityScheduled, .activityScheduleFailed, .activityStarted,
        .activitySucceeded, .activityTimedOut, .choiceStateEntered, .choiceStateExited,
        .executionAborted, .executionFailed, .executionStarted, .executionSucceeded,
        .executionTimedOut, .failStateEntered, .lambdaFunctionFailed, .lambdaFunctionScheduled,
        .lambdaFunctionScheduleFailed, .lambdaFunctionStarted, .lambdaFunctionStartFailed, .lambdaFunctionSucceeded,
        .lambdaFunctionTimedOut, .mapIterationAborted, .mapIterationFailed, .mapIterationStarted,
        .mapIterationSucceeded, .mapStateAborted, .mapStateEntered, .mapStateExited,
        .mapStateFailed, .mapStateStarted, .mapStateSucceeded, .parallelStateAborted,
        .parallelStateEntered, .parallelStateExited, .parallelStateFailed, .parallelStateStarted,
        .parallelStateSucceeded, .passStateEntered, .passStateExited, .succeedStateEntered,
        .succeedStateExited, .taskFailed, .taskScheduled, .taskStarted,
        .taskStartFailed, .taskStateAborted, .taskStateEntered, .taskStateExited,
        .taskSubmitFailed, .taskSubmitted, .taskSucceeded, .taskTimedOut,
        .waitStateAborted, .waitStateEntered, .waitStateExited, .mapRunAborted,
        .mapRunFailed, .mapRunStarted, .mapRunSucceeded, .executionRedriven,
        .mapRunRedriven, .evaluationFailed,
    ]
}
