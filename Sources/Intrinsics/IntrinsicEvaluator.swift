import JSONPath
public import JSONValue

/// Evaluates parsed intrinsic calls against a state's input, the context object and
/// the workflow's variables. Pure and synchronous; randomness (`States.UUID`,
/// `States.MathRandom` without a seed) comes from the generator the caller passes, so
/// tests and replays can be deterministic.
///
///     let call = try IntrinsicParser.parse("States.Format('Hello, {}!', $.name)")
///     IntrinsicEvaluator.evaluate(call, input: ["name": "Ana"], context: [:])  // .success("Hello, Ana!")
public enum IntrinsicEvaluator {
    public static func evaluate(
        _ call: IntrinsicCall, input: JSON, context: JSON, variables: [String: JSON] = [:]
    ) -> Result<JSON, IntrinsicFailure> {
        var random = SystemRandomNumberGenerator()
        return evaluate(call, input: input, context: context, variables: variables, random: &random)
    }

    public static func evaluate(
        _ call: IntrinsicCall, input: JSON, context: JSON, variables: [String: JSON] = [:],
        random: inout some RandomNumberGenerator
    ) -> Result<JSON, IntrinsicFailure> {
        let evaluation = Evaluation(input: input, context: context, variables: variables)
        do {
            return .success(try evaluation.call(call, random: &random))
        } catch {
            return .failure(error)
        }
    }

    /// The values an evaluation reads; `throws(IntrinsicFailure)` keeps nested calls short.
    struct Evaluation {
        let input: JSON
        let context: JSON
        let variables: [String: JSON]

        func call(_ call: IntrinsicCall, random: inout some RandomNumberGenerator) throws(IntrinsicFailure) -> JSON {
            guard let function = call.function else {
                throw IntrinsicFailure(
                    error: IntrinsicFailure.intrinsicFailure, cause: "'\(call.name)' is not an intrinsic function")
            }
            var values: [JSON] = []
            for argument in call.arguments { values.append(try value(of: argument, random: &random)) }
            guard values.count >= function.minimumArguments, values.count <= (function.maximumArguments ?? .max) else {
                throw IntrinsicFailure.invalid(
                    function, "the function takes \(function.arityDescription), but \(values.count) were given")
            }
            let arguments = EvaluatedArguments(function: function, values: values)
            return try function.apply(to: arguments, call: call, random: &random)
        }

        func value(of argument: IntrinsicArgument, random: inout some RandomNumberGenerator) throws(IntrinsicFailure) -> JSON {
            switch argument {
            case .string(let s): return .string(s)
            case .number(let n): return .number(n)
            case .bool(let b): return .bool(b)
            case .null: return .null
            case .call(let nested): return try call(nested, random: &random)
            case .path(let path):
                switch path.evaluate(input, context: context, variables: variables) {
                case .success(let value): return value
                case .failure(let failure):
                    throw IntrinsicFailure(
                        error: IntrinsicFailure.runtime,
                        cause: "The JsonPath argument '\(path.text)' could not be found: \(failure.message)",
                        path: path)
                }
            }
        }
    }
}
