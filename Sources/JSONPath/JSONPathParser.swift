import JSONValue

/// A hand-written recursive-descent parser for ASL's JSONPath dialect (Jayway's grammar).
///
/// It works on Unicode scalars so that error offsets are scalar counts, which callers
/// turn into columns. Filters are in `JSONPathParser+Filter.swift`.
struct JSONPathParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    /// Where `scalars` starts inside the text the caller will report against (nonzero
    /// when parsing a path embedded in an intrinsic call).
    let base: Int

    init(_ text: String, base: Int = 0) {
        self.scalars = Array(text.unicodeScalars)
        self.base = base
    }

    var isAtEnd: Bool { position >= scalars.count }
    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    func peek(_ ahead: Int = 1) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    func error(_ reason: String, at offset: Int? = nil) -> JSONPathSyntaxError {
        JSONPathSyntaxError.at(base + (offset ?? position), reason)
    }

    /// `'x'`, or "end of path", for messages.
    func describeCurrent() -> String {
        guard let c = current else { return "end of path" }
        return "'\(c)'"
    }

    // MARK: - Whole paths

    mutating func parsePath() throws(JSONPathSyntaxError) -> JSONPath {
        guard current == "$" else {
            if isAtEnd { throw error("path must start with '$', but it is empty") }
            throw error("path must start with '$'")
        }
        position += 1
        let root: JSONPath.Root
        if current == "$" {
            position += 1
            root = .context
        } else if let c = current, JSONPathParser.isVariableStart(c) {
            root = .variable(readVariableName())
        } else {
            root = .input
        }
        let segments = try parseSegments(inFilter: false)
        if !isAtEnd { throw error("unexpected \(describeCurrent())") }
        return JSONPath(text: makeString(scalars), root: root, segments: segments)
    }

    static func isVariableStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.isExpressionAlphabetic
    }

    mutating func readVariableName() -> String {
        var name = String.UnicodeScalarView()
        while let c = current, c == "_" || c.isExpressionAlphabetic || c.properties.numericType != nil {
            name.append(c)
            position += 1
        }
        return String(name)
    }

    /// Segments until the end, or (in a filter) until a character that ends an operand.
    mutating func parseSegments(inFilter: Bool) throws(JSONPathSyntaxError) -> [JSONPathSegment] {
        var segments: [JSONPathSegment] = []
        while let c = current {
            if case .function = segments.last {
                throw error("a path function must be the last segment; found \(describeCurrent())")
            }
            switch c {
            case ".":
                segments.append(try parseDotSegment(inFilter: inFilter))
            case "[":
                segments.append(.child(try parseBracket()))
            default:
                if inFilter { return segments }
                if c.isExpressionWhitespace { throw error("unexpected whitespace") }
                throw error("expected '.' or '[' but found \(describeCurrent())")
            }
        }
        return segments
    }

    /// After `.` or `..`: a name, `*`, a bracket, or a function call.
    mutating func parseDotSegment(inFilter: Bool) throws(JSONPathSyntaxError) -> JSONPathSegment {
        position += 1  // the '.'
        var deep = false
        if current == "." {
            deep = true
            position += 1
        }
        let wrap: (JSONPathSelector) -> JSONPathSegment = deep ? { .descendant($0) } : { .child($0) }
        switch current {
        case nil:
            throw error(deep ? "path must not end with '..'" : "expected a member name after '.'")
        case "*":
            position += 1
            return wrap(.wildcard)
        case "[":
            return wrap(try parseBracket())
        case ".":
            throw error(deep ? "unexpected '.' after '..'" : "expected a member name after '.'")
        case let c? where c.isExpressionWhitespace:
            throw error("expected a member name after '\(deep ? ".." : ".")'")
        default:
            break
        }
        let start = position
        let name = readMemberName(inFilter: inFilter)
        if name.isEmpty {
            throw error("expected a member name after '\(deep ? ".." : ".")' but found \(describeCurrent())")
        }
        if current == "(" {
            guard !deep, let function = JSONPathFunction(rawValue: name) else {
                throw error("unknown path function '\(name)()'", at: start)
            }
            position += 1
            guard current == ")" else { throw error("expected ')' after '\(name)('; path functions take no arguments") }
            position += 1
            return .function(function)
        }
        if !inFilter, let c = current, c.isExpressionWhitespace {
            throw error("member name '\(name)' is followed by whitespace; write names with spaces as ['\(name) …']")
        }
        return wrap(.name(name))
    }

    /// Jayway reads a dotted name up to `.`, `[`, `(` or whitespace; inside a filter the
    /// operators, `)` and `]` also end it.
    mutating func readMemberName(inFilter: Bool) -> String {
        var name = String.UnicodeScalarView()
        while let c = current {
            if c == "." || c == "[" || c == "(" || c.isExpressionWhitespace { break }
            if inFilter, "()]<>=!~&|,".unicodeScalars.contains(c) { break }
            name.append(c)
            position += 1
        }
        return String(name)
    }

    // MARK: - Brackets

    /// `[ … ]`: quoted names, indexes, slices, `*` or a filter.
    mutating func parseBracket() throws(JSONPathSyntaxError) -> JSONPathSelector {
        let open = position
        position += 1
        skipWhitespace()
        let selector: JSONPathSelector
        switch current {
        case nil:
            throw error("unclosed '['", at: open)
        case "*":
            position += 1
            selector = .wildcard
        case "?":
            position += 1
            skipWhitespace()
            selector = .filter(try parseFilterExpression())
        case "'", "\"":
            var names = [try parseQuotedString()]
            skipWhitespace()
            while current == "," {
                position += 1
                skipWhitespace()
                guard current == "'" || current == "\"" else {
                    throw error(isAtEnd ? "unclosed '['" : "expected a quoted name after ','", at: isAtEnd ? open : nil)
                }
                names.append(try parseQuotedString())
                skipWhitespace()
            }
            selector = names.count == 1 ? .name(names[0]) : .names(names)
        case let c? where c == "-" || c == ":" || JSONPathParser.isDigit(c):
            selector = try parseIndexesOrSlice(open: open)
        case "]":
            throw error("empty '[]'; expected a quoted name, index, slice, '*' or filter", at: open)
        default:
            throw error("expected a quoted name, index, slice, '*' or filter after '[' but found \(describeCurrent())")
        }
        skipWhitespace()
        guard current == "]" else {
            throw isAtEnd ? error("unclosed '['", at: open) : error("expected ']' but found \(describeCurrent())")
        }
        position += 1
        return selector
    }

    mutating func parseIndexesOrSlice(open: Int) throws(JSONPathSyntaxError) -> JSONPathSelector {
        let first = try parseOptionalInteger()
        skipWhitespace()
        if current == ":" {
            position += 1
            skipWhitespace()
            let end = try parseOptionalInteger()
            skipWhitespace()
            var step: Int?
            if current == ":" {
                position += 1
                skipWhitespace()
                step = try parseOptionalInteger()
                if step == 0 { throw error("slice step must not be 0") }
            }
            return .slice(start: first, end: end, step: step)
        }
        guard let first else { throw error("expected an index") }
        var list = [first]
        while current == "," {
            position += 1
            skipWhitespace()
            guard let next = try parseOptionalInteger() else {
                throw isAtEnd ? error("unclosed '['", at: open) : error("expected an index after ','")
            }
            list.append(next)
            skipWhitespace()
        }
        return list.count == 1 ? .index(first) : .indexes(list)
    }

    /// `-?[0-9]+`, or nil when no digit starts here.
    mutating func parseOptionalInteger() throws(JSONPathSyntaxError) -> Int? {
        let start = position
        var negative = false
        if current == "-" {
            negative = true
            position += 1
        }
        var digits = ""
        while let c = current, JSONPathParser.isDigit(c) {
            digits.unicodeScalars.append(c)
            position += 1
        }
        if digits.isEmpty {
            if negative { throw error("expected digits after '-'") }
            return nil
        }
        guard let value = Int(digits) else { throw error("index '\(digits)' is too large", at: start) }
        return negative ? -value : value
    }

    /// A single- or double-quoted string with JSON-style escapes (`\'`, `\"`, `\\`, `\n`, `\uXXXX` …).
    mutating func parseQuotedString() throws(JSONPathSyntaxError) -> String {
        let open = position
        guard let quote = current else { throw error("expected a quoted string") }
        position += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw error("unterminated string", at: open) }
            position += 1
            if c == quote { break }
            guard c == "\\" else {
                out.append(c)
                continue
            }
            guard let e = current else { throw error("unterminated string", at: open) }
            position += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "u":
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard let h = current, let digit = JSONPathParser.hexValue(h) else {
                        throw error("expected four hex digits after '\\u'")
                    }
                    value = value * 16 + digit
                    position += 1
                }
                guard let scalar = Unicode.Scalar(value) else { throw error("invalid '\\u' escape", at: position - 6) }
                out.append(scalar)
            case _ where (e == "'" || e == "\"") && e != quote:
                // The other quote needs no escape, and AWS (Jayway) keeps the backslash:
                // `$['Test\"Name']` names the key `Test\"Name` (recorded against AWS).
                out.append("\\")
                out.append(e)
            default:
                // The enclosing quote, `\\`, `\/` and any other escaped character stand for themselves.
                out.append(e)
            }
        }
        return String(out)
    }

    mutating func skipWhitespace() {
        while let c = current, c.isExpressionWhitespace { position += 1 }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }
}
