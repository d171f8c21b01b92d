import Testing

/// Failing (and passing) definitions for `HeartbeatTimeoutRule`.
@Suite struct HeartbeatTimeoutRuleTests {
    @Test func heartbeatMustBeBelowTimeout() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 10, \"HeartbeatSeconds\": 1️⃣10"),
            id: "validation.heartbeat-not-below-timeout", code: "SCHEMA_VALIDATION_FAILED")
    }
}
