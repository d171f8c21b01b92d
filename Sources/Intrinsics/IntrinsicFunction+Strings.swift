import JSONValue

extension IntrinsicFunction {
    /// `States.Format('Hello, {}!', $.name)`: each `{}` replaced by the next value,
    /// strings as they are, other values as Step Functions (Java) prints them:
    /// `{"a": 1, "b": []}` becomes `{a=1, b=[]}`.
    func format(_ arguments: EvaluatedArguments, call: IntrinsicCall) throws(IntrinsicFailure) -> JSON {
        let template: FormatTemplate
        if case .string = call.arguments.first, let literal = FormatTemplate(literal: call.argumentTexts[0]) {
            template = literal
        } else {
            template = FormatTemplate(value: try arguments.string(0))
        }
        let values = arguments.values.dropFirst().map(IntrinsicFunction.formatted)
        guard template.placeholderCount == values.count else {
            throw arguments.failure(
                "the template has \(template.placeholderCount) placeholders '{}', but \(values.count) values were given")
        }
        return .string(template.render(values))
    }

    /// How Step Functions prints a value inside `States.Format`.
    static func formatted(_ value: JSON) -> String {
        switch value {
        case .string(let s): s
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array(let a): "[" + a.map(formatted).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.map { "\($0.key)=\(formatted($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// `States.StringSplit('a,b;c', ',;')`: every character of the second argument is a
    /// delimiter and empty pieces are dropped (`',,a,'` splits to `["a"]`), as AWS does.
    func stringSplit(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let text = try arguments.string(0)
        let delimiters = Set(try arguments.string(1).unicodeScalars)
        var pieces: [JSON] = []
        var piece = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if delimiters.contains(c) {
                if !piece.isEmpty { pieces.append(.string(String(piece))) }
                piece = String.UnicodeScalarView()
            } else {
                piece.append(c)
            }
        }
        if !piece.isEmpty { pieces.append(.string(String(piece))) }
        return .array(pieces)
    }
}
