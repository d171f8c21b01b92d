import Diagnostics
import JSONValue

/// Static checks of a parsed intrinsic call: everything that can be known to fail
/// before any input exists. Paths are left alone (their values are only known at run
/// time); literals and nested calls' result types are checked against each parameter.
public enum IntrinsicChecker {
    /// AWS: "You can nest up to 10 intrinsic functions within a field."
    public static let maximumNesting = 10

    /// Every issue in `call` and in the calls nested inside it, outermost first.
    public static func check(_ call: IntrinsicCall) -> [IntrinsicIssue] {
        var issues: [IntrinsicIssue] = []
        check(call, depth: 1, into: &issues)
        return issues
    }

    static func check(_ call: IntrinsicCall, depth: Int, into issues: inout [IntrinsicIssue]) {
        if depth == maximumNesting + 1 {
            issues.append(IntrinsicIssue(
                kind: .nestingTooDeep,
                message: "'\(call.name)' is nested \(depth) levels deep; intrinsic functions can be nested at most \(maximumNesting) levels",
                offset: call.nameOffset))
        }
        if let function = call.function {
            checkArguments(of: call, as: function, into: &issues)
        } else {
            let names = IntrinsicFunction.allCases.map(\.rawValue)
            issues.append(IntrinsicIssue(
                kind: .unknownFunction,
                message: "'\(call.name)' is not an intrinsic function" + Suggestion.didYouMean(call.name, in: names),
                offset: call.nameOffset))
        }
        for argument in call.arguments {
            if case .call(let nested) = argument { check(nested, depth: depth + 1, into: &issues) }
        }
    }

    static func checkArguments(of call: IntrinsicCall, as function: IntrinsicFunction, into issues: inout [IntrinsicIssue]) {
        let count = call.arguments.count
        if count < function.minimumArguments || count > (function.maximumArguments ?? .max) {
            let given = count == 1 ? "1 was given" : "\(count) were given"
            let offset = count > (function.maximumArguments ?? .max)
                ? call.argumentOffsets[function.maximumArguments ?? 0] : call.nameOffset
            issues.append(IntrinsicIssue(
                kind: .argumentCount,
                message: "'\(call.name)' takes \(function.arityDescription), but \(given)",
                offset: offset))
        }
        for (index, argument) in call.arguments.enumerated() {
            let expected = function.parameterKind(at: index)
            if let actual = staticKind(of: argument), !isCompatible(actual, with: expected) {
                issues.append(IntrinsicIssue(
                    kind: .argumentType,
                    message: "argument \(index + 1) of '\(call.name)' must be \(expected.phrase), but \(describe(argument)) is \(actual.phrase)",
                    offset: call.argumentOffsets[index]))
            }
        }
        checkValues(of: call, as: function, into: &issues)
    }

    /// Function-specific checks of literal values.
    static func checkValues(of call: IntrinsicCall, as function: IntrinsicFunction, into issues: inout [IntrinsicIssue]) {
        let arguments = call.arguments
        switch function {
        case .hash where arguments.count >= 2:
            if case .string(let algorithm) = arguments[1], !IntrinsicFunction.hashAlgorithms.contains(algorithm) {
                issues.append(IntrinsicIssue(
                    kind: .argumentValue,
                    message: "'\(algorithm)' is not a hash algorithm of 'States.Hash'; use one of "
                        + IntrinsicFunction.hashAlgorithms.joined(separator: ", ")
                        + Suggestion.didYouMean(algorithm, in: IntrinsicFunction.hashAlgorithms),
                    offset: call.argumentOffsets[1]))
            }
        case .jsonMerge where arguments.count >= 3:
            if case .bool(true) = arguments[2] {
                issues.append(IntrinsicIssue(
                    kind: .argumentValue,
                    message: "the third argument of 'States.JsonMerge' must be false: AWS supports only shallow merges",
                    offset: call.argumentOffsets[2]))
            }
        case .format where !arguments.isEmpty:
            if case .string = arguments[0], let template = FormatTemplate(literal: call.argumentTexts[0]) {
                let values = arguments.count - 1
                if template.placeholderCount != values {
                    let placeholders = template.placeholderCount == 1 ? "1 placeholder '{}'" : "\(template.placeholderCount) placeholders '{}'"
                    let given = values == 1 ? "1 value was given" : "\(values) values were given"
                    issues.append(IntrinsicIssue(
                        kind: .formatPlaceholders,
                        message: "the template of 'States.Format' has \(placeholders), but \(given)",
                        offset: call.argumentOffsets[0]))
                }
            }
        case .arrayRange where arguments.count >= 3:
            if case .number(let step) = arguments[2], step.doubleValue.rounded() == 0 {
                issues.append(IntrinsicIssue(
                    kind: .argumentValue,
                    message: "the step of 'States.ArrayRange' must not be 0",
                    offset: call.argumentOffsets[2]))
            }
        case .arrayPartition where arguments.count >= 2:
            if case .number(let size) = arguments[1], size.doubleValue.rounded() <= 0 {
                issues.append(IntrinsicIssue(
                    kind: .argumentValue,
                    message: "the chunk size of 'States.ArrayPartition' must be a positive integer, but it is \(size.literal)",
                    offset: call.argumentOffsets[1]))
            }
        default:
            break
        }
    }

    /// What an argument is known to be before run time.
    enum StaticKind {
        case value(IntrinsicFunction.ValueKind)
        case null

        var phrase: String {
            switch self {
            case .value(let kind): kind.phrase
            case .null: "null"
            }
        }
    }

    /// The kind of a literal or a nested call's result; nil for paths (unknown until run time).
    static func staticKind(of argument: IntrinsicArgument) -> StaticKind? {
        switch argument {
        case .string: .value(.string)
        case .number(let n): .value(n.isIntegerLiteral ? .integer : .number)
        case .bool: .value(.boolean)
        case .null: .null
        case .path: nil
        case .call(let call): call.function.map { .value($0.resultKind) }
        }
    }

    static func isCompatible(_ actual: StaticKind, with expected: IntrinsicFunction.ValueKind) -> Bool {
        guard case .value(let actual) = actual else { return expected == .any }
        if expected == .any || actual == .any || actual == expected { return true }
        switch (actual, expected) {
        case (.integer, .number), (.number, .integer): return true
        default: return false
        }
    }

    static func describe(_ argument: IntrinsicArgument) -> String {
        switch argument {
        case .call(let call): "the result of '\(call.name)'"
        default: "the literal \(argument.description)"
        }
    }
}
