import Crypto

/// The text transformations of SigV4's canonical request: percent-encoding with the RFC 3986
/// unreserved set, path normalisation, header value folding, and hex digests.
///
/// These are exactly the places where two implementations of SigV4 usually disagree, so each
/// rule is one small function named after it and exercised by the AWS test vectors.
enum SigV4Encoding {
    /// Percent-encodes every byte of the UTF-8 form except `A-Z a-z 0-9 - . _ ~`; with
    /// `keepingSlashes`, `/` too (for paths). Uppercase hex, as SigV4 requires.
    static func percentEncode(_ text: String, keepingSlashes: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%"
                result.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte & 0x0F)]))
            }
        }
        return result
    }

    /// Decodes `%XX` escapes (a malformed escape stays as written) so a query given either
    /// encoded or raw canonicalises to the same text. `+` is not a space here: SigV4 query
    /// strings are RFC 3986, not HTML forms.
    static func percentDecode(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Removes empty and `.` segments and resolves `..` (never above the root), keeping a
    /// trailing slash: `//example//` → `/example/`, `/example1/example2/../..` → `/`.
    static func normalizePath(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        if segments.isEmpty { return "/" }
        let joined = "/" + segments.joined(separator: "/")
        return path.hasSuffix("/") ? joined + "/" : joined
    }

    /// A header value as SigV4 signs it: trimmed, with every run of whitespace (including the
    /// line breaks of obs-folded values) collapsed to one space.
    static func foldHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }

    /// Lowercase hex of the bytes, as every digest and signature in SigV4 is written.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var result = ""
        for byte in bytes {
            result.unicodeScalars.append(Unicode.Scalar(lowerHexDigits[Int(byte >> 4)]))
            result.unicodeScalars.append(Unicode.Scalar(lowerHexDigits[Int(byte & 0x0F)]))
        }
        return result
    }

    /// Hex SHA-256 of the bytes: the payload hash and the canonical request hash.
    static func sha256Hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hex(hasher.finalize())
    }

    /// HMAC-SHA256 of `message` under `key`: one step of the signing-key derivation.
    static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerHexDigits = Array("0123456789abcdef".utf8)
}
