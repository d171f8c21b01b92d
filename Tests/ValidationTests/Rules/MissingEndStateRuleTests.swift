import Testing

/// Failing (and passing) definitions for `MissingEndStateRule`.
@Suite struct MissingEndStateRuleTests {
    @Test func machineWithoutTerminalState() {
        expectDiagnostic(
            """
            {"StartAt": "A", 1️⃣"States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}
            """, id: "validation.missing-end-state", code: "MISSING_END_STATE")
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

    @Test func missingEndStateHasNoAWSLocationAndHidesUnreachableStates() throws {
        let result = try #require(validate(.init("""
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"},
              "C": {"Type": "Pass", "Next": "A"}}}
            """, file: "test.json")))
        #expect(result.diagnostics.map(\.id.name) == ["missing-end-state"])
        #expect(result.diagnostics.first?.path == nil)
    }

    @Test func anUnreachableTerminalStateCounts() throws {
        let result = try #require(validate(.init("""
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"},
              "C": {"Type": "Pass", "End": true}}}
            """, file: "test.json")))
        #expect(result.diagnostics.filter(\.isError).map(\.id.name) == ["unreachable-state"])
    }
}
