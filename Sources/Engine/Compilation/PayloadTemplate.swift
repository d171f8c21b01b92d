import Intrinsics
import JSONPath
import JSONValue

/// A JSONPath-mode payload template (`Parameters`, `ResultSelector`, `ItemSelector`,
/// `Assign`) compiled once: static subtrees stay literal JSON, `"Key.$"` members hold
/// their parsed expression under the key without `.$`.
indirect enum PayloadTemplate: Sendable {
    case literal(JSON)
    /// Members, and whether their keys are distinct (then they are appended unchecked).
    case object([Member], distinctKeys: Bool)
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
        case .object(let members, let distinctKeys):
            var object = JSONObject()
            for member in members {
                let value: JSON
                switch member.value {
                case .template(let template):
                    value = try template.evaluate(input: input, context: context, variables: variables, random: &random)
                case .expression(let compiled):
                    let result: Result<JSON, IntrinsicFailure>
                    switch compiled.expression {
                    case .path(let path):
                        if let found = compiled.fast?.lookup(input, context: context, variables: variables) {
                            result = .success(found)
                        } else {
                            result = path.evaluate(input, context: context, variables: variables).mapError {
                                IntrinsicFailure(error: IntrinsicFailure.runtime, cause: $0.message, path: path)
                            }
                        }
                    case .intrinsic(let call):
                        result = IntrinsicEvaluator.evaluate(call, input: input, context: context, variables: variables, random: &random)
                    }
                    switch result {
                    case .success(let v): value = v
                    case .failure(let failure):
                        throw TemplateFailure(field: compiled.field, expression: compiled.expression, failure: failure)
                    }
                }
                if distinctKeys { object.appendUnchecked(member.key, value) } else { object.appendOrReplace(member.key, value) }
            }
            return .object(object)
        }
    }
}

extension JSONObject {
    mutating func appendOrReplace(_ key: String, _ value: JSON) {
        _ = updateValue(value, forKey: key)
    }
}
