import Diagnostics
import JSONValue

/// Task, Pass, Wait, Parallel and Map states have exactly one of `Next` and
/// `"End": true`. (Choice, Succeed and Fail may have neither: the allowed-fields rule
/// reports them.)
struct TransitionRule: ValidationRule {
    static let missing = DiagnosticID("validation", "missing-transition")
    static let conflicting = DiagnosticID("validation", "conflicting-transition")
    static let transitioning: Set<String> = ["Task", "Pass", "Wait", "Parallel", "Map"]

    func check(_ context: inout ValidationContext) {
        for state in context.index.states {
            guard let type = state.type, Self.transitioning.contains(type) else { continue }
            let hasNext = state.value["Next"] != nil
            let hasEnd = state.value["End"] != nil && state.value["End"] != .bool(false)
            if !hasNext && !hasEnd {
                context.report(
                    Self.missing, code: AWSCode.schema,
                    "\(type) state \"\(state.name)\" needs either \"Next\" or \"End\": true",
                    at: state.pointer, atKey: true)
            } else if hasNext && hasEnd {
                context.report(
                    Self.conflicting, code: AWSCode.schema,
                    "state \"\(state.name)\" has both \"Next\" and \"End\"; keep one",
                    at: state.pointer.appending("End"), atKey: true)
            }
        }
    }
}
