import Testing

/// Failing (and passing) definitions for `ResourceARNRule`.
@Suite struct ResourceARNRuleTests {
    @Test func resourceMustBeAnARN() {
        expectDiagnostic(
            Definitions.task("\"Resource\": 1️⃣\"my-function\""), id: "validation.invalid-resource", code: "INVALID_RESOURCE",
            path: "/States/T/Resource")
    }
}
