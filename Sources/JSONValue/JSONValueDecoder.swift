/// Decodes any `Decodable` from a `JSON` value, usually one `JSON.parse(utf8:)` just read.
///
/// The counterpart of `JSONValueEncoder`, for the same reason: Foundation's `JSONDecoder` costs
/// tens of microseconds per small record and a server decodes a request on every call. Failures
/// are the standard `DecodingError`s with the same coding paths Foundation reports, so callers
/// that map them to their own errors (AWS's `ValidationException`) need not know which decoder
/// ran: a missing member is `keyNotFound`, a `null` where a value is required `valueNotFound`,
/// a value of another JSON type `typeMismatch`, a number that does not fit `dataCorrupted`.
///
/// Numbers decode exactly: an `Int64` member reads any integer literal that fits (`2.0` and
/// `1e3` count, as in Foundation), a `Double` the nearest double.
public struct JSONValueDecoder: Sendable {
    /// Passed to every `init(from:)` as `decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from json: JSON) throws -> T {
        try JSONTreeDecoder(json, codingPath: [], userInfo: userInfo).decodeValue(T.self)
    }

    /// Parses `utf8` with the project's parser, then decodes. A parse failure is thrown as the
    /// parser's `JSONParseError`, which says where the text breaks.
    public func decode<T: Decodable>(_ type: T.Type, fromUTF8 utf8: [UInt8]) throws -> T {
        try decode(type, from: JSON.parse(utf8: utf8))
    }
}

/// The `Decoder` one JSON value is decoded with. Its coding path is joined only when read
/// (`CodingPathTail`).
struct JSONTreeDecoder: Decoder {
    let value: JSON
    private let tail: CodingPathTail
    let info: [CodingUserInfoKey: any Sendable]

    init(_ value: JSON, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.value = value
        self.tail = CodingPathTail(codingPath)
        self.info = userInfo
    }

    init(_ value: JSON, parentPath: [any CodingKey], key: any CodingKey, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.value = value
        self.tail = CodingPathTail(parentPath, key: key)
        self.info = userInfo
    }

    var codingPath: [any CodingKey] { tail.path }

    var userInfo: [CodingUserInfoKey: Any] { info }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let object):
            return KeyedDecodingContainer(JSONKeyedDecoder<Key>(decoder: self, object: object, codingPath: codingPath))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self, .init(codingPath: codingPath, debugDescription: "Expected an object but found null"))
        default:
            throw JSONTreeDecoder.mismatch([String: Any].self, value, codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let elements):
            return JSONUnkeyedDecoder(decoder: self, elements: elements, codingPath: codingPath)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self, .init(codingPath: codingPath, debugDescription: "Expected an array but found null"))
        default:
            throw JSONTreeDecoder.mismatch([Any].self, value, codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// A child's decoder: the member or element `value` at `path`.
    func child(_ value: JSON, at path: [any CodingKey]) -> JSONTreeDecoder {
        JSONTreeDecoder(value, codingPath: path, userInfo: info)
    }

    /// A child's decoder for the member or element `value` named `key` inside a container at
    /// `containerPath` (this decoder's path, which the container joined once).
    func child(_ value: JSON, in containerPath: [any CodingKey], key: any CodingKey) -> JSONTreeDecoder {
        JSONTreeDecoder(value, parentPath: containerPath, key: key, userInfo: info)
    }

    /// `value` as `T` when `T` is a primitive and `value` holds one, without a decoder (most
    /// members of a request are strings); nil to decode it the long way, which reports errors.
    static func primitive<T>(_ type: T.Type, _ value: JSON) -> T? {
        switch value {
        case .string(let string): return T.self == String.self ? string as? T : nil
        case .bool(let bool): return T.self == Bool.self ? bool as? T : nil
        case .number(let number):
            if T.self == Int.self { return number.int64Value.flatMap { Int(exactly: $0) } as? T }
            if T.self == Int64.self { return number.int64Value as? T }
            return nil
        default: return nil
        }
    }

    static func mismatch(_ type: Any.Type, _ value: JSON, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected \(type) but found a \(value.typeName)"))
    }

    /// Decodes this decoder's value as `T`; primitives without a round trip through `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self, let string = try decode(String.self) as? T { return string }
        if T.self == Int.self, let int = try decode(Int.self) as? T { return int }
        if T.self == Int64.self, let int = try decode(Int64.self) as? T { return int }
        if T.self == Bool.self, let bool = try decode(Bool.self) as? T { return bool }
        if T.self == Double.self, let double = try decode(Double.self) as? T { return double }
        return try T(from: self)
    }
}

extension JSONTreeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value.isNull }

    private func present<T>(_ type: T.Type) throws {
        if value.isNull {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead"))
        }
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        if case .bool(let bool) = value { return bool }
        try present(type)
        throw JSONTreeDecoder.mismatch(type, value, codingPath)
    }

    func decode(_ type: String.Type) throws -> String {
        if case .string(let string) = value { return string }
        try present(type)
        throw JSONTreeDecoder.mismatch(type, value, codingPath)
    }

    private func number<T>(_ type: T.Type) throws -> JSONNumber {
        if case .number(let number) = value { return number }
        try present(type)
        throw JSONTreeDecoder.mismatch(type, value, codingPath)
    }

    func decode(_ type: Double.Type) throws -> Double { try number(type).doubleValue }
    func decode(_ type: Float.Type) throws -> Float { Float(try number(type).doubleValue) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let number = try number(type)
        if let exact = number.int64Value.flatMap({ T(exactly: $0) }) { return exact }
        // UInt64 past Int64.max keeps its literal.
        if number.isIntegerLiteral, let exact = T(number.literal) { return exact }
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath, debugDescription: "Number \(number.literal) does not fit in \(type)"))
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
}
