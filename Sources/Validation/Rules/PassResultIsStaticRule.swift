import ASLModel
import Diagnostics
import JSONValue

/// A Pass state's `Result` is a literal: a `"Key.$"` inside it is not evaluated (use
/// `Parameters` for that). AWS warns PASS_RESULT_IS_STATIC.
struct PassResultIsStaticRule: ValidationRule {
    static let id = DiagnosticID("validation", "pass-result-is-static")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.type == "Pass" && state.language == .jsonPath {
            guard let result = state.value["Result"] else { continue }
            walk(result, at: state.pointer.appending("Result"), &context)
        }
    }

    private func walk(_ value: JSON, at pointer: JSONPointer, _ context: inout ValidationContext) {
        switch value {
        case .object(let object):
            for (key, member) in object {
                if key.hasSuffix(".$") {
                    context.report(
                        Self.id, code: AWSCode.passResultIsStatic, severity: .warning,
                        "\"\(key)\" in a Pass state's \"Result\" is not evaluated: \"Result\" is static; use \"Parameters\" to select from the input",
                        at: pointer.appending(key), atKey: true)
                }
                walk(member, at: pointer.appending(key), &context)
            }
        case .array(let items):
            for (i, item) in items.enumerated() { walk(item, at: pointer.appending(i), &context) }
        default:
            break
        }
    }
}
