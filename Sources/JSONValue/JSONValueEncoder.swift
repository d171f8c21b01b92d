/// Encodes any `Encodable` to a `JSON` value, for the fast serializer to write.
///
/// Foundation's `JSONEncoder` costs tens of microseconds per small record (it builds an
/// intermediate tree of its own, then writes through `Data`); a server encodes a response on
/// every request. This encoder builds `JSON` directly: members keep the order the type encodes
/// them in, integers stay exact (`Int64`), a `Double` is written in its shortest form, and
/// `nil` optionals encoded with `encodeIfPresent` (what synthesized `Codable` does) are left out.
///
/// ```swift
/// let json = try JSONValueEncoder().encode(["a": 1])   // {"a":1}
/// ```
public struct JSONValueEncoder: Sendable {
    /// Passed to every `encode(to:)` as `encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSON {
        let encoder = JSONTreeEncoder(codingPath: [], userInfo: userInfo)
        try value.encode(to: encoder)
        guard let node = encoder.node else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "\(T.self) encoded no value"))
        }
        return node.json
    }
}

/// A value under construction: containers handed out by `nestedContainer` are written after
/// they are attached to their parent, so they are shared by reference until `json` reads them.
enum JSONEncodingNode {
    case value(JSON)
    case object(JSONObjectBuilder)
    case array(JSONArrayBuilder)

    var json: JSON {
        switch self {
        case .value(let json): json
        case .object(let builder): .object(builder.object)
        case .array(let builder): .array(builder.elements.map(\.json))
        }
    }
}

final class JSONObjectBuilder {
    var keys: [String] = []
    var nodes: [JSONEncodingNode] = []

    /// A repeated key replaces its value in place, as `JSONObject` does.
    func set(_ key: String, _ node: JSONEncodingNode) {
        if let i = keys.firstIndex(of: key) {
            nodes[i] = node
        } else {
            keys.append(key)
            nodes.append(node)
        }
    }

    /// The keys are distinct (`set` replaces), so the object shares the `keys` array.
    var object: JSONObject {
        JSONObject(validatedKeys: keys, values: nodes.map(\.json), index: nil)
    }
}

final class JSONArrayBuilder {
    var elements: [JSONEncodingNode] = []
}

/// The `Encoder` one value is encoded with; `node` is what it wrote. Its coding path is joined
/// only when read (`CodingPathTail`).
final class JSONTreeEncoder: Encoder {
    private let tail: CodingPathTail
    let info: [CodingUserInfoKey: any Sendable]
    var node: JSONEncodingNode?

    init(codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.tail = CodingPathTail(codingPath)
        self.info = userInfo
    }

    init(parentPath: [any CodingKey], key: any CodingKey, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.tail = CodingPathTail(parentPath, key: key)
        self.info = userInfo
    }

    var codingPath: [any CodingKey] { tail.path }

    var userInfo: [CodingUserInfoKey: Any] { info }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: JSONObjectBuilder
        if case .object(let existing) = node {
            builder = existing
        } else {
            builder = JSONObjectBuilder()
            node = .object(builder)
        }
        return KeyedEncodingContainer(JSONKeyedEncoder<Key>(encoder: self, builder: builder, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let builder: JSONArrayBuilder
        if case .array(let existing) = node {
            builder = existing
        } else {
            builder = JSONArrayBuilder()
            node = .array(builder)
        }
        return JSONUnkeyedEncoder(encoder: self, builder: builder, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueEncoder(encoder: self) }

    /// Encodes a child value, the member `key` of a container at `containerPath` (or, without
    /// a key, the value at `containerPath` itself); primitives skip the child encoder altogether.
    func encodeChild<T: Encodable>(_ value: T, in containerPath: [any CodingKey], key: (any CodingKey)?) throws -> JSONEncodingNode {
        if let json = try JSONTreeEncoder.primitive(value, at: key.map { containerPath + [$0] } ?? containerPath) {
            return .value(json)
        }
        let child = key.map { JSONTreeEncoder(parentPath: containerPath, key: $0, userInfo: info) }
            ?? JSONTreeEncoder(codingPath: containerPath, userInfo: info)
        try value.encode(to: child)
        // A type that encodes nothing writes `{}`, as Foundation's encoder does.
        return child.node ?? .object(JSONObjectBuilder())
    }

    /// `path` is read only for a value JSON cannot hold (a non-finite `Double`).
    static func primitive(_ value: some Encodable, at path: @autoclosure () -> [any CodingKey]) throws -> JSON? {
        switch value {
        case let string as String: return .string(string)
        case let int as Int: return .number(JSONNumber(int))
        case let int as Int64: return .number(JSONNumber(int))
        case let bool as Bool: return .bool(bool)
        case let double as Double: return try number(double, at: path())
        default: return nil
        }
    }

    static func number(_ value: Double, at path: [any CodingKey]) throws -> JSON {
        guard let number = JSONNumber(exactly: value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "\(value) cannot be written in JSON"))
        }
        return .number(number)
    }

    static func integer<T: BinaryInteger>(_ value: T, at path: [any CodingKey]) throws -> JSON {
        if let exact = Int64(exactly: value) { return .number(JSONNumber(exact)) }
        // UInt64 past Int64.max: the decimal literal is still a valid JSON number.
        guard let number = JSONNumber(literal: String(value)) else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "not a JSON number"))
        }
        return .number(number)
    }
}
