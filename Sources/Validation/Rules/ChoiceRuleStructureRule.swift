import ASLModel
import Diagnostics
import JSONValue

/// The grammar of JSONPath choice rules: each rule is exactly one comparison (with a
/// `Variable`) or one of `And`, `Or`, `Not`. Only top-level rules carry `Next`
/// (the allowed-fields rule reports a nested one). JSONata rules are a `Condition`.
struct ChoiceRuleStructureRule: ValidationRule {
    static let noOperator = DiagnosticID("validation", "choice-rule-no-operator")
    static let multipleOperators = DiagnosticID("validation", "choice-rule-multiple-operators")
    static let missingVariable = DiagnosticID("validation", "choice-rule-missing-variable")
    static let combinators = ["And", "Or", "Not"]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects where object.language == .jsonPath {
            guard case .choiceRule = object.kind else { continue }
            let operators = object.value.keys.filter { ChoiceOperator.all[$0] != nil || Self.combinators.contains($0) }
            if operators.isEmpty {
                context.report(
                    Self.noOperator, code: AWSCode.schema,
                    "this choice rule has no comparison operator (such as \"StringEquals\") and no \"And\", \"Or\" or \"Not\"",
                    at: object.pointer, atKey: true)
                continue
            }
            if operators.count > 1 {
                context.report(
                    Self.multipleOperators, code: AWSCode.schema,
                    "a choice rule takes exactly one operator, but this one has \(operators.map { "\"\($0)\"" }.joined(separator: ", "))",
                    at: object.pointer.appending(operators[1]), atKey: true)
            }
            let isComparison = ChoiceOperator.all[operators[0]] != nil
            if isComparison, object.value["Variable"] == nil {
                context.report(
                    Self.missingVariable, code: AWSCode.schema,
                    "the comparison \"\(operators[0])\" needs a \"Variable\" naming the value to compare",
                    at: object.pointer, atKey: true)
            }
        }
    }
}
