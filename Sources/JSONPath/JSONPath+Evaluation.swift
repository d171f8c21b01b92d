public import JSONValue

extension JSONPath {
    /// Evaluates the path with AWS's (Jayway's) semantics.
    ///
    /// A definite path yields the one value it names, or a failure when there is none.
    /// An indefinite path yields an array of every match, possibly empty (`$[*]` on `{}`
    /// is `[]`). `context` is the context object for `$$…`; `variables` serve `$name…`.
    public func evaluate(
        _ input: JSON, context: JSON? = nil, variables: [String: JSON] = [:]
    ) -> Result<JSON, JSONPathFailure> {
        let start: JSON
        switch root {
        case .input:
            start = input
        case .context:
            guard let context else {
                return .failure(JSONPathFailure(kind: .noContextObject, message: "the context object is not available for '\(text)'"))
            }
            start = context
        case .variable(let name):
            guard let value = variables[name] else {
                return .failure(JSONPathFailure(kind: .undefinedVariable(name), message: "variable '$\(name)' is not defined"))
            }
            start = value
        }
        let steps = trailingFunction == nil ? segments[...] : segments.dropLast()
        let evaluator = JSONPathEvaluator(root: start)
        let selected: Result<JSON, JSONPathFailure> =
            selectsDefinitely ? evaluator.definite(steps, from: start) : .success(.array(evaluator.select(steps, from: start)))
        guard let function = trailingFunction else { return selected }
        return selected.flatMap { JSONPathEvaluator.apply(function, to: $0, path: self) }
    }
}
