import Intrinsics
import JSONPath
import JSONValue

/// A JSONPath-mode payload template (`Parameters`, `ResultSelector`, `ItemSelector`,
/// `Assign`) compiled once: static subtrees stay literal JSON, `"Key.$"` members hold
/// their parsed expression under the key without `.$`.
indirect enum PayloadTemplate: Sendable {
    case literal(JSON)
    /// Members, and their keys when these are distinct: then every object the template
    /// builds shares that one keys array (nil: a repeated key keeps its first position
    /// and its last value, as the parser keeps them).
    case object([Member], keys: [String]?)
    case array([PayloadTemplate])

    enum Value: Sendable {
        case template(PayloadTemplate)
        case expression(TemplateExpression)
    }

    struct Member: Sendable {
        var key: String
        var value: Value
    }

    /// A path or intrinsic of a `"Key.$"` member. A class: evaluating a template copies
    /// one reference per member instead of every part of the parsed expression.
    final class TemplateExpression: Sendable {
        let expression: PayloadExpression
        /// The key as written (`"id.$"`), for error causes.
        let field: String
        let fast: FastPath?

        init(_ expression: PayloadExpression, field: String) {
            self.expression = expression
            self.field = field
            if case .path(let path) = expression { fast = FastPath(path) } else { fast = nil }
        }
    }

    /// Whether any expression reads the context object or randomness, so the engine
    /// builds `$$` only for states that need it.
    var readsContext: Bool {
        switch self {
        case .literal: false
        case .array(let items): items.contains(where: \.readsContext)
        case .object(let members, _):
            members.contains { member in
                switch member.value {
                case .template(let t): t.readsContext
                case .expression(let e): e.expression.description.contains("$$")
                }
            }
        }
    }
}

/// Why a template could not be evaluated, with the field and expression for AWS's cause.
struct TemplateFailure: Error {
    var field: String
    var expression: PayloadExpression
    var failure: IntrinsicFailure
}

extension PayloadTemplate {
    /// The template with every expression evaluated against `input`.
    func evaluate(
        input: JSON, context: JSON, variables: [String: JSON], random: inout SeededRandom
    ) throws(TemplateFailure) -> JSON {
        switch self {
        case .literal(let value):
            return value
        case .array(let items):
            var out: [JSON] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try item.evaluate(input: input, context: context, variables: variables, random: &random)) }
            return .array(out)
        case .object(let members, let keys):
            var values: [JSON] = []
            values.reserveCapacity(members.count)
            for member in members {
                switch member.value {
                case .template(let template):
                    values.append(try template.evaluate(input: input, context: context, variables: variables, random: &random))
                case .expression(let compiled):
                    values.append(try compiled.evaluate(input: input, context: context, variables: variables, random: &random))
                }
            }
            if let keys { return .object(JSONObject(distinctKeys: keys, values: values)) }
            var object = JSONObject(minimumCapacity: members.count)
            for (member, value) in zip(members, values) { object.appendOrReplace(member.key, value) }
            return .object(object)
        }
    }
}

extension PayloadTemplate.TemplateExpression {
    /// The member's value: a plain path walked directly when it finds its node, else
    /// the general path evaluator or the intrinsic.
    func evaluate(
        input: JSON, context: JSON, variables: [String: JSON], random: inout SeededRandom
    ) throws(TemplateFailure) -> JSON {
        if let found = fast?.lookup(input, context: context, variables: variables) { return found }
        let result: Result<JSON, IntrinsicFailure>
        switch expression {
        case .path(let path):
            result = path.evaluate(input, context: context, variables: variables).mapError {
                IntrinsicFailure(error: IntrinsicFailure.runtime, cause: $0.message, path: path)
            }
        case .intrinsic(let call):
            result = IntrinsicEvaluator.evaluate(call, input: input, context: context, variables: variables, random: &random)
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure): throw TemplateFailure(field: field, expression: expression, failure: failure)
        }
    }
}

extension JSONObject {
    mutating func appendOrReplace(_ key: String, _ value: JSON) {
        _ = updateValue(value, forKey: key)
    }
}
