import Testing

/// Failing (and passing) definitions for `MissingEndStateRule`.
@Suite struct MissingEndStateRuleTests {
    @Test func machineWithoutTerminalState() {
        expectDiagnostic(
            """
            {"StartAt": "A", 1️⃣"States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}
            """, id: "validation.missing-end-state", code: "MISSING_END_STATE", path: "/States")
    }

    @Test func loopWithoutExitIsAWarning() {
        expectDiagnostic(
            """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Loop"}], "Default": "Done"},
              1️⃣"Loop": {"Type": "Pass", "Next": "Loop"},
              "Done": {"Type": "Succeed"}}}
            """, id: "validation.no-path-to-end", code: nil, severity: .warning)
    }
}
