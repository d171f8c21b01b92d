/// Entry points for writers that build a larger document around JSON values in a byte
/// buffer of their own (the execution store's rows): the value, or a string, appended
/// exactly as `serializedUTF8` would write it, with no intermediate `String` or array.
extension JSON {
    /// Appends this value's text in `style` to `buffer`.
    public func serialize(into buffer: inout [UInt8], _ style: JSONStyle = .compact) {
        var serializer = JSONSerializer(style: style, appendingTo: [])
        swap(&serializer.out, &buffer)
        serializer.write(self, depth: 0)
        swap(&serializer.out, &buffer)
    }

    /// Appends `string` as a JSON string literal (quotes and the minimal escapes every
    /// style uses) to `buffer`.
    public static func appendQuoted(_ string: String, to buffer: inout [UInt8]) {
        var string = string
        string.withUTF8 { appendQuoted(utf8: $0, to: &buffer) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal to `buffer`: what `appendQuoted`
    /// writes for the `String` of those bytes. A writer that nests one document's text
    /// inside another as a string (a payload kept as its compact text) uses it without
    /// making that text a `String`.
    public static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        for k in 0..<bytes.count {
            let byte = bytes[k]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < k { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k])) }
            runStart = k + 1
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            default:
                buffer += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                buffer += hex2(byte).utf8
            }
        }
        if runStart < bytes.count {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `value` in decimal, as the serializer writes integers.
    public static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        var serializer = JSONSerializer(style: .compact, appendingTo: [])
        swap(&serializer.out, &buffer)
        serializer.writeInteger(value)
        swap(&serializer.out, &buffer)
    }

    /// Whether this value and `other` are the same stored value, not merely equal: the
    /// same array or object storage, which copy-on-write never changes while both exist.
    /// Constant time; false for scalars and strings (cheap to write again anyway). A
    /// writer caches a serialized payload behind it (a state's output is the next state's
    /// input, the very same value).
    public func sharesStorage(with other: JSON) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            return !a.isEmpty && Self.sameBuffer(a.keys, b.keys) && Self.sameBuffer(a.values, b.values)
        case (.array(let a), .array(let b)):
            return !a.isEmpty && Self.sameBuffer(a, b)
        default:
            return false
        }
    }

    private static func sameBuffer<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
        }
    }
}

extension JSONSerializer {
    /// A serializer over `out` without reserving a buffer of its own: callers swap theirs in.
    init(style: JSONStyle, appendingTo out: [UInt8]) {
        self.style = style
        self.out = out
    }
}
