public import JSONValue

/// Where a Map or Parallel state's unsuccessful attempt left its children (iterations or
/// branches), so that a redrive reruns only those that did not succeed, as AWS does: "for
/// workflows that include an Inline Map or Parallel state, RedriveExecution reschedules and
/// redrives only the iterations and branches that failed or aborted" (API reference,
/// RedriveExecution).
///
/// The outputs of the children that succeeded are not copied here: they are in the history,
/// read back through `ResumedChildren` from the attempts listed. A redriven state that fails
/// again lists its earlier attempts too, since the children kept then record no events in
/// the later attempt.
///
/// It is part of the cursor document (`ExecutionCursor.redrive`), written once when the
/// top-level state's attempt ends unsuccessfully.
public struct RedriveFrontier: Sendable, Hashable, Codable {
    /// The attempts whose successful children a redrive keeps, oldest first (a later one's
    /// result for the same child wins).
    public var attempts: [RedriveAttempt]
    /// The children of the last attempt that began and did not succeed, each with the state
    /// it stopped in; a child that is not listed runs again from its first state.
    public var positions: [RedrivePosition]

    public init(attempts: [RedriveAttempt], positions: [RedrivePosition]) {
        self.attempts = attempts
        self.positions = positions
    }

    /// The position of child `index`, if it stopped inside a state.
    public func position(of index: Int) -> RedrivePosition? {
        positions.first { $0.child == index }
    }
}

/// One attempt of a Map or Parallel state, as a span of history.
public struct RedriveAttempt: Sendable, Hashable, Codable {
    /// Its MapStateStarted/ParallelStateStarted event.
    public var startedEventId: Int
    /// Its last event (its failed event, or the last one recorded before it stopped).
    public var endEventId: Int

    public init(startedEventId: Int, endEventId: Int) {
        self.startedEventId = startedEventId
        self.endEventId = endEventId
    }
}

/// The state a child flow (an iteration or a branch) was in when it failed or stopped: a
/// redrive enters it again with the input and variables it had, and — when it is itself a
/// Map or Parallel — reruns only its own unsuccessful children (`frontier`).
public struct RedrivePosition: Sendable, Hashable, Codable {
    /// The iteration index or branch number in the parent state.
    public var child: Int
    /// The state's index in the child's machine.
    public var stateIndex: Int
    public var input: JSON
    public var variables: [String: JSON]
    /// The entered event of the visit that stopped (0 when the flow stopped between states).
    public var enteredEventId: Int
    public var frontier: RedriveFrontier?

    public init(
        child: Int, stateIndex: Int, input: JSON, variables: [String: JSON], enteredEventId: Int,
        frontier: RedriveFrontier?
    ) {
        self.child = child
        self.stateIndex = stateIndex
        self.input = input
        self.variables = variables
        self.enteredEventId = enteredEventId
        self.frontier = frontier
    }
}
