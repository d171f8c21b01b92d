/// The keyed and unkeyed `Decodable` containers of `JSONTreeDecoder`. Every member is read
/// through a child decoder, so each failure carries the member's full coding path.
struct JSONKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONTreeDecoder
    let object: JSONObject
    /// The decoder's path, joined once for all the members.
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object.position(of: key.stringValue) != nil }

    /// The member's value; `keyNotFound` (with the container's path) when it is absent.
    private func memberValue(_ key: Key) throws -> JSON {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'"))
        }
        return value
    }

    /// The member's decoder; `keyNotFound` (with the container's path) when it is absent.
    private func member(_ key: Key) throws -> JSONTreeDecoder {
        decoder.child(try memberValue(key), in: codingPath, key: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).value.isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let value = try memberValue(key)
        if case .string(let string) = value { return string }
        return try decoder.child(value, in: codingPath, key: key).decode(type)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = try memberValue(key)
        if let primitive = JSONTreeDecoder.primitive(type, value) { return primitive }
        return try decoder.child(value, in: codingPath, key: key).decodeValue(type)
    }

    /// One lookup for `decodeIfPresent` (the default implementation looks a member up twice);
    /// an absent member and `null` both read as nil.
    private func presentMember(_ key: Key) -> JSONTreeDecoder? {
        guard let value = object[key.stringValue], !value.isNull else { return nil }
        return decoder.child(value, in: codingPath, key: key)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try presentMember(key)?.decode(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        if case .string(let string)? = object[key.stringValue] { return string }
        return try presentMember(key)?.decode(type)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try presentMember(key)?.decode(type)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentMember(key)?.decode(type) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try presentMember(key)?.decode(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = object[key.stringValue], !value.isNull else { return nil }
        if let primitive = JSONTreeDecoder.primitive(type, value) { return primitive }
        return try decoder.child(value, in: codingPath, key: key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try member(key).unkeyedContainer()
    }

    /// `super` decodes the member named "super", or `null` when there is none, as Foundation does.
    func superDecoder() throws -> any Decoder {
        decoder.child(object["super"] ?? .null, at: codingPath + [JSONCodingKey("super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(object[key.stringValue] ?? .null, in: codingPath, key: key)
    }
}

struct JSONUnkeyedDecoder: UnkeyedDecodingContainer {
    let decoder: JSONTreeDecoder
    let elements: [JSON]
    /// The decoder's path, joined once for all the elements.
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(decoder: JSONTreeDecoder, elements: [JSON], codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.elements = elements
        self.codingPath = codingPath
    }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element's decoder, advancing past it; `valueNotFound` past the end.
    private mutating func next<T>(_ type: T.Type) throws -> JSONTreeDecoder {
        let key = JSONCodingKey(index: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath + [key], debugDescription: "Unkeyed container is at end"))
        }
        defer { currentIndex += 1 }
        return decoder.child(elements[currentIndex], in: codingPath, key: key)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if !isAtEnd, let primitive = JSONTreeDecoder.primitive(type, elements[currentIndex]) {
            currentIndex += 1
            return primitive
        }
        return try next(type).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}
