import Testing

/// Failing (and passing) definitions for `RequiredFieldRule`.
@Suite struct RequiredFieldRuleTests {
    @Test func topLevelRuleNeedsNext() {
        expectDiagnostic(
            Definitions.choice("1️⃣{\"Variable\": \"$.a\", \"IsPresent\": true}"),
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/C/Choices[0]")
    }

    @Test func jsonataRuleNeedsCondition() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice",
              "Choices": [1️⃣{"Next": "Done"}], "Default": "Done"}, "Done": {"Type": "Succeed"}}}
            """, id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func branchNeedsStartAt() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [1️⃣{"States": {"X": {"Type": "Succeed"}}}]}}}
            """, id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func mapNeedsAnItemProcessor() {
        expectDiagnostic(
            "{\"StartAt\": \"M\", \"States\": {1️⃣\"M\": {\"Type\": \"Map\", \"End\": true}}}",
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func errorEqualsIsRequired() {
        expectDiagnostic(
            Definitions.task(retry: "[1️⃣{\"MaxAttempts\": 2}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T/Retry[0]")
    }

    @Test func catchNeedsNext() {
        expectDiagnostic(
            Definitions.task(catch: "[1️⃣{\"ErrorEquals\": [\"States.ALL\"]}]"),
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T/Catch[0]")
    }

    @Test func typeIsRequired() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {1️⃣\"A\": {\"End\": true}}}", id: "validation.missing-field",
            code: "SCHEMA_VALIDATION_FAILED", path: "/States/A")
    }

    @Test func resourceIsRequired() {
        expectDiagnostic(
            "{\"StartAt\": \"T\", \"States\": {1️⃣\"T\": {\"Type\": \"Task\", \"End\": true}}}",
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T")
    }

    @Test func startAtIsRequired() {
        expectDiagnostic(
            "1️⃣{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}", id: "validation.missing-field",
            code: "SCHEMA_VALIDATION_FAILED", path: "/")
    }
}
