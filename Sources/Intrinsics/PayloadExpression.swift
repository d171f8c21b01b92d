public import JSONPath
public import JSONValue

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
        guard first == "_" || first.isExpressionAlphabetic else {
            throw IntrinsicSyntaxError.at(0, "expected a JSONPath ('$…') or an intrinsic function ('States.…')")
        }
        return .intrinsic(try IntrinsicParser.parse(text))
    }

    /// The value of a `"Key.$"` field. A path that selects nothing fails with
    /// `States.Runtime` (and `path` set), as an intrinsic's path argument does.
    public func evaluate(
        input: JSON, context: JSON, variables: [String: JSON] = [:]
    ) -> Result<JSON, IntrinsicFailure> {
        switch self {
        case .intrinsic(let call):
            return IntrinsicEvaluator.evaluate(call, input: input, context: context, variables: variables)
        case .path(let path):
            return path.evaluate(input, context: context, variables: variables).mapError { failure in
                IntrinsicFailure(error: IntrinsicFailure.runtime, cause: failure.message, path: path)
            }
        }
    }

    public var description: String {
        switch self {
        case .path(let path): path.text
        case .intrinsic(let call): call.text
        }
    }
}
