import Synchronization

/// An `ExecutionStore` in memory: survives an engine, not the process. Lets tests (and an
/// embedding program) drop an engine mid-execution and resume on a new one.
public final class InMemoryExecutionStore: ExecutionStore {
    private struct Entry {
        var start: ExecutionStart
        var history: [HistoryEvent]
        var cursor: ExecutionCursor?
        var description: ExecutionDescription?
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let order = Mutex<[String]>([])

    public init() {}

    public func executionStarted(_ execution: ExecutionStart) throws {
        let arn = execution.identity.executionArn
        entries.withLock { $0[arn] = Entry(start: execution, history: [], cursor: nil) }
        order.withLock { $0.append(arn) }
    }

    public func transition(executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?) throws {
        try entries.withLock { entries throws(ExecutionStoreError) in
            guard entries[executionArn] != nil else { throw ExecutionStoreError("unknown execution '\(executionArn)'") }
            entries[executionArn]?.history += events
            if let cursor { entries[executionArn]?.cursor = cursor }
        }
    }

    public func executionEnded(executionArn: String, events: [HistoryEvent], description: ExecutionDescription) throws {
        try entries.withLock { entries throws(ExecutionStoreError) in
            guard entries[executionArn] != nil else { throw ExecutionStoreError("unknown execution '\(executionArn)'") }
            entries[executionArn]?.history += events
            entries[executionArn]?.description = description
        }
    }

    public func runningExecutions() throws -> [PersistedExecution] {
        let arns = order.withLock { $0 }
        return entries.withLock { entries in
            arns.compactMap { arn in
                guard let entry = entries[arn], entry.description == nil else { return nil }
                return PersistedExecution(start: entry.start, history: entry.history, cursor: entry.cursor)
            }
        }
    }

    public func persistedExecution(_ executionArn: String) throws -> PersistedExecution? {
        entries.withLock { entries in
            entries[executionArn].map { PersistedExecution(start: $0.start, history: $0.history, cursor: $0.cursor) }
        }
    }

    public func executionRedriven(
        executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?, redriveCount: Int, redriveTime: Timestamp
    ) throws {
        try entries.withLock { entries throws(ExecutionStoreError) in
            guard var entry = entries[executionArn] else { throw ExecutionStoreError("unknown execution '\(executionArn)'") }
            entry.history += events
            entry.cursor = cursor
            entry.description = nil
            entry.start.identity.redriveCount = redriveCount
            entry.start.identity.redriveTime = redriveTime
            entries[executionArn] = entry
        }
    }

    /// The stored history of an execution, running or ended.
    public func history(of executionArn: String) -> [HistoryEvent] {
        entries.withLock { $0[executionArn]?.history ?? [] }
    }

    /// The final description of an ended execution.
    public func description(of executionArn: String) -> ExecutionDescription? {
        entries.withLock { $0[executionArn]?.description }
    }
}
