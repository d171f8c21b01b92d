public import JSONValue

/// A `Choice` state: the first rule that matches names the next state, else `Default`.
public struct ChoiceState: Sendable, Hashable {
    public var common: StateCommon
    public var choices: [ChoiceBranch]
    public var defaultState: String?

    public init(common: StateCommon, choices: [ChoiceBranch], defaultState: String? = nil) {
        self.common = common
        self.choices = choices
        self.defaultState = defaultState
    }
}

/// One entry of `Choices`: a rule, where to go when it matches, and what to assign.
public struct ChoiceBranch: Sendable, Hashable {
    public var rule: ChoiceRule
    public var next: String
    public var assign: JSON?
    /// JSONata mode: the state's output when this branch is taken.
    public var output: JSON?

    public init(rule: ChoiceRule, next: String, assign: JSON? = nil, output: JSON? = nil) {
        self.rule = rule
        self.next = next
        self.assign = assign
        self.output = output
    }
}

/// A Boolean expression of a Choice state.
///
/// JSONPath mode builds rules from comparisons over a `Variable` and `And`/`Or`/`Not`;
/// JSONata mode writes one `Condition` (a `{% %}` expression or a literal boolean).
public indirect enum ChoiceRule: Sendable, Hashable {
    case comparison(ChoiceComparison)
    case and([ChoiceRule])
    case or([ChoiceRule])
    case not(ChoiceRule)
    case condition(JSON)
}

/// `Variable` compared by one operator with a literal or, for `…Path` operators, a path.
public struct ChoiceComparison: Sendable, Hashable {
    public var variable: String
    public var `operator`: ChoiceOperator
    /// The literal operand, or the path string of a `…Path` operator.
    public var operand: JSON

    public init(variable: String, operator: ChoiceOperator, operand: JSON) {
        self.variable = variable
        self.operator = `operator`
        self.operand = operand
    }
}

/// A comparison operator of a JSONPath Choice rule, with the operand type ASL requires.
public struct ChoiceOperator: Sendable, Hashable, CustomStringConvertible {
    /// What the operator's operand must be.
    public enum Operand: Sendable, Hashable {
        case string, number, boolean, timestamp, path
    }

    /// The field name as written (`NumericLessThanEqualsPath`).
    public var name: String
    public var operand: Operand

    public var description: String { name }
    /// Whether the operand is a path to compare against (`…Path` operators).
    public var isPath: Bool { operand == .path }

    /// Every operator ASL defines, by field name.
    public static let all: [String: ChoiceOperator] = {
        var table: [String: ChoiceOperator] = [:]
        let families: [(String, Operand)] = [("String", .string), ("Numeric", .number), ("Timestamp", .timestamp)]
        for (prefix, operand) in families {
            for relation in ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"] {
                table[prefix + relation] = ChoiceOperator(name: prefix + relation, operand: operand)
                table[prefix + relation + "Path"] = ChoiceOperator(name: prefix + relation + "Path", operand: .path)
            }
        }
        table["StringMatches"] = ChoiceOperator(name: "StringMatches", operand: .string)
        table["BooleanEquals"] = ChoiceOperator(name: "BooleanEquals", operand: .boolean)
        table["BooleanEqualsPath"] = ChoiceOperator(name: "BooleanEqualsPath", operand: .path)
        for test in ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"] {
            table[test] = ChoiceOperator(name: test, operand: .boolean)
        }
        return table
    }()
}
