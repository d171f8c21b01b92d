/// Checks that input is UTF-8 text YAML can read, before libyaml sees it, and maps
/// between byte offsets and 1-based line/column positions.
///
/// libyaml's own messages for bad bytes ("invalid leading UTF-8 octet") say nothing a
/// user can act on, and a binary file deserves to be called one.
enum TextCheck {
    /// The first problem: (byte offset, message), or nil when the text is readable.
    static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F || b == 0x0A || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            if b == 0 {
                return (i, "this is a binary file (it contains a NUL byte), not YAML text")
            }
            if b < 0x80 {
                return (i, "control character U+\(hex(UInt32(b))) is not allowed in YAML text")
            }
            guard let (scalar, length) = decode(bytes, at: i) else {
                return (i, "the file is not valid UTF-8 text (byte 0x\(hex(UInt32(b), width: 2))); save it as UTF-8")
            }
            // YAML's printable set: no C1 controls except NEL, no U+FFFE/U+FFFF.
            if scalar >= 0x80 && scalar < 0xA0 && scalar != 0x85 || scalar == 0xFFFE || scalar == 0xFFFF {
                return (i, "control character U+\(hex(scalar)) is not allowed in YAML text")
            }
            i += length
        }
        return nil
    }

    /// One UTF-8 sequence: its scalar value and length, or nil when malformed
    /// (overlong forms, surrogates and values past U+10FFFF included).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let b0 = bytes[i]
        let length: Int
        var scalar: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; scalar = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(b & 0x3F)
        }
        switch length {
        case 3 where scalar < 0x800 || (0xD800...0xDFFF).contains(scalar): return nil
        case 4 where scalar < 0x10000 || scalar > 0x10FFFF: return nil
        default: return (scalar, length)
        }
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset. Line breaks
    /// are counted as libyaml counts them: `\n`, `\r\n` and a lone `\r`.
    static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for i in 0..<min(offset, bytes.count) {
            if isLineBreak(at: i, in: bytes) {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80, bytes[i] != 0x0A, bytes[i] != 0x0D {
                column += 1
            }
        }
        return (line, column)
    }

    /// Whether the byte at `i` ends a line: `\n`, or a `\r` not followed by `\n`.
    private static func isLineBreak(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[i] == 0x0A || bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)
    }

    /// The byte offset of a 1-based line and column, or nil past the end.
    static func byteOffset(line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var currentLine = 1
        while currentLine < line {
            guard i < bytes.count else { return nil }
            if isLineBreak(at: i, in: bytes) { currentLine += 1 }
            i += 1
        }
        var currentColumn = 1
        while currentColumn < column, i < bytes.count {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            currentColumn += 1
        }
        return i < bytes.count ? i : nil
    }

    private static func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
