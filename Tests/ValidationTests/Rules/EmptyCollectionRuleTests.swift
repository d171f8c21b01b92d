import Testing

/// Failing (and passing) definitions for `EmptyCollectionRule`.
@Suite struct EmptyCollectionRuleTests {
    @Test func choicesMustNotBeEmpty() {
        expectDiagnostic(
            "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": 1️⃣[]}}}",
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func andMustNotBeEmpty() {
        expectDiagnostic(
            Definitions.choice("{\"And\": 1️⃣[], \"Next\": \"Done\"}"),
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func branchesMustNotBeEmpty() {
        expectDiagnostic(
            "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": 1️⃣[], \"End\": true}}}",
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func errorEqualsMustNotBeEmpty() {
        expectDiagnostic(
            Definitions.task(catch: "[{\"ErrorEquals\": 1️⃣[], \"Next\": \"Recover\"}]"),
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func statesMustNotBeEmpty() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": 1️⃣{}}", id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }
}
