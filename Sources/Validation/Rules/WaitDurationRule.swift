import ASLModel
import Diagnostics
import JSONValue

/// A Wait state names exactly one of `Seconds`, `Timestamp`, `SecondsPath` and
/// `TimestampPath`, and a literal `Timestamp` is an RFC 3339 date-time.
struct WaitDurationRule: ValidationRule {
    static let duration = DiagnosticID("validation", "wait-duration")
    static let timestamp = DiagnosticID("validation", "invalid-timestamp")
    static let fields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"]

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.type == "Wait" {
            let present = Self.fields.filter { state.value[$0] != nil }
            if present.isEmpty {
                context.report(
                    Self.duration, code: AWSCode.schema,
                    "Wait state \"\(state.name)\" needs one of \"Seconds\", \"Timestamp\", \"SecondsPath\" or \"TimestampPath\"",
                    at: state.pointer, atKey: true)
            } else if present.count > 1 {
                context.report(
                    Self.duration, code: AWSCode.schema,
                    "a Wait state takes exactly one of \(present.map { "\"\($0)\"" }.joined(separator: ", ")); keep one",
                    at: state.pointer.appending(present[1]), atKey: true)
            }
            if case .string(let stamp)? = state.value["Timestamp"], !Timestamp.isValid(stamp),
                !(state.language == .jsonata && isJSONataExpression(stamp))
            {
                context.report(
                    Self.timestamp, code: AWSCode.schema,
                    "\"\(stamp)\" is not an RFC 3339 timestamp (like \"2026-01-31T12:00:00Z\")",
                    at: state.pointer.appending("Timestamp"))
            }
        }
    }
}
