import Diagnostics
import JSONValue

/// State names are 1 to 80 characters long (INVALID_STATE_NAME).
struct StateNameLengthRule: ValidationRule {
    static let id = DiagnosticID("validation", "invalid-state-name")
    static let maximumLength = 80

    func check(_ context: inout ValidationContext) {
        for scope in context.index.scopes {
            guard case .object(let states)? = scope.value["States"] else { continue }
            for name in states.keys {
                let length = name.unicodeScalars.count
                guard length == 0 || length > Self.maximumLength else { continue }
                let message = length == 0
                    ? "a state name must not be empty"
                    : "state name \"\(name.prefix(20))…\" is \(length) characters long; the limit is \(Self.maximumLength)"
                context.report(
                    Self.id, code: AWSCode.invalidName, message,
                    at: scope.pointer.appending("States").appending(name), atKey: true)
            }
        }
    }
}
