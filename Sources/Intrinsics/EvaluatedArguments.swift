import JSONValue

/// Typed access to a call's evaluated arguments, failing with the function's name.
struct EvaluatedArguments {
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
