// Structures shared by several actions.

/// A key-value tag on a state machine or activity (`key` 1–128, `value` 0–256 characters).
public struct Tag: Codable, Hashable, Sendable {
    public var key: String?
    public var value: String?

    public init(key: String? = nil, value: String? = nil) {
        self.key = key
        self.value = value
    }
}

/// Where and how much an execution logs to CloudWatch Logs.
public struct LoggingConfiguration: Codable, Hashable, Sendable {
    public var level: LogLevel?
    public var includeExecutionData: Bool?
    public var destinations: [LogDestination]?

    public init(
        level: LogLevel? = nil,
        includeExecutionData: Bool? = nil,
        destinations: [LogDestination]? = nil
    ) {
        self.level = level
        self.includeExecutionData = includeExecutionData
        self.destinations = destinations
    }
}

/// One logging destination.
public struct LogDestination: Codable, Hashable, Sendable {
    public var cloudWatchLogsLogGroup: CloudWatchLogsLogGroup?

    public init(cloudWatchLogsLogGroup: CloudWatchLogsLogGroup? = nil) {
        self.cloudWatchLogsLogGroup = cloudWatchLogsLogGroup
    }
}

/// A CloudWatch Logs log group, by ARN (ending in `:*`).
public struct CloudWatchLogsLogGroup: Codable, Hashable, Sendable {
    public var logGroupArn: String?

    public init(logGroupArn: String? = nil) {
        self.logGroupArn = logGroupArn
    }
}

/// Whether X-Ray tracing is enabled.
public struct TracingConfiguration: Codable, Hashable, Sendable {
    public var enabled: Bool?

    public init(enabled: Bool? = nil) {
        self.enabled = enabled
    }
}

/// The key that encrypts a state machine's or activity's data.
public struct EncryptionConfiguration: Codable, Hashable, Sendable {
    public var kmsKeyId: String?
    /// How long a data key is reused, 60–900 seconds.
    public var kmsDataKeyReusePeriodSeconds: Int?
    public var type: EncryptionType

    public init(kmsKeyId: String? = nil, kmsDataKeyReusePeriodSeconds: Int? = nil, type: EncryptionType) {
        self.kmsKeyId = kmsKeyId
        self.kmsDataKeyReusePeriodSeconds = kmsDataKeyReusePeriodSeconds
        self.type = type
    }
}

/// Whether input or output was included in a response (false when `includedData` was `METADATA_ONLY` and the data is encrypted).
public struct CloudWatchEventsExecutionDataDetails: Codable, Hashable, Sendable {
    public var included: Bool?

    public init(included: Bool? = nil) {
        self.included = included
    }
}

/// Whether input or output in a history event was cut to the 256 KiB limit.
public struct HistoryEventExecutionDataDetails: Codable, Hashable, Sendable {
    public var truncated: Bool?

    public init(truncated: Bool? = nil) {
        self.truncated = truncated
    }
}

/// One version an alias routes to, and the percentage of executions it receives (0–100; the items of one alias add up to 100).
public struct RoutingConfigurationListItem: Codable, Hashable, Sendable {
    public var stateMachineVersionArn: StateMachineARN
    public var weight: Int

    public init(stateMachineVersionArn: StateMachineARN, weight: Int) {
        self.stateMachineVersionArn = stateMachineVersionArn
        self.weight = weight
    }
}

/// What a StartSyncExecution was billed.
public struct BillingDetails: Codable, Hashable, Sendable {
    public var billedMemoryUsedInMB: Int64?
    public var billedDurationInMilliseconds: Int64?

    public init(billedMemoryUsedInMB: Int64? = nil, billedDurationInMilliseconds: Int64? = nil) {
        self.billedMemoryUsedInMB = billedMemoryUsedInMB
        self.billedDurationInMilliseconds = billedDurationInMilliseconds
    }
}
