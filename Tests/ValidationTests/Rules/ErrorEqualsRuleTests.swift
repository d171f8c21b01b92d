import Testing

/// Failing (and passing) definitions for `ErrorEqualsRule`.
@Suite struct ErrorEqualsRuleTests {
    @Test func statesAllMustBeAlone() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"States.Timeout\", 1️⃣\"States.ALL\"]}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.states-all-not-alone", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func statesAllMustBeLast() {
        expectDiagnostic(
            Definitions.task(catch: "[{\"ErrorEquals\": [1️⃣\"States.ALL\"], \"Next\": \"Recover\"}, {\"ErrorEquals\": [\"E\"], \"Next\": \"Recover\"}]"),
            id: "validation.states-all-not-last", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func errorNamesAreStrings() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [1️⃣42]}]"),
            id: "validation.error-name-not-string", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T/Retry[0]/ErrorEquals[0]")
    }
}
