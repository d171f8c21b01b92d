import Crypto

extension JSON {
    /// The identity of a value: lowercase hex SHA-256 of its RFC 8785 canonical bytes.
    ///
    /// Key order, whitespace and number spelling do not change it (`{"a":1.0}` and
    /// `{ "a": 1 }` share it), so a rendered definition's identity changes only when
    /// its meaning does. Plans and deployment records compare these.
    public var canonicalSHA256: String {
        let digest = SHA256.hash(data: serializedUTF8(.canonical))
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        let digits = Array("0123456789abcdef".utf8)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
