/// The three `Encodable` containers of `JSONTreeEncoder`. Primitives are written straight into
/// the parent's builder; only nested types get an encoder of their own.
struct JSONKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    let builder: JSONObjectBuilder
    let codingPath: [any CodingKey]

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    mutating func encodeNil(forKey key: Key) throws { builder.set(key.stringValue, .value(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { builder.set(key.stringValue, .value(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        builder.set(key.stringValue, .value(.string(value)))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        builder.set(key.stringValue, .value(try JSONTreeEncoder.number(value, at: path(key))))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        builder.set(key.stringValue, .value(try JSONTreeEncoder.number(Double(value), at: path(key))))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        builder.set(key.stringValue, .value(.number(JSONNumber(value))))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    private func integer<T: BinaryInteger>(_ value: T, _ key: Key) throws {
        builder.set(key.stringValue, .value(try JSONTreeEncoder.integer(value, at: path(key))))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        builder.set(key.stringValue, try encoder.encodeChild(value, in: codingPath, key: key))
    }

    // `encodeIfPresent` is what synthesized `Codable` calls for every optional member; the
    // protocol's default reaches `encode` through the type-erased box a second time.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { builder.set(key.stringValue, .value(.string(value))) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { builder.set(key.stringValue, .value(.bool(value))) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { builder.set(key.stringValue, .value(.number(JSONNumber(value)))) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try integer(value, key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBuilder()
        builder.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(
            JSONKeyedEncoder<NestedKey>(encoder: encoder, builder: nested, codingPath: path(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBuilder()
        builder.set(key.stringValue, .array(nested))
        return JSONUnkeyedEncoder(encoder: encoder, builder: nested, codingPath: path(key))
    }

    mutating func superEncoder() -> any Encoder {
        attachedEncoder(key: "super", path: codingPath + [JSONCodingKey("super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        attachedEncoder(key: key.stringValue, path: path(key))
    }

    private func attachedEncoder(key: String, path: [any CodingKey]) -> any Encoder {
        let child = JSONTreeEncoder(codingPath: path, userInfo: encoder.info)
        let nested = JSONObjectBuilder()
        child.node = .object(nested)
        builder.set(key, .object(nested))
        return child
    }
}

struct JSONUnkeyedEncoder: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    let builder: JSONArrayBuilder
    let codingPath: [any CodingKey]

    var count: Int { builder.elements.count }

    private var nextPath: [any CodingKey] { codingPath + [JSONCodingKey(index: count)] }

    mutating func encodeNil() throws { builder.elements.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { builder.elements.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { builder.elements.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws {
        builder.elements.append(.value(try JSONTreeEncoder.number(value, at: nextPath)))
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { builder.elements.append(.value(.number(JSONNumber(value)))) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private func integer<T: BinaryInteger>(_ value: T) throws {
        builder.elements.append(.value(try JSONTreeEncoder.integer(value, at: nextPath)))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        builder.elements.append(try encoder.encodeChild(value, in: codingPath, key: JSONCodingKey(index: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        let nested = JSONObjectBuilder()
        builder.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedEncoder<NestedKey>(encoder: encoder, builder: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        let nested = JSONArrayBuilder()
        builder.elements.append(.array(nested))
        return JSONUnkeyedEncoder(encoder: encoder, builder: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONTreeEncoder(codingPath: nextPath, userInfo: encoder.info)
        let nested = JSONObjectBuilder()
        child.node = .object(nested)
        builder.elements.append(.object(nested))
        return child
    }
}

struct JSONSingleValueEncoder: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func write(_ json: JSON) { encoder.node = .value(json) }

    mutating func encodeNil() throws { write(.null) }
    mutating func encode(_ value: Bool) throws { write(.bool(value)) }
    mutating func encode(_ value: String) throws { write(.string(value)) }
    mutating func encode(_ value: Double) throws { write(try JSONTreeEncoder.number(value, at: codingPath)) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { write(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private func integer<T: BinaryInteger>(_ value: T) throws {
        write(try JSONTreeEncoder.integer(value, at: codingPath))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try encoder.encodeChild(value, in: codingPath, key: nil)
    }
}

/// A coding key for array positions and `super`: `intValue` is the 0-based position.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
