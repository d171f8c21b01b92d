import Intrinsics
import JSONPath
import JSONValue

/// A JSONPath-mode payload template (`Parameters`, `ResultSelector`, `ItemSelector`,
/// `Assign`) compiled once: static subtrees stay literal JSON, `"Key.$"` members hold
/// their parsed expression under the key without `.$`.
indirect enum PayloadTemplate: Sendable {
    case literal(JSON)
    case object([Member])
    case array([PayloadTemplate])

    enum Value: Sendable {
        case template(PayloadTemplate)
        /// A path or intrinsic; `field` is the key as written (`"id.$"`) for error causes.
        case expression(PayloadExpression, field: String, fast: FastPath?)
    }

    struct Member: Sendable {
        var key: String
        var value: Value
    }

    /// Whether any expression reads the context object or randomness, so the engine
    /// builds `$$` only for states that need it.
    var readsContext: Bool {
        switch self {
        case .literal: false
        case .array(let items): items.contains(where: \.readsContext)
        case .object(let members):
            members.contains { member in
                switch member.value {
                case .template(let t): t.readsContext
                case .expression(let e, _, _): e.description.contains("$$")
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
        case .object(let members):
            var object = JSONObject()
            for member in members {
                switch member.value {
                case .template(let template):
                    object.appendOrReplace(member.key, try template.evaluate(input: input, context: context, variables: variables, random: &random))
                case .expression(let expression, let field, let fast):
                    let result: Result<JSON, IntrinsicFailure>
                    switch expression {
                    case .path(let path):
                        let evaluated =
                            fast?.evaluate(input, context: context, variables: variables)
                            ?? path.evaluate(input, context: context, variables: variables)
                        result = evaluated.mapError {
                            IntrinsicFailure(error: IntrinsicFailure.runtime, cause: $0.message, path: path)
                        }
                    case .intrinsic(let call):
                        result = IntrinsicEvaluator.evaluate(call, input: input, context: context, variables: variables, random: &random)
                    }
                    switch result {
                    case .success(let value): object.appendOrReplace(member.key, value)
                    case .failure(let failure): throw TemplateFailure(field: field, expression: expression, failure: failure)
                    }
                }
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
