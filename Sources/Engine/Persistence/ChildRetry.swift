public import JSONValue

/// A state inside a Map iteration or a Parallel branch that is backing off before a retry:
/// what a restarted engine needs to continue it with the attempts it had left and to its
/// original due time. The rest of a child's position is read back from the history
/// (`ResumedChildren`); this is the one part the history cannot tell — which retrier a
/// Map or Parallel failure matched, and the jittered delay.
///
/// Kept in the cursor (`ExecutionCursor.childRetries`), written only when a child retries,
/// with the events of the attempt that failed: it adds no write to any other transition.
public struct ChildRetry: Sendable, Hashable, Codable {
    /// The entered event of the state that retries (unique in the execution).
    public var enteredEventId: Int
    /// Attempts made so far, one count per retrier.
    public var attempts: [Int]
    /// When the next attempt is due.
    public var due: Timestamp
    /// The child's last event when the retry was decided (its failed attempt's last
    /// event): the next attempt of a Map or Parallel links its started event to it.
    public var lastEventId: Int

    public init(enteredEventId: Int, attempts: [Int], due: Timestamp, lastEventId: Int) {
        self.enteredEventId = enteredEventId
        self.attempts = attempts
        self.due = due
        self.lastEventId = lastEventId
    }
}
