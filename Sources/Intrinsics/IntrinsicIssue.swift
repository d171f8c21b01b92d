/// A problem the static checker found in a parsed intrinsic call.
///
/// Validation turns each issue into a `Diagnostic`, choosing its rule id from `kind`
/// and its column from `offset` (0-based, Unicode scalars into the call's text).
public struct IntrinsicIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The name is not one of the 18 `States.*` functions.
        case unknownFunction = "unknown-function"
        /// Too few or too many arguments.
        case argumentCount = "argument-count"
        /// A literal (or a nested call's result) whose type can never be accepted.
        case argumentType = "argument-type"
        /// A literal of the right type with a value AWS refuses (a hash algorithm, JsonMerge's deep flag …).
        case argumentValue = "argument-value"
        /// More `{}` placeholders than values in a literal `States.Format` template, or fewer.
        case formatPlaceholders = "format-placeholders"
        /// More than AWS's 10 levels of nested calls.
        case nestingTooDeep = "nesting-too-deep"
    }

    public let kind: Kind
    public let message: String
    public let offset: Int

    public init(kind: Kind, message: String, offset: Int) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (offset \(offset))" }
}
