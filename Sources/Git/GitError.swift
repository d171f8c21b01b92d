/// A libgit2 failure, with libgit2's own message ("reference 'refs/heads/x' not found").
public struct GitError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let message: String
    public let code: Int32

    public var description: String { "\(operation): \(message)" }
}
