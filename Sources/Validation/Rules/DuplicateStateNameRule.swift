import Diagnostics
import JSONValue

/// State names are unique across the whole machine, nested branches and item
/// processors included (AWS reports DUPLICATE_STATE_NAME).
struct DuplicateStateNameRule: ValidationRule {
    static let id = DiagnosticID("validation", "duplicate-state-name")

    func check(_ context: inout ValidationContext) {
        var first: [String: JSONPointer] = [:]
        for scope in context.index.scopes {
            guard case .object(let states)? = scope.value["States"] else { continue }
            for name in states.keys {
                let pointer = scope.pointer.appending("States").appending(name)
                guard let earlier = first[name] else {
                    first[name] = pointer
                    continue
                }
                context.report(
                    Self.id, code: AWSCode.duplicateName,
                    "state name \"\(name)\" is already used; names must be unique across the whole state machine",
                    at: pointer, atKey: true,
                    notes: [Diagnostic.Note("\"\(name)\" is first declared here", at: context.document.location(of: earlier, atKey: true))])
            }
        }
    }
}
