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
        switch storage {
        case .integer: return true
        case .literal(let text): return !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        }
    }

    /// The shortest decimal text that reads back as `value`, in ECMAScript's form
    /// (`1e-7`, `0.5`, `1e+21`), which is also valid JSON and already canonical; `-0`
    /// keeps its sign, which ECMAScript's form would drop.
    static func shortest(_ value: Double) -> String {
        value == 0 && value.sign == .minus ? "-0" : ecmaScriptString(value)
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
    /// Numbers compare by value (`1 == 1.0 == 1e0`, `-0 == 0`), exactly when their RFC 8785
    /// forms are equal: `a == b` if and only if `a.canonicalLiteral == b.canonicalLiteral`,
    /// so equal values always have the same canonical sha256.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case let (.integer(a), .integer(b)):
            return a == b
        case let (.literal(a), .literal(b)):
            if a == b { return true }
            let (x, y) = (lhs.doubleValue, rhs.doubleValue)
            guard x == y else { return false }
            // Both overflow a double: compare their exact decimal values instead.
            return x.isFinite || lhs.canonicalLiteral == rhs.canonicalLiteral
        case let (.integer(i), .literal), let (.literal, .integer(i)):
            let other = lhs.isIntegerStorage ? rhs : lhs
            guard Double(i) == other.doubleValue else { return false }
            // Below 2^53 the double is the integer itself; past it, the canonical texts decide.
            return i.magnitude <= 1 << 53 || String(i) == other.canonicalLiteral
        }
    }

    /// Hashes the double value: equal numbers (per `==`) always have equal doubles.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue)
    }

    var isIntegerStorage: Bool { if case .integer = storage { true } else { false } }
}

extension JSONNumber: Comparable {
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if case let (.integer(a), .integer(b)) = (lhs.storage, rhs.storage) { return a < b }
        return lhs.doubleValue < rhs.doubleValue
    }
}
