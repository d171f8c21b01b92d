/// The three `Encodable` containers of `JSONStreamEncoder`. Each write first asks the sink to
/// make its container the innermost open one (`beginEntry`); primitives are written in place,
/// other values through a child encoder on the same sink.
struct JSONStreamKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONStreamEncoder
    let id: Int
    let codingPath: [any CodingKey]

    private var sink: JSONByteSink { encoder.sink }

    /// Writes `"key":` after the separator; false when the container cannot take it.
    private func begin(_ key: Key) -> Bool {
        let name = key.stringValue
        guard sink.beginEntry(in: id, key: name) else { return false }
        sink.writeKey(name)
        return true
    }

    private func write(_ json: JSON, forKey key: Key) {
        if begin(key) { sink.write(json) }
    }

    mutating func encodeNil(forKey key: Key) throws { write(.null, forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { write(.bool(value), forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        if begin(key) { JSON.appendQuoted(value, to: &sink.bytes) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        write(try JSONTreeEncoder.number(value, at: codingPath + [key]), forKey: key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        if begin(key) { JSON.appendInteger(Int64(value), to: &sink.bytes) }
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
        write(try JSONTreeEncoder.integer(value, at: codingPath + [key]), forKey: key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if begin(key) { try encoder.writeChild(value, in: codingPath, key: key) }
    }

    // What synthesized `Codable` calls for optional members, without the protocol default's
    // second trip through the type-erased box.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
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
        let nestedID = begin(key) ? sink.openContainer(UInt8(ascii: "{"), closer: UInt8(ascii: "}")) : 0
        return KeyedEncodingContainer(
            JSONStreamKeyedEncoder<NestedKey>(encoder: encoder, id: nestedID, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nestedID = begin(key) ? sink.openContainer(UInt8(ascii: "["), closer: UInt8(ascii: "]")) : 0
        return JSONStreamUnkeyedEncoder(encoder: encoder, id: nestedID, codingPath: codingPath + [key])
    }

    /// Super encoders may be written in any order: left to `JSONValueEncoder`.
    mutating func superEncoder() -> any Encoder { unsupportedEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedEncoder() }

    private func unsupportedEncoder() -> any Encoder {
        sink.failed = true
        return JSONStreamEncoder(sink: sink, parentPath: codingPath, key: nil, userInfo: encoder.info)
    }
}

struct JSONStreamUnkeyedEncoder: UnkeyedEncodingContainer {
    let encoder: JSONStreamEncoder
    let id: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(encoder: JSONStreamEncoder, id: Int, codingPath: [any CodingKey]) {
        self.encoder = encoder
        self.id = id
        self.codingPath = codingPath
    }

    private var sink: JSONByteSink { encoder.sink }
    private var nextKey: JSONCodingKey { JSONCodingKey(index: count) }

    /// Writes the separator; false when the container cannot take an element.
    private mutating func begin() -> Bool {
        defer { count += 1 }
        return sink.beginEntry(in: id)
    }

    private mutating func write(_ json: JSON) {
        if begin() { sink.write(json) }
    }

    mutating func encodeNil() throws { write(.null) }
    mutating func encode(_ value: Bool) throws { write(.bool(value)) }
    mutating func encode(_ value: String) throws {
        if begin() { JSON.appendQuoted(value, to: &sink.bytes) }
    }
    mutating func encode(_ value: Double) throws { write(try JSONTreeEncoder.number(value, at: codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws {
        if begin() { JSON.appendInteger(Int64(value), to: &sink.bytes) }
    }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private mutating func integer<T: BinaryInteger>(_ value: T) throws {
        write(try JSONTreeEncoder.integer(value, at: codingPath + [nextKey]))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = nextKey
        if begin() { try encoder.writeChild(value, in: codingPath, key: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [nextKey]
        let nestedID = begin() ? sink.openContainer(UInt8(ascii: "{"), closer: UInt8(ascii: "}")) : 0
        return KeyedEncodingContainer(JSONStreamKeyedEncoder<NestedKey>(encoder: encoder, id: nestedID, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [nextKey]
        let nestedID = begin() ? sink.openContainer(UInt8(ascii: "["), closer: UInt8(ascii: "]")) : 0
        return JSONStreamUnkeyedEncoder(encoder: encoder, id: nestedID, codingPath: path)
    }

    /// Left to `JSONValueEncoder`, as for keyed containers.
    mutating func superEncoder() -> any Encoder {
        sink.failed = true
        return JSONStreamEncoder(sink: sink, parentPath: codingPath, key: nil, userInfo: encoder.info)
    }
}

struct JSONStreamSingleValueEncoder: SingleValueEncodingContainer {
    let encoder: JSONStreamEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func write(_ json: JSON) {
        encoder.markWritten()
        encoder.sink.write(json)
    }

    mutating func encodeNil() throws { write(.null) }
    mutating func encode(_ value: Bool) throws { write(.bool(value)) }
    mutating func encode(_ value: String) throws {
        encoder.markWritten()
        JSON.appendQuoted(value, to: &encoder.sink.bytes)
    }
    mutating func encode(_ value: Double) throws { write(try JSONTreeEncoder.number(value, at: codingPath)) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws {
        encoder.markWritten()
        JSON.appendInteger(Int64(value), to: &encoder.sink.bytes)
    }
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
        encoder.markWritten()
        try encoder.writeChild(value, in: encoder.codingPath, key: nil)
    }
}
