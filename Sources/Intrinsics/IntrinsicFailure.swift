public import JSONPath

/// Why evaluating an intrinsic call failed: run-time *data*, not a Swift crash.
///
/// `error` is the ASL error name the engine raises: `States.IntrinsicFailure` when a
/// function refuses its arguments, `States.Runtime` when a path argument selects
/// nothing (then `path` is set, so the engine can word AWS's cause with the field name).
public struct IntrinsicFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let error: String
    public let cause: String
    /// The path argument that selected nothing, for `States.Runtime` failures.
    public let path: JSONPath?

    public init(error: String, cause: String, path: JSONPath? = nil) {
        self.error = error
        self.cause = cause
        self.path = path
    }

    public static let intrinsicFailure = "States.IntrinsicFailure"
    public static let runtime = "States.Runtime"

    /// A function refused its arguments: `States.IntrinsicFailure` with `cause`.
    static func invalid(_ function: IntrinsicFunction, _ reason: String) -> IntrinsicFailure {
        IntrinsicFailure(error: intrinsicFailure, cause: "Invalid arguments in \(function.rawValue): \(reason)")
    }

    public var description: String { "\(error): \(cause)" }
}
