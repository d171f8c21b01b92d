import Testing

/// Pass, Wait, Succeed and Fail state rules.
@Suite struct FlowStateRulesTests {
    static func state(_ body: String) -> String {
        "{\"StartAt\": \"S\", \"States\": {\"S\": {\(body)}}}"
    }

    @Test func waitNeedsADuration() {
        expectDiagnostic(
            "{\"StartAt\": \"S\", \"States\": {1️⃣\"S\": {\"Type\": \"Wait\", \"End\": true}}}",
            id: "validation.wait-duration", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func waitTakesOnlyOneDuration() {
        expectDiagnostic(
            Self.state("\"Type\": \"Wait\", \"Seconds\": 5, 1️⃣\"TimestampPath\": \"$.t\", \"End\": true"),
            id: "validation.wait-duration", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func waitSecondsMustNotBeNegative() {
        expectDiagnostic(
            Self.state("\"Type\": \"Wait\", \"Seconds\": 1️⃣-1, \"End\": true"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func waitTimestampMustBeRFC3339() {
        expectDiagnostic(
            Self.state("\"Type\": \"Wait\", \"Timestamp\": 1️⃣\"2026-02-30T10:00:00Z\", \"End\": true"),
            id: "validation.invalid-timestamp", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func waitTimestampWithOffsetAndFraction() {
        expectValid(Self.state("\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14T01:59:00.123+02:00\", \"End\": true"))
    }

    @Test func failErrorAndErrorPathAreExclusive() {
        expectDiagnostic(
            Self.state("\"Type\": \"Fail\", \"Error\": \"E\", 1️⃣\"ErrorPath\": \"$.e\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func failCausePathMayBeAnIntrinsic() {
        expectValid(Self.state("\"Type\": \"Fail\", \"ErrorPath\": \"$.error\", \"CausePath\": \"States.Format('bad {}', $.id)\""))
    }

    @Test func failCausePathIntrinsicArity() {
        expectDiagnostic(
            Self.state("\"Type\": \"Fail\", \"CausePath\": \"States.UUID(1️⃣1)\""),
            id: "validation.invalid-intrinsic", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func passResultWithPathKeyWarns() {
        expectDiagnostic(
            Self.state("\"Type\": \"Pass\", \"Result\": {1️⃣\"a.$\": \"$.x\"}, \"End\": true"),
            id: "validation.pass-result-is-static", code: "PASS_RESULT_IS_STATIC", severity: .warning)
    }

    @Test func passWithResultAndParametersIsValid() {
        expectValid(Self.state("\"Type\": \"Pass\", \"Parameters\": {\"a.$\": \"$.x\"}, \"Result\": {\"b\": 1}, \"ResultPath\": \"$.r\", \"End\": true"))
    }

    @Test func succeedWithPathsIsValid() {
        expectValid(Self.state("\"Type\": \"Succeed\", \"InputPath\": \"$.a\", \"OutputPath\": null"), noWarnings: true)
    }
}
