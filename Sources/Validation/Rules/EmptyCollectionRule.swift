import Diagnostics
import JSONValue

/// Collections ASL requires to be non-empty: a machine's `States`, `Branches`,
/// `Choices`, `ErrorEquals`, and the rules of `And`/`Or`.
struct EmptyCollectionRule: ValidationRule {
    static let id = DiagnosticID("validation", "empty-collection")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            let fields: [String] = switch object.kind {
            case .machine, .branch, .itemProcessor: ["States"]
            case .state("Parallel"): ["Branches"]
            case .state("Choice"): ["Choices"]
            case .retrier, .catcher: ["ErrorEquals"]
            case .choiceRule: ["And", "Or"]
            default: []
            }
            for field in fields {
                let empty = switch object.value[field] {
                case .array(let a)?: a.isEmpty
                case .object(let o)?: o.isEmpty
                default: false
                }
                if empty {
                    context.report(
                        Self.id, code: AWSCode.schema, "\"\(field)\" must not be empty",
                        at: object.pointer.appending(field))
                }
            }
        }
    }
}
