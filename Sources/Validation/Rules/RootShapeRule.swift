import Diagnostics
import JSONValue

/// A definition is a JSON object; anything else cannot be a state machine.
struct RootShapeRule: ValidationRule {
    static let id = DiagnosticID("validation", "definition-not-object")

    func check(_ context: inout ValidationContext) {
        guard context.document.value.objectValue == nil else { return }
        context.report(
            Self.id, code: AWSCode.schema,
            "a state machine definition must be a JSON object, not \(context.document.value.typeName)", at: .root,
            hasAWSLocation: false)
    }
}
