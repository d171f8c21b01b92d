import Testing

/// Failing (and passing) definitions for `NextUnknownStateRule`.
@Suite struct NextUnknownStateRuleTests {
    @Test func defaultMustNameAState() {
        expectDiagnostic(
            Definitions.choice("{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"Done\"}", default: ", \"Default\": 1️⃣\"Dne\""),
            id: "validation.next-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/States/C/Default")
    }

    @Test func catchNextMustExist() {
        expectDiagnostic(
            Definitions.task(catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": 1️⃣\"Recovr\"}, {\"ErrorEquals\": [\"X\"], \"Next\": \"Recover\"}]"),
            id: "validation.next-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/States/T/Catch[0]/Next")
    }

    @Test func nextMustNameAState() {
        let text = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": 1️⃣"Saev"}, "Save": {"Type": "Succeed"}}}
            """
        expectDiagnostic(text, id: "validation.next-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/States/A/Next")
        let message = validate(.init(text, file: "test.json"))?.diagnostics.first { $0.id.name == "next-unknown-state" }?.message
        #expect(message == "\"Next\" names state \"Saev\", which does not exist (did you mean \"Save\"?)")
    }

    @Test func nextCannotLeaveABranch() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": 1️⃣"Done"}}}]},
              "Done": {"Type": "Succeed"}}}
            """, id: "validation.next-unknown-state", code: "MISSING_TRANSITION_TARGET",
            path: "/States/P/Branches[0]/States/X/Next")
    }
}
