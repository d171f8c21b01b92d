public import JSONValue

/// The expression inside `[?( … )]`, in Jayway's filter grammar.
///
/// `@` is the element being tested and `$` the whole document. A bare path (`@.isbn`)
/// tests for existence; comparisons follow Jayway: `==`, `!=`, `<`, `<=`, `>`, `>=`,
/// `=~ /regex/i`, and the word operators `in`, `nin`, `subsetof`, `anyof`, `noneof`,
/// `contains`, `size`, `empty`.
public indirect enum JSONPathFilter: Sendable, Hashable {
    case or(JSONPathFilter, JSONPathFilter)
    case and(JSONPathFilter, JSONPathFilter)
    case not(JSONPathFilter)
    /// `[?(@.isbn)]`: true when the path selects something.
    case exists(Operand)
    case comparison(Operand, Operator, Operand)

    /// One side of a comparison.
    public enum Operand: Sendable, Hashable {
        /// `@…`: relative to the element under test.
        case current([JSONPathSegment])
        /// `$…`: relative to the document's root.
        case root([JSONPathSegment])
        /// A string, number, boolean, null or array literal.
        case literal(JSON)
        /// `/pattern/flags`, only on the right of `=~`.
        case regex(pattern: String, caseInsensitive: Bool)
    }

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case matches = "=~"
        case `in` = "in"
        case notIn = "nin"
        case subsetOf = "subsetof"
        case anyOf = "anyof"
        case noneOf = "noneof"
        case contains = "contains"
        case size = "size"
        case empty = "empty"
    }
}
