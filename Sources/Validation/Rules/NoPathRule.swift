import ASLModel
import Diagnostics
import JSONValue

/// A literal field whose value looks like a path, where a `…Path` form of the field
/// exists: `"StringEquals": "$.expected"` compares with the text `$.expected`, which is
/// rarely meant. AWS warns NO_PATH.
struct NoPathRule: ValidationRule {
    static let id = DiagnosticID("validation", "no-path")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects where object.language == .jsonPath {
            switch object.kind {
            case .choiceRule:
                for (key, value) in object.value {
                    guard let op = ChoiceOperator.all[key], ChoiceOperator.all[key + "Path"] != nil, !op.isPath,
                        case .string(let text) = value, looksLikePath(text)
                    else { continue }
                    report(key, text, at: object.pointer.appending(key), &context)
                }
            case .state("Fail"):
                for key in ["Error", "Cause"] {
                    guard case .string(let text)? = object.value[key], looksLikePath(text) else { continue }
                    report(key, text, at: object.pointer.appending(key), &context)
                }
            default:
                break
            }
        }
    }

    private func looksLikePath(_ text: String) -> Bool {
        text.hasPrefix("$.") || text.hasPrefix("$$.") || text.hasPrefix("$[")
    }

    private func report(_ key: String, _ text: String, at pointer: JSONPointer, _ context: inout ValidationContext) {
        context.report(
            Self.id, code: AWSCode.noPath, severity: .warning,
            "\"\(key)\" holds \"\(text)\", which looks like a path but is compared as a literal; use \"\(key)Path\" to read it from the input",
            at: pointer, atKey: true)
    }
}
