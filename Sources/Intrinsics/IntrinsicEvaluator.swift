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
        var evaluation = Evaluation(input: input, context: context, variables: variables)
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

        mutating func call(_ call: IntrinsicCall, random: inout some RandomNumberGenerator) throws(IntrinsicFailure) -> JSON {
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
            var arguments = Arguments(function: function, values: values)
            return try function.apply(to: &arguments, call: call, random: &random)
        }

        mutating func value(of argument: IntrinsicArgument, random: inout some RandomNumberGenerator) throws(IntrinsicFailure) -> JSON {
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

/// Typed access to a call's evaluated arguments, failing with the function's name.
struct Arguments {
    let function: IntrinsicFunction
    let values: [JSON]

    var count: Int { values.count }

    subscript(index: Int) -> JSON { values[index] }

    func failure(_ reason: String) -> IntrinsicFailure { IntrinsicFailure.invalid(function, reason) }

    private func ordinal(_ index: Int) -> String {
        ["first", "second", "third"].indices.contains(index) ? ["first", "second", "third"][index] : "argument \(index + 1)"
    }

    func string(_ index: Int) throws(IntrinsicFailure) -> String {
        guard case .string(let s) = values[index] else {
            throw failure("the \(ordinal(index)) argument must be a string, but it is \(describe(values[index]))")
        }
        return s
    }

    func array(_ index: Int) throws(IntrinsicFailure) -> [JSON] {
        guard case .array(let a) = values[index] else {
            throw failure("the \(ordinal(index)) argument must be an array, but it is \(describe(values[index]))")
        }
        return a
    }

    func object(_ index: Int) throws(IntrinsicFailure) -> JSONObject {
        guard case .object(let o) = values[index] else {
            throw failure("the \(ordinal(index)) argument must be an object, but it is \(describe(values[index]))")
        }
        return o
    }

    func number(_ index: Int) throws(IntrinsicFailure) -> Double {
        guard case .number(let n) = values[index] else {
            throw failure("the \(ordinal(index)) argument must be a number, but it is \(describe(values[index]))")
        }
        return n.doubleValue
    }

    /// A number rounded as Java's `Math.round` does (half up, towards +∞), which is how
    /// AWS treats decimals given to integer parameters (`States.MathAdd(1.5, 0)` is 2).
    func integer(_ index: Int) throws(IntrinsicFailure) -> Int64 {
        let value = try number(index)
        let rounded = (value + 0.5).rounded(.down)
        guard rounded.isFinite, abs(rounded) < 9.0e18 else {
            throw failure("the \(ordinal(index)) argument \(describe(values[index])) is out of range")
        }
        return Int64(rounded)
    }

    func describe(_ value: JSON) -> String {
        switch value {
        case .string(let s): "the string '\(s)'"
        case .number(let n): "the number \(n.literal)"
        case .bool(let b): "the boolean \(b)"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
