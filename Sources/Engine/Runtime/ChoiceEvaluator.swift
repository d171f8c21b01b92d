import JSONPath
import JSONValue

/// Evaluates JSONPath-mode Choice rules: comparisons, their `…Path` forms, `And`, `Or`,
/// `Not` and the `Is…` tests, with AWS's rules (a value of the wrong type compares false;
/// strings order by UTF-16 code units, as Java does).
enum ChoiceEvaluator {
    static func matches(
        _ rule: CompiledRule, input: JSON, context: JSON, variables: [String: JSON], visit: StateVisit
    ) throws(ExecutionFailure) -> Bool {
        switch rule {
        case .and(let rules):
            for r in rules where !(try matches(r, input: input, context: context, variables: variables, visit: visit)) { return false }
            return true
        case .or(let rules):
            for r in rules where try matches(r, input: input, context: context, variables: variables, visit: visit) { return true }
            return false
        case .not(let inner):
            return !(try matches(inner, input: input, context: context, variables: variables, visit: visit))
        case .compare(let variablePath, let test, let operand):
            let value: JSON?
            switch variablePath.evaluate(input, context: context, variables: variables) {
            case .success(let v): value = v
            case .failure: value = nil
            }
            if case .isPresent = test { return (value != nil) == (operand.literalBool ?? true) }
            guard let value else {
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix
                        + "Invalid path '\(variablePath.path.text)': The choice state's condition path references an invalid value.")
            }
            let right: JSON
            switch operand {
            case .literal(let literal):
                right = literal
            case .path(let path):
                switch path.evaluate(input, context: context, variables: variables) {
                case .success(let v): right = v
                case .failure:
                    throw ExecutionFailure(
                        error: StatesError.runtime,
                        cause: visit.causePrefix
                            + "Invalid path '\(path.path.text)': The choice state's condition path references an invalid value.")
                }
            }
            return compare(value, test, right)
        }
    }

    static func compare(_ value: JSON, _ test: ChoiceTest, _ right: JSON) -> Bool {
        switch test {
        case .isPresent:
            return right.boolValue ?? true
        case .isNull:
            return value.isNull == (right.boolValue ?? true)
        case .isNumeric:
            return (value.numberValue != nil) == (right.boolValue ?? true)
        case .isString:
            return (value.stringValue != nil) == (right.boolValue ?? true)
        case .isBoolean:
            return (value.boolValue != nil) == (right.boolValue ?? true)
        case .isTimestamp:
            let isTimestamp = value.stringValue.flatMap { Timestamp(iso8601: $0) } != nil
            return isTimestamp == (right.boolValue ?? true)
        case .boolean:
            guard case .bool(let l) = value, case .bool(let r) = right else { return false }
            return l == r
        case .matches:
            guard case .string(let l) = value, case .string(let pattern) = right else { return false }
            return StringPattern(pattern).matches(l)
        case .string(let relation):
            guard case .string(let l) = value, case .string(let r) = right else { return false }
            if case .equals = relation { return l == r }
            return relation.holds(order(l.utf16, r.utf16))
        case .numeric(let relation):
            guard case .number(let l) = value, case .number(let r) = right else { return false }
            return relation.holds(l == r ? 0 : (l < r ? -1 : 1))
        case .timestamp(let relation):
            guard case .string(let ls) = value, case .string(let rs) = right,
                let l = Timestamp(iso8601: ls), let r = Timestamp(iso8601: rs)
            else { return false }
            return relation.holds(l == r ? 0 : (l < r ? -1 : 1))
        }
    }

    private static func order(_ l: String.UTF16View, _ r: String.UTF16View) -> Int {
        var li = l.makeIterator()
        var ri = r.makeIterator()
        while true {
            switch (li.next(), ri.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let a?, let b?) where a != b: return a < b ? -1 : 1
            default: continue
            }
        }
    }
}

extension ChoiceTest.Relation {
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equals: order == 0
        case .lessThan: order < 0
        case .greaterThan: order > 0
        case .lessThanEquals: order <= 0
        case .greaterThanEquals: order >= 0
        }
    }
}

extension ChoiceOperand {
    var literalBool: Bool? { if case .literal(.bool(let b)) = self { b } else { nil } }
}
