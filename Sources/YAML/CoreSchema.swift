import JSONValue

/// The YAML 1.2 core schema, resolved straight from libyaml's scalar bytes.
///
/// Only plain (unquoted) scalars are resolved: `~`/`null`/empty are null, only the six
/// spellings of `true`/`false` are booleans (YAML 1.1's `yes`, `no`, `on`, `off` stay
/// strings, so `Country: NO` means Norway), decimal/octal/hex integers and decimal
/// floats are numbers. Numbers keep their exact value as a JSON literal (no `Double`
/// round trip: `0.1` stays `0.1`); `.inf` and `.nan` are recognised only to be refused,
/// because the result is JSON, which has neither.
enum CoreSchema {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// What a plain scalar means under the core schema.
    enum Resolution {
        case value(JSON)
        /// `.inf`, `-.inf` or `.nan`: a float JSON cannot represent.
        case nonFinite
    }

    static func resolvePlain(_ bytes: Bytes) -> Resolution {
        guard let first = bytes.first else { return .value(.null) }
        // Most scalars are names and words: one byte decides they are strings.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default:
            return .value(.string(text(bytes)))
        }
        if isNull(bytes) { return .value(.null) }
        if let b = bool(bytes) { return .value(.bool(b)) }
        if let n = integer(bytes) ?? float(bytes) { return .value(.number(n)) }
        if isNonFinite(bytes) { return .nonFinite }
        return .value(.string(text(bytes)))
    }

    static func text(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }

    static func isNull(_ bytes: Bytes) -> Bool {
        bytes.isEmpty || equals(bytes, "~") || equals(bytes, "null") || equals(bytes, "Null") || equals(bytes, "NULL")
    }

    static func bool(_ bytes: Bytes) -> Bool? {
        if equals(bytes, "true") || equals(bytes, "True") || equals(bytes, "TRUE") { return true }
        if equals(bytes, "false") || equals(bytes, "False") || equals(bytes, "FALSE") { return false }
        return nil
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`, as a decimal JSON number.
    static func integer(_ bytes: Bytes) -> JSONNumber? {
        guard !bytes.isEmpty else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return radixInteger(bytes[2...], radix: 8) }
            if bytes[1] == UInt8(ascii: "x") { return radixInteger(bytes[2...], radix: 16) }
        }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < bytes.count, bytes[i...].allSatisfy(isDigit) else { return nil }
        // JSON forbids leading zeros and `+`; the value is the same without them.
        while i < bytes.count - 1, bytes[i] == UInt8(ascii: "0") { i += 1 }
        let digits = bytes[i...]
        if digits.count <= 18 {
            var value: Int64 = 0
            for d in digits { value = value * 10 + Int64(d - UInt8(ascii: "0")) }
            return JSONNumber(negative ? -value : value)
        }
        return JSONNumber(literal: (negative ? "-" : "") + text(Bytes(rebasing: digits)))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, rewritten in JSON's grammar
    /// with the same value: `+1.` is `1`, `.5` is `0.5`, `007.5` is `7.5`.
    static func float(_ bytes: Bytes) -> JSONNumber? {
        guard !bytes.isEmpty else { return nil }
        var i = 0
        let n = bytes.count
        var out = ""
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            if bytes[0] == UInt8(ascii: "-") { out = "-" }
            i = 1
        }
        let intStart = i
        while i < n, isDigit(bytes[i]) { i += 1 }
        var intDigits = bytes[intStart..<i]
        var fraction: Slice<Bytes>?
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            fraction = bytes[fracStart..<i]
        }
        // Either `[0-9]+` before the point or `[0-9]+` after it.
        guard !intDigits.isEmpty || !(fraction?.isEmpty ?? true) else { return nil }
        var exponent: Slice<Bytes>?
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            let expStart = i
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            let digitsStart = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            guard i > digitsStart else { return nil }
            exponent = bytes[expStart..<i]
        }
        guard i == n else { return nil }
        while intDigits.count > 1, intDigits.first == UInt8(ascii: "0") { intDigits = intDigits.dropFirst() }
        out += intDigits.isEmpty ? "0" : text(Bytes(rebasing: intDigits))
        if let fraction, !fraction.isEmpty { out += "." + text(Bytes(rebasing: fraction)) }
        if let exponent { out += text(Bytes(rebasing: exponent)) }
        return JSONNumber(literal: out)
    }

    /// `[-+]?\.(inf|Inf|INF)` or `\.(nan|NaN|NAN)`.
    static func isNonFinite(_ bytes: Bytes) -> Bool {
        var rest = bytes[...]
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        for word in [".inf", ".Inf", ".INF"] where rest.elementsEqual(word.utf8) { return true }
        for word in [".nan", ".NaN", ".NAN"] where bytes.elementsEqual(word.utf8) { return true }
        return false
    }

    /// Octal or hex digits as a decimal number; past 64 bits the exact decimal literal.
    private static func radixInteger(_ digits: Slice<Bytes>, radix: UInt64) -> JSONNumber? {
        var values: [UInt8] = []
        values.reserveCapacity(digits.count)
        for byte in digits {
            guard let v = digitValue(byte), UInt64(v) < radix else { return nil }
            values.append(v)
        }
        var small: UInt64 = 0
        var overflow = false
        for v in values {
            let (shifted, o1) = small.multipliedReportingOverflow(by: radix)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(v))
            if o1 || o2 { overflow = true; break }
            small = sum
        }
        if !overflow, small <= UInt64(Int64.max) { return JSONNumber(Int64(small)) }
        return JSONNumber(literal: decimalText(values, radix: radix))
    }

    /// Base conversion in limbs of 10⁹, for integers too large for 64 bits.
    private static func decimalText(_ values: [UInt8], radix: UInt64) -> String {
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]  // little-endian, each < base
        for v in values {
            var carry = UInt64(v)
            for i in limbs.indices {
                let x = limbs[i] * radix + carry
                limbs[i] = x % base
                carry = x / base
            }
            while carry > 0 { limbs.append(carry % base); carry /= base }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    private static func digitValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func equals(_ bytes: Bytes, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount
            && word.withUTF8Buffer { bytes.elementsEqual($0) }
    }
}
