/// Numbers: RFC 8259 grammar, integers that fit 64 bits decoded on the fly, everything
/// else kept as its exact literal.
extension JSONParser {
    /// Reads a number starting at `i` (a `-` or a digit).
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = i
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < end, JSONParser.isDigit(bytes[i]) else {
            if i < end, JSONParser.isWordByte(bytes[i]) {
                let word = wordText(at: start)
                if word == "-Infinity" { throw notANumber(word, at: start) }
            }
            throw failure(.invalidNumber, "expected a digit after '-' in number, found \(describeToken(at: i))", at: i)
        }

        // Integer part, accumulated while it fits (the common case is a small integer).
        var magnitude: UInt64 = 0
        var fits = true
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, JSONParser.isDigit(bytes[i]) {
                while i < end, JSONParser.isDigit(bytes[i]) { i += 1 }
                let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                throw failure(.invalidNumber, "leading zeros are not allowed in numbers: \"\(literal)\"", at: start)
            }
        } else {
            while i < end, JSONParser.isDigit(bytes[i]) {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[i] &- UInt8(ascii: "0")))
                if overflow1 || overflow2 { fits = false } else { magnitude = sum }
                i += 1
            }
        }

        var isInteger = true
        if i < end, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < end, JSONParser.isDigit(bytes[i]) else {
                throw failure(.invalidNumber, "expected a digit after '.' in number, found \(describeToken(at: i))", at: i)
            }
            while i < end, JSONParser.isDigit(bytes[i]) { i += 1 }
        }
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, JSONParser.isDigit(bytes[i]) else {
                throw failure(
                    .invalidNumber, "expected a digit in the exponent of number, found \(describeToken(at: i))", at: i)
            }
            while i < end, JSONParser.isDigit(bytes[i]) { i += 1 }
        }

        if isInteger, fits {
            if !negative, magnitude <= UInt64(Int64.max) { return JSONNumber(Int64(magnitude)) }
            // `-0` keeps its literal: it is not the integer 0 to every reader.
            if negative, magnitude != 0, magnitude <= UInt64(Int64.max) + 1 {
                return JSONNumber(Int64(bitPattern: 0 &- magnitude))
            }
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        return JSONNumber(uncheckedLiteral: literal)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    func notANumber(_ word: String, at offset: Int) -> JSONParseError {
        failure(.invalidNumber, "\"\(word)\" is not a JSON value (JSON numbers must be finite)", at: offset)
    }
}
