import Testing

/// Failing (and passing) definitions for `WaitDurationRule`.
@Suite struct WaitDurationRuleTests {
    @Test func waitNeedsADuration() {
        expectDiagnostic(
            "{\"StartAt\": \"S\", \"States\": {1️⃣\"S\": {\"Type\": \"Wait\", \"End\": true}}}",
            id: "validation.wait-duration", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func waitTakesOnlyOneDuration() {
        expectDiagnostic(
            Definitions.state("\"Type\": \"Wait\", \"Seconds\": 5, 1️⃣\"TimestampPath\": \"$.t\", \"End\": true"),
            id: "validation.wait-duration", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func waitTimestampMustBeRFC3339() {
        expectDiagnostic(
            Definitions.state("\"Type\": \"Wait\", \"Timestamp\": 1️⃣\"2026-02-30T10:00:00Z\", \"End\": true"),
            id: "validation.invalid-timestamp", code: "SCHEMA_VALIDATION_FAILED")
    }
}
