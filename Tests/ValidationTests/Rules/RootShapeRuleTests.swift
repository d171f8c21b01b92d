import Testing

/// Failing (and passing) definitions for `RootShapeRule`.
@Suite struct RootShapeRuleTests {
    @Test func definitionMustBeAnObject() {
        expectDiagnostic("1️⃣[1, 2]", id: "validation.definition-not-object", code: "SCHEMA_VALIDATION_FAILED")
    }
}
