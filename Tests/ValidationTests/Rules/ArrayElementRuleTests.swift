import Testing

/// Failing definitions for `ArrayElementRule`.
@Suite struct ArrayElementRuleTests {
    @Test func catchersAreObjects() {
        expectDiagnostic(
            Definitions.task(catch: "[1️⃣\"States.ALL\"]"), id: "validation.element-type", code: "SCHEMA_VALIDATION_FAILED",
            path: "/States/T/Catch[0]")
    }

    @Test func branchesAreObjects() {
        expectDiagnostic(
            "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": [1️⃣null]}}}",
            id: "validation.element-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func nestedRulesAreObjects() {
        expectDiagnostic(
            Definitions.choice("{\"Or\": [{\"Variable\": \"$.a\", \"IsNull\": true}, 1️⃣true], \"Next\": \"Done\"}"),
            id: "validation.element-type", code: "SCHEMA_VALIDATION_FAILED")
    }
}
