public import JSONValue

extension JSONPath {
    /// `document` with `value` placed where this reference path points: `ResultPath`.
    ///
    /// AWS's rules: `$` replaces the whole document; missing members along the way are
    /// created as empty objects; an existing member is overwritten; an index must name
    /// an existing element. Anything else (a member of a string, an index past the end,
    /// a non-reference path) fails, and the engine reports `States.ResultPathMatchFailure`.
    ///
    ///     try JSONPath.parse("$.result.sum").assigning(3, into: ["a": 1]).get()
    ///     // {"a": 1, "result": {"sum": 3}}
    public func assigning(_ value: JSON, into document: JSON) -> Result<JSON, JSONPathFailure> {
        guard root == .input, isReferencePath else {
            return .failure(JSONPathFailure(
                kind: .notAReferencePath, message: "'\(text)' is not a reference path and cannot be assigned to"))
        }
        return JSONPath.assign(value, into: document, along: segments[...], walked: "$")
    }

    private static func assign(
        _ value: JSON, into node: JSON, along segments: ArraySlice<JSONPathSegment>, walked: String
    ) -> Result<JSON, JSONPathFailure> {
        guard let segment = segments.first else { return .success(value) }
        let rest = segments.dropFirst()
        switch (segment, node) {
        case (.child(.name(let name)), .object(var object)):
            let child = object[name] ?? .object(JSONObject())
            switch assign(value, into: child, along: rest, walked: walked + "['\(name)']") {
            case .success(let updated):
                object[name] = updated
                return .success(.object(object))
            case .failure(let failure):
                return .failure(failure)
            }
        case (.child(.index(let index)), .array(var array)) where array.indices.contains(index):
            switch assign(value, into: array[index], along: rest, walked: walked + "[\(index)]") {
            case .success(let updated):
                array[index] = updated
                return .success(.array(array))
            case .failure(let failure):
                return .failure(failure)
            }
        case (.child(.index(let index)), .array):
            return .failure(JSONPathFailure(
                kind: .assignmentFailed, message: "index [\(index)] is out of bounds at \(walked)"))
        default:
            return .failure(JSONPathFailure(
                kind: .assignmentFailed,
                message: "cannot apply \(segment.normalizedText) to the \(node.typeName) at \(walked)"))
        }
    }
}
