extension JSON {
    /// The text of this value in `style`.
    public func serialized(_ style: JSONStyle = .compact) -> String {
        String(decoding: serializedUTF8(style), as: UTF8.self)
    }

    /// The UTF-8 bytes of this value in `style`, for writers and hashing (no `String` built).
    public func serializedUTF8(_ style: JSONStyle = .compact) -> [UInt8] {
        var serializer = JSONSerializer(style: style)
        serializer.write(self, depth: 0)
        return serializer.out
    }
}

extension JSON: CustomStringConvertible {
    /// The compact text.
    public var description: String { serialized() }
}
