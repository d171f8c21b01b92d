public import JSONPath
public import JSONValue

/// A parsed intrinsic function call such as `States.Format('{}-{}', $.a, States.UUID())`.
///
/// Parsed once at validation, evaluated by the engine on every visit. Offsets count
/// Unicode scalars from the start of the parsed text, so diagnostics can point inside
/// the `"Key.$"` string that holds the call.
public struct IntrinsicCall: Sendable, Hashable, CustomStringConvertible {
    /// The name as written, e.g. `States.Format` (unknown names parse; the checker reports them).
    public let name: String
    public let arguments: [IntrinsicArgument]
    /// Where `name` starts.
    public let nameOffset: Int
    /// Where each argument starts, parallel to `arguments`.
    public let argumentOffsets: [Int]
    /// Each argument's source text as written, parallel to `arguments`. `States.Format`
    /// needs a literal template's raw text: `\{` is a literal brace there, `{}` a placeholder.
    public let argumentTexts: [String]
    /// The whole call as written.
    public let text: String
    /// The known function this call names, or nil for an unknown name; looked up once,
    /// since the engine evaluates the same call on every visit.
    public let function: IntrinsicFunction?

    public init(
        name: String, arguments: [IntrinsicArgument], nameOffset: Int = 0,
        argumentOffsets: [Int]? = nil, argumentTexts: [String]? = nil, text: String? = nil
    ) {
        self.name = name
        self.arguments = arguments
        self.nameOffset = nameOffset
        self.argumentOffsets = argumentOffsets ?? Array(repeating: nameOffset, count: arguments.count)
        self.argumentTexts = argumentTexts ?? arguments.map(\.description)
        self.text = text ?? "\(name)(\(self.argumentTexts.joined(separator: ", ")))"
        self.function = IntrinsicFunction(rawValue: name)
    }

    public var description: String { text }

    /// Every path argument, in this call and the calls nested in it, in source order,
    /// with its offset: validation checks their variables and context fields.
    public var paths: [(path: JSONPath, offset: Int)] {
        var found: [(path: JSONPath, offset: Int)] = []
        for (argument, offset) in zip(arguments, argumentOffsets) {
            switch argument {
            case .path(let path): found.append((path, offset))
            case .call(let nested): found.append(contentsOf: nested.paths)
            default: break
            }
        }
        return found
    }
}

/// One argument of an intrinsic call.
public indirect enum IntrinsicArgument: Sendable, Hashable, CustomStringConvertible {
    /// A single-quoted literal with its escapes resolved (`'it\'s'` is `it's`).
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null
    /// `$.a`, `$$.Execution.Id`, `$`, `$myVariable.field`.
    case path(JSONPath)
    case call(IntrinsicCall)

    public var description: String {
        switch self {
        case .string(let s): "'" + IntrinsicParser.escape(s) + "'"
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .path(let p): p.text
        case .call(let c): c.text
        }
    }
}
