import Testing

/// Failing (and passing) definitions for `ChoiceOperandRule`.
@Suite struct ChoiceOperandRuleTests {
    @Test func timestampOperandMustBeRFC3339() {
        expectDiagnostic(
            Definitions.choice("{\"Variable\": \"$.a\", \"TimestampEquals\": 1️⃣\"yesterday\", \"Next\": \"Done\"}"),
            id: "validation.choice-invalid-timestamp", code: "SCHEMA_VALIDATION_FAILED")
    }
}
