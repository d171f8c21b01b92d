// The value sets of the API, with AWS's raw values. Closed sets (validated on input, never
// extended) are enums; sets AWS grows are `OpenAPIEnumeration` structs (see APIEnumeration.swift).

/// STANDARD (durable, exactly-once, up to a year) or EXPRESS (in memory, at-least-once, up to five minutes).
public enum StateMachineType: String, APIEnumeration {
    case standard = "STANDARD"
    case express = "EXPRESS"
}

/// Which execution events are sent to CloudWatch Logs.
public enum LogLevel: String, APIEnumeration {
    case all = "ALL"
    case error = "ERROR"
    case fatal = "FATAL"
    case off = "OFF"
}

/// Whether Describe* responses may include data encrypted with a customer key (`ALL_DATA`) or only metadata.
public enum IncludedData: String, APIEnumeration {
    case allData = "ALL_DATA"
    case metadataOnly = "METADATA_ONLY"
}

/// Who owns the key that encrypts a resource's data.
public enum EncryptionType: String, APIEnumeration {
    case awsOwnedKey = "AWS_OWNED_KEY"
    case customerManagedKmsKey = "CUSTOMER_MANAGED_KMS_KEY"
}

/// How much of a TestState run is shown: INFO (output, error), DEBUG (every data-flow step), TRACE (also the HTTP request and response).
public enum InspectionLevel: String, APIEnumeration {
    case info = "INFO"
    case debug = "DEBUG"
    case trace = "TRACE"
}

/// ListExecutions filter on whether an execution was redriven.
public enum ExecutionRedriveFilter: String, APIEnumeration {
    case redriven = "REDRIVEN"
    case notRedriven = "NOT_REDRIVEN"
}

/// How strictly TestState checks a mocked result against the service integration's response shape.
public enum MockResponseValidationMode: String, APIEnumeration {
    case strict = "STRICT"
    case present = "PRESENT"
    case none = "NONE"
}

/// The status of an execution. `PENDING_REDRIVE` is a redriven execution before its first new transition.
public struct ExecutionStatus: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let running = ExecutionStatus("RUNNING")
    public static let succeeded = ExecutionStatus("SUCCEEDED")
    public static let failed = ExecutionStatus("FAILED")
    public static let timedOut = ExecutionStatus("TIMED_OUT")
    public static let aborted = ExecutionStatus("ABORTED")
    public static let pendingRedrive = ExecutionStatus("PENDING_REDRIVE")

    public static let knownValues: [ExecutionStatus] = [
        .running, .succeeded, .failed, .timedOut,
        .aborted, .pendingRedrive,
    ]
}

/// The status StartSyncExecution reports once the Express execution ended.
public struct SyncExecutionStatus: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let succeeded = SyncExecutionStatus("SUCCEEDED")
    public static let failed = SyncExecutionStatus("FAILED")
    public static let timedOut = SyncExecutionStatus("TIMED_OUT")

    public static let knownValues: [SyncExecutionStatus] = [
        .succeeded, .failed, .timedOut,
    ]
}

/// A state machine is `DELETING` between DeleteStateMachine and the end of its last execution.
public struct StateMachineStatus: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let active = StateMachineStatus("ACTIVE")
    public static let deleting = StateMachineStatus("DELETING")

    public static let knownValues: [StateMachineStatus] = [
        .active, .deleting,
    ]
}

/// Whether RedriveExecution may restart an execution.
public struct ExecutionRedriveStatus: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let redrivable = ExecutionRedriveStatus("REDRIVABLE")
    public static let notRedrivable = ExecutionRedriveStatus("NOT_REDRIVABLE")
    public static let redrivableByMapRun = ExecutionRedriveStatus("REDRIVABLE_BY_MAP_RUN")

    public static let knownValues: [ExecutionRedriveStatus] = [
        .redrivable, .notRedrivable, .redrivableByMapRun,
    ]
}

/// The status of a Distributed Map run.
public struct MapRunStatus: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let running = MapRunStatus("RUNNING")
    public static let succeeded = MapRunStatus("SUCCEEDED")
    public static let failed = MapRunStatus("FAILED")
    public static let aborted = MapRunStatus("ABORTED")

    public static let knownValues: [MapRunStatus] = [
        .running, .succeeded, .failed, .aborted,
    ]
}

/// Whether a definition passed validation (`OK`) or has at least one error (`FAIL`).
public struct ValidateStateMachineDefinitionResultCode: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let ok = ValidateStateMachineDefinitionResultCode("OK")
    public static let fail = ValidateStateMachineDefinitionResultCode("FAIL")

    public static let knownValues: [ValidateStateMachineDefinitionResultCode] = [
        .ok, .fail,
    ]
}

/// The severity of a validation diagnostic, and the minimum severity a request asks for.
public struct ValidateStateMachineDefinitionSeverity: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let error = ValidateStateMachineDefinitionSeverity("ERROR")
    public static let warning = ValidateStateMachineDefinitionSeverity("WARNING")

    public static let knownValues: [ValidateStateMachineDefinitionSeverity] = [
        .error, .warning,
    ]
}

/// How a TestState run ended: `RETRIABLE` when a Retrier would retry, `CAUGHT_ERROR` when a Catcher took the error.
public struct TestExecutionStatus: OpenAPIEnumeration {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let succeeded = TestExecutionStatus("SUCCEEDED")
    public static let failed = TestExecutionStatus("FAILED")
    public static let retriable = TestExecutionStatus("RETRIABLE")
    public static let caughtError = TestExecutionStatus("CAUGHT_ERROR")

    public static let knownValues: [TestExecutionStatus] = [
        .succeeded, .failed, .retriable, .caughtError,
    ]
}

extension ExecutionStatus {
    /// Whether the execution has ended: it will make no more transitions unless redriven.
    public var isTerminal: Bool {
        self == .succeeded || self == .failed || self == .timedOut || self == .aborted
    }
}
