/// A parsed path in the JSONPath dialect of Amazon States Language.
///
/// Step Functions evaluates JSONPath-mode paths with Jayway JsonPath, so this type
/// accepts what Jayway accepts: `$.a.b`, `$['a b']`, `[0]`, `[-1]`, `[*]`, `..name`,
/// slices, unions and filters such as `[?(@.price < 10)]`. A path is parsed once (at
/// validation) and evaluated many times (by the engine): nothing here re-reads `text`.
///
/// Three roots exist: `$` (the state input), `$$` (the context object) and `$name`
/// (a workflow variable, used by JSONPath-mode `Assign` and in intrinsic arguments).
///
///     let path = try JSONPath.parse("$.order.items[0].sku")
///     path.isReferencePath   // true: usable as a ResultPath
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// What the first segment applies to.
    public enum Root: Sendable, Hashable {
        /// `$`: the state's input (or, inside a filter, the document being filtered).
        case input
        /// `$$`: the context object (`$$.Execution.Id`, `$$.Map.Item.Value` …).
        case context
        /// `$name`: the workflow variable `name`.
        case variable(String)
    }

    /// The path exactly as written; error causes quote it.
    public let text: String
    public let root: Root
    /// The steps after the root, in order; empty for `$`, `$$` and `$name`.
    public let segments: [JSONPathSegment]

    /// Whether everything before a trailing function is definite; computed once, since
    /// the engine evaluates the same path on every visit.
    let selectsDefinitely: Bool
    /// A trailing `.length()`-style function, split off once for the same reason.
    let trailingFunction: JSONPathFunction?

    /// For parsers (intrinsic arguments, filters) that built the parts themselves.
    public init(text: String, root: Root, segments: [JSONPathSegment]) {
        self.text = text
        self.root = root
        self.segments = segments
        if case .function(let function) = segments.last {
            trailingFunction = function
            selectsDefinitely = segments.dropLast().allSatisfy(\.isDefinite)
        } else {
            trailingFunction = nil
            selectsDefinitely = segments.allSatisfy(\.isDefinite)
        }
    }

    /// Parses `text`; the error's offset counts Unicode scalars from the start of `text`.
    public static func parse(_ text: String) throws(JSONPathSyntaxError) -> JSONPath {
        var parser = JSONPathParser(text)
        return try parser.parsePath()
    }

    public var description: String { text }

    /// Whether the path starts with `$$` (the context object).
    public var isContextPath: Bool { root == .context }

    /// Whether the path starts with `$name` (a workflow variable).
    public var isVariablePath: Bool { if case .variable = root { true } else { false } }

    /// The variable's name for `$name…` paths.
    public var variableName: String? { if case .variable(let name) = root { name } else { nil } }

    /// Whether the path can select at most one node (Jayway's "definite" path): only
    /// names, single indexes (negative ones too) and a trailing function. A definite path
    /// that selects nothing is an error; an indefinite one yields an array.
    public var isDefinite: Bool { selectsDefinitely }

    /// Whether this is an ASL *reference path*: only member names and non-negative
    /// indexes, so it names exactly one node and can be written to. AWS requires one for
    /// `ResultPath` (and for `ItemsPath` and `OutputPath` in its own documentation).
    public var isReferencePath: Bool { segments.allSatisfy(\.isReference) }

    /// Jayway's normalized form, as AWS quotes it in causes: `$['a'][0]`.
    public var normalizedText: String {
        JSONPath.normalized(root: root, segments: segments[...])
    }

    static func normalized(root: Root, segments: ArraySlice<JSONPathSegment>) -> String {
        var out: String
        switch root {
        case .input: out = "$"
        case .context: out = "$$"
        case .variable(let name): out = "$" + name
        }
        for segment in segments { out += segment.normalizedText }
        return out
    }
}
