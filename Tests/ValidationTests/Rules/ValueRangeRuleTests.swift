import Testing

/// Failing (and passing) definitions for `ValueRangeRule`.
@Suite struct ValueRangeRuleTests {
    @Test func waitSecondsMustNotBeNegative() {
        expectDiagnostic(
            Definitions.state("\"Type\": \"Wait\", \"Seconds\": 1️⃣-1, \"End\": true"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func toleratedFailurePercentageAtMost100() {
        expectDiagnostic(
            Definitions.distributed("\"ToleratedFailurePercentage\": 1️⃣101"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemBatcherFieldsAreChecked() {
        expectDiagnostic(
            Definitions.distributed("\"ItemBatcher\": {\"MaxItemsPerBatch\": 1️⃣0}"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxAttemptsNotNegative() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"E\"], \"MaxAttempts\": 1️⃣-1}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func backoffRateAtLeastOne() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"E\"], \"BackoffRate\": 1️⃣0.5}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func intervalSecondsAtLeastOne() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"E\"], \"IntervalSeconds\": 1️⃣0}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxDelaySecondsAtLeastOne() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"E\"], \"MaxDelaySeconds\": 1️⃣0}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutMustBePositive() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 1️⃣0"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutSecondsMustBePositive() {
        expectDiagnostic(
            """
            {"StartAt": "A", "TimeoutSeconds": 1️⃣0, "States": {"A": {"Type": "Succeed"}}}
            """, id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED", path: "/TimeoutSeconds")
    }

    @Test func batchBytesAtMost256KiB() {
        expectDiagnostic(
            Definitions.distributed("\"ItemBatcher\": {\"MaxInputBytesPerBatch\": 1️⃣262145}"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxDelaySecondsAtMostAYear() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"E\"], \"MaxDelaySeconds\": 1️⃣31622401}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }
}
