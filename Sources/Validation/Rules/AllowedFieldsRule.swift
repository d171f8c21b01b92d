import ASLModel
import Diagnostics
import JSONValue

/// Every object may carry only the fields ASL defines for it, and only those of its
/// query language: JSONata states use `Arguments`/`Output`, JSONPath states the path
/// fields and payload templates. AWS reports these at the object that holds the field
/// ("Field 'TimeoutSeconds' is not supported at /States/M"); the source position is
/// the field's key.
struct AllowedFieldsRule: ValidationRule {
    static let unknownField = DiagnosticID("validation", "unknown-field")
    static let wrongLanguage = DiagnosticID("validation", "field-not-in-query-language")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            guard let schema = FieldSchema.schema(for: object.kind) else { continue }
            for key in object.value.keys {
                guard let field = schema.fields[key] else {
                    let pointer = object.pointer.appending(key)
                    context.report(
                        Self.unknownField, code: AWSCode.schema, unknownMessage(key, object: object, schema: schema),
                        at: pointer, atKey: true, awsPointer: object.pointer)
                    continue
                }
                switch (field.mode, object.language) {
                case (.jsonPath, .jsonata):
                    let pointer = object.pointer.appending(key)
                    context.report(
                        Self.wrongLanguage, code: AWSCode.schema,
                        "\"\(key)\" is a JSONPath field and cannot be used when the query language is JSONata"
                            + (Self.jsonataReplacement[key].map { "; use \"\($0)\"" } ?? ""),
                        at: pointer, atKey: true, awsPointer: object.pointer)
                case (.jsonata, .jsonPath):
                    let pointer = object.pointer.appending(key)
                    context.report(
                        Self.wrongLanguage, code: AWSCode.schema,
                        "\"\(key)\" is a JSONata field; set \"QueryLanguage\": \"JSONata\" to use it",
                        at: pointer, atKey: true, awsPointer: object.pointer)
                default:
                    break
                }
            }
        }
    }

    private func unknownMessage(_ key: String, object: DefinitionIndex.Object, schema: FieldSchema) -> String {
        if case .state(let type) = object.kind, ["Next", "End"].contains(key) {
            return "a \(type) state cannot have \"\(key)\": it never transitions to another state"
        }
        let owner = switch object.kind {
        case .machine: "a state machine"
        case .branch: "a Parallel branch"
        case .itemProcessor: "an item processor"
        case .state(let type): "a \(type) state"
        case .retrier: "a retrier"
        case .catcher: "a catcher"
        case .choiceRule(true): "a choice rule"
        case .choiceRule(false): "a nested choice rule"
        default: "this object"
        }
        return "\"\(key)\" is not a field of \(owner)"
            + Suggestion.didYouMean(key, in: schema.names(in: object.language))
    }

    /// What a JSONata state uses instead of a JSONPath field.
    static let jsonataReplacement = [
        "Parameters": "Arguments", "ResultSelector": "Output", "OutputPath": "Output", "InputPath": "Arguments",
        "ResultPath": "Output", "Result": "Output", "ItemsPath": "Items",
    ]
}
