import Testing

/// Rules about the machine itself: its shape, fields, StartAt and States.
@Suite struct TopLevelRulesTests {
    @Test func definitionMustBeAnObject() {
        expectDiagnostic("1️⃣[1, 2]", id: "validation.definition-not-object", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func unknownTopLevelFieldSuggestsTheNearestOne() {
        let text = """
            {"StartAt": "A", 1️⃣"TimeoutSecond": 5, "States": {"A": {"Type": "Succeed"}}}
            """
        expectDiagnostic(text, id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED", path: "/TimeoutSecond")
        let result = validate(.init(text, file: "test.json"))
        #expect(result?.diagnostics.first?.message.contains("did you mean \"TimeoutSeconds\"") == true)
    }

    @Test func startAtIsRequired() {
        expectDiagnostic(
            "1️⃣{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}", id: "validation.missing-field",
            code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func startAtMustNameAState() {
        expectDiagnostic(
            """
            {"StartAt": 1️⃣"Strat", "States": {"Start": {"Type": "Succeed"}}}
            """, id: "validation.start-at-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/StartAt")
    }

    @Test func statesMustNotBeEmpty() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": 1️⃣{}}", id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func statesMustBeAnObject() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": 1️⃣[]}", id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutSecondsMustBePositive() {
        expectDiagnostic(
            """
            {"StartAt": "A", "TimeoutSeconds": 1️⃣0, "States": {"A": {"Type": "Succeed"}}}
            """, id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED", path: "/TimeoutSeconds")
    }

    @Test func timeoutSecondsMustBeAnInteger() {
        expectDiagnostic(
            """
            {"StartAt": "A", "TimeoutSeconds": 1️⃣"60", "States": {"A": {"Type": "Succeed"}}}
            """, id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func queryLanguageMustBeKnown() {
        expectDiagnostic(
            """
            {"QueryLanguage": 1️⃣"JSONAta", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
            """, id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func aMinimalMachineIsValid() {
        expectValid("""
            {"Comment": "c", "Version": "1.0", "TimeoutSeconds": 60, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
            """, noWarnings: true)
    }
}
