import Testing

/// Failing (and passing) definitions for `MutuallyExclusiveFieldsRule`.
@Suite struct MutuallyExclusiveFieldsRuleTests {
    @Test func failErrorAndErrorPathAreExclusive() {
        expectDiagnostic(
            Definitions.state("\"Type\": \"Fail\", \"Error\": \"E\", 1️⃣\"ErrorPath\": \"$.e\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemProcessorAndIteratorAreExclusive() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": \(Definitions.processor), 1️⃣\"Iterator\": \(Definitions.processor)"),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemSelectorAndParametersAreExclusive() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": \(Definitions.processor), \"ItemSelector\": {}, 1️⃣\"Parameters\": {}"),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxConcurrencyAndPathAreExclusive() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": \(Definitions.processor), \"MaxConcurrency\": 2, 1️⃣\"MaxConcurrencyPath\": \"$.m\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func toleratedFailureCountAndPathAreExclusive() {
        expectDiagnostic(
            Definitions.distributed("\"ToleratedFailureCount\": 1, 1️⃣\"ToleratedFailureCountPath\": \"$.n\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutSecondsAndPathAreExclusive() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 5, 1️⃣\"TimeoutSecondsPath\": \"$.t\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func heartbeatSecondsAndPathAreExclusive() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"HeartbeatSeconds\": 5, 1️⃣\"HeartbeatSecondsPath\": \"$.h\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }
}
