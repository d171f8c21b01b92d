import Diagnostics
import JSONValue

/// `StartAt` of the machine and of every branch or item processor names a state of
/// that same scope.
struct StartAtUnknownStateRule: ValidationRule {
    static let id = DiagnosticID("validation", "start-at-unknown-state")

    func check(_ context: inout ValidationContext) {
        for scope in context.index.scopes {
            guard case .string(let name)? = scope.value["StartAt"], !scope.names.contains(name) else { continue }
            context.report(
                Self.id, code: AWSCode.missingTarget,
                "\"StartAt\" names state \"\(name)\", which does not exist" + Suggestion.didYouMean(name, in: scope.names.sorted()),
                at: scope.pointer.appending("StartAt"))
        }
    }
}
