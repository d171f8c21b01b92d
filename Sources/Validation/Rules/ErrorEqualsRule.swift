import Diagnostics
import JSONValue

/// `ErrorEquals` lists error names (strings); `States.ALL` must be the only name in
/// its list, and the retrier or catcher that holds it must be the last of its array.
struct ErrorEqualsRule: ValidationRule {
    static let notAlone = DiagnosticID("validation", "states-all-not-alone")
    static let notLast = DiagnosticID("validation", "states-all-not-last")
    static let notString = DiagnosticID("validation", "error-name-not-string")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states {
            for field in ["Retry", "Catch"] {
                guard case .array(let handlers)? = state.value[field] else { continue }
                let what = field == "Retry" ? "retrier" : "catcher"
                for (i, handler) in handlers.enumerated() {
                    guard case .array(let names)? = handler["ErrorEquals"] else { continue }
                    let pointer = state.pointer.appending(field).appending(i).appending("ErrorEquals")
                    for (j, name) in names.enumerated() where name.stringValue == nil {
                        context.report(
                            Self.notString, code: AWSCode.schema, "error names must be strings, not \(name.typeName)",
                            at: pointer.appending(j))
                    }
                    guard let all = names.firstIndex(of: .string("States.ALL")) else { continue }
                    if names.count > 1 {
                        context.report(
                            Self.notAlone, code: AWSCode.schema,
                            "\"States.ALL\" must be the only error name in its \"ErrorEquals\"",
                            at: pointer.appending(all))
                    }
                    if i != handlers.count - 1 {
                        context.report(
                            Self.notLast, code: AWSCode.schema,
                            "the \(what) with \"States.ALL\" must be the last in \"\(field)\"; the ones after it can never match",
                            at: pointer.appending(all))
                    }
                }
            }
        }
    }
}
