/// Stores written before RedriveExecution existed keep working: they hold no ended
/// execution's cursor, so a redrive through them is refused with a clear error rather
/// than started from a guess.
extension ExecutionStore {
    public func persistedExecution(_ executionArn: String) throws -> PersistedExecution? {
        nil
    }

    public func executionRedriven(
        executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?, redriveCount: Int, redriveTime: Timestamp
    ) throws {
        throw ExecutionStoreError("this execution store cannot redrive executions")
    }
}
