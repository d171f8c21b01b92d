import JSONPath
import JSONValue

/// A path made only of member names and non-negative indexes (`$.a.b[0]`, `$$.State.Name`,
/// `$var.x`), walked directly instead of through the general evaluator. Most paths in
/// real definitions have this shape, and they run on every transition.
///
/// A miss (or any other shape) falls back to `JSONPath.evaluate`, so values and failure
/// messages are always exactly the evaluator's. Built once at compilation; a class so that
/// reading one from a compiled state copies a reference, not the parsed path.
final class FastPath: Sendable {
    enum Step: Sendable {
        case name(String)
        case index(Int)
    }

    let path: JSONPath
    /// nil when the path has another shape.
    let steps: [Step]?

    /// The fast form of a `…Path` field's path, nil when the field is absent or null.
    convenience init?(_ field: PathField) {
        guard case .path(let path) = field else { return nil }
        self.init(path)
    }

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
        if let value = lookup(input, context: context, variables: variables) { return .success(value) }
        return path.evaluate(input, context: context, variables: variables)
    }

    /// The selected value when the direct walk finds it; nil sends the caller to the evaluator.
    func lookup(_ input: JSON, context: JSON, variables: [String: JSON]) -> JSON? {
        guard let steps else { return nil }
        var node: JSON
        switch path.root {
        case .input: node = input
        case .context:
            guard !context.isNull else { return nil }
            node = context
        case .variable(let name):
            guard let value = variables[name] else { return nil }
            node = value
        }
        for step in steps {
            switch (step, node) {
            case (.name(let key), .object(let object)):
                guard let child = object[key] else { return nil }
                node = child
            case (.index(let i), .array(let array)) where i < array.count:
                node = array[i]
            default:
                return nil
            }
        }
        return node
    }

    /// `document` with `value` placed at this path (ResultPath), by AWS's rules: missing
    /// members become objects, an index must exist. nil when the path cannot be placed
    /// (the caller words the error) or has a shape this walk does not handle.
    func assigning(_ value: JSON, into document: JSON) -> JSON?? {
        guard let steps, case .input = path.root else { return .none }
        var document = document
        return FastPath.assign(value, into: &document, steps[...]) ? .some(document) : .some(nil)
    }

    private static func assign(_ value: JSON, into node: inout JSON, _ steps: ArraySlice<Step>) -> Bool {
        guard let step = steps.first else {
            node = value
            return true
        }
        switch (step, node) {
        case (.name(let key), .object(var object)):
            node = .null  // drop the second reference so the object is mutated in place
            var child = object.removeValueKeepingPosition(key) ?? .object(JSONObject())
            let placed = assign(value, into: &child, steps.dropFirst())
            object[key] = child
            node = .object(object)
            return placed
        case (.index(let i), .array(var array)) where i < array.count:
            node = .null
            let placed = assign(value, into: &array[i], steps.dropFirst())
            node = .array(array)
            return placed
        default:
            return false
        }
    }
}

extension JSONObject {
    /// The member's value, leaving `.null` in its place (so a caller can mutate the value
    /// without a copy and put it back at the same position).
    fileprivate mutating func removeValueKeepingPosition(_ key: String) -> JSON? {
        guard let old = self[key] else { return nil }
        self[key] = .null
        return old
    }
}
