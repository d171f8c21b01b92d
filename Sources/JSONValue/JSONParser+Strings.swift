/// Strings: a fast path for the common case (no escapes), UTF-8 validated as it is read.
extension JSONParser {
    /// Reads a string starting at its opening quote `i`, leaving `i` after the closing quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let opener = i
        i += 1
        let start = i
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(opener: opener, from: start) }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte < 0x80 {
                i += 1
            } else {
                i += try utf8Sequence()
            }
        }
        throw unclosedString(opener: opener)
    }

    /// The slow path: copies into `scratch`, decoding escapes, from the first backslash on.
    mutating func parseEscapedString(opener: Int, from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < end {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape()
            case 0..<0x20:
                throw controlCharacter(byte)
            case 0x20..<0x80:
                // Copies the run of plain ASCII up to the next quote, escape or other byte at
                // once: stored definitions are long strings with an escape every few bytes.
                let run = i
                i += 1
                while i < end, bytes[i] >= 0x20, bytes[i] < 0x80, bytes[i] != UInt8(ascii: "\\"), bytes[i] != UInt8(ascii: "\"") {
                    i += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            default:
                let length = try utf8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                i += length
            }
        }
        throw unclosedString(opener: opener)
    }

    /// Decodes the escape at `i` (a backslash) into `scratch`.
    mutating func appendEscape() throws(JSONParseError) {
        let backslash = i
        guard i + 1 < end else { throw unclosedStringAtEnd() }
        let simple: UInt8
        switch bytes[i + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            try appendUnicodeEscape()
            return
        default:
            i += 1
            if bytes[i] < 0x20 || bytes[i] >= 0x80 {
                throw failure(.invalidEscape, "invalid escape in string: '\\' followed by \(describeToken(at: i))", at: backslash)
            }
            let character = Character(Unicode.Scalar(bytes[i]))
            throw failure(
                .invalidEscape,
                "invalid escape \"\\\(character)\" in string (valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                at: backslash)
        }
        scratch.append(simple)
        i += 2
    }

    /// Decodes `\uXXXX`, pairing a high surrogate with the low surrogate that must follow it.
    mutating func appendUnicodeEscape() throws(JSONParseError) {
        let backslash = i
        let unit = try hexQuad(at: i + 2, escapeAt: backslash)
        i += 6
        var scalarValue = UInt32(unit)
        switch unit {
        case 0xD800...0xDBFF:
            guard i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                let low = try? hexQuad(at: i + 2, escapeAt: i), (0xDC00...0xDFFF).contains(low)
            else {
                throw loneSurrogate(unit, at: backslash)
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            i += 6
        case 0xDC00...0xDFFF:
            throw loneSurrogate(unit, at: backslash)
        default:
            break
        }
        // Every value reaching here is a valid scalar: surrogates were paired or rejected.
        guard let scalar = Unicode.Scalar(scalarValue) else { throw loneSurrogate(unit, at: backslash) }
        appendUTF8(scalar.value)
    }

    mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(value >> 6))
            scratch.append(0x80 | UInt8(value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(value >> 12))
            scratch.append(0x80 | UInt8((value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(value >> 18))
            scratch.append(0x80 | UInt8((value >> 12) & 0x3F))
            scratch.append(0x80 | UInt8((value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// The four hex digits of a `\u` escape.
    func hexQuad(at start: Int, escapeAt backslash: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for k in 0..<4 {
            let position = start + k
            guard position < end else { throw unclosedStringAtEnd() }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw failure(
                    .invalidEscape, "invalid \\u escape: expected 4 hex digits, found \(describeToken(at: position))",
                    at: backslash)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    func loneSurrogate(_ unit: UInt16, at offset: Int) -> JSONParseError {
        let hex = String(unit, radix: 16)
        return failure(
            .invalidEscape,
            "unpaired surrogate \"\\u\(hex)\" in string (a \\ud800-\\udbff escape must be followed by a \\udc00-\\udfff escape)",
            at: offset)
    }

    func controlCharacter(_ byte: UInt8) -> JSONParseError {
        let (name, escape): (String, String) =
            switch byte {
            case 0x0A: ("line break", "\\n")
            case 0x0D: ("carriage return", "\\r")
            case 0x09: ("tab", "\\t")
            default: ("control character U+00" + hex2(byte).uppercased(), "\\u" + hex4(UInt16(byte)))
            }
        return failure(.controlCharacter, "unescaped \(name) in string; write it as \"\(escape)\"", at: i)
    }

    func unclosedString(opener: Int) -> JSONParseError {
        let openedAt = location(of: opener)
        return failure(
            .unclosed, "unclosed string opened at \(openedAt.line):\(openedAt.column)", at: i,
            notes: [.init("the string starts here", at: openedAt)])
    }

    func unclosedStringAtEnd() -> JSONParseError {
        failure(.unclosed, "unclosed string: the input ends inside an escape", at: end)
    }

    /// Validates the multi-byte UTF-8 sequence at `i` and returns its length
    /// (Unicode 15, table 3-7: no overlongs, no surrogates, nothing past U+10FFFF).
    func utf8Sequence() throws(JSONParseError) -> Int {
        guard let length = JSONParser.utf8SequenceLength(bytes, at: i) else { throw invalidUTF8(at: i) }
        return length
    }

    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let end = bytes.count
        func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            i + k < end && range.contains(bytes[i + k])
        }
        switch bytes[i] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    func invalidUTF8(at offset: Int) -> JSONParseError {
        failure(
            .invalidUTF8, "invalid UTF-8 byte 0x\(hex2(bytes[offset])); JSON text must be UTF-8", at: offset)
    }
}

func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
}

func hex4(_ unit: UInt16) -> String { hex2(UInt8(unit >> 8)) + hex2(UInt8(unit & 0xFF)) }
