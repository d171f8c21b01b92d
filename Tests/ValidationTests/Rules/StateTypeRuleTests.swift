import Testing

/// Failing (and passing) definitions for `StateTypeRule`.
@Suite struct StateTypeRuleTests {
    @Test func typeMustBeAStateType() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": 1️⃣\"Tsak\", \"End\": true}}}",
            id: "validation.unknown-state-type", code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Type")
    }

    @Test func stateMustBeAnObject() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {\"A\": 1️⃣\"Succeed\"}}", id: "validation.state-not-object",
            code: "SCHEMA_VALIDATION_FAILED", path: "/States/A")
    }
}
