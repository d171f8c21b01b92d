import Testing

/// Failing (and passing) definitions for `StartAtUnknownStateRule`.
@Suite struct StartAtUnknownStateRuleTests {
    @Test func startAtMustNameAState() {
        expectDiagnostic(
            """
            {"StartAt": 1️⃣"Strat", "States": {"Start": {"Type": "Succeed"}}}
            """, id: "validation.start-at-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/StartAt")
    }
}
