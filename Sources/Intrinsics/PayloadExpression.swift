public import JSONPath

/// What the value of a `"Key.$"` field in `Parameters`, `ResultSelector` or
/// `ItemSelector` must be: a JSONPath or an intrinsic function call.
public enum PayloadExpression: Sendable, Hashable, CustomStringConvertible {
    case path(JSONPath)
    case intrinsic(IntrinsicCall)

    /// Decides by the first character: `$` starts a path; a letter starts a call.
    public static func parse(_ text: String) throws(IntrinsicSyntaxError) -> PayloadExpression {
        guard let first = text.unicodeScalars.first else {
            throw IntrinsicSyntaxError.at(0, "expected a JSONPath ('$…') or an intrinsic function ('States.…') but the value is empty")
        }
        if first == "$" {
            do {
                return .path(try JSONPath.parse(text))
            } catch {
                throw IntrinsicSyntaxError(message: error.message, offset: error.offset)
            }
        }
        guard first == "_" || first.properties.isAlphabetic else {
            throw IntrinsicSyntaxError.at(0, "expected a JSONPath ('$…') or an intrinsic function ('States.…')")
        }
        return .intrinsic(try IntrinsicParser.parse(text))
    }

    public var description: String {
        switch self {
        case .path(let path): path.text
        case .intrinsic(let call): call.text
        }
    }
}
