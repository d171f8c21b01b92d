/// A JSON number kept exactly as written.
///
/// Integers that fit in 64 bits are held as `Int64`; everything else keeps its
/// literal text, so `0.1` serializes as `0.1` and `12345678901234567890` survives a
/// round trip. Arithmetic converts to `Double` only when asked.
public struct JSONNumber: Sendable, CustomStringConvertible {
    enum Storage: Sendable {
        case integer(Int64)
        /// A valid JSON number literal that is not an `Int64` (a fraction, an exponent,
        /// `-0`, or an integer outside 64 bits).
        case literal(String)
    }

    let storage: Storage

    public init(_ value: Int64) { storage = .integer(value) }
    public init(_ value: Int) { storage = .integer(Int64(value)) }

    /// A finite double, written in the shortest form that reads back the same value
    /// (`1.0` becomes `1`); nil for NaN and infinities, which JSON cannot hold.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 9.0e15, !(value == 0 && value.sign == .minus) {
            storage = .integer(Int64(value))
        } else {
            storage = .literal(JSONNumber.shortest(value))
        }
    }

    /// Like `init?(exactly:)`; a non-finite value becomes 0.
    public init(_ value: Double) { self = JSONNumber(exactly: value) ?? JSONNumber(0) }

    /// A number from its JSON literal text; nil when the text is not a valid JSON number.
    public init?(literal: String) {
        guard JSONNumber.isValidLiteral(literal.utf8) else { return nil }
        self.init(validatedLiteral: literal)
    }

    /// For parsers that already checked the grammar.
    init(validatedLiteral literal: String) {
        if let i = Int64(literal), literal != "-0" { storage = .integer(i) } else { storage = .literal(literal) }
    }

    /// For the parser, which already decoded every literal that fits `Int64`.
    init(uncheckedLiteral literal: String) { storage = .literal(literal) }

    /// The text as written (integers in their plain decimal form).
    public var literal: String {
        switch storage {
        case .integer(let i): String(i)
        case .literal(let s): s
        }
    }

    public var description: String { literal }

    /// The value when it is an integer representable in 64 bits (`2.0` and `1e3` count).
    public var int64Value: Int64? {
        switch storage {
        case .integer(let i): return i
        case .literal:
            let d = doubleValue
            guard d == d.rounded(), abs(d) < 9.2e18 else { return nil }
            return Int64(d)
        }
    }

    /// The value as a `Double` (may round, as any JSON consumer would).
    public var doubleValue: Double {
        switch storage {
        case .integer(let i): Double(i)
        case .literal(let s): Double(s) ?? .nan
        }
    }

    /// Whether the literal has no fraction or exponent (`3`, not `3.0`).
    public var isIntegerLiteral: Bool {
        if case .integer = storage { return true }
        return !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }

    /// The shortest decimal text that reads back as `value` (Swift's description does this),
    /// in JSON's grammar (no `+` after `e`, no trailing `.0`).
    static func shortest(_ value: Double) -> String {
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        text = text.replacing("e+", with: "e")
        return text
    }

    /// RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValidLiteral(_ bytes: some Collection<UInt8>) -> Bool {
        var i = bytes.startIndex
        func peek() -> UInt8? { i < bytes.endIndex ? bytes[i] : nil }
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if peek() == UInt8(ascii: "-") { i = bytes.index(after: i) }
        if peek() == UInt8(ascii: "0") {
            i = bytes.index(after: i)
        } else if isDigit(peek()) {
            while isDigit(peek()) { i = bytes.index(after: i) }
        } else {
            return false
        }
        if peek() == UInt8(ascii: ".") {
            i = bytes.index(after: i)
            guard isDigit(peek()) else { return false }
            while isDigit(peek()) { i = bytes.index(after: i) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            i = bytes.index(after: i)
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i = bytes.index(after: i) }
            guard isDigit(peek()) else { return false }
            while isDigit(peek()) { i = bytes.index(after: i) }
        }
        return i == bytes.endIndex
    }
}

extension JSONNumber: Hashable {
    /// Numbers compare by value: `1 == 1.0 == 1e0`.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case let (.integer(a), .integer(b)): return a == b
        case let (.literal(a), .literal(b)) where a == b: return true
        default: return lhs.doubleValue == rhs.doubleValue
        }
    }

    public func hash(into hasher: inout Hasher) {
        // Hash the value, so equal numbers in different forms hash alike.
        if let i = int64Value { hasher.combine(i) } else { hasher.combine(doubleValue) }
    }
}

extension JSONNumber: Comparable {
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if case let (.integer(a), .integer(b)) = (lhs.storage, rhs.storage) { return a < b }
        return lhs.doubleValue < rhs.doubleValue
    }
}
