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
