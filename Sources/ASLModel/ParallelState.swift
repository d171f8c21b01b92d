/// A `Parallel` state: runs every branch (a sub-machine) on the same input and
/// outputs the array of their results.
public struct ParallelState: Sendable, Hashable {
    public var common: StateCommon
    public var transition: Transition
    public var branches: [StateMachine]
    public var retry: [Retrier]
    public var `catch`: [Catcher]

    public init(common: StateCommon, transition: Transition, branches: [StateMachine], retry: [Retrier] = [], catch: [Catcher] = []) {
        self.common = common
        self.transition = transition
        self.branches = branches
        self.retry = retry
        self.catch = `catch`
    }
}
