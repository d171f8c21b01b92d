import JSONPath
import JSONValue

/// Parses the intrinsic-function syntax of Amazon States Language:
///
///     call     := name '(' [argument (',' argument)*] ')'
///     argument := 'string' | number | true | false | null | path | call
///
/// String literals are single-quoted; `\'`, `\{`, `\}` and `\\` escape the reserved
/// characters. Whitespace may surround arguments. Paths run to the next `,` or `)`
/// outside brackets and quotes, and are parsed by `JSONPath.parse`.
public enum IntrinsicParser {
    public static func parse(_ text: String) throws(IntrinsicSyntaxError) -> IntrinsicCall {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        let call = try scanner.parseCall(depth: 1)
        scanner.skipWhitespace()
        if !scanner.isAtEnd {
            throw scanner.error("unexpected \(scanner.describeCurrent()) after the closing ')' of '\(call.name)'")
        }
        return call
    }

    /// The literal form of `value` inside single quotes (inverse of the parser's unescaping).
    public static func escape(_ value: String) -> String {
        var out = ""
        for c in value.unicodeScalars {
            if c == "'" || c == "{" || c == "}" || c == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Deeper nesting than this is refused while parsing, so hostile input cannot
    /// exhaust the stack (AWS itself allows 10 levels; the checker reports that limit).
    static let maximumParseDepth = 64

    struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        var isAtEnd: Bool { position >= scalars.count }
        var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        func error(_ reason: String, at offset: Int? = nil) -> IntrinsicSyntaxError {
            IntrinsicSyntaxError.at(offset ?? position, reason)
        }

        func describeCurrent() -> String { current.map { "'\($0)'" } ?? "end of text" }

        func text(_ range: Range<Int>) -> String { makeString(scalars[range]) }

        mutating func skipWhitespace() {
            while let c = current, c.isExpressionWhitespace { position += 1 }
        }

        static func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.isExpressionAlphabetic }
        static func isNamePart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.isExpressionAlphabetic || (c >= "0" && c <= "9")
        }

        mutating func parseCall(depth: Int) throws(IntrinsicSyntaxError) -> IntrinsicCall {
            let start = position
            guard let first = current, Scanner.isNameStart(first) else {
                throw error("expected an intrinsic function name such as 'States.Format' but found \(describeCurrent())")
            }
            if depth > IntrinsicParser.maximumParseDepth { throw error("intrinsic calls are nested too deeply") }
            while let c = current, Scanner.isNamePart(c) || (c == "." && position + 1 < scalars.count && Scanner.isNameStart(scalars[position + 1])) {
                position += 1
            }
            let name = text(start..<position)
            skipWhitespace()
            guard current == "(" else {
                throw error("expected '(' after the function name '\(name)' but found \(describeCurrent())")
            }
            let open = position
            position += 1
            var arguments: [IntrinsicArgument] = []
            var offsets: [Int] = []
            var texts: [String] = []
            skipWhitespace()
            if current == ")" {
                position += 1
            } else {
                while true {
                    skipWhitespace()
                    if isAtEnd { throw error("unclosed '(' of '\(name)'", at: open) }
                    let argumentStart = position
                    arguments.append(try parseArgument(depth: depth))
                    offsets.append(argumentStart)
                    texts.append(text(argumentStart..<position))
                    skipWhitespace()
                    if current == "," {
                        position += 1
                        continue
                    }
                    if current == ")" {
                        position += 1
                        break
                    }
                    if isAtEnd { throw error("unclosed '(' of '\(name)'", at: open) }
                    throw error("expected ',' or ')' in the arguments of '\(name)' but found \(describeCurrent())")
                }
            }
            return IntrinsicCall(
                name: name, arguments: arguments, nameOffset: start, argumentOffsets: offsets,
                argumentTexts: texts, text: text(start..<position))
        }

        mutating func parseArgument(depth: Int) throws(IntrinsicSyntaxError) -> IntrinsicArgument {
            switch current {
            case nil:
                throw error("expected an argument but found end of text")
            case "'":
                return .string(try parseString())
            case "$":
                return .path(try parsePath())
            case let c? where c == "-" || (c >= "0" && c <= "9"):
                return .number(try parseNumber())
            case let c? where Scanner.isNameStart(c):
                let start = position
                var end = position
                while end < scalars.count, Scanner.isNamePart(scalars[end]) { end += 1 }
                let word = text(start..<end)
                let next = end < scalars.count ? scalars[end] : nil
                if next != "(" && next != "." {
                    switch word {
                    case "true": position = end; return .bool(true)
                    case "false": position = end; return .bool(false)
                    case "null": position = end; return .null
                    default: break
                    }
                }
                return .call(try parseCall(depth: depth + 1))
            case ","?, ")"?:
                throw error("expected an argument but found \(describeCurrent())")
            default:
                throw error("expected a string, number, path or intrinsic function but found \(describeCurrent())")
            }
        }

        /// `'…'` with `\'`, `\{`, `\}`, `\\` unescaped; any other backslash is kept as written.
        mutating func parseString() throws(IntrinsicSyntaxError) -> String {
            let open = position
            position += 1
            var out = String.UnicodeScalarView()
            while true {
                guard let c = current else { throw error("unterminated string literal", at: open) }
                position += 1
                if c == "'" { return String(out) }
                if c == "\\", let e = current, e == "'" || e == "{" || e == "}" || e == "\\" {
                    out.append(e)
                    position += 1
                    continue
                }
                out.append(c)
            }
        }

        mutating func parseNumber() throws(IntrinsicSyntaxError) -> JSONNumber {
            let start = position
            while let c = current, (c >= "0" && c <= "9") || "-+.eE".unicodeScalars.contains(c) { position += 1 }
            let literal = text(start..<position)
            guard let number = JSONNumber(literal: literal) else {
                throw error("invalid number '\(literal)'", at: start)
            }
            return number
        }

        /// A path runs to the next `,` or `)` that is outside quotes, brackets and parentheses.
        mutating func parsePath() throws(IntrinsicSyntaxError) -> JSONPath {
            let start = position
            var open: [Unicode.Scalar] = []
            var quote: Unicode.Scalar?
            while let c = current {
                if let q = quote {
                    if c == "\\" { position += 1 } else if c == q { quote = nil }
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == "[" || c == "(" {
                    open.append(c)
                } else if c == "]" || c == ")" {
                    // A closer that matches nothing open ends the path (the call's own `)`).
                    guard let last = open.last, (last == "[") == (c == "]") else { break }
                    open.removeLast()
                } else if c == ",", open.isEmpty {
                    break
                }
                position += 1
            }
            position = min(position, scalars.count)
            var end = position
            while end > start, scalars[end - 1].isExpressionWhitespace { end -= 1 }
            do {
                return try JSONPath.parse(text(start..<end))
            } catch {
                throw IntrinsicSyntaxError(
                    message: error.message.replacing("at offset \(error.offset)", with: "at offset \(start + error.offset)"),
                    offset: start + error.offset)
            }
        }
    }
}
