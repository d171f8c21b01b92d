import ASLModel
import Diagnostics
import Intrinsics
import JSONPath
import JSONValue

/// JSONPath-mode payload templates (`Parameters`, `ResultSelector`, `ItemSelector`,
/// `Assign`, an item reader's or result writer's `Parameters`, `BatchInput`,
/// `Credentials`): the value of every `"Key.$"` field, at any depth, is a string that
/// parses as a JSONPath or an intrinsic call whose function, arity and literal
/// arguments are valid. A plain key whose value looks like a path or a call is
/// probably missing its `.$`: AWS warns NO_DOLLAR.
struct PayloadTemplateRule: ValidationRule {
    static let notString = DiagnosticID("validation", "payload-expression-not-string")
    static let invalidExpression = DiagnosticID("validation", "invalid-payload-expression")
    static let intrinsic = DiagnosticID("validation", "invalid-intrinsic")
    static let noDollar = DiagnosticID("validation", "no-dollar")

    static let templateFields: [DefinitionIndex.Kind: [String]] = [
        .state("Task"): ["Parameters", "ResultSelector", "Credentials", "Assign"],  // Credentials: `RoleArn.$`
        .state("Pass"): ["Parameters", "Assign"],
        .state("Choice"): ["Assign"],
        .state("Wait"): ["Assign"],
        .state("Parallel"): ["Parameters", "ResultSelector", "Assign"],
        .state("Map"): ["Parameters", "ItemSelector", "ResultSelector", "Assign"],
        .catcher: ["Assign"],
        .choiceRule(topLevel: true): ["Assign"],
        .itemReader: ["Parameters"],
        .resultWriter: ["Parameters"],
        .itemBatcher: ["BatchInput"],
    ]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects where object.language == .jsonPath {
            for field in Self.templateFields[object.kind] ?? [] {
                guard let value = object.value[field] else { continue }
                walk(value, at: object.pointer.appending(field), &context)
            }
        }
    }

    private func walk(_ value: JSON, at pointer: JSONPointer, _ context: inout ValidationContext) {
        switch value {
        case .object(let object):
            for (key, member) in object {
                if key.hasSuffix(".$") {
                    let memberPointer = pointer.appending(key)
                    guard case .string(let text) = member else {
                        context.report(
                            Self.notString, code: AWSCode.schema,
                            "the value of \"\(key)\" must be a string holding a JSONPath or an intrinsic function, not \(member.typeName)",
                            at: memberPointer)
                        continue
                    }
                    Self.checkExpression(text, at: memberPointer, &context)
                } else if case .string(let text) = member, Self.looksLikeExpression(text) {
                    let memberPointer = pointer.appending(key)
                    context.report(
                        Self.noDollar, code: AWSCode.noDollar, severity: .warning,
                        "\"\(key)\" holds \"\(text)\", which looks like a path or intrinsic function but is used as a literal string; name the field \"\(key).$\" to evaluate it",
                        at: memberPointer, atKey: true)
                } else if member.objectValue != nil || member.arrayValue != nil {
                    walk(member, at: pointer.appending(key), &context)
                }
            }
        case .array(let items):
            for (i, item) in items.enumerated() where item.objectValue != nil || item.arrayValue != nil {
                walk(item, at: pointer.appending(i), &context)
            }
        default:
            break
        }
    }

    /// Parses a path-or-intrinsic string and reports syntax errors and checker issues
    /// at their exact character.
    static func checkExpression(_ text: String, at pointer: JSONPointer, _ context: inout ValidationContext) {
        let cached = context.cache.payload(text)
        let expression: PayloadExpression
        switch cached.expression {
        case .success(let parsed):
            expression = parsed
        case .failure(let error):
            context.report(
                invalidExpression, code: AWSCode.schema,
                "\"\(text)\" is not a valid JSONPath or intrinsic function: \(error.message)",
                at: pointer, columnOffset: error.offset)
            return
        }
        context.compiled.payloads[pointer] = expression
        for issue in cached.issues {
            context.report(intrinsic, code: AWSCode.schema, issue.message, at: pointer, columnOffset: issue.offset)
        }
    }

    /// A string that would be evaluated had its key ended in `.$`.
    static func looksLikeExpression(_ text: String) -> Bool {
        if text.hasPrefix("$") { return true }
        return text.hasPrefix("States.") && text.hasSuffix(")") && text.contains("(")
    }
}
