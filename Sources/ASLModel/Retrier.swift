public import JSONValue

/// One entry of a state's `Retry`: which errors it matches and how it backs off.
public struct Retrier: Sendable, Hashable {
    public enum JitterStrategy: String, Sendable, Hashable, CaseIterable {
        case full = "FULL"
        case none = "NONE"
    }

    public var errorEquals: [String]
    /// Seconds before the first retry; ASL's default is 1.
    public var intervalSeconds: Int
    /// Retries after the first attempt; ASL's default is 3.
    public var maxAttempts: Int
    /// Multiplier of the interval per attempt; ASL's default is 2.0.
    public var backoffRate: Double
    public var maxDelaySeconds: Int?
    public var jitterStrategy: JitterStrategy

    public init(
        errorEquals: [String], intervalSeconds: Int = 1, maxAttempts: Int = 3, backoffRate: Double = 2.0,
        maxDelaySeconds: Int? = nil, jitterStrategy: JitterStrategy = .none
    ) {
        self.errorEquals = errorEquals
        self.intervalSeconds = intervalSeconds
        self.maxAttempts = maxAttempts
        self.backoffRate = backoffRate
        self.maxDelaySeconds = maxDelaySeconds
        self.jitterStrategy = jitterStrategy
    }
}

/// One entry of a state's `Catch`: which errors it matches and the state to go to.
public struct Catcher: Sendable, Hashable {
    public var errorEquals: [String]
    public var next: String
    /// Where the error output goes in JSONPath mode (default `$`).
    public var resultPath: PathValue?
    public var assign: JSON?
    /// JSONata mode: the output passed to `next`.
    public var output: JSON?

    public init(errorEquals: [String], next: String, resultPath: PathValue? = nil, assign: JSON? = nil, output: JSON? = nil) {
        self.errorEquals = errorEquals
        self.next = next
        self.resultPath = resultPath
        self.assign = assign
        self.output = output
    }
}
