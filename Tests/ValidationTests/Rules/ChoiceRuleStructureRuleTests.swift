import Testing

/// Failing (and passing) definitions for `ChoiceRuleStructureRule`.
@Suite struct ChoiceRuleStructureRuleTests {
    @Test func comparisonNeedsVariable() {
        expectDiagnostic(
            Definitions.choice("1️⃣{\"StringEquals\": \"x\", \"Next\": \"Done\"}"),
            id: "validation.choice-rule-missing-variable", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func nestedComparisonNeedsVariable() {
        expectDiagnostic(
            Definitions.choice("{\"And\": [{\"Variable\": \"$.a\", \"IsPresent\": true}, 1️⃣{\"IsNull\": false}], \"Next\": \"Done\"}"),
            id: "validation.choice-rule-missing-variable", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func ruleWithoutOperator() {
        expectDiagnostic(
            Definitions.choice("1️⃣{\"Variable\": \"$.a\", \"Next\": \"Done\"}"),
            id: "validation.choice-rule-no-operator", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func ruleWithTwoOperators() {
        expectDiagnostic(
            Definitions.choice("{\"Variable\": \"$.a\", \"StringEquals\": \"x\", 1️⃣\"IsPresent\": true, \"Next\": \"Done\"}"),
            id: "validation.choice-rule-multiple-operators", code: "SCHEMA_VALIDATION_FAILED")
    }
}
