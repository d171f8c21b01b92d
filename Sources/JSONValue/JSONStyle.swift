/// How `JSON` is written out.
public enum JSONStyle: Sendable, Hashable, CaseIterable {
    /// No whitespace, keys in their order, numbers as written. The wire form.
    case compact
    /// Two-space indentation, `"key": value`, `[]`/`{}` when empty, keys in their order;
    /// no trailing spaces or newline. Stable: the same value always prints the same text.
    case pretty
    /// RFC 8785 (JCS): keys sorted by UTF-16 code units, no whitespace, minimal string
    /// escapes, numbers in ECMAScript's minimal form (see `JSONNumber.canonicalLiteral`).
    /// Equal definitions give equal bytes; its sha256 is a definition's identity.
    case canonical
    /// Canonical key order and number forms with the pretty layout: what `sfn render`
    /// prints, so rendered files diff well and still mean exactly the canonical bytes.
    case canonicalPretty

    var sortsKeys: Bool { self == .canonical || self == .canonicalPretty }
    var isPretty: Bool { self == .pretty || self == .canonicalPretty }
}
