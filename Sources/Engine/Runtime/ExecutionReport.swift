/// A finished (or stopped) execution: its description and its full history.
public struct ExecutionReport: Sendable {
    public var description: ExecutionDescription
    public var history: [HistoryEvent]
    /// State transitions made (entered states), for benchmarks and limits.
    public var transitions: Int
}
