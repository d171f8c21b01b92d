import Testing

/// Failing (and passing) definitions for `DuplicateStateNameRule`.
@Suite struct DuplicateStateNameRuleTests {
    @Test func duplicateStateNameAcrossScopes() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "X", "Branches": [
                {"StartAt": "X", "States": {1️⃣"X": {"Type": "Succeed"}}}]},
              "X": {"Type": "Succeed"}}}
            """, id: "validation.duplicate-state-name", code: "DUPLICATE_STATE_NAME")
    }
}
