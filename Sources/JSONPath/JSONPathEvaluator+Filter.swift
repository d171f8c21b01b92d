import JSONValue

/// Filter semantics, following Jayway: a missing operand makes every comparison false
/// except `!=`; `<`-style operators compare numbers with numbers and strings with strings;
/// `=~` must match the whole string.
extension JSONPathEvaluator {
    func holds(_ filter: JSONPathFilter, at element: JSON) -> Bool {
        switch filter {
        case .or(let a, let b): return holds(a, at: element) || holds(b, at: element)
        case .and(let a, let b): return holds(a, at: element) && holds(b, at: element)
        case .not(let inner): return !holds(inner, at: element)
        case .exists(let operand): return value(of: operand, at: element) != nil
        case .comparison(let left, let op, let right):
            if case .regex(let pattern, let caseInsensitive) = right {
                guard case .string(let text)? = value(of: left, at: element) else { return false }
                return JSONPathEvaluator.wholeMatch(text, pattern: pattern, caseInsensitive: caseInsensitive)
            }
            let l = value(of: left, at: element)
            let r = value(of: right, at: element)
            return JSONPathEvaluator.compare(l, op, r)
        }
    }

    /// The operand's value, nil when a path selects nothing. Inside filters `@.length`
    /// on an array is its element count, as in Goessner's original JSONPath.
    func value(of operand: JSONPathFilter.Operand, at element: JSON) -> JSON? {
        let segments: [JSONPathSegment]
        let start: JSON
        switch operand {
        case .literal(let value): return value
        case .regex: return nil
        case .current(let s): (segments, start) = (s, element)
        case .root(let s): (segments, start) = (s, root)
        }
        if segments.last == .child(.name("length")), segments.dropLast().allSatisfy(\.isDefinite),
            case .array(let array)? = try? definite(segments.dropLast(), from: start).get()
        {
            return .number(JSONNumber(array.count))
        }
        var steps = segments[...]
        var function: JSONPathFunction?
        if case .function(let f) = steps.last {
            function = f
            steps = steps.dropLast()
        }
        let selected: JSON?
        if steps.allSatisfy(\.isDefinite) {
            selected = try? definite(steps, from: start).get()
        } else {
            selected = .array(select(steps, from: start))
        }
        guard let selected else { return nil }
        guard let function else { return selected }
        return try? JSONPathEvaluator.apply(function, to: selected, path: JSONPath(text: "@", root: .input, segments: segments)).get()
    }

    static func compare(_ left: JSON?, _ op: JSONPathFilter.Operator, _ right: JSON?) -> Bool {
        guard let left, let right else { return op == .notEqual }
        switch op {
        case .equal: return left == right
        case .notEqual: return left != right
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: Int
            switch (left, right) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            default: return false
            }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        case .in:
            return right.arrayValue?.contains(left) ?? false
        case .notIn:
            return !(right.arrayValue?.contains(left) ?? false)
        case .subsetOf:
            guard let l = left.arrayValue, let r = right.arrayValue else { return false }
            return l.allSatisfy(r.contains)
        case .anyOf:
            guard let l = left.arrayValue, let r = right.arrayValue else { return false }
            return l.contains(where: r.contains)
        case .noneOf:
            guard let l = left.arrayValue, let r = right.arrayValue else { return false }
            return !l.contains(where: r.contains)
        case .contains:
            if case .string(let s) = left, case .string(let part) = right { return s.contains(part) }
            return left.arrayValue?.contains(right) ?? false
        case .size:
            guard let expected = right.numberValue?.int64Value else { return false }
            switch left {
            case .array(let a): return Int64(a.count) == expected
            case .string(let s): return Int64(s.utf16.count) == expected
            default: return false
            }
        case .empty:
            guard case .bool(let expected) = right else { return false }
            switch left {
            case .array(let a): return a.isEmpty == expected
            case .string(let s): return s.isEmpty == expected
            default: return false
            }
        case .matches:
            return false
        }
    }

    static func wholeMatch(_ text: String, pattern: String, caseInsensitive: Bool) -> Bool {
        guard var regex = try? Regex(pattern) else { return false }
        if caseInsensitive { regex = regex.ignoresCase() }
        return (try? regex.wholeMatch(in: text)) != nil
    }
}
