/// Why the server could not start: a setting the user must fix (a bad port or host).
///
/// Failures of a request are never a `ServerError`: they are `StepFunctionsError`s rendered as
/// AWS's error responses, and the server keeps serving.
public struct ServerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A port that is not a number from 0 to 65535.
        case invalidPort
        /// A host with a scheme, path or spaces in it.
        case invalidHost
        /// `--verify-signatures` without a key to verify against.
        case missingCredentials
        /// An executor choice other than `event-loops` or `swift`.
        case invalidExecutor
    }

    public var kind: Kind
    /// What went wrong, naming the value in quotes and where it came from.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func invalidPort(_ text: String, source: String) -> ServerError {
        ServerError(.invalidPort, "\(source): port '\(text)' is not a number from 0 to 65535 (0 picks a free port)")
    }

    static func invalidHost(_ text: String, source: String) -> ServerError {
        ServerError(
            .invalidHost,
            "\(source): host '\(text)' is not a host name or address; give one like '127.0.0.1' or '0.0.0.0'")
    }

    static func invalidExecutor(_ text: String, source: String) -> ServerError {
        let choices = GlobalExecutor.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
        return ServerError(.invalidExecutor, "\(source): executor '\(text)' is not one of \(choices)")
    }
}
