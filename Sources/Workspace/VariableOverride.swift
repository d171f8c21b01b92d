import Diagnostics
import JSONValue

/// One `--var key=value` from the command line.
///
/// The value is read as JSON when it is valid JSON (`5`, `true`, `null`, `"quoted"`,
/// `[1, 2]`, `{"a": 1}`), and as a plain string otherwise (`eu-west-1`, `arn:…`).
/// So `--var retries=3` is the number 3, and `--var id='"3"'` the string "3".
/// The key may be dotted (`lambda.process`) to set one member of a mapping variable;
/// `region`, `account`, `alias`, `naming` and `role` set those settings themselves.
public struct VariableOverride: Hashable, Sendable {
    public var key: String
    public var value: JSON

    public init(key: String, value: JSON) {
        self.key = key
        self.value = value
    }

    /// Parses `key=value`; nil with a message when there is no `=` or no key.
    public static func parse(_ argument: String) -> Result<VariableOverride, OverrideSyntaxError> {
        guard let equals = argument.firstIndex(of: "=") else {
            return .failure(OverrideSyntaxError(message: "--var '\(argument)' needs the form key=value"))
        }
        let key = String(argument[..<equals]).trimmingSpaces
        guard !key.isEmpty else {
            return .failure(OverrideSyntaxError(message: "--var '\(argument)' has no variable name before '='"))
        }
        let text = String(argument[argument.index(after: equals)...])
        let value = (try? JSON.parse(text)) ?? .string(text)
        return .success(VariableOverride(key: key, value: value))
    }

    /// Several `--var` arguments as the dictionary `Renderer.render(overrides:)` takes;
    /// a later key replaces an earlier one, as on most command lines.
    public static func dictionary(_ overrides: [VariableOverride]) -> [String: JSON] {
        var result: [String: JSON] = [:]
        for override in overrides { result[override.key] = override.value }
        return result
    }
}

/// A `--var` argument that is not `key=value`.
public struct OverrideSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
