/// One step of a `JSONPath`: a selector applied to the current nodes' children, to all
/// their descendants (`..`), or a function applied to what the path selected so far.
public enum JSONPathSegment: Sendable, Hashable {
    /// `.name`, `['name']`, `[0]`, `[*]`, `[1:3]`, `[?(…)]` …
    case child(JSONPathSelector)
    /// `..name`, `..*`, `..[0]`: the selector applied to every descendant, and to the node itself.
    case descendant(JSONPathSelector)
    /// `.length()`, `.min()` …: Jayway's path functions, only as the last segment.
    case function(JSONPathFunction)

    var isDefinite: Bool {
        switch self {
        case .child(let selector): selector.isDefinite
        case .descendant: false
        case .function: true
        }
    }

    var isReference: Bool {
        switch self {
        case .child(.name): true
        case .child(.index(let i)): i >= 0
        default: false
        }
    }

    var normalizedText: String {
        switch self {
        case .child(let selector): selector.normalizedText
        case .descendant(let selector): ".." + selector.normalizedText
        case .function(let function): "." + function.rawValue + "()"
        }
    }
}

/// What a segment selects among a node's children.
public enum JSONPathSelector: Sendable, Hashable {
    /// A member of an object.
    case name(String)
    /// Several members at once: `['a','b']` (an object of the found members, as Jayway returns).
    case names([String])
    /// An array element; negative counts from the end.
    case index(Int)
    /// Several elements: `[0,2]`.
    case indexes([Int])
    /// Every member value or element: `*`.
    case wildcard
    /// `[start:end:step]`, Python-style bounds.
    case slice(start: Int?, end: Int?, step: Int?)
    /// `[?(expression)]`: the elements (or the object itself) for which the filter holds.
    case filter(JSONPathFilter)

    var isDefinite: Bool {
        switch self {
        case .name, .index: true
        default: false
        }
    }

    var normalizedText: String {
        switch self {
        case .name(let name): "['\(name)']"
        case .names(let names): "[" + names.map { "'\($0)'" }.joined(separator: ", ") + "]"
        case .index(let i): "[\(i)]"
        case .indexes(let list): "[" + list.map(String.init).joined(separator: ",") + "]"
        case .wildcard: "[*]"
        case .slice(let start, let end, let step):
            "[" + (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "")
                + (step.map { ":\($0)" } ?? "") + "]"
        case .filter: "[?]"
        }
    }
}

/// Jayway's path functions that Step Functions accepts in (non-reference) paths.
public enum JSONPathFunction: String, Sendable, Hashable, CaseIterable {
    case length, size, min, max, avg, sum, stddev, first, last, keys
}
