import JSONValue

/// A workflow failing at run time, as data: an ASL error name and a cause.
///
/// This is never thrown out of the engine. It drives Retry and Catch, becomes
/// `TaskFailed`/`ExecutionFailed` history events, and ends up in DescribeExecution's
/// `error` and `cause`. Names and cause texts are AWS's, word for word.
public struct ExecutionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var error: String
    public var cause: String?

    public init(error: String, cause: String? = nil) {
        self.error = error
        self.cause = cause
    }

    public var description: String { cause.map { "\(error): \($0)" } ?? error }

    /// The error object a Catch passes on: `{"Error": …, "Cause": …}`.
    var errorOutput: JSON {
        var object = JSONObject()
        object["Error"] = .string(error)
        object["Cause"] = .string(cause ?? "")
        return .object(object)
    }
}

/// The predefined error names of ASL ("States.*").
public enum StatesError {
    public static let all = "States.ALL"
    public static let runtime = "States.Runtime"
    public static let timeout = "States.Timeout"
    public static let heartbeatTimeout = "States.HeartbeatTimeout"
    public static let taskFailed = "States.TaskFailed"
    public static let permissions = "States.Permissions"
    public static let dataLimitExceeded = "States.DataLimitExceeded"
    public static let noChoiceMatched = "States.NoChoiceMatched"
    public static let intrinsicFailure = "States.IntrinsicFailure"
    public static let exceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
    public static let itemReaderFailed = "States.ItemReaderFailed"
    public static let resultPathMatchFailure = "States.ResultPathMatchFailure"
    public static let parameterPathFailure = "States.ParameterPathFailure"
    public static let branchFailed = "States.BranchFailed"

    /// Errors that `States.ALL` does not match: AWS documents them as terminal.
    static let terminal: Set<String> = [runtime, dataLimitExceeded]
}


