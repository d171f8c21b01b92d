import Diagnostics

/// Error construction: positions, and descriptions of what was found instead.
///
/// Errors are rare, so positions are computed here by scanning from the start rather than
/// tracked while parsing: plain `parse` keeps no line counters at all.
extension JSONParser {
    func failure(
        _ kind: JSONParseError.Kind, _ message: String, at offset: Int, notes: [Diagnostic.Note] = []
    ) -> JSONParseError {
        JSONParseError(id: kind.id, message: message, location: location(of: offset), offset: offset, notes: notes)
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    func location(of offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var k = textStart
        let target = min(offset, end)
        while k < target {
            let byte = bytes[k]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// "<expectation>, found <token>", or a more precise error for what is at `i`:
    /// the end of input inside a container, invalid UTF-8, a comment, `NaN`, a misspelt literal.
    func unexpected(_ expectation: String, opener: Int? = nil, _ openerText: String = "") -> JSONParseError {
        var notes: [Diagnostic.Note] = []
        if let opener { notes.append(.init("'\(openerText)' opened here", at: location(of: opener))) }
        guard i < end else {
            if let innermost = frames.last { return unclosed(innermost.kind) }
            return failure(.syntax, "\(expectation), found end of input", at: i, notes: notes)
        }
        let byte = bytes[i]
        if byte >= 0x80, JSONParser.utf8SequenceLength(bytes, at: i) == nil { return invalidUTF8(at: i) }
        if byte == UInt8(ascii: "/"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "*") {
            return failure(.syntax, "comments are not allowed in JSON", at: i, notes: notes)
        }
        if JSONParser.isWordByte(byte), !JSONParser.isDigit(byte), byte != UInt8(ascii: "-") {
            let word = wordText(at: i)
            if word == "NaN" || word == "Infinity" { return notANumber(word, at: i) }
            let lowered = word.lowercased()
            if ["true", "false", "null"].contains(lowered), lowered != word {
                return failure(
                    .syntax, "\(expectation), found \"\(word)\"; did you mean \"\(lowered)\"?", at: i, notes: notes)
            }
        }
        if byte == UInt8(ascii: "'") {
            return failure(
                .syntax, "\(expectation), found \"'\"; JSON strings use double quotes", at: i, notes: notes)
        }
        return failure(.syntax, "\(expectation), found \(describeToken(at: i))", at: i, notes: notes)
    }

    /// The error for input that ends while `container` is open, with a note at its opener.
    func unclosed(_ container: Open) -> JSONParseError {
        let (opener, text, closer): (Int, String, String) =
            switch container {
            case .array(let opener): (opener, "[", "]")
            case .object(let opener): (opener, "{", "}")
            }
        let openedAt = location(of: opener)
        return failure(
            .unclosed, "unclosed '\(text)' opened at \(openedAt.line):\(openedAt.column); expected '\(closer)'",
            at: end, notes: [.init("'\(text)' opened here", at: openedAt)])
    }

    func trailingComma(before closer: String, at offset: Int) -> JSONParseError {
        failure(.syntax, "expected a value after ',', found '\(closer)' (JSON does not allow trailing commas)", at: offset)
    }

    func trailingContent() -> JSONParseError {
        let byte = bytes[i]
        if byte >= 0x80, JSONParser.utf8SequenceLength(bytes, at: i) == nil { return invalidUTF8(at: i) }
        if byte == UInt8(ascii: "/"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "*") {
            return failure(.syntax, "comments are not allowed in JSON", at: i)
        }
        return failure(
            .trailingContent, "unexpected \(describeToken(at: i)) after the end of the JSON document", at: i)
    }

    /// How a token reads in a message: `"x"`, `"NaN"`, `a string`, `U+0007`, `end of input`.
    func describeToken(at offset: Int) -> String {
        guard offset < end else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "\""): return "a string"
        case 0x0A: return "a line break"
        case 0x09: return "a tab"
        case 0..<0x20, 0x7F: return "U+00" + hex2(byte).uppercased()
        case 0x20: return "a space"
        case 0x80...:
            guard let length = JSONParser.utf8SequenceLength(bytes, at: offset) else {
                return "byte 0x\(hex2(byte))"
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
            return "\"\(text)\""
        default:
            if JSONParser.isWordByte(byte) { return "\"\(wordText(at: offset))\"" }
            return "\"\(Character(Unicode.Scalar(byte)))\""
        }
    }

    /// The run of word-like ASCII at `offset`, capped so a huge token stays readable.
    func wordText(at offset: Int) -> String {
        var k = offset
        while k < end, k - offset < 32, JSONParser.isWordByte(bytes[k]) { k += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<k]), as: UTF8.self)
    }
}
