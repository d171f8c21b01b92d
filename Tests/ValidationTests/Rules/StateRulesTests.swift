import Testing

/// Rules every state obeys: Type, allowed fields, transitions, names, reachability.
@Suite struct StateRulesTests {
    @Test func typeIsRequired() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {1️⃣\"A\": {\"End\": true}}}", id: "validation.missing-field",
            code: "SCHEMA_VALIDATION_FAILED", path: "/States/A")
    }

    @Test func typeMustBeAStateType() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": 1️⃣\"Tsak\", \"End\": true}}}",
            id: "validation.unknown-state-type", code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Type")
    }

    @Test func unknownStateFieldIsRejected() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", 1️⃣\"Nxt\": \"B\", \"End\": true}}}",
            id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Nxt")
    }

    @Test func succeedCannotHaveNext() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Succeed", 1️⃣"Next": "B"}, "B": {"Type": "Succeed"}}}
            """, id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED")
    }

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
            path: "/States/P/Branches/0/States/X/Next")
    }

    @Test func duplicateStateNameAcrossScopes() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "X", "Branches": [
                {"StartAt": "X", "States": {1️⃣"X": {"Type": "Succeed"}}}]},
              "X": {"Type": "Succeed"}}}
            """, id: "validation.duplicate-state-name", code: "DUPLICATE_STATE_NAME")
    }

    @Test func stateNameLongerThan80Characters() {
        let name = String(repeating: "n", count: 81)
        expectDiagnostic(
            "{\"StartAt\": \"\(name)\", \"States\": {1️⃣\"\(name)\": {\"Type\": \"Succeed\"}}}",
            id: "validation.invalid-state-name", code: "INVALID_STATE_NAME")
    }

    @Test func stateNameOf80CharactersIsValid() {
        let name = String(repeating: "n", count: 80)
        expectValid("{\"StartAt\": \"\(name)\", \"States\": {\"\(name)\": {\"Type\": \"Succeed\"}}}")
    }

    @Test func unreachableState() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, 1️⃣"Orphan": {"Type": "Succeed"}}}
            """, id: "validation.unreachable-state", code: "MISSING_TRANSITION_TARGET", path: "/States/Orphan")
    }

    @Test func catchTargetsAreReachable() {
        expectValid("""
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true,
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]},
              "Recover": {"Type": "Pass", "End": true}}}
            """, noWarnings: true)
    }

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

    @Test func jsonPathStateUnderJSONataMachine() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": 1️⃣"JSONPath", "End": true}}}
            """, id: "validation.jsonpath-under-jsonata", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonPathFieldInJSONataState() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", 1️⃣"InputPath": "$.a", "End": true}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataFieldInJSONPathState() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", 1️⃣"Output": {"a": 1}, "End": true}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func tooDeeplyNested() {
        // 51 Parallel states, each inside the previous one's only branch: the innermost
        // branch is 51 levels deep, one past the limit.
        var text = "1️⃣{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}"
        for level in 0...50 {
            text = """
                {"StartAt": "P\(level)", "States": {"P\(level)": {"Type": "Parallel", "End": true, "Branches": [\(text)]}}}
                """
        }
        expectDiagnostic(text, id: "validation.too-deeply-nested", code: "TOO_DEEPLY_NESTED")
    }
}
