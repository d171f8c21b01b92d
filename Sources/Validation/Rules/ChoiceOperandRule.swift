import ASLModel
import Diagnostics
import JSONValue

/// Operands of the `Timestamp…` comparisons are RFC 3339 timestamps, and the `Is…`
/// type tests take `true` or `false`. (Kinds of the other operands are the field-type
/// rule's; paths of `…Path` operators are the path rule's.)
struct ChoiceOperandRule: ValidationRule {
    static let id = DiagnosticID("validation", "choice-invalid-timestamp")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects where object.language == .jsonPath {
            guard case .choiceRule = object.kind else { continue }
            for (key, value) in object.value {
                guard let op = ChoiceOperator.all[key], op.operand == .timestamp, case .string(let text) = value,
                    !Timestamp.isValid(text)
                else { continue }
                context.report(
                    Self.id, code: AWSCode.schema,
                    "\"\(text)\" is not an RFC 3339 timestamp, as \"\(key)\" requires (like \"2026-01-31T12:00:00Z\")",
                    at: object.pointer.appending(key))
            }
        }
    }
}
