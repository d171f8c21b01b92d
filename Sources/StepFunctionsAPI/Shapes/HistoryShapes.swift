// GetExecutionHistory.

/// GetExecutionHistory, oldest first unless `reverseOrder`; `includeExecutionData` false leaves out inputs and outputs.
public struct GetExecutionHistoryInput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var maxResults: Int?
    public var reverseOrder: Bool?
    public var nextToken: String?
    public var includeExecutionData: Bool?

    public init(
        executionArn: ExecutionARN,
        maxResults: Int? = nil,
        reverseOrder: Bool? = nil,
        nextToken: String? = nil,
        includeExecutionData: Bool? = nil
    ) {
        self.executionArn = executionArn
        self.maxResults = maxResults
        self.reverseOrder = reverseOrder
        self.nextToken = nextToken
        self.includeExecutionData = includeExecutionData
    }
}

/// One page of history events.
public struct GetExecutionHistoryOutput: Codable, Hashable, Sendable {
    public var events: [HistoryEvent]
    public var nextToken: String?

    public init(events: [HistoryEvent], nextToken: String? = nil) {
        self.events = events
        self.nextToken = nextToken
    }
}
