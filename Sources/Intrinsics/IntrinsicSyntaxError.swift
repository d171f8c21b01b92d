/// Why an intrinsic call could not be parsed, and where (0-based offset in Unicode scalars).
public struct IntrinsicSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Lower-case, ending in `at offset N`: `expected ')' after the arguments of 'States.Array' at offset 17`.
    public let message: String
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    static func at(_ offset: Int, _ reason: String) -> IntrinsicSyntaxError {
        IntrinsicSyntaxError(message: "\(reason) at offset \(offset)", offset: offset)
    }

    public var description: String { message }
}
