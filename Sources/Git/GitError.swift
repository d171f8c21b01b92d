/// Why a git operation could not be done.
///
/// The common cases a user can cause have their own kind, so commands can word them
/// plainly ("not a git repository", "unknown revision 'v9'"); everything else is
/// libgit2's own message with the operation that failed.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No repository at or above the path.
        case notARepository
        /// The revision names no commit (a typo, a branch that does not exist here).
        case unknownRevision(String)
        /// The repository has no working tree (`git init --bare`, a mirror).
        case bareRepository
        /// HEAD names a branch without commits yet (a new repository).
        case unbornHead
        /// An object the repository should hold is missing (a shallow clone's boundary).
        case missingObject
        /// Any other libgit2 failure.
        case other
    }

    public let kind: Kind
    /// What was being done ("resolve revision 'main~3'").
    public let operation: String
    /// libgit2's message, or ours for the kinds above.
    public let message: String
    /// libgit2's return code (negative), or -1 when the failure is ours.
    public let code: Int32

    public init(_ kind: Kind = .other, operation: String, message: String, code: Int32 = -1) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.code = code
    }

    public var description: String { "\(operation): \(message)" }
}
