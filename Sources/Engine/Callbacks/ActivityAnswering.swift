/// An invoker that answers some Activity states itself, in place of workers: a mock
/// (issue 5 lets Activity states be mocked, which Step Functions Local refuses). For
/// such a state the engine records the activity's events around one invocation instead
/// of queueing the task for GetActivityTask.
///
/// An invoker that does not conform, or answers false, leaves Activity states to workers.
/// A `.waitForTaskToken` task it answers is answered at once, without waiting for the token
/// (Step Functions Local's behaviour for a mocked callback state).
public protocol ActivityAnswering: TaskInvoking {
    /// Whether this invoker answers the Activity state that `request` describes.
    func answers(_ request: TaskRequest) -> Bool
}
