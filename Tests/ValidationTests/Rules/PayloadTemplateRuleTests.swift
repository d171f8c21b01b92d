import Testing

/// Failing (and passing) definitions for `PayloadTemplateRule`.
@Suite struct PayloadTemplateRuleTests {
    @Test func failCausePathIntrinsicArity() {
        expectDiagnostic(
            Definitions.state("\"Type\": \"Fail\", \"CausePath\": \"States.UUID(1️⃣1)\""),
            id: "validation.invalid-intrinsic", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func payloadPathIsParsed() {
        expectDiagnostic(
            Definitions.pass("\"Parameters\": {\"nested\": {\"x.$\": \"$.a1️⃣[\"}}"),
            id: "validation.invalid-payload-expression", code: "SCHEMA_VALIDATION_FAILED",
            path: "/States/S/Parameters/nested/x.$")
    }

    @Test func payloadExpressionMustBeAString() {
        expectDiagnostic(
            Definitions.pass("\"Parameters\": {\"x.$\": 1️⃣5}"),
            id: "validation.payload-expression-not-string", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func unknownIntrinsicFunction() {
        expectDiagnostic(
            Definitions.pass("\"Parameters\": {\"x.$\": \"1️⃣States.Frmat('a')\"}"),
            id: "validation.invalid-intrinsic", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func plainKeyWithPathValueWarnsNoDollar() {
        expectDiagnostic(
            Definitions.pass("\"Parameters\": {1️⃣\"x\": \"$.a\"}"),
            id: "validation.no-dollar", code: "NO_DOLLAR", severity: .warning)
    }

    @Test func itemSelectorIsCheckedToo() {
        expectDiagnostic(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemSelector": {"v.$": "$$.Map.Item.Value.1️⃣"},
              "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}
            """, id: "validation.invalid-payload-expression", code: "SCHEMA_VALIDATION_FAILED")
    }
}
