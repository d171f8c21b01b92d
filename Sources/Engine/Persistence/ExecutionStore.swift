public import ASLModel
public import JSONValue

/// Where a Standard execution is made durable. The engine calls it at three points: when
/// an execution starts, once per transition (the events recorded since the last call and,
/// at the top level, the cursor a resume starts from), and when the execution ends. A
/// call returns only once its writes are committed, so the next transition never starts
/// before the previous one is durable. Express executions never reach a store.
///
/// The engine keeps no store by default (nothing is persisted, as before); `EngineStore`
/// has the SQLite one, `InMemoryExecutionStore` one for tests and embedding.
public protocol ExecutionStore: Sendable {
    /// A new execution: who it is, its generator's seed and its timeout.
    func executionStarted(_ execution: ExecutionStart) throws
    /// One transition: events to append (ids continue the stored history) and, when the
    /// top-level flow moved, the new cursor.
    func transition(executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?) throws
    /// The last events and the final status; the execution is no longer RUNNING.
    func executionEnded(executionArn: String, events: [HistoryEvent], description: ExecutionDescription) throws
    /// Every execution still RUNNING, with its history and cursor, to resume.
    func runningExecutions() throws -> [PersistedExecution]
    /// One execution, ended or not, with its history and the cursor it last wrote (nil when
    /// the store does not hold it). A redrive reads an ended execution's from here.
    func persistedExecution(_ executionArn: String) throws -> PersistedExecution?
    /// A redrive: the ended execution is RUNNING again (resumed after a restart like any
    /// other), with `events` appended, its redrive count and time, and `cursor` (nil: it
    /// starts over from its first state), all in one write.
    func executionRedriven(
        executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?, redriveCount: Int, redriveTime: Timestamp
    ) throws
}

/// What a store keeps of an execution when it starts.
public struct ExecutionStart: Sendable, Hashable {
    public var identity: ExecutionIdentity
    public var seed: UInt64
    public var timeoutSeconds: Int?

    public init(identity: ExecutionIdentity, seed: UInt64, timeoutSeconds: Int?) {
        self.identity = identity
        self.seed = seed
        self.timeoutSeconds = timeoutSeconds
    }
}

/// Where the top-level flow of an execution stands: the state it last entered, with what
/// a re-entry needs (its input, the variables, its entered event and time, so a Wait keeps
/// its original deadline) and the generator's state, so random values continue.
public struct ExecutionCursor: Sendable, Hashable, Codable {
    public var stateIndex: Int
    public var input: JSON
    public var variables: [String: JSON]
    public var enteredEventId: Int
    public var enteredTime: Timestamp
    public var randomState: UInt64
    public var transitions: Int
    /// The task token the entered state waits for, once it waits (absent in cursors
    /// written before callbacks existed: they decode as nil).
    public var callback: PendingCallback?
    /// Set by a redrive: the state runs again from its entry, with a new entered event
    /// (absent, so false, in every other cursor).
    public var reenter: Bool?
    /// Retry attempts the entered state made so far, one count per retrier, so that a
    /// restart leaves it only the attempts it had left (absent: none yet).
    public var retryAttempts: [Int]?
    /// While the entered state backs off before a retry: when that attempt is due, so a
    /// restarted engine waits out the rest of the interval instead of all of it.
    public var retryAt: Timestamp?
    /// When the entered state is a Map or Parallel whose attempt ended unsuccessfully: which
    /// of its iterations or branches a redrive keeps and where the others stopped (absent
    /// for every other state, and in cursors written before redrives kept children).
    public var redrive: RedriveFrontier?
    /// States inside Map iterations or Parallel branches backing off before a retry
    /// (absent when none is, and in cursors written before children resumed in place).
    public var childRetries: [ChildRetry]?

    public init(
        stateIndex: Int, input: JSON, variables: [String: JSON], enteredEventId: Int, enteredTime: Timestamp,
        randomState: UInt64, transitions: Int, callback: PendingCallback? = nil
    ) {
        self.stateIndex = stateIndex
        self.input = input
        self.variables = variables
        self.enteredEventId = enteredEventId
        self.enteredTime = enteredTime
        self.randomState = randomState
        self.transitions = transitions
        self.callback = callback
    }
}

/// A RUNNING execution as a store gives it back.
public struct PersistedExecution: Sendable, Hashable {
    public var start: ExecutionStart
    public var history: [HistoryEvent]
    /// Nil when no state was entered yet: the execution starts over from its first state.
    public var cursor: ExecutionCursor?

    public init(start: ExecutionStart, history: [HistoryEvent], cursor: ExecutionCursor?) {
        self.start = start
        self.history = history
        self.cursor = cursor
    }
}

/// A failure to read or write the store.
public struct ExecutionStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
