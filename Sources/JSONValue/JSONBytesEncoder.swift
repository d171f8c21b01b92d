/// Encodes any `Encodable` straight to compact JSON bytes, the same bytes
/// `JSONValueEncoder().encode(value).serializedUTF8(.compact)` gives, without building the
/// `JSON` tree in between.
///
/// A server encodes a response on every call, and for a small one the tree (a builder per
/// object, the conversion to `JSONObject`, then a second pass to serialize it) cost more
/// than the call itself. Here each member is written where it belongs as it is encoded.
///
/// Writing as it goes assumes what synthesized `Codable` and nearly every hand-written
/// `encode(to:)` do: a nested container is filled before its parent writes on, and no key is
/// encoded twice. A value that breaks either (a nested container written after its parent
/// moved on, a key repeated, a super encoder) makes `encode` return nil, and the caller
/// encodes it with `JSONValueEncoder`, which handles any order.
///
/// ```swift
/// let bytes = try JSONBytesEncoder().encode(output) ?? JSONValueEncoder().encode(output).serializedUTF8(.compact)
/// ```
public struct JSONBytesEncoder: Sendable {
    /// Passed to every `encode(to:)` as `encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    public init() {}

    /// The compact JSON of `value`, or nil when `value` uses its containers in an order this
    /// encoder cannot write in one pass. Throws what `JSONValueEncoder` throws (a number JSON
    /// cannot hold).
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8]? {
        let sink = JSONByteSink()
        if let json = try JSONTreeEncoder.primitive(value, at: []) {
            json.serialize(into: &sink.bytes)
            return sink.bytes
        }
        let encoder = JSONStreamEncoder(sink: sink, parentPath: [], key: nil, userInfo: userInfo)
        try value.encode(to: encoder)
        guard encoder.wroteSomething else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(T.self) encoded no value"))
        }
        sink.closeAll()
        return sink.failed ? nil : sink.bytes
    }
}

/// The bytes written so far and the containers still open, innermost last.
final class JSONByteSink {
    var bytes: [UInt8] = []
    /// Set when a value used its containers out of order; the bytes are then meaningless.
    var failed = false
    private var open: [OpenContainer] = []
    private var nextID = 0

    struct OpenContainer {
        var id: Int
        var closer: UInt8
        var isEmpty = true
        /// Keys written so far (objects only), to notice one written twice.
        var keys: [String] = []
    }

    init() { bytes.reserveCapacity(512) }

    /// Writes `opener` and opens a container; returns its id.
    func openContainer(_ opener: UInt8, closer: UInt8) -> Int {
        bytes.append(opener)
        nextID += 1
        open.append(OpenContainer(id: nextID, closer: closer))
        return nextID
    }

    /// Prepares to write the next member or element of container `id`: closes the containers
    /// opened inside it since, writes the separator. False (and `failed`) when `id` is closed
    /// already or `key` was written to it before.
    func beginEntry(in id: Int, key: String? = nil) -> Bool {
        guard !failed, let position = open.lastIndex(where: { $0.id == id }) else {
            failed = true
            return false
        }
        while open.count > position + 1 { bytes.append(open.removeLast().closer) }
        if let key {
            // Objects are small: a scan beats hashing.
            if open[position].keys.contains(key) {
                failed = true
                return false
            }
            if open[position].keys.isEmpty { open[position].keys.reserveCapacity(16) }
            open[position].keys.append(key)
        }
        if !open[position].isEmpty { bytes.append(UInt8(ascii: ",")) }
        open[position].isEmpty = false
        return true
    }

    func closeAll() {
        while let container = open.popLast() { bytes.append(container.closer) }
    }

    func writeKey(_ key: String) {
        JSON.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    func write(_ json: JSON) { json.serialize(into: &bytes) }
}

/// The `Encoder` of one value written to a `JSONByteSink`. Its coding path is joined only
/// when read (`CodingPathTail`).
final class JSONStreamEncoder: Encoder {
    let sink: JSONByteSink
    private let tail: CodingPathTail
    let info: [CodingUserInfoKey: any Sendable]
    /// The container this value opened, so asking for it again (allowed for keyed
    /// containers) continues it.
    private var objectID: Int?
    private var arrayID: Int?
    /// True once anything of this value is written.
    private(set) var wroteSomething = false

    init(sink: JSONByteSink, parentPath: [any CodingKey], key: (any CodingKey)?, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.sink = sink
        self.tail = CodingPathTail(parentPath, key: key)
        self.info = userInfo
    }

    var codingPath: [any CodingKey] { tail.path }
    var userInfo: [CodingUserInfoKey: Any] { info }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if objectID == nil {
            if wroteSomething { sink.failed = true }
            objectID = sink.openContainer(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
            wroteSomething = true
        }
        return KeyedEncodingContainer(JSONStreamKeyedEncoder<Key>(encoder: self, id: objectID ?? 0, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if arrayID == nil {
            if wroteSomething { sink.failed = true }
            arrayID = sink.openContainer(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
            wroteSomething = true
        }
        return JSONStreamUnkeyedEncoder(encoder: self, id: arrayID ?? 0, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONStreamSingleValueEncoder(encoder: self) }

    /// Called by the single value container: one value, written once.
    func markWritten() {
        if wroteSomething { sink.failed = true }
        wroteSomething = true
    }

    /// Writes a child value at the sink's position (after its key or separator); a type that
    /// encodes nothing writes `{}`, as `JSONValueEncoder` does.
    func writeChild<T: Encodable>(_ value: T, in containerPath: [any CodingKey], key: (any CodingKey)?) throws {
        if let json = try JSONTreeEncoder.primitive(value, at: key.map { containerPath + [$0] } ?? containerPath) {
            sink.write(json)
            return
        }
        let child = JSONStreamEncoder(sink: sink, parentPath: containerPath, key: key, userInfo: info)
        try value.encode(to: child)
        if !child.wroteSomething { sink.bytes.append(contentsOf: "{}".utf8) }
    }
}
