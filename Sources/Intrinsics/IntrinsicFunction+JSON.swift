import JSONValue

extension IntrinsicFunction {
    /// `States.StringToJson('{"a":1}')` is `{"a": 1}`. AWS reads an empty or all-blank
    /// string as `null`.
    func stringToJson(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let text = try arguments.string(0)
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return .null }
        do {
            return try JSON.parse(text)
        } catch {
            throw arguments.failure("'\(text)' is not valid JSON: \(error.message)")
        }
    }

    /// `States.JsonMerge({"a":1,"b":{"x":1}}, {"b":{"y":2}}, false)` is `{"a":1,"b":{"y":2}}`:
    /// a shallow merge, the second object's members winning. AWS refuses deep merges.
    func jsonMerge(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        var merged = try arguments.object(0)
        let other = try arguments.object(1)
        guard case .bool(let deep) = arguments[2] else {
            throw arguments.failure("the third argument must be a boolean, but it is \(arguments.describe(arguments[2]))")
        }
        guard !deep else { throw arguments.failure("deep merge mode is not supported; the third argument must be false") }
        for (key, value) in other { merged[key] = value }
        return .object(merged)
    }
}

extension JSON {
    /// Compact JSON text, as `States.JsonToString` returns and `States.Hash` hashes.
    var compactText: String { serialized(.compact) }
}
