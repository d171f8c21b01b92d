/// Why a path could not be parsed, and where.
///
/// `offset` counts Unicode scalars from the start of the path text (0-based), so a
/// caller that knows where the path starts in its source file can point at the exact
/// column: `column = pathStartColumn + offset`.
public struct JSONPathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Lower-case, no trailing period, and it ends with `at offset N`:
    /// `expected a member name after '.' at offset 2`.
    public let message: String
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// Builds `"<reason> at offset N"`, the form every parser message takes.
    static func at(_ offset: Int, _ reason: String) -> JSONPathSyntaxError {
        JSONPathSyntaxError(message: "\(reason) at offset \(offset)", offset: offset)
    }

    public var description: String { message }
}
