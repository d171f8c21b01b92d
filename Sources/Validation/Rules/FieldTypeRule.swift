import ASLModel
import Diagnostics
import JSONValue

/// Each known field holds the JSON kind ASL gives it (`TimeoutSeconds` an integer,
/// `Next` a string …). In JSONata mode, numeric and object settings may instead be
/// a `{% … %}` expression string.
struct FieldTypeRule: ValidationRule {
    static let id = DiagnosticID("validation", "field-type")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            guard let schema = FieldSchema.schema(for: object.kind) else { continue }
            for (key, value) in object.value {
                guard let field = schema.fields[key], Self.matches(value, field, language: object.language) == false
                else { continue }
                context.report(
                    Self.id, code: AWSCode.schema,
                    "\"\(key)\" must be \(field.kind.description), not \(Self.describe(value))",
                    at: object.pointer.appending(key))
            }
        }
    }

    static func matches(_ value: JSON, _ field: FieldSchema.Field, language: QueryLanguage) -> Bool {
        if language == .jsonata, field.acceptsExpression, case .string(let s) = value, isJSONataExpression(s) { return true }
        switch (field.kind, value) {
        case (.any, _), (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array): return true
        case (.pathOrNull, .string), (.pathOrNull, .null): return true
        case (.number, .number): return true
        case (.integer, .number(let n)): return n.int64Value != nil
        default: return false
        }
    }

    static func describe(_ value: JSON) -> String {
        switch value {
        case .number(let n): n.int64Value == nil ? "the number \(n.literal)" : "\(n.literal)"
        case .string(let s): "the string \"\(s)\""
        default: value.typeName
        }
    }
}

/// Whether a string is a JSONata expression in ASL's `{% … %}` form.
func isJSONataExpression(_ text: String) -> Bool {
    let trimmed = text.trimmingWhitespace
    return trimmed.hasPrefix("{%") && trimmed.hasSuffix("%}") && trimmed.count >= 4
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation).
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
