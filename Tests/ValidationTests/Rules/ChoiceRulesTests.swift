import Testing

/// Choice state grammar.
@Suite struct ChoiceRulesTests {
    static func choice(_ rules: String, default: String = ", \"Default\": \"Done\"") -> String {
        """
        {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [\(rules)]\(`default`)}, "Done": {"Type": "Succeed"}}}
        """
    }

    @Test func choicesMustNotBeEmpty() {
        expectDiagnostic(
            "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": 1️⃣[]}}}",
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func topLevelRuleNeedsNext() {
        expectDiagnostic(
            Self.choice("1️⃣{\"Variable\": \"$.a\", \"IsPresent\": true}"),
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/C/Choices/0")
    }

    @Test func comparisonNeedsVariable() {
        expectDiagnostic(
            Self.choice("1️⃣{\"StringEquals\": \"x\", \"Next\": \"Done\"}"),
            id: "validation.choice-rule-missing-variable", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func nestedComparisonNeedsVariable() {
        expectDiagnostic(
            Self.choice("{\"And\": [{\"Variable\": \"$.a\", \"IsPresent\": true}, 1️⃣{\"IsNull\": false}], \"Next\": \"Done\"}"),
            id: "validation.choice-rule-missing-variable", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func combinatorsNeedNoVariable() {
        expectValid(Self.choice("""
            {"Not": {"Variable": "$.a", "StringEquals": "x"}, "Next": "Done"},
            {"Or": [{"Variable": "$.n", "NumericGreaterThanPath": "$.m"}, {"Variable": "$.t", "TimestampLessThan": "2020-01-01T00:00:00Z"}], "Next": "Done"}
            """), noWarnings: true)
    }

    @Test func ruleWithoutOperator() {
        expectDiagnostic(
            Self.choice("1️⃣{\"Variable\": \"$.a\", \"Next\": \"Done\"}"),
            id: "validation.choice-rule-no-operator", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func ruleWithTwoOperators() {
        expectDiagnostic(
            Self.choice("{\"Variable\": \"$.a\", \"StringEquals\": \"x\", 1️⃣\"IsPresent\": true, \"Next\": \"Done\"}"),
            id: "validation.choice-rule-multiple-operators", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func operandTypeMustMatch() {
        expectDiagnostic(
            Self.choice("{\"Variable\": \"$.a\", \"NumericEquals\": 1️⃣\"5\", \"Next\": \"Done\"}"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func booleanOperandMustBeBoolean() {
        expectDiagnostic(
            Self.choice("{\"Variable\": \"$.a\", \"IsNull\": 1️⃣\"true\", \"Next\": \"Done\"}"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timestampOperandMustBeRFC3339() {
        expectDiagnostic(
            Self.choice("{\"Variable\": \"$.a\", \"TimestampEquals\": 1️⃣\"yesterday\", \"Next\": \"Done\"}"),
            id: "validation.choice-invalid-timestamp", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func andMustNotBeEmpty() {
        expectDiagnostic(
            Self.choice("{\"And\": 1️⃣[], \"Next\": \"Done\"}"),
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func notMustBeAnObject() {
        expectDiagnostic(
            Self.choice("{\"Not\": 1️⃣[], \"Next\": \"Done\"}"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func nestedRuleCannotHaveNext() {
        expectDiagnostic(
            Self.choice("{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, 1️⃣\"Next\": \"Done\"}, \"Next\": \"Done\"}"),
            id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func defaultMustNameAState() {
        expectDiagnostic(
            Self.choice("{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"Done\"}", default: ", \"Default\": 1️⃣\"Dne\""),
            id: "validation.next-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/States/C/Default")
    }

    @Test func literalThatLooksLikeAPathWarnsNoPath() {
        expectDiagnostic(
            Self.choice("{\"Variable\": \"$.a\", 1️⃣\"StringEquals\": \"$.b\", \"Next\": \"Done\"}"),
            id: "validation.no-path", code: "NO_PATH", severity: .warning)
    }

    @Test func jsonataRuleNeedsCondition() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice",
              "Choices": [1️⃣{"Next": "Done"}], "Default": "Done"}, "Done": {"Type": "Succeed"}}}
            """, id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataRuleRejectsVariable() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice",
              "Choices": [{"Condition": "{% true %}", 1️⃣"Variable": "$.a", "Next": "Done"}]}, "Done": {"Type": "Succeed"}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }
}
