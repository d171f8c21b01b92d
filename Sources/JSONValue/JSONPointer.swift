/// An RFC 6901 JSON Pointer (`/States/Load/Retry/0`): the address of a node inside a
/// document. Used to tie rendered definitions back to source positions, and as
/// AWS's location form in validation diagnostics.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One reference token. RFC 6901 tokens are text: `.index(0)` and `.key("0")` are the
    /// same token (equal and hashing alike), so a pointer parsed from `/States/0` finds the
    /// node the parser recorded for an object member named "0", and vice versa.
    public enum Token: Hashable, Sendable {
        case key(String)
        case index(Int)

        public static func == (lhs: Token, rhs: Token) -> Bool {
            switch (lhs, rhs) {
            case let (.key(a), .key(b)): a == b
            case let (.index(a), .index(b)): a == b
            default: lhs.text == rhs.text
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .key(let k): hasher.combine(k)
            case .index(let i): hasher.combine(String(i))
            }
        }

        public var text: String {
            switch self {
            case .key(let k): k
            case .index(let i): String(i)
            }
        }
    }

    public var tokens: [Token]

    public init(_ tokens: [Token] = []) { self.tokens = tokens }
    public init(arrayLiteral elements: Token...) { self.tokens = elements }

    public static let root = JSONPointer()

    public var isRoot: Bool { tokens.isEmpty }
    public var parent: JSONPointer? { tokens.isEmpty ? nil : JSONPointer(Array(tokens.dropLast())) }
    public var last: Token? { tokens.last }

    // Renderers build a pointer per node: one allocation each (`tokens + [token]` made two).
    public func appending(_ key: String) -> JSONPointer { appending(Token.key(key)) }
    public func appending(_ index: Int) -> JSONPointer { appending(Token.index(index)) }

    public func appending(_ token: Token) -> JSONPointer {
        var result = [Token]()
        result.reserveCapacity(tokens.count + 1)
        result.append(contentsOf: tokens)
        result.append(token)
        return JSONPointer(result)
    }

    public func appending(_ other: JSONPointer) -> JSONPointer {
        if tokens.isEmpty { return other }
        if other.tokens.isEmpty { return self }
        return JSONPointer(tokens + other.tokens)
    }

    /// RFC 6901 text: `~` and `/` in keys are escaped as `~0` and `~1`.
    public var description: String {
        tokens.map { "/" + $0.text.replacing("~", with: "~0").replacing("/", with: "~1") }.joined()
    }

    /// AWS's location form in ValidateStateMachineDefinition diagnostics: the same
    /// path with keys left unescaped (`/States/My/State/Next` is not re-escaped).
    public var awsLocation: String {
        tokens.map { "/" + $0.text }.joined()
    }

    /// Parses RFC 6901 text; numeric tokens become `.index` tokens.
    public init?(parsing text: String) {
        if text.isEmpty { self.init(); return }
        guard text.hasPrefix("/") else { return nil }
        let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        self.init(parts.map { part in
            let key = String(part).replacing("~1", with: "/").replacing("~0", with: "~")
            if let i = Int(key), i >= 0, String(i) == key { return .index(i) }
            return .key(key)
        })
    }

    /// The node this pointer addresses inside `document`, if present.
    public func resolve(in document: JSON) -> JSON? {
        var node = document
        for token in tokens {
            switch (token, node) {
            case (.key(let k), .object(let o)): guard let next = o[k] else { return nil }; node = next
            case (.index(let i), .array(let a)): guard a.indices.contains(i) else { return nil }; node = a[i]
            case (.index(let i), .object(let o)): guard let next = o[String(i)] else { return nil }; node = next
            default: return nil
            }
        }
        return node
    }
}

extension JSONPointer.Token: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// `["States", "Load", 0]` reads as a pointer in code and tests.
    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}
