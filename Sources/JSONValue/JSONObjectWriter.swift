/// A type that writes its own members as compact JSON, bypassing `Codable`.
///
/// For the few types a server writes on every call (an API's hottest responses): through
/// `Codable`, each member costs a trip through a type-erased container and a generic call
/// that cannot be specialized across modules, about a microsecond apiece, which for a
/// small response is more than the rest of answering it. A conforming type must write
/// exactly what its `Encodable` conformance writes (the same keys, in the same order,
/// `nil` left out); a test per type compares the two byte for byte.
public protocol JSONBytesWritable {
    func writeMembers(to writer: inout JSONObjectWriter)
}

/// Writes one JSON object, member by member, into a byte buffer, as `JSONBytesEncoder`
/// would: compact, keys in the order written, a `nil` member left out.
public struct JSONObjectWriter {
    private(set) var bytes: [UInt8]
    private var isEmpty = true

    /// A writer continuing `bytes`, its `{` already written.
    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// The compact JSON object `value` writes.
    public static func bytes(of value: some JSONBytesWritable) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512)
        buffer.append(UInt8(ascii: "{"))
        var writer = JSONObjectWriter(bytes: buffer)
        value.writeMembers(to: &writer)
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// The separator and `"key":`. Keys are the API's member names: string literals.
    private mutating func begin(_ key: StaticString) {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        key.withUTF8Buffer { JSON.appendQuoted(utf8: $0, to: &bytes) }
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func write(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        begin(key)
        JSON.appendQuoted(value, to: &bytes)
    }

    public mutating func write(_ key: StaticString, _ value: Int64?) {
        guard let value else { return }
        begin(key)
        JSON.appendInteger(value, to: &bytes)
    }

    public mutating func write(_ key: StaticString, _ value: Int?) {
        write(key, value.map(Int64.init))
    }

    public mutating func write(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        begin(key)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// A number given as its JSON literal (a timestamp's `1732780800.123`), written as is.
    public mutating func write(_ key: StaticString, numberLiteral literal: String?) {
        guard let literal else { return }
        begin(key)
        bytes.append(contentsOf: literal.utf8)
    }

    /// A nested object.
    public mutating func write(_ key: StaticString, _ value: (some JSONBytesWritable)?) {
        guard let value else { return }
        begin(key)
        var nested = JSONObjectWriter(bytes: [])
        swap(&nested.bytes, &bytes)
        nested.bytes.append(UInt8(ascii: "{"))
        value.writeMembers(to: &nested)
        nested.bytes.append(UInt8(ascii: "}"))
        swap(&nested.bytes, &bytes)
    }
}
