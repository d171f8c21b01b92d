import JSONPath
import JSONValue

/// A path made only of member names and non-negative indexes (`$.a.b[0]`, `$$.State.Name`,
/// `$var.x`), walked directly instead of through the general evaluator. Most paths in
/// real definitions have this shape, and they run on every transition.
///
/// A miss (or any other shape) falls back to `JSONPath.evaluate`, so values and failure
/// messages are always exactly the evaluator's.
struct FastPath: Sendable {
    enum Step: Sendable {
        case name(String)
        case index(Int)
    }

    let path: JSONPath
    /// nil when the path has another shape.
    let steps: [Step]?

    init(_ path: JSONPath) {
        self.path = path
        var steps: [Step] = []
        for segment in path.segments {
            switch segment {
            case .child(.name(let name)): steps.append(.name(name))
            case .child(.index(let i)) where i >= 0: steps.append(.index(i))
            default:
                self.steps = nil
                return
            }
        }
        self.steps = steps
    }

    func evaluate(_ input: JSON, context: JSON, variables: [String: JSON]) -> Result<JSON, JSONPathFailure> {
        guard let steps else { return path.evaluate(input, context: context, variables: variables) }
        var node: JSON
        switch path.root {
        case .input: node = input
        case .context:
            guard !context.isNull else { return path.evaluate(input, context: context, variables: variables) }
            node = context
        case .variable(let name):
            guard let value = variables[name] else { return path.evaluate(input, context: context, variables: variables) }
            node = value
        }
        for step in steps {
            switch (step, node) {
            case (.name(let key), .object(let object)):
                guard let child = object[key] else { return path.evaluate(input, context: context, variables: variables) }
                node = child
            case (.index(let i), .array(let array)) where i < array.count:
                node = array[i]
            default:
                return path.evaluate(input, context: context, variables: variables)
            }
        }
        return .success(node)
    }
}
