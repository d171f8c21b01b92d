import Testing

/// Failing (and passing) definitions for `StateNameLengthRule`.
@Suite struct StateNameLengthRuleTests {
    @Test func stateNameLongerThan80Characters() {
        let name = String(repeating: "n", count: 81)
        expectDiagnostic(
            "{\"StartAt\": \"\(name)\", \"States\": {1️⃣\"\(name)\": {\"Type\": \"Succeed\"}}}",
            id: "validation.invalid-state-name", code: "INVALID_STATE_NAME")
    }
}
