import Testing

/// Retry and Catch grammar.
@Suite struct RetryCatchRulesTests {
    static func task(retry: String = "[]", catch: String = "[]") -> String {
        """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Retry": \(retry), "Catch": \(`catch`)}, "Recover": {"Type": "Succeed"}}}
        """
    }

    @Test func errorEqualsIsRequired() {
        expectDiagnostic(
            Self.task(retry: "[1️⃣{\"MaxAttempts\": 2}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T/Retry/0")
    }

    @Test func errorEqualsMustNotBeEmpty() {
        expectDiagnostic(
            Self.task(catch: "[{\"ErrorEquals\": 1️⃣[], \"Next\": \"Recover\"}]"),
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func statesAllMustBeAlone() {
        expectDiagnostic(
            Self.task(retry: "[{\"ErrorEquals\": [\"States.Timeout\", 1️⃣\"States.ALL\"]}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.states-all-not-alone", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func statesAllMustBeLast() {
        expectDiagnostic(
            Self.task(catch: "[{\"ErrorEquals\": [1️⃣\"States.ALL\"], \"Next\": \"Recover\"}, {\"ErrorEquals\": [\"E\"], \"Next\": \"Recover\"}]"),
            id: "validation.states-all-not-last", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxAttemptsNotNegative() {
        expectDiagnostic(
            Self.task(retry: "[{\"ErrorEquals\": [\"E\"], \"MaxAttempts\": 1️⃣-1}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func backoffRateAtLeastOne() {
        expectDiagnostic(
            Self.task(retry: "[{\"ErrorEquals\": [\"E\"], \"BackoffRate\": 1️⃣0.5}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func intervalSecondsAtLeastOne() {
        expectDiagnostic(
            Self.task(retry: "[{\"ErrorEquals\": [\"E\"], \"IntervalSeconds\": 1️⃣0}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxDelaySecondsAtLeastOne() {
        expectDiagnostic(
            Self.task(retry: "[{\"ErrorEquals\": [\"E\"], \"MaxDelaySeconds\": 1️⃣0}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jitterStrategyValues() {
        expectDiagnostic(
            Self.task(retry: "[{\"ErrorEquals\": [\"E\"], \"JitterStrategy\": 1️⃣\"HALF\"}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func catchNeedsNext() {
        expectDiagnostic(
            Self.task(catch: "[1️⃣{\"ErrorEquals\": [\"States.ALL\"]}]"),
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T/Catch/0")
    }

    @Test func catchNextMustExist() {
        expectDiagnostic(
            Self.task(catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": 1️⃣\"Recovr\"}, {\"ErrorEquals\": [\"X\"], \"Next\": \"Recover\"}]"),
            id: "validation.next-unknown-state", code: "MISSING_TRANSITION_TARGET", path: "/States/T/Catch/0/Next")
    }

    @Test func catchResultPathMustBeAReferencePath() {
        expectDiagnostic(
            Self.task(catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\", \"ResultPath\": 1️⃣\"$.errors[*]\"}]"),
            id: "validation.result-path-not-reference", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func fullRetrierIsValid() {
        expectValid(Self.task(
            retry: "[{\"ErrorEquals\": [\"States.Timeout\"], \"IntervalSeconds\": 2, \"MaxAttempts\": 0, \"BackoffRate\": 1.5, \"MaxDelaySeconds\": 30, \"JitterStrategy\": \"FULL\"}, {\"ErrorEquals\": [\"States.ALL\"]}]",
            catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\", \"ResultPath\": \"$.error\"}]"), noWarnings: true)
    }
}
