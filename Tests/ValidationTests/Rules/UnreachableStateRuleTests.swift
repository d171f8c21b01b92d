import Testing

/// Failing (and passing) definitions for `UnreachableStateRule`.
@Suite struct UnreachableStateRuleTests {
    @Test func branchStatesAreValidatedInTheirOwnScope() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "X", "States": {"X": {"Type": "Succeed"}, 1️⃣"Y": {"Type": "Succeed"}}}]}}}
            """, id: "validation.unreachable-state", code: "MISSING_TRANSITION_TARGET", path: "/States/P/Branches[0]/States/Y")
    }

    @Test func unreachableState() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, 1️⃣"Orphan": {"Type": "Succeed"}}}
            """, id: "validation.unreachable-state", code: "MISSING_TRANSITION_TARGET", path: "/States/Orphan")
    }
}
