/// The minimal number form of RFC 8785 (JSON Canonicalization Scheme).
///
/// JCS writes a number as ECMAScript's `Number.prototype.toString` writes its double:
/// the shortest digits that read back the same value, plain notation from 1e-6 up to
/// 1e21, exponent notation (`1e-7`, `1e+21`) outside it.
///
/// Two documented deviations, both to stay exact and total:
/// - integers held as `Int64` print all their digits, even past 2^53 where a double
///   would round (`9007199254740993` stays itself); AWS's own services keep them exact.
/// - a literal whose value overflows a double (`1e400`) has no ECMAScript form (JCS
///   calls it an error); it is written exactly, in the same layout (`1E400` → `1e+400`),
///   rather than failing a render.
extension JSONNumber {
    /// The RFC 8785 form: `1.0` → `1`, `1e2` → `100`, `1E-7` → `1e-7`, `-0` → `0`.
    public var canonicalLiteral: String {
        switch storage {
        case .integer(let i): return String(i)
        case .literal(let text):
            if JSONNumber.isPlainCanonicalDecimal(text) { return text }
            if let value = Double(text), value.isFinite { return JSONNumber.ecmaScriptString(value) }
            let (negative, digits, exponent) = JSONNumber.decimalParts(text)
            return JSONNumber.ecmaScriptLayout(negative: negative, digits: digits, exponent: exponent)
        }
    }

    /// Whether a literal already is its own ECMAScript form, the common case (`0.5`, `2.75`):
    /// a fraction without exponent or trailing zeros, at most 15 significant digits (so its
    /// double's shortest digits are exactly these) and at least 1e-6 (plain notation).
    static func isPlainCanonicalDecimal(_ literal: String) -> Bool {
        var significant = 0
        var leadingZeros = 0
        var seenPoint = false
        var seenNonZero = false
        var last: UInt8 = 0
        for byte in literal.utf8 {
            switch byte {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "-"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if byte != UInt8(ascii: "0") { seenNonZero = true }
                if seenNonZero { significant += 1 } else if seenPoint { leadingZeros += 1 }
            default: return false  // an exponent
            }
            last = byte
        }
        return seenPoint && seenNonZero && last != UInt8(ascii: "0") && significant <= 15 && leadingZeros <= 5
    }

    /// ECMAScript's Number::toString(x) for a finite double (ECMA-262, 7.1.12.1), built
    /// from Swift's shortest round-trip digits.
    static func ecmaScriptString(_ value: Double) -> String {
        if value == 0 { return "0" }
        let (digits, exponent) = shortestDigits(value.magnitude)
        return ecmaScriptLayout(negative: value < 0, digits: digits, exponent: exponent)
    }

    /// Lays out 0.d1d2…dk × 10^n as ECMA-262 does: `digits` are `s` (no leading or
    /// trailing zeros), k their count, n the `exponent`.
    static func ecmaScriptLayout(negative: Bool, digits: [UInt8], exponent: Int) -> String {
        if digits.isEmpty { return "0" }
        let k = digits.count
        let n = exponent
        var out: [UInt8] = []
        out.reserveCapacity(k + 8)
        if negative { out.append(UInt8(ascii: "-")) }
        if k <= n && n <= 21 {
            out += digits
            out += repeatElement(UInt8(ascii: "0"), count: n - k)
        } else if 0 < n && n <= 21 {
            out += digits[0..<n]
            out.append(UInt8(ascii: "."))
            out += digits[n...]
        } else if -6 < n && n <= 0 {
            out += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            out += repeatElement(UInt8(ascii: "0"), count: -n)
            out += digits
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out += digits[1...]
            }
            out.append(UInt8(ascii: "e"))
            out.append(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out += String((n - 1).magnitude).utf8
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The shortest significant digits of a positive finite double and its exponent.
    /// Swift's `description` already prints the shortest round-trip digits (`1.2345e+20`,
    /// `0.001`, `100.0`); this only takes its text apart.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        let parts = decimalParts(value.description)
        return (parts.digits, parts.exponent)
    }

    /// The exact decimal value of a valid literal as sign, significant digits and exponent
    /// (value = 0.digits × 10^exponent). Exponents past ±10^15 saturate.
    static func decimalParts(_ literal: String) -> (negative: Bool, digits: [UInt8], exponent: Int) {
        let bytes = Array(literal.utf8)
        var k = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { k += 1 }
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        while k < bytes.count, bytes[k] | 0x20 != UInt8(ascii: "e") {
            if bytes[k] == UInt8(ascii: ".") { pointPosition = digits.count } else { digits.append(bytes[k]) }
            k += 1
        }
        var exponent = 0
        if k < bytes.count {
            k += 1
            var exponentNegative = false
            if k < bytes.count, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") {
                exponentNegative = bytes[k] == UInt8(ascii: "-")
                k += 1
            }
            while k < bytes.count {
                exponent = min(exponent * 10 + Int(bytes[k] &- UInt8(ascii: "0")), 1_000_000_000_000_000)
                k += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        var n = (pointPosition ?? digits.count) + exponent
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (negative, digits, n)
    }
}
