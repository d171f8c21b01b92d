import ASLModel
import Diagnostics
import JSONValue

/// Fields an object cannot do without: `StartAt` and `States` of every (sub-)machine,
/// `Type` of every state, `Resource` of a Task, `Choices`, `Branches`, a Map's item
/// processor, `ErrorEquals`, a catcher's and a choice rule's `Next`, a JSONata rule's
/// `Condition`.
struct RequiredFieldRule: ValidationRule {
    static let id = DiagnosticID("validation", "missing-field")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            if let schema = FieldSchema.schema(for: object.kind) {
                for key in schema.requiredFields where object.value[key] == nil {
                    report(key, in: object, &context)
                }
            }
            switch object.kind {
            case .state("Map") where object.value["ItemProcessor"] == nil && object.value["Iterator"] == nil:
                report("ItemProcessor", in: object, &context)
            case .state("") where object.value["Type"] == nil:
                report("Type", in: object, &context)
            case .choiceRule(true) where object.language == .jsonata && object.value["Condition"] == nil:
                report("Condition", in: object, &context)
            default:
                break
            }
        }
    }

    private func report(_ key: String, in object: DefinitionIndex.Object, _ context: inout ValidationContext) {
        let owner: String = switch object.kind {
        case .state(let type) where !type.isEmpty: "\(type) state \"\(object.pointer.last?.text ?? "")\""
        case .state: "state \"\(object.pointer.last?.text ?? "")\""
        case .machine: "the state machine"
        case .branch: "this Parallel branch"
        case .itemProcessor: "this item processor"
        case .retrier: "this retrier"
        case .catcher: "this catcher"
        case .choiceRule: "this choice rule"
        default: "this object"
        }
        context.report(
            Self.id, code: AWSCode.schema, "\(owner) is missing the required field \"\(key)\"",
            at: object.pointer, atKey: true)
    }
}
