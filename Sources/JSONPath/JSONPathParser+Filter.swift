import JSONValue

/// Filter expressions: `||` binds loosest, then `&&`, then `!`, then one comparison.
extension JSONPathParser {
    mutating func parseFilterExpression() throws(JSONPathSyntaxError) -> JSONPathFilter {
        var left = try parseAnd()
        while true {
            skipWhitespace()
            guard current == "|", peek() == "|" else { return left }
            position += 2
            left = .or(left, try parseAnd())
        }
    }

    mutating func parseAnd() throws(JSONPathSyntaxError) -> JSONPathFilter {
        var left = try parseUnary()
        while true {
            skipWhitespace()
            guard current == "&", peek() == "&" else { return left }
            position += 2
            left = .and(left, try parseUnary())
        }
    }

    mutating func parseUnary() throws(JSONPathSyntaxError) -> JSONPathFilter {
        skipWhitespace()
        switch current {
        case "!" where peek() != "=":
            position += 1
            return .not(try parseUnary())
        case "(":
            let open = position
            position += 1
            let inner = try parseFilterExpression()
            skipWhitespace()
            guard current == ")" else {
                throw isAtEnd ? error("unclosed '('", at: open) : error("expected ')' but found \(describeCurrent())")
            }
            position += 1
            return inner
        default:
            return try parseComparison()
        }
    }

    mutating func parseComparison() throws(JSONPathSyntaxError) -> JSONPathFilter {
        let leftStart = position
        let left = try parseOperand()
        skipWhitespace()
        guard let op = parseOperator() else {
            switch left {
            case .current, .root: return .exists(left)
            default: throw error("expected a comparison operator after the literal", at: leftStart)
            }
        }
        skipWhitespace()
        let rightStart = position
        let right = try parseOperand()
        if case .regex = right, op != .matches {
            throw error("a regular expression can only follow '=~'", at: rightStart)
        }
        if op == .matches, case .regex = right {} else if op == .matches {
            throw error("expected a regular expression '/…/' after '=~'", at: rightStart)
        }
        return .comparison(left, op, right)
    }

    mutating func parseOperator() -> JSONPathFilter.Operator? {
        guard let c = current else { return nil }
        let two = peek().map { String(c) + String($0) }
        for symbol in ["==", "!=", "<=", ">=", "=~"] where two == symbol {
            position += 2
            return JSONPathFilter.Operator(rawValue: symbol)
        }
        if c == "<" || c == ">" {
            position += 1
            return c == "<" ? .less : .greater
        }
        guard c.isExpressionAlphabetic else { return nil }
        let start = position
        var word = ""
        while let w = current, w.isExpressionAlphabetic {
            word.unicodeScalars.append(w)
            position += 1
        }
        if let op = JSONPathFilter.Operator(rawValue: word.lowercased()), op.rawValue.first?.isLetter == true {
            return op
        }
        position = start
        return nil
    }

    mutating func parseOperand() throws(JSONPathSyntaxError) -> JSONPathFilter.Operand {
        switch current {
        case nil:
            throw error("unexpected end of path in filter")
        case "@":
            position += 1
            return .current(try parseSegments(inFilter: true))
        case "$":
            position += 1
            if current == "$" { throw error("the context object '$$' cannot be used inside a filter", at: position - 1) }
            return .root(try parseSegments(inFilter: true))
        case "'", "\"":
            return .literal(.string(try parseQuotedString()))
        case "/":
            return try parseRegex()
        case "[":
            return .literal(try parseArrayLiteral())
        case let c? where c == "-" || JSONPathParser.isDigit(c):
            return .literal(.number(try parseNumberLiteral()))
        case let c? where c.isExpressionAlphabetic:
            let start = position
            var word = ""
            while let w = current, w.isExpressionAlphabetic {
                word.unicodeScalars.append(w)
                position += 1
            }
            switch word {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: throw error("unexpected '\(word)' in filter; expected '@', '$' or a literal", at: start)
            }
        default:
            throw error("unexpected \(describeCurrent()) in filter; expected '@', '$' or a literal")
        }
    }

    mutating func parseNumberLiteral() throws(JSONPathSyntaxError) -> JSONNumber {
        let start = position
        var text = ""
        while let c = current, JSONPathParser.isDigit(c) || "-+.eE".unicodeScalars.contains(c) {
            text.unicodeScalars.append(c)
            position += 1
        }
        guard let number = JSONNumber(literal: text) else { throw error("invalid number '\(text)'", at: start) }
        return number
    }

    /// `/pattern/flags`; `\/` stands for a slash inside the pattern. Only the `i` flag
    /// changes matching (Jayway's case-insensitive flag); the others are accepted.
    mutating func parseRegex() throws(JSONPathSyntaxError) -> JSONPathFilter.Operand {
        let open = position
        position += 1
        var pattern = ""
        while true {
            guard let c = current else { throw error("unterminated regular expression", at: open) }
            position += 1
            if c == "/" { break }
            if c == "\\", current == "/" {
                pattern += "/"
                position += 1
                continue
            }
            pattern.unicodeScalars.append(c)
        }
        var caseInsensitive = false
        while let f = current, "imsxu".unicodeScalars.contains(f) {
            if f == "i" { caseInsensitive = true }
            position += 1
        }
        do {
            _ = try Regex(pattern)
        } catch {
            throw self.error("invalid regular expression '/\(pattern)/'", at: open)
        }
        return .regex(pattern: pattern, caseInsensitive: caseInsensitive)
    }

    /// `[lit, lit, …]` for `in`, `nin`, `subsetof`, `anyof`, `noneof`.
    mutating func parseArrayLiteral() throws(JSONPathSyntaxError) -> JSON {
        let open = position
        position += 1
        var elements: [JSON] = []
        skipWhitespace()
        if current == "]" {
            position += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            let start = position
            guard case .literal(let value) = try parseOperand() else {
                throw error("array literals in filters may only hold literals", at: start)
            }
            elements.append(value)
            skipWhitespace()
            if current == "," {
                position += 1
                continue
            }
            if current == "]" {
                position += 1
                return .array(elements)
            }
            throw isAtEnd ? error("unclosed '['", at: open) : error("expected ',' or ']' but found \(describeCurrent())")
        }
    }
}
