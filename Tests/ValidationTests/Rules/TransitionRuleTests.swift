import Testing

/// Failing (and passing) definitions for `TransitionRule`.
@Suite struct TransitionRuleTests {
    @Test func missingNextAndEnd() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {1️⃣\"A\": {\"Type\": \"Pass\"}}}", id: "validation.missing-transition",
            code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func bothNextAndEnd() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", 1️⃣"End": true}, "B": {"Type": "Succeed"}}}
            """, id: "validation.conflicting-transition", code: "SCHEMA_VALIDATION_FAILED")
    }
}
